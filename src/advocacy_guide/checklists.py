"""Checklists written in Markdown: find them with their line numbers and check their ids.

The syntax (AUTHORING.md) is a `pymdownx.blocks` block holding a `pymdownx.tasklist` list:

    /// checklist | Before you send your submission
        id: submission-ready

    - [ ] Count the words and stay under the 10,000-word limit {#word-count}
    ///

The Markdown extension `advocacy_guide.markdown.checklist` renders it, reading step ids with
`split_step_id` from here. This module is the one reader of the syntax for everything else (the
build's checks, the translations' structure): it reads each block that the page's reading
(`advocacy_guide.markdown.source`, pymdownx's own start and end patterns, outside code) finds,
line by line with pymdownx's checkbox pattern, because the build's messages must name lines and
Python-Markdown does not keep them. Progress is saved in the browser by checklist id and step
id, so ids must exist, be unique and be the same in every language.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pymdownx.blocks import RE_END, get_frontmatter
from pymdownx.tasklist import RE_CHECKBOX

from advocacy_guide.markdown.source import ATTR_LIST, Block, SourcePage, read_source

BLOCK_NAME = "checklist"
# Ids are lowercase English words and hyphens, like heading ids (AUTHORING.md).
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# What the braces at the end of a step (attr_list's `{#word-count}`, `{: #word-count }`) hold
# when they give an id and nothing else.
_HASH_ID = re.compile(r"[ \t]*:?[ \t]*#([^\s{}]+)[ \t]*\Z")
# A list item of the block's own list (deeper items belong to the step above them).
_LIST_ITEM = re.compile(r"(?P<indent> {0,3})(?:[-*+]|\d{1,9}[.)])(?: +(?P<text>.*)|[ \t]*\Z)")
_ID_LINE = re.compile(r"(?P<indent>[ \t]*)id[ \t]*:")
# Any list item, at any depth: a nested list ends the step's first paragraph.
_ANY_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?: |\Z)")
KNOWN_OPTIONS = ("id", "attrs")


@dataclass(frozen=True)
class Problem:
    """Something a writer or translator must fix, at a line of the Markdown file."""

    line: int
    message: str


@dataclass(frozen=True)
class Step:
    id: str | None  # None when missing, malformed or repeated (a problem says which)
    text: str
    line: int
    written_id: str | None = field(default=None, compare=False)  # the id as written, valid or not


@dataclass
class Checklist:
    id: str | None  # None when missing or malformed (a problem says which)
    title: str
    line: int
    steps: list[Step] = field(default_factory=list)
    written_id: str | None = field(default=None, compare=False)  # the `id:` option as written, valid or not
    id_line: int | None = field(default=None, compare=False)  # the line of the `id:` option

    @property
    def step_ids(self) -> list[str]:
        """Ids of the steps that have a valid one, in page order, without repeats."""
        return list(dict.fromkeys(s.id for s in self.steps if s.id))


@dataclass
class Scan:
    """What one page's Markdown holds: its checklists, and what is wrong with them."""

    checklists: list[Checklist] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# -----------------------------------------------------------------------------
# Step ids (shared with the Markdown extension, so both read `{#id}` the same way)
# -----------------------------------------------------------------------------


def split_step_id(text: str) -> tuple[str, str | None, str | None]:
    """Take `{#id}` off the end of a step's text.

    Returns the text without it, the id written in it (valid or not, checked by the caller) and
    the braces' content when they hold something other than `#id`.
    """
    braces = ATTR_LIST.search(text)
    if braces is None:
        return text, None, None
    hash_id = _HASH_ID.match(braces.group("attrs"))
    if hash_id is None:
        return text, None, braces.group("attrs")
    return text[: braces.start()].rstrip(), hash_id.group(1), None


def is_valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))


