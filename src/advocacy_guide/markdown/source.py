"""One reading of a Markdown source page: every check that looks at a page's text starts here.

The build's messages must name the line a writer or translator sees in their editor, and
Python-Markdown keeps no lines; so the checks read the source. They used to read it each in their
own way, and disagreed (a four-backtick fence showing a `<script>` was code to one, prose to
another). `read_source` reads a page once, into a `SourcePage`:

- its front matter: the YAML text, its lines, what MkDocs strips before `on_page_markdown`, and
  the parsed value or the YAML error;
- prose and code: fenced code (any number of backticks or tildes; a fence closes with the same
  character, at least as long), inline code spans (any number of backticks, over lines of one
  paragraph) and HTML comments. `prose` is the text with all of them blanked out by spaces, every
  offset and newline kept, so a match in `prose` is on the same line as in the file;
- what the site's syntax adds, found in prose only: `///` blocks (pymdownx.blocks: name,
  argument, indented options, closing line), task items, video lines (mkdocs-video's
  `![type:video](...)`, alone on a line or misplaced in other text), admonitions and folded boxes
  (`!!!`, `???`), and ATX headings with their `{#id}`.

Every line number is 1-based and counts the front matter. A hook that reads the Markdown MkDocs
hands it (front matter already stripped) reads it with `has_front_matter=False` and adds
`stripped_lines` of the file's own reading. Readings are cached by text: several hooks read the
same page in one build.

Indented code blocks are not told apart from prose: on this site an indented line is the body of
a list item, an admonition or a block far more often than code, and the fenced form is the one
AUTHORING.md documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import yaml
from mkdocs.utils.meta import get_data
from pymdownx.blocks import RE_END, RE_START
from pymdownx.tasklist import RE_CHECKBOX

from advocacy_guide import yaml_parsing

VIDEO_MARK = "type:video"  # mkdocs-video's default `mark`

# The same front matter MkDocs reads (mkdocs.utils.meta): `---` on the first line, YAML, then a
# line with `---` or `...`.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A code span may wrap onto the next line, never across a blank line (a new paragraph).
_INLINE_CODE = re.compile(r"(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)
# An ATX heading; closing hashes are not part of its text.
_HEADING = re.compile(r"^[ \t]*(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
# `{#id}`, `{: #id .class}`, `{ #id }` at the end of a heading or list item (attr_list): `attrs`
# is what the braces hold.
ATTR_LIST = re.compile(r"[ \t]*\{(?P<attrs>[^{}\n]*)\}[ \t]*\Z")
_ATTR_ID = re.compile(r"(?:^|[ \t:])#(?P<id>[^\s{}]+)")
# What starts a list item, at any depth.
LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+")
# pymdownx.blocks reads options from the lines indented by 4 spaces or more right after the start.
_OPTION_LINE = re.compile(r" {4,}\S")
_OPTION = re.compile(r"^[ \t]+(?P<key>[\w-]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
# An admonition (`!!!`) or a collapsible block from pymdownx.details (`???`, `???+`): a marker,
# class names, then (when well formed: nothing in `rest`) an optional quoted title.
_ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]*(?P<classes>[\w-]+(?:[ \t]+[\w-]+)*)'
    r'(?:[ \t]+"(?P<title>.*)"[ \t]*$)?(?P<rest>.*)$'
)


def attr_id(text: str) -> str | None:
    """The `#id` of an attribute list at the end of `text`, if there is one."""
    match = ATTR_LIST.search(text)
    if not match:
        return None
    found = _ATTR_ID.search(match.group("attrs"))
    return found.group("id") if found else None


def blank(segment: str) -> str:
    """`segment` with every character but newlines replaced by a space."""
    return re.sub(r"[^\n]", " ", segment)


@dataclass(frozen=True)
class FrontMatter:
    """The YAML block at the top of a page (`raw` is None when the page has none)."""

    raw: str | None
    end: int  # character offset right after the closing fence (0 without front matter)
    line_count: int  # lines of the block, fences included (0 without front matter)

    @cached_property
    def parsed(self) -> tuple[Any, yaml.YAMLError | None]:
        """(value, None), or (None, the error) when the YAML does not parse."""
        try:
            return yaml_parsing.safe_load(self.raw or ""), None
        except yaml.YAMLError as error:
            return None, error

    @property
    def error(self) -> yaml.YAMLError | None:
        return self.parsed[1]


@dataclass(frozen=True)
class Fence:
    """A fenced code block: from its opening line to its closing one (the last line if unclosed)."""

    line: int
    end_line: int
    marker: str  # "````", "~~~"
    info: str  # what follows the opening marker: the language


@dataclass(frozen=True)
class BlockOption:
    line: int
    key: str
    value: str  # as written, unparsed


@dataclass(frozen=True)
class Block:
    """A pymdownx.blocks block: `/// name | argument`, indented options, content, `///`."""

    name: str
    argument: str
    line: int
    indent: int  # spaces before the opening slashes
    slashes: int
    option_lines: tuple[str, ...]  # the indented option lines, without the block's indentation
    options: tuple[BlockOption, ...]  # the `key: value` ones among them
    end_line: int | None  # the closing `///`, None when the block is never closed

    @property
    def content_line(self) -> int:
        """The first line after the options: where the block's Markdown starts."""
        return self.line + 1 + len(self.option_lines)


