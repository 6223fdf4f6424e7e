"""Whether an English edit needs no translation: the rules `advocacy-guide translations skip` applies.

A typo, punctuation or the address of a link to another site can be fixed in English without
the translations falling behind. Everything a reader of a translation relies on, or that a
translator would have to carry over, cannot: `RULES` lists each kind, with what it reads out of
a page. An edit is trivial when no rule finds a difference between the text before and after
it. The rules are deliberately strict: a refused skip costs a translator a stamp, an accepted
one that should not have been hides a change from every reader of the translations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from advocacy_guide.markdown.source import read_source
from advocacy_guide.translations.structure import extract_structure

# At most this many words may change in one place, and in the whole page: a typo fix changes
# one word, sometimes two ("teh Comittee", "follow up" -> "follow-up"); more ("does not end" ->
# "never ends") is a new wording the translators must see.
MAX_WORDS_PER_EDIT = 2
MAX_WORDS_PER_PAGE = 10
# One word that turns a sentence around: a negation, a modal, "only". A typo fix never adds or
# removes one ("the State must report" -> "the State may report" is one word, and a new rule).
MEANING_WORDS = frozenset(
    "not no never nor neither none nothing nobody without cannot can't don't doesn't didn't isn't aren't wasn't "
    "weren't won't wouldn't shouldn't mustn't must may might should shall can could will would always only "
    "unless except".split()
)

# Month names are capitalised in English; "may" is a verb. Abbreviations count next to a figure.
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = rf"(?:{MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
# ISO dates, "26 March 2025", "March 26, 2025", "March 2025", "26 March", and full month names alone.
DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MONTH}\s+\d{{4}}|(?:{MONTHS}))(?!\w)"
)
NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion first second third fourth fifth sixth seventh eighth ninth tenth once twice half quarter dozen".split()
)
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# What is not words on a prose line: link targets (fixing one is trivial; internal targets have
# their own rule), images, attribute lists, HTML tags.
_LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"]*\")?\)")
_REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]^][^\]]*\]:[ \t]*\S+.*$")
_NOT_WORDS = re.compile(r"!\[[^\]]*\]\([^)]*\)|\{[:#.][^}\n]*\}|</?[A-Za-z][^>]*>|https?://\S+")


@dataclass(frozen=True)
class Item:
    """Something a rule reads out of a page, at its line."""

    line: int
    value: str


@dataclass(frozen=True)
class Change:
    """A difference a rule found: why the edit needs translating, at a line of the new English page."""

    rule: str  # the rule's name: "heading", "checklist", ...
    line: int
    message: str


@dataclass(frozen=True)
class Rule:
    name: str
    what: str  # the kind of thing, in a message: "a heading or its id"
    compare: Callable[[str, str, "Rule"], list[Change]]
    extract: Callable[[str], list[Item]] | None = None


def _show(value: str) -> str:
    return "'" + (value if len(value) <= 70 else value[:67] + "...") + "'"


def compare_items(before: str, after: str, rule: Rule) -> list[Change]:
    """The differences between the items a rule reads out of each text, in page order."""
    assert rule.extract is not None
    old, new = rule.extract(before), rule.extract(after)
    changes: list[Change] = []
    matcher = SequenceMatcher(None, [i.value for i in old], [i.value for i in new], autojunk=False)
    for tag, o1, o2, n1, n2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        line = new[n1].line if n1 < len(new) else (new[-1].line if new else 1)
        if tag == "replace":
            detail = ", ".join(f"{_show(a.value)} -> {_show(b.value)}" for a, b in zip(old[o1:o2], new[n1:n2]))
            extra = old[o1 + (n2 - n1) : o2] or new[n1 + (o2 - o1) : n2]
            if extra:
                detail += ", and " + ", ".join(_show(i.value) for i in extra)
            message = f"{rule.what} changed: {detail}"
        elif tag == "delete":
            message = f"{rule.what} removed: " + ", ".join(_show(i.value) for i in old[o1:o2])
        else:
            message = f"{rule.what} added: " + ", ".join(_show(i.value) for i in new[n1:n2])
        changes.append(Change(rule.name, line, message))
    return changes


def compare_wording(before: str, after: str, rule: Rule) -> list[Change]:
    """More than a few words changed in one place, or across the page."""
    old, new = _words(before), _words(after)
    matcher = SequenceMatcher(None, [i.value.lower() for i in old], [i.value.lower() for i in new], autojunk=False)
    changes: list[Change] = []
    total = 0
    for tag, o1, o2, n1, n2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        size = max(o2 - o1, n2 - n1)
        total += size
        if size > MAX_WORDS_PER_EDIT:
            line = new[n1].line if n1 < len(new) else (new[-1].line if new else 1)
            was = " ".join(i.value for i in old[o1:o2]) or "(nothing)"
            now = " ".join(i.value for i in new[n1:n2]) or "(nothing)"
            changes.append(Change(rule.name, line,
                f"{rule.what}: {size} words changed in one place ({_show(was)} -> {_show(now)}; "
                f"a typo fix changes at most {MAX_WORDS_PER_EDIT})"))
    if not changes and total > MAX_WORDS_PER_PAGE:
        changes.append(Change(rule.name, 1,
            f"{rule.what}: {total} words changed across the page (a typo fix changes at most {MAX_WORDS_PER_PAGE})"))
    return changes


# -----------------------------------------------------------------------------
# What each rule reads out of a page (line numbers are the file's)
# -----------------------------------------------------------------------------


def _prose_lines(text: str) -> list[tuple[int, str]]:
    """The lines readers read as text, without headings (a rule of their own), link targets,
    attribute lists and tags; the front matter's `description:` first."""
    source = read_source(text)
    result: list[tuple[int, str]] = []
    for index, line in enumerate(source.lines[: source.front_matter.line_count]):
        if line.startswith("description:"):
            result.append((index + 1, line[len("description:") :]))
    structure_lines = {h.line for h in source.headings} | {v.line for v in source.videos}
    for number, line in source.body_prose_lines():
        if number in structure_lines or _REFERENCE_DEFINITION.match(line):
            continue
        line = _NOT_WORDS.sub(" ", _LINK_TARGET.sub("", line))
        if line.strip():
            result.append((number, line))
    return result


