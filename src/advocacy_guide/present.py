"""Trainer mode: which pages offer the Present button, and the facilitator notes authors write.

A page offers the button when its file name starts with `module-` (the training modules), unless
its front matter says `present: false`; any other page can ask for it with `present: true`. The
presentation view itself (overrides/assets/present.js) works on every page with `?present`.

Facilitator notes are `??? facilitator "Title"` blocks: collapsed for readers, hidden from the
slides, shown in the presenter window. The checks here catch what a translator is likely to get
wrong (an English title left on a French page, an open `!!!` box that readers cannot fold) and
fill in the page language's title when the author left it out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from advocacy_guide.build.languages import english_name
from advocacy_guide.markdown.source import read_source

PRESENT_FLAG = "present"
MODULE_PREFIX = "module-"
NOTES_CLASS = "facilitator"

@dataclass(frozen=True)
class NotesBlock:
    """The first line of one facilitator block. `index` counts from 0 in the scanned text."""

    index: int
    marker: str
    title: str | None
    indent: str
    classes: str


@dataclass(frozen=True)
class Problem:
    line: int  # in the page's file, counting the front matter
    message: str


def presentable(file_name: str, meta: Mapping[str, object]) -> bool:
    """Whether the page shows the Present button (`file_name` without folder: 'module-x.md')."""
    flag = meta.get(PRESENT_FLAG)
    if isinstance(flag, bool):
        return flag
    return file_name.startswith(MODULE_PREFIX)


def flag_problem(source: str, meta: Mapping[str, object]) -> Problem | None:
    """A `present:` value other than true or false, with the line it is on."""
    if PRESENT_FLAG not in meta or isinstance(meta[PRESENT_FLAG], bool):
        return None
    page = read_source(source)
    front_matter = page.lines[: page.front_matter.line_count]
    line = next((n for n, text in enumerate(front_matter, 1) if re.match(rf"{PRESENT_FLAG}\s*:", text)), 1)
    return Problem(
        line,
        f"'{PRESENT_FLAG}: {meta[PRESENT_FLAG]}' must be 'present: true' (show the Present button) "
        f"or 'present: false' (hide it)",
    )


def find_notes(markdown: str) -> list[NotesBlock]:
    """Every facilitator block's first line, outside code and HTML comments.

    `markdown` is what MkDocs hands to `on_page_markdown`; a block is an admonition (`!!!`) or a
    collapsible block of pymdownx.details (`???`, `???+`) with the class, as those extensions
    read its first line: a marker, class names, then an optional quoted title.
    """
    return [
        NotesBlock(box.line - 1, box.marker, box.title, box.indent, box.classes)
        for box in read_source(markdown, has_front_matter=False).admonitions
        if box.well_formed and NOTES_CLASS in box.classes.split()
    ]


def check_notes(blocks: list[NotesBlock], language: str, titles: Mapping[str, str], first_line: int = 1) -> list[Problem]:
    """What is wrong with a page's facilitator blocks; `titles` maps languages to the notes' title."""
    problems = []
    own_title = titles[language]
    for block in blocks:
        line = block.index + first_line
        suggestion = f'{block.indent}??? {block.classes} "{own_title}"'.strip()
        if block.marker != "???":
            problems.append(
                Problem(line, f"facilitator notes are a box that readers open themselves: write '{suggestion}' "
                              f"(not '{block.marker}')")
            )
        if block.title is not None and block.title != own_title:
            other = next((lang for lang, title in titles.items() if title == block.title and lang != language), None)
            if other is not None:
                problems.append(
                    Problem(line, f"the facilitator notes' title \"{block.title}\" is the {english_name(other)} "
                                  f"one; on a {english_name(language)} page write '{suggestion}'")
                )
    return problems


def fill_missing_titles(markdown: str, blocks: list[NotesBlock], title: str) -> str:
    """`markdown` with the page language's title on the facilitator blocks that have none.

    Without it the box would be titled "Facilitator", in English, on every page.
    """
    untitled = [block for block in blocks if block.title is None]
    if not untitled:
        return markdown
    lines = markdown.split("\n")
    quoted = title.replace('"', "'")  # the extensions read the title up to the last quote
    for block in untitled:
        lines[block.index] = f'{lines[block.index].rstrip()} "{quoted}"'
    return "\n".join(lines)