@dataclass(frozen=True)
class TaskItem:
    """`- [ ] text`: a list item starting with a box (`markup` is the whole line, in prose)."""

    line: int
    checked: bool
    text: str
    markup: str


@dataclass(frozen=True)
class VideoLine:
    """mkdocs-video's `![type:video](target)`: placed when alone on its line, misplaced otherwise."""

    line: int
    indent: str
    target: str
    alone: bool
    columns: tuple[int, int]  # where the syntax starts and ends in its line (0-based, end excluded)


@dataclass(frozen=True)
class Admonition:
    """`!!! kind "Title"`, `??? kind`, `???+ kind`: `well_formed` when only a quoted title follows."""

    line: int
    indent: str
    marker: str
    classes: str
    title: str | None
    well_formed: bool


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # without closing hashes; the attribute list kept
    id: str | None  # the `{#id}` written on it
    markup: str  # the whole line, in prose


class SourcePage:
    """One Markdown source, read once. Build it with `read_source` (cached)."""

    def __init__(self, text: str, *, has_front_matter: bool = True, mark: str = VIDEO_MARK) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.mark = mark
        match = FRONT_MATTER.match(text) if has_front_matter else None
        if match:
            block = text[: match.end()]
            count = block.count("\n") + (0 if block.endswith("\n") else 1)
            self.front_matter = FrontMatter(match.group("yaml") or "", match.end(), count)
        else:
            self.front_matter = FrontMatter(None, 0, 0)
        fences: list[Fence] = []
        self.prose = self._mask(fences)
        self.prose_lines = self.prose.split("\n")
        blocks: list[Block] = []
        tasks: list[TaskItem] = []
        videos: list[VideoLine] = []
        admonitions: list[Admonition] = []
        headings: list[Heading] = []
        self._read_lines(blocks, tasks, videos, admonitions, headings)
        # A reading is cached and shared by every check of the page: nothing in it may change.
        self.fences = tuple(fences)
        self.blocks = tuple(blocks)
        self.tasks = tuple(tasks)
        self.videos = tuple(videos)
        self.admonitions = tuple(admonitions)
        self.headings = tuple(headings)

    # -- where things are ------------------------------------------------------------------

    @property
    def first_body_line(self) -> int:
        """The 1-based line right after the front matter."""
        return self.front_matter.line_count + 1

    @cached_property
    def stripped_lines(self) -> int:
        """How many lines come before the Markdown that MkDocs hands to hooks.

        MkDocs strips the front matter and the blank lines after it with `get_data` (and strips
        nothing when the YAML does not parse). A hook adds this to a line of `on_page_markdown`'s
        text to name the line of the file. Plugins may rewrite that text afterwards
        (mkdocs-static-i18n drops its last newline), so count on the file.
        """
        markdown, _ = get_data(self.text)
        return self.text[: len(self.text) - len(markdown)].count("\n")

    def line_of(self, offset: int) -> int:
        """The 1-based line number of a character offset."""
        return self.text.count("\n", 0, offset) + 1

    def body_prose_lines(self) -> list[tuple[int, str]]:
        """(line number, prose line) after the front matter."""
        first = self.front_matter.line_count
        return [(index + 1, self.prose_lines[index]) for index in range(first, len(self.prose_lines))]

    @property
    def placed_videos(self) -> list[VideoLine]:
        """The videos alone on their line: the ones a page shows."""
        return [video for video in self.videos if video.alone]

    @property
    def misplaced_videos(self) -> list[VideoLine]:
        """The syntax used inside other text: reported, never shown."""
        return [video for video in self.videos if not video.alone]

    def blocks_named(self, name: str) -> list[Block]:
        return [block for block in self.blocks if block.name.lower() == name]

    # -- reading ---------------------------------------------------------------------------

    def _mask(self, fences: list[Fence]) -> str:
        """The text with fenced code, HTML comments and inline code blanked (front matter kept)."""
        head, body = self.text[: self.front_matter.end], self.text[self.front_matter.end :]
        lines = body.split("\n")
        first_line = self.front_matter.line_count
        open_fence: tuple[int, str, str] | None = None  # (line, marker, info)
        for index, line in enumerate(lines):
            match = _FENCE.match(line)
            if open_fence is None:
                if match:
                    open_fence = (first_line + index + 1, match.group("fence"), match.group("info").strip())
                    lines[index] = blank(line)
                continue
            lines[index] = blank(line)
            marker = open_fence[1]
            # A fence closes with the same character, at least as long, and nothing after it.
            if match and match.group("fence")[0] == marker[0] and len(match.group("fence")) >= len(marker) and not match.group("info").strip():
                fences.append(Fence(open_fence[0], first_line + index + 1, marker, open_fence[2]))
                open_fence = None
        if open_fence is not None:
            fences.append(Fence(open_fence[0], first_line + len(lines), open_fence[1], open_fence[2]))
        masked = "\n".join(lines)
        masked = _HTML_COMMENT.sub(lambda m: blank(m.group(0)), masked)
        return head + _INLINE_CODE.sub(lambda m: blank(m.group(0)), masked)

    def _read_lines(
        self, blocks: list[Block], tasks: list[TaskItem], videos: list[VideoLine], admonitions: list[Admonition], headings: list[Heading]
    ) -> None:
        open_blocks: list[int] = []  # indexes in blocks of the blocks still open
        anywhere = f"![{self.mark}]("
        alone = re.compile(rf"^(?P<indent>[ \t]*)!\[{re.escape(self.mark)}\]\((?P<target>[^()\s]*)\)[ \t]*$")
        inline = re.compile(rf"!\[{re.escape(self.mark)}\]\([ \t]*<?(?P<target>[^)\s>]*)[^)]*\)?")
        index = self.front_matter.line_count
        while index < len(self.prose_lines):
            line = self.prose_lines[index]
            number = index + 1
            index += 1
            stripped = line.lstrip(" \t")
            # Most lines are prose: their first character rules out every pattern but the video's.
            first = stripped[:1]
            if not first:
                continue
            # Anywhere, a heading included: the syntax must never reach the page as an image.
            if anywhere in line:
                placed = alone.match(line)
                if placed:
                    columns = (placed.end("indent"), len(line.rstrip()))
                    videos.append(VideoLine(number, placed.group("indent"), placed.group("target"), True, columns))
                else:
                    videos.extend(VideoLine(number, "", m.group("target"), False, m.span()) for m in inline.finditer(line))
            if first == "/":
                end = RE_END.match(stripped)
                if end:
                    slashes = len(end.group(1))
                    # A closing line closes the innermost block opened with as many slashes.
                    for position in range(len(open_blocks) - 1, -1, -1):
                        block = blocks[open_blocks[position]]
                        if block.slashes == slashes:
                            blocks[open_blocks[position]] = _closed(block, number)
                            del open_blocks[position:]
                            break
                    continue
                start = RE_START.match(stripped)
                if start:
                    # The title as written (prose blanks a code span in it).
                    start = RE_START.match(self.lines[index - 1].lstrip(" ")) or start
                    index = self._read_block(index - 1, start, blocks)
                    open_blocks.append(len(blocks) - 1)
                    continue
            if first == "#":
                heading = _HEADING.match(line)
                if heading:
                    text = heading.group("text")
                    headings.append(Heading(number, len(heading.group("hashes")), text, attr_id(text), line))
                    continue
            if first in "!?":
                admonition = _ADMONITION.match(line)
                if admonition:
                    admonitions.append(Admonition(
                        number, admonition.group("indent"), admonition.group("marker"), admonition.group("classes"),
                        admonition.group("title"), not admonition.group("rest").strip(),
                    ))
            if first in "-*+" or first.isdigit():
                item = LIST_MARKER.match(line)
                box = RE_CHECKBOX.match(line[item.end() :]) if item else None
                if box:
                    tasks.append(TaskItem(number, box.group("state") in "xX", box.group("line"), line))

    def _read_block(self, index: int, start: re.Match[str], blocks: list[Block]) -> int:
        """Record the block opening at line `index` (0-based); return the index after its options."""
        line = self.prose_lines[index]
        indent = len(line) - len(line.lstrip(" "))
        option_lines: list[str] = []
        options: list[BlockOption] = []
        position = index + 1
        while position < len(self.lines):
            raw = self.lines[position]
            body = raw[indent:] if raw[:indent].strip() == "" else raw.lstrip(" ")
            if not _OPTION_LINE.match(body):
                break
            option_lines.append(body)
            option = _OPTION.match(body)
            if option:
                options.append(BlockOption(position + 1, option.group("key"), option.group("value")))
            position += 1
        blocks.append(Block(
            start.group(2), (start.group(3) or "").strip(), index + 1, indent, len(start.group(1)),
            tuple(option_lines), tuple(options), None,
        ))
        return position


def _closed(block: Block, line: int) -> Block:
    return Block(block.name, block.argument, block.line, block.indent, block.slashes, block.option_lines, block.options, line)


@lru_cache(maxsize=512)
def read_source(text: str, *, has_front_matter: bool = True, mark: str = VIDEO_MARK) -> SourcePage:
    """The reading of a page's text: a whole file (front matter included), or with
    `has_front_matter=False` the Markdown MkDocs hands to `on_page_markdown`."""
    return SourcePage(text, has_front_matter=has_front_matter, mark=mark)