def suggest_id(text: str) -> str:
    """An id made from the first words of `text`, to show in messages."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:3]) or "step"


def _short(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= 40 else one_line[:39] + "…"


# -----------------------------------------------------------------------------
# Reading a page
# -----------------------------------------------------------------------------


def parse_checklists(markdown: str, first_line: int = 1) -> Scan:
    """Find every checklist block in `markdown`; `first_line` is the file line of its first line.

    `markdown` is what MkDocs hands to `on_page_markdown` (no front matter); `read_page` reads a
    whole file.
    """
    return checklists_of(read_source(markdown, has_front_matter=False), first_line - 1)


def checklists_of(source: SourcePage, line_offset: int = 0) -> Scan:
    """The checklists of a page read by `advocacy_guide.markdown.source`, with their problems.

    The blocks are found there (outside code and comments); each is read here from its lines.
    `line_offset` is added to the reading's line numbers (the lines MkDocs stripped before it).
    """
    scan = Scan()
    for block in source.blocks_named(BLOCK_NAME):
        _read_checklist(source.lines, block, line_offset, scan)
    return scan


def _read_checklist(lines: list[str], block: Block, line_offset: int, scan: Scan) -> None:
    """Read one block: its title, its `id:` option and its steps."""

    def body(index: int) -> str:
        line = lines[index]
        return line[block.indent :] if line[: block.indent].strip() == "" else line.lstrip(" ")

    checklist = Checklist(id=None, title=block.argument, line=block.line + line_offset)
    problems: list[Problem] = []
    if not checklist.title:
        problems.append(Problem(checklist.line, "checklist has no title: write it after a bar, e.g. `/// checklist | Before you send your submission`"))

    option_lines = list(block.option_lines)
    checklist.id = _read_options(option_lines, checklist.line, problems)
    written = next((o for o in block.options if o.key == "id"), None)
    if written is not None:
        checklist.written_id = written.value.strip("'\"") or None
        checklist.id_line = written.line + line_offset

    steps_start = block.content_line - 1  # 0-based index of the first content line
    content_end = block.end_line - 1 if block.end_line is not None else len(lines)
    content = [body(i) for i in range(steps_start, content_end)]

    if checklist.id is None and not option_lines:
        first_content = next((i for i, text in enumerate(content) if text.strip()), None)
        id_line = first_content is not None and _ID_LINE.match(content[first_content])
        if id_line and len(id_line.group("indent")) >= 4:
            problems.append(Problem(steps_start + first_content + 1 + line_offset, "remove the empty line between `/// checklist | ...` and `id:`: the options must come right under the title"))
        elif id_line:
            problems.append(Problem(steps_start + first_content + 1 + line_offset, "the `id:` line must be indented by 4 spaces under the `/// checklist | ...` line, e.g. `    id: submission-ready`"))
        else:
            problems.append(Problem(checklist.line, "checklist has no id: add an indented line under the title, e.g. `    id: submission-ready` (lowercase English words and hyphens, the same in all three languages)"))

    checklist.steps = _read_steps(content, steps_start + 1 + line_offset, problems)
    if not checklist.steps:
        problems.append(Problem(checklist.line, "checklist has no steps: add lines such as `- [ ] Count the words {#word-count}` before the closing `///`"))
    if block.end_line is None:
        problems.append(Problem(checklist.line, "checklist is not closed: add a line `///` after its last step"))

    scan.checklists.append(checklist)
    scan.problems.extend(problems)


def _read_options(option_lines: list[str], line: int, problems: list[Problem]) -> str | None:
    """The checklist id from the block's indented options (the only option is `id`)."""
    if not option_lines:
        return None
    options = get_frontmatter(textwrap.dedent("\n".join(option_lines)))
    if options is None:
        problems.append(Problem(line + 1, "cannot read the options under the title: write `    id: submission-ready`"))
        return None
    for key in options:
        if key not in KNOWN_OPTIONS:
            problems.append(Problem(line + 1, f"unknown checklist option '{key}': the only option is `id:` (until this is fixed the checklist is shown as plain text)"))
    value = options.get("id")
    if value is None:
        if "id" not in options:
            problems.append(Problem(line, "checklist has no id: add an indented line under the title, e.g. `    id: submission-ready` (lowercase English words and hyphens, the same in all three languages)"))
        else:
            problems.append(Problem(line + 1, "checklist id is empty: write one, e.g. `    id: submission-ready`"))
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        problems.append(Problem(line + 1, f"checklist id '{value}' is not valid: use lowercase letters, digits and hyphens, e.g. `id: submission-ready`"))
        return None
    text = str(value)
    if not is_valid_id(text):
        problems.append(Problem(line + 1, f"checklist id '{text}' is not valid: use lowercase letters, digits and hyphens, e.g. `id: {suggest_id(text)}`"))
        return None
    return text