def _words(text: str) -> list[Item]:
    return [Item(number, word.group(0)) for number, line in _prose_lines(text) for word in WORD.finditer(line)]


def headings(text: str) -> list[Item]:
    return [Item(h.line, " ".join(h.markup.split())) for h in read_source(text).headings]


def checklists(text: str) -> list[Item]:
    """Each checklist's title line and `id:`."""
    source = read_source(text)
    items: list[Item] = []
    for block in source.blocks_named("checklist"):
        items.append(Item(block.line, " ".join(source.prose_lines[block.line - 1].split())))
        items += [Item(option.line, f"id: {option.value}") for option in block.options if option.key == "id"]
    return items


def steps(text: str) -> list[Item]:
    """Checklist steps and task items, text and id."""
    return [Item(task.line, " ".join(task.markup.split())) for task in read_source(text).tasks]


def videos(text: str) -> list[Item]:
    return [Item(part.line, part.value) for part in extract_structure(text).videos]


def links(text: str) -> list[Item]:
    """Targets of links to the guide's pages and anchors (a link to another site may be fixed)."""
    return [Item(part.line, part.value) for part in extract_structure(text).links]


def boxes(text: str) -> list[Item]:
    return [Item(part.line, part.value) for part in extract_structure(text).blocks]


def dates(text: str) -> list[Item]:
    return [Item(number, " ".join(match.group(0).split())) for number, line in _prose_lines(text) for match in DATE.finditer(line)]


def meaning_words(text: str) -> list[Item]:
    """Negations, modals and "only", which change what a sentence says by themselves."""
    return [item for item in _words(text) if item.value.lower().replace("’", "'") in MEANING_WORDS]


def numbers(text: str) -> list[Item]:
    """Figures and number words, outside dates."""
    items: list[Item] = []
    for number, line in _prose_lines(text):
        line = DATE.sub(" ", line)
        for match in re.finditer(rf"{NUMBER.pattern}|{WORD.pattern}", line):
            value = match.group(0)
            if value[0].isdigit() or value.lower() in NUMBER_WORDS:
                items.append(Item(number, value))
    return items


# The rules, in the order their refusals are listed. Each needs a row in the tests' table.
RULES: tuple[Rule, ...] = (
    Rule("heading", "a heading or its id", compare_items, headings),
    Rule("checklist", "a checklist (its title or id)", compare_items, checklists),
    Rule("step", "a checklist step (its text or id)", compare_items, steps),
    Rule("video", "a video", compare_items, videos),
    Rule("link", "the target page or anchor of a link", compare_items, links),
    Rule("box", "a box (admonition or block)", compare_items, boxes),
    Rule("date", "a date", compare_items, dates),
    Rule("number", "a number", compare_items, numbers),
    Rule("meaning", "a word that changes the meaning (a negation, a modal such as must or may, only)", compare_items, meaning_words),
    Rule("wording", "the wording", compare_wording),
)


def substantive_changes(before: str, after: str) -> list[Change]:
    """Why the edit from `before` to `after` needs translating; empty when it does not."""
    changes: list[Change] = []
    for rule in RULES:
        changes += rule.compare(before, after, rule)
    return changes
