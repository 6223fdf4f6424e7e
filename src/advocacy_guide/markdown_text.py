"""Small, shared views of a Markdown source file: its front matter, and its prose.

Checks that scan a page (heading ids, links, official terms) must not look inside code or HTML
comments, and must report the line a translator sees in their editor. `mask_non_prose` blanks
those parts out with spaces while keeping every character offset and every newline, so a match
found in the masked text has the same line number as in the file.
"""

from __future__ import annotations

import re

from mkdocs.utils.meta import get_data

# The same front matter MkDocs reads (mkdocs.utils.meta): `---` on the first line, YAML, then a
# line with `---` or `...`.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A code span may wrap onto the next line, never across a blank line (a new paragraph).
INLINE_CODE = re.compile(r"(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)


def front_matter_span(text: str) -> tuple[int, int] | None:
    """(start, end) character offsets of the front matter block, fences included, or None."""
    match = FRONT_MATTER.match(text)
    return (0, match.end()) if match else None


def front_matter_line_count(text: str) -> int:
    """How many lines the front matter takes: MkDocs strips them before `on_page_markdown`."""
    span = front_matter_span(text)
    if span is None:
        return 0
    block = text[: span[1]]
    return block.count("\n") + (0 if block.endswith("\n") else 1)


def lines_mkdocs_strips(source: str) -> int:
    """How many lines of a page's file come before the Markdown that MkDocs hands to hooks.

    Unlike `front_matter_line_count`, this counts the blank lines after the front matter too:
    MkDocs strips both with `get_data` (and strips nothing when the YAML does not parse). A hook
    adds this to a line of `on_page_markdown`'s text to name the line of the file. Plugins may
    rewrite the text afterwards (mkdocs-static-i18n drops its last newline), so count on the file.
    """
    markdown, _ = get_data(source)
    return source[: len(source) - len(markdown)].count("\n")


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


def _blank(segment: str) -> str:
    return re.sub(r"[^\n]", " ", segment)


def mask_non_prose(text: str) -> str:
    """`text` with fenced code, inline code and HTML comments replaced by spaces.

    Offsets and newlines are kept, so line numbers stay true.
    """
    lines = text.split("\n")
    open_fence: str | None = None
    for number, line in enumerate(lines):
        match = FENCE.match(line)
        if open_fence is None:
            if match:
                open_fence = match.group("fence")
                lines[number] = _blank(line)
            continue
        lines[number] = _blank(line)
        # A fence closes with the same character, at least as long, and nothing after it.
        if match and match.group("fence")[0] == open_fence[0] and len(match.group("fence")) >= len(open_fence):
            if not line[match.end() :].strip():
                open_fence = None
    masked = "\n".join(lines)
    masked = HTML_COMMENT.sub(lambda m: _blank(m.group(0)), masked)
    return INLINE_CODE.sub(lambda m: _blank(m.group(0)), masked)