def _read_steps(content: list[str], first_line: int, problems: list[Problem]) -> list[Step]:
    """The steps: the block's top-level list items, each with the id ending its first paragraph."""
    items: list[tuple[int, list[str]]] = []  # (index in content, lines of the first paragraph)
    in_paragraph = False
    for index, text in enumerate(content):
        item = _LIST_ITEM.match(text)
        if item:
            items.append((index, [item.group("text") or ""]))
            in_paragraph = True
        elif not text.strip():
            in_paragraph = False
        elif _ANY_LIST_ITEM.match(text) or RE_END.match(text):
            in_paragraph = False  # a list nested in the step: the step's text is above it
        elif in_paragraph and items:
            items[-1][1].append(text.strip())  # the step's text goes on over several lines

    steps: list[Step] = []
    first_seen: dict[str, int] = {}
    for index, paragraph in items:
        line = first_line + index
        joined = "\n".join(paragraph)
        box = RE_CHECKBOX.match(joined)
        if box is None:
            problems.append(Problem(line, f"step '{_short(joined)}' has no box: start it with `- [ ] `"))
        text, step_id, other = split_step_id(box.group("line") if box else joined)
        written_id = step_id
        if box and box.group("state") in "xX":
            problems.append(Problem(line, f"step '{_short(text)}' is ticked in the Markdown: write `- [ ]`; readers tick steps themselves"))
        if other is not None:
            problems.append(Problem(line, f"'{{{other}}}' at the end of step '{_short(text)}' is not a step id: write it as `{{#{suggest_id(text)}}}`"))
        elif step_id is None:
            problems.append(Problem(line, f"step '{_short(text)}' has no id: add one at the end of its text, e.g. `{{#{suggest_id(text)}}}`, the same in all three languages"))
        elif not is_valid_id(step_id):
            problems.append(Problem(line, f"step id '{step_id}' is not valid: use lowercase letters, digits and hyphens, e.g. `{{#{suggest_id(step_id)}}}`"))
            step_id = None
        elif step_id in first_seen:
            problems.append(Problem(line, f"step id '{step_id}' is already used on line {first_seen[step_id]}: give each step its own id"))
            step_id = None
        else:
            first_seen[step_id] = line
        steps.append(Step(id=step_id, text=text, line=line, written_id=written_id))
    return steps


# -----------------------------------------------------------------------------
# Checks across pages
# -----------------------------------------------------------------------------


class SiteChecklistIds:
    """Checklist ids already used in one language of the site: each must be used once."""

    def __init__(self) -> None:
        self._first_use: dict[str, str] = {}

    def claim(self, checklist: Checklist, location: str) -> Problem | None:
        """Record `checklist` (at `location`, 'docs/en/x.md:12'); a problem if its id is taken."""
        if checklist.id is None:
            return None
        if checklist.id in self._first_use:
            return Problem(checklist.line, f"checklist id '{checklist.id}' is already used at {self._first_use[checklist.id]}: give each checklist its own id (progress is saved by id)")
        self._first_use[checklist.id] = location
        return None


