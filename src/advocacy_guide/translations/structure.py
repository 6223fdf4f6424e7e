"""What must be identical in every language version of a page, with the line of each part.

A translation changes words, never structure: heading ids, checklist and step ids, videos,
internal links and their anchors, and the kinds of admonitions and blocks must match the English
page, because links, saved checklist progress and the presenter view rely on them. This module
reads those parts out of a page's reading (`advocacy_guide.markdown.source`; checklists as
`advocacy_guide.checklists` reads them); `compare.py` lines them up with the English ones.

The syntax is the one AUTHORING.md documents: `## Title {#id}`, `/// checklist | Title` with an
`id:` option and `- [ ] step {#step-id}` items, `![type:video](id)`, `!!! kind` / `??? kind`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from advocacy_guide.checklists import checklists_of
from advocacy_guide.markdown.source import SourcePage, read_source

NO_ID = "(no id)"

# `[text](target ...)`, not `![image](...)`. The text may hold one level of brackets and wrap
# onto the next lines of its paragraph, never across a blank line.
_LINK_TEXT_CHAR = r"(?:(?!\n[ \t]*\n)[^\[\]])"
INLINE_LINK = re.compile(
    rf"(?<!!)\[(?:{_LINK_TEXT_CHAR}|\[{_LINK_TEXT_CHAR}*\])*\]\([ \t]*\n?[ \t]*<?(?P<target>[^)\s>]+)"
)
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(?P<target>[^\s>]+)")
URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


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
    return structure_of(read_source(text))


def structure_of(source: SourcePage) -> PageStructure:
    """The structural parts of a page read by `advocacy_guide.markdown.source`."""
    structure = PageStructure()
    for heading in source.headings:
        section = structure.headings[-1].value if structure.headings else None
        structure.headings.append(Part("heading", heading.id or NO_ID, heading.line, section))
    checklist_lines: set[int] = set()
    for checklist in checklists_of(source).checklists:
        checklist_id = checklist.written_id or NO_ID
        # Reported at the `id:` line: that is the line a translator would have changed.
        line = checklist.id_line or checklist.line
        checklist_lines.add(checklist.line)
        structure.checklists.append(Part("checklist", checklist_id, line, _section_at(structure.headings, checklist.line)))
        for step in checklist.steps:
            structure.steps.append(Part("step", step.written_id or NO_ID, step.line, _section_at(structure.headings, step.line), checklist_id))
    for block in source.blocks:
        if block.line in checklist_lines:
            continue
        kind = f"/// {block.name}"
        # `/// admonition | Title` + `type: warning`: the type is part of the kind.
        block_type = next((o.value for o in block.options if o.key == "type"), None)
        value = f"{kind} {block_type}" if block_type is not None else kind
        structure.blocks.append(Part("block", value, block.line, _section_at(structure.headings, block.line)))
    for admonition in source.admonitions:
        kind = " ".join(admonition.classes.split())
        structure.blocks.append(Part("block", f"{admonition.marker} {kind}", admonition.line, _section_at(structure.headings, admonition.line)))
    structure.blocks.sort(key=lambda part: part.line)
    structure.videos = [
        Part("video", video.target, video.line, _section_at(structure.headings, video.line)) for video in source.videos if video.target
    ]

    for number, line in source.body_prose_lines():
        reference = REFERENCE_DEFINITION.match(line) if line.lstrip(" \t")[:1] == "[" else None
        if reference:
            link = internal_link(reference.group("target"))
            if link is not None:
                structure.links.append(Part("link", link, number, _section_at(structure.headings, number)))

    # Inline links may wrap over several lines: they are read from the whole text, each at the
    # line where its text starts.
    masked = source.prose
    for match in INLINE_LINK.finditer(masked, source.front_matter.end):
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
