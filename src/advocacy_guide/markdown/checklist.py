"""`/// checklist | Title`: a pymdownx.blocks block that turns a task list into a checklist.

    /// checklist | Before you send your submission
        id: submission-ready

    - [ ] Count the words and stay under the 10,000-word limit {#word-count}
    ///

becomes a group of real checkboxes whose labels wrap the step's text, so that a click anywhere on
a step ticks it and a screen reader reads the text with the box's state:

    <fieldset class="checklist" id="checklist-submission-ready" data-checklist="submission-ready">
      <legend class="checklist__title">Before you send your submission</legend>
      <ul class="checklist__steps">
        <li class="checklist__step" data-step="word-count">
          <label class="checklist__label"><input type="checkbox" class="checklist__box" />
            <span class="checklist__text">Count the words ...</span></label>
        </li>
      </ul>
    </fieldset>

Steps are read with pymdownx.tasklist's own pattern (`- [ ] ...`) before tasklist sees them, so
tasklist keeps handling ordinary task lists and never wraps a checklist step in a second label.
Python-Markdown's attr_list does not give list items an id from `{#id}`, so the block takes the
trailing `{#id}` off each step itself and keeps it as `data-step`. Without JavaScript this is a
plain, printable list; overrides/assets/checklists.js adds saving and the controls. Mistakes
(a missing or repeated id) are reported with their line by hooks/checklists.py, not here.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block
from pymdownx.tasklist import RE_CHECKBOX

from advocacy_guide.checklists import BLOCK_NAME, split_step_id


def _checklist_id(value: Any) -> str:
    """The `id:` option as text (YAML reads `id: 2024` as a number); the hook checks its form."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError("a checklist id is a word such as submission-ready")
    return str(value).strip()


class ChecklistBlock(Block):
    """A titled group of steps, each ticked and saved by its id."""

    NAME = BLOCK_NAME
    ARGUMENT = None  # the title; a missing title is reported by the hook, the list still shows
    OPTIONS = {"id": ("", _checklist_id)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        checklist_id = self.options["id"]
        attributes = {"class": "checklist"}
        if checklist_id:
            attributes.update({"id": f"checklist-{checklist_id}", "data-checklist": checklist_id})
        fieldset = etree.SubElement(parent, "fieldset", attributes)
        if self.argument:
            legend = etree.SubElement(fieldset, "legend", {"class": "checklist__title"})
            legend.text = self.argument
        return fieldset

    def on_end(self, block: etree.Element) -> None:
        # Runs once the block's Markdown is parsed into elements, before inline Markdown and
        # before tasklist's tree processor: step texts are still raw `[ ] text {#id}`.
        for child in block:
            if child.tag in ("ul", "ol"):
                _add_class(child, "checklist__steps")
                for item in child:
                    if item.tag == "li":
                        _make_step(item)


def _make_step(item: etree.Element) -> None:
    """Turn `<li>[ ] text {#id}</li>` into a step whose label holds the box and the text."""
    # A tight list keeps the text in the item; a loose one (blank lines between steps) in a <p>.
    holder = item if (item.text or "").strip() else next(iter(item), None)
    if holder is None or (holder is not item and holder.tag != "p") or not holder.text:
        return
    box = RE_CHECKBOX.match(holder.text)
    if box is None:
        return
    text, step_id, _ = split_step_id(box.group("line"))
    label = etree.Element("label", {"class": "checklist__label"})
    etree.SubElement(label, "input", {"type": "checkbox", "class": "checklist__box"})
    span = etree.SubElement(label, "span", {"class": "checklist__text"})
    span.text = text
    if holder is item:
        item.text = None
        item.insert(0, label)
    else:
        label.tail = holder.tail
        position = list(item).index(holder)
        item.remove(holder)
        item.insert(position, label)
    _add_class(item, "checklist__step")
    if step_id:
        item.set("data-step", step_id)


def _add_class(element: etree.Element, name: str) -> None:
    classes = element.get("class", "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))


class ChecklistExtension(BlocksExtension):
    """Registers the `checklist` block with pymdownx.blocks."""

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:  # noqa: N802 - pymdownx's name
        block_mgr.register(ChecklistBlock, self.getConfigs())


def makeExtension(*args: Any, **kwargs: Any) -> ChecklistExtension:  # noqa: N802 - Python-Markdown's name
    return ChecklistExtension(*args, **kwargs)