def compare_with_english(translation: list[Checklist], english: list[Checklist], english_path: str) -> list[Problem]:
    """What differs between a translation's checklist and step ids and the English page's.

    Progress ticked in one language shows in the others only when the ids are the same.
    `english_path` ('docs/en/x.md') is named in the messages.
    """
    problems: list[Problem] = []
    english_by_id = {c.id: c for c in english if c.id}
    translated_ids = {c.id for c in translation if c.id}
    missing = [c for c in english if c.id and c.id not in translated_ids]
    extra = [c for c in translation if c.id and c.id not in english_by_id]
    # An unknown id in the place of a missing one is most likely a translated id: say which one.
    for wrong, expected in zip(extra, missing):
        problems.append(Problem(wrong.line, f"checklist id '{wrong.id}' is not in the English page: the English checklist here is '{expected.id}' ({english_path}:{expected.line}); write `id: {expected.id}`"))
    for wrong in extra[len(missing):]:
        problems.append(Problem(wrong.line, f"checklist id '{wrong.id}' is not in the English page ({english_path}): use the English page's ids, or add the checklist to the English page first"))
    first_line = translation[0].line if translation else 1
    for expected in missing[len(extra):]:
        problems.append(Problem(first_line, f"the English page has checklist '{expected.id}' ({english_path}:{expected.line}) but this page does not: translate it, keeping `id: {expected.id}`"))
    for checklist in translation:
        if checklist.id in english_by_id:
            problems.extend(_compare_steps(checklist, english_by_id[checklist.id], english_path))
    return problems


def _compare_steps(translation: Checklist, english: Checklist, english_path: str) -> list[Problem]:
    problems: list[Problem] = []
    english_ids = english.step_ids
    translated_ids = set(translation.step_ids)
    missing = [s for s in english.steps if s.id and s.id not in translated_ids]
    extra = [s for s in translation.steps if s.id and s.id not in english_ids]
    for wrong, expected in zip(extra, missing):
        problems.append(Problem(wrong.line, f"step id '{wrong.id}' is not in the English checklist '{english.id}': the English step here is '{expected.id}' ({english_path}:{expected.line}); write `{{#{expected.id}}}`"))
    for wrong in extra[len(missing):]:
        problems.append(Problem(wrong.line, f"step id '{wrong.id}' is not in the English checklist '{english.id}' ({english_path}:{english.line}): use one of its ids ({', '.join(english_ids)}) or add the step to the English page first"))
    for expected in missing[len(extra):]:
        problems.append(Problem(translation.line, f"step '{expected.id}' of the English checklist ({english_path}:{expected.line}) is missing here: translate it as `- [ ] ... {{#{expected.id}}}`"))
    return problems


# -----------------------------------------------------------------------------
# The whole guide
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A problem in a file: `path` is shown as the writer knows it ('docs/fr/x.md')."""

    path: str
    problem: Problem

    def __str__(self) -> str:
        return f"{self.path}:{self.problem.line}: {self.problem.message}"


def read_page(path: Path) -> Scan:
    """The checklists of a Markdown file, with the file's own line numbers."""
    return checklists_of(read_source(path.read_text(encoding="utf-8-sig")))


def check_docs(docs_dir: Path, languages: Sequence[str], default: str, shown_from: Path) -> list[Finding]:
    """Every checklist problem of every language, in one pass over `docs_dir/<language>/`.

    One pass shows a Spanish translator the Spanish mistakes even when the French pages have
    some too (a strict build stops after the first language with warnings). Paths are shown
    relative to `shown_from`, the project folder.
    """
    findings: list[Finding] = []
    english: dict[str, list[Checklist]] = {}
    for language in [default, *(lang for lang in languages if lang != default)]:
        site_ids = SiteChecklistIds()
        for path in _markdown_files(docs_dir / language):
            relative = path.relative_to(docs_dir / language).as_posix()
            shown = _shown(path, shown_from)
            scan = read_page(path)
            problems = list(scan.problems)
            for checklist in scan.checklists:
                taken = site_ids.claim(checklist, f"{shown}:{checklist.line}")
                if taken is not None:
                    problems.append(taken)
            if language == default:
                english[relative] = scan.checklists
            elif relative in english:
                problems.extend(compare_with_english(scan.checklists, english[relative], _shown(docs_dir / default / relative, shown_from)))
            findings.extend(Finding(shown, problem) for problem in sorted(problems, key=lambda p: p.line))
    return findings


def _markdown_files(folder: Path) -> list[Path]:
    """Pages MkDocs builds: `.md` files, without hidden files and folders (MkDocs skips them)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _shown(path: Path, shown_from: Path) -> str:
    try:
        return path.relative_to(shown_from).as_posix()
    except ValueError:
        return path.as_posix()
