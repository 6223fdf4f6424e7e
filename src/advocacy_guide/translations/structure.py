"""What must be identical in every language version of a page, with the line of each part.

A translation changes words, never structure: heading ids, checklist and step ids, videos,
internal links and their anchors, and the kinds of admonitions and blocks must match the English
page, because links, saved checklist progress and the presenter view rely on them. This module
reads those parts out of a Markdown source; `compare.py` lines them up with the English ones.

The syntax is the one AUTHORING.md documents: `## Title {#id}`, `/// checklist | Title` with an
`id:` option and `- [ ] step {#step-id}` items, `![type:video](id)`, `!!! kind` / `??? kind`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from advocacy_guide.markdown_text import front_matter_line_count, mask_non_prose

NO_ID = "(no id)"

HEADING = re.compile(r"^[ \t]*(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
CLOSING_HASHES = re.compile(r"[ \t]+#+$")
# `{#id}`, `{: #id .class}`, `{ #id }` at the end of a heading or list item (attr_list).
ATTR_LIST = re.compile(r"\{:?[ \t]*(?P<attrs>[^{}]*)\}[ \t]*$")
ATTR_ID = re.compile(r"(?:^|[ \t])#(?P<id>[^\s{}]+)")
BLOCK = re.compile(r"^(?P<indent>[ \t]*)(?P<slashes>/{3,})[ \t]*(?P<kind>[\w-]+)?(?P<rest>.*)$")
BLOCK_OPTION = re.compile(r"^[ \t]+(?P<key>[\w-]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
TASK_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[ xX]\][ \t]+(?P<text>.*)$")
ADMONITION = re.compile(r"^[ \t]*(?P<marker>!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w-]+(?:[ \t]+[\w-]+)*)")
VIDEO = re.compile(r"!\[type:video\]\([ \t]*<?(?P<id>[^)\s>]+)")
# `[text](target ...)`, not `![image](...)`. The text may hold one level of brackets and wrap
# onto the next lines of its paragraph, never across a blank line.
_LINK_TEXT_CHAR = r"(?:(?!\n[ \t]*\n)[^\[\]])"
INLINE_LINK = re.compile(
    rf"(?<!!)\[(?:{_LINK_TEXT_CHAR}|\[{_LINK_TEXT_CHAR}*\])*\]\([ \t]*\n?[ \t]*<?(?P<target>[^)\s>]+)"
)
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(?P<target>[^\s>]+)")
URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# What a line that holds a heading, list item, admonition or reference definition starts with
# (after its indentation); an ordered list item starts with a digit.
_STRUCTURAL_FIRST_CHARACTERS = frozenset("#-*+!?[")


@dataclass(frozen=True)
class Part:
    """One structural part of a page: what it is, its comparable value, and where it is."""

    kind: str  # "heading", "checklist", "step", "video", "link", "block"
    value: str
    line: int
    section: str | None  # the id of the heading it sits under, to place a missing part
    context: str | None = None  # for a step: the id of its checklist


@dataclass
class PageStructure:
    headings: list[Part] = field(default_factory=list)
    checklists: list[Part] = field(default_factory=list)
    steps: list[Part] = field(default_factory=list)
    videos: list[Part] = field(default_factory=list)
    links: list[Part] = field(default_factory=list)
    blocks: list[Part] = field(default_factory=list)

    def heading_line(self, heading_id: str | None) -> int | None:
        """The line of the heading with this id, if the page has one."""
        return next((part.line for part in self.headings if part.value == heading_id), None)


def attr_id(text: str) -> str | None:
    """The `#id` of an attribute list at the end of `text`, if there is one."""
    match = ATTR_LIST.search(text)
    if not match:
        return None
    found = ATTR_ID.search(match.group("attrs"))
    return found.group("id") if found else None


def internal_link(target: str) -> str | None:
    """The comparable form of a link to another page of the guide, or None for other links.

    Internal links are `page.md`, `page.md#anchor` or `#anchor`; addresses with a scheme
    (`https:`, `mailto:`) and links to files that are not pages are left out.
    """
    if URL_SCHEME.match(target) or target.startswith("//"):
        return None
    path, _, anchor = target.partition("#")
    path = path.split("?", 1)[0]
    while path.startswith("./"):
        path = path[2:]
    if path and not path.endswith(".md"):
        return None
    if not path and not anchor:
        return None
    return f"{path}#{anchor}" if anchor else path


def extract_structure(text: str) -> PageStructure:
    """Read the structural parts of a Markdown source (front matter included in line numbers)."""
    structure = PageStructure()
    lines = mask_non_prose(text).split("\n")
    first_body_line = front_matter_line_count(text)  # 0-based index of the first body line
    section: str | None = None
    # Open `///` blocks, innermost last: (number of slashes, kind, checklist id or None).
    open_blocks: list[tuple[int, str, str | None]] = []
    reading_options_of: int | None = None  # index in open_blocks whose options are being read

    for index in range(first_body_line, len(lines)):
        line = lines[index]
        number = index + 1
        # Most lines are prose: their first character rules out every pattern but the video's.
        first = line.lstrip(" \t")[:1]

        block = BLOCK.match(line) if first == "/" else None
        if block:
            reading_options_of = None
            slashes = len(block.group("slashes"))
            kind = block.group("kind")
            if kind is None and not block.group("rest").strip():
                # A closing fence closes the innermost block opened with as many slashes.
                for position in range(len(open_blocks) - 1, -1, -1):
                    if open_blocks[position][0] == slashes:
                        del open_blocks[position:]
                        break
                continue
            if kind is not None:
                open_blocks.append((slashes, kind, None))
                reading_options_of = len(open_blocks) - 1
                if kind == "checklist":
                    structure.checklists.append(Part("checklist", NO_ID, number, section))
                else:
                    structure.blocks.append(Part("block", f"/// {kind}", number, section))
                continue

        if reading_options_of is not None:
            option = BLOCK_OPTION.match(line)
            if option and line.strip():
                slashes, kind, _ = open_blocks[reading_options_of]
                if kind == "checklist" and option.group("key") == "id":
                    checklist_id = option.group("value").strip("'\"") or NO_ID
                    open_blocks[reading_options_of] = (slashes, kind, checklist_id)
                    # Reported at the `id:` line: that is the line a translator would have changed.
                    last = structure.checklists[-1]
                    structure.checklists[-1] = Part("checklist", checklist_id, number, last.section)
                elif kind != "checklist" and option.group("key") == "type":
                    # `/// admonition | Title` + `type: warning`: the type is part of the kind.
                    last = structure.blocks[-1]
                    structure.blocks[-1] = Part("block", f"{last.value} {option.group('value')}", last.line, last.section)
                continue
            reading_options_of = None

        if first not in _STRUCTURAL_FIRST_CHARACTERS and not first.isdigit() and "![type:video]" not in line:
            continue

        heading = HEADING.match(line) if first == "#" else None
        if heading:
            heading_text = CLOSING_HASHES.sub("", heading.group("text"))
            heading_id = attr_id(heading_text) or NO_ID
            structure.headings.append(Part("heading", heading_id, number, section))
            section = heading_id
            continue

        checklist_id = next((b[2] or NO_ID for b in reversed(open_blocks) if b[1] == "checklist"), None)
        task = TASK_ITEM.match(line)
        if task and checklist_id is not None:
            step_id = attr_id(task.group("text")) or NO_ID
            structure.steps.append(Part("step", step_id, number, section, checklist_id))

        admonition = ADMONITION.match(line)
        if admonition:
            kind = " ".join(admonition.group("kind").split())
            structure.blocks.append(Part("block", f"{admonition.group('marker')} {kind}", number, section))

        for video in VIDEO.finditer(line):
            structure.videos.append(Part("video", video.group("id"), number, section))

        reference = REFERENCE_DEFINITION.match(line)
        if reference:
            link = internal_link(reference.group("target"))
            if link is not None:
                structure.links.append(Part("link", link, number, section))

    # Inline links may wrap over several lines: they are read from the whole text, each at the
    # line where its text starts.
    masked = "\n".join(lines)
    body_start = sum(len(line) + 1 for line in lines[:first_body_line])
    for match in INLINE_LINK.finditer(masked, body_start):
        link = internal_link(match.group("target"))
        if link is None:
            continue
        number = masked.count("\n", 0, match.start()) + 1
        structure.links.append(Part("link", link, number, _section_at(structure.headings, number)))
    structure.links.sort(key=lambda part: part.line)
    return structure


def _section_at(headings: list[Part], line: int) -> str | None:
    """The id of the last heading before `line`."""
    section = None
    for heading in headings:
        if heading.line > line:
            break
        section = heading.value
    return section
