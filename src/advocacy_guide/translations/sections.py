"""`translations diff`: each changed English section next to the same section of the translation.

Pages are cut into sections at their headings; a section is known by its heading id, which is
the same in every language, so the French section of an English change is found without reading
French. The front matter and the text before the first heading are sections of their own. For
each section that changed between the English text the translation was made from and the
English page now, a `SectionDiff` holds the English change (with the English line numbers) and
the translation's lines of the same section (with its own line numbers), or, for a new English
section, the line of the translation after which it belongs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from advocacy_guide.markdown.source import read_source
from advocacy_guide.translations.structure import NO_ID, structure_of

FRONT_MATTER_SECTION = "(front matter)"
TOP_SECTION = "(top of the page)"
CONTEXT_LINES = 2

CHANGED, ADDED, REMOVED = "changed", "added", "removed"


@dataclass(frozen=True)
class Section:
    key: str  # the heading id, FRONT_MATTER_SECTION or TOP_SECTION
    start: int  # first line (1-based)
    end: int  # last line, trailing blank lines left out (start - 1 when empty)
    lines: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.key if self.key.startswith("(") else f"{{#{self.key}}}"

    def numbered(self) -> list[tuple[int, str]]:
        return list(enumerate(self.lines[: self.end - self.start + 1], start=self.start))


@dataclass
class SectionDiff:
    key: str
    label: str
    change: str  # CHANGED, ADDED or REMOVED
    english_start: int  # in the English page now (in the translated version for REMOVED)
    english_end: int
    hunks: list[list[str]]  # unified-diff hunks with the English files' line numbers
    translation: Section | None  # the translation's section with the same id, if it has one
    insert_after: int | None = None  # for a section the translation lacks: the line it goes after
    insert_before: int | None = None  # and the heading line it goes before, if any
    before_heading: str = ""
    after_label: str = ""  # the translation's section it goes after

    def as_dict(self) -> dict[str, object]:
        return {
            "section": self.key,
            "change": self.change,
            "english": {"start": self.english_start, "end": self.english_end, "diff": [line for hunk in self.hunks for line in hunk]},
            "translation": None if self.translation is None else {
                "start": self.translation.start,
                "end": self.translation.end,
                "lines": [{"line": number, "text": text} for number, text in self.translation.numbered()],
            },
            "insert_after_line": self.insert_after,
            "insert_before_line": self.insert_before,
        }


@dataclass
class PageDiff:
    english_file: str
    translation_file: str
    from_commit: str
    from_day: str
    sections: list[SectionDiff] = field(default_factory=list)


def split_sections(text: str) -> list[Section]:
    """The page's sections, in order; ids used twice get `#2`, `#3` to keep them apart."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    starts: list[tuple[str, int]] = []
    source = read_source(text)
    front = source.front_matter.line_count
    if front:
        starts.append((FRONT_MATTER_SECTION, 1))
    headings = structure_of(source).headings
    first_heading = headings[0].line if headings else len(lines) + 1
    if first_heading > front + 1 and any(line.strip() for line in lines[front : first_heading - 1]):
        starts.append((TOP_SECTION, front + 1))
    seen: Counter[str] = Counter()
    for heading in headings:
        key = heading.value if heading.value != NO_ID else f"(heading at line {heading.line})"
        seen[key] += 1
        starts.append((key if seen[key] == 1 else f"{key}#{seen[key]}", heading.line))
    sections: list[Section] = []
    for index, (key, start) in enumerate(starts):
        stop = starts[index + 1][1] - 1 if index + 1 < len(starts) else len(lines)
        if key == FRONT_MATTER_SECTION:
            stop = front
        body = tuple(lines[start - 1 : stop])
        end = stop
        while end >= start and not lines[end - 1].strip():
            end -= 1
        sections.append(Section(key, start, end, body))
    return sections


def _hunks(old: Section, new: Section) -> list[list[str]]:
    matcher = SequenceMatcher(None, old.lines, new.lines, autojunk=False)
    hunks: list[list[str]] = []
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        o1, o2, n1, n2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        hunk = [f"@@ -{old.start + o1},{o2 - o1} +{new.start + n1},{n2 - n1} @@"]
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                hunk += [" " + line for line in old.lines[a1:a2]]
                continue
            hunk += ["-" + line for line in old.lines[a1:a2]]
            hunk += ["+" + line for line in new.lines[b1:b2]]
        hunks.append(hunk)
    return hunks


def _whole(section: Section, sign: str) -> list[list[str]]:
    shown = section.lines[: section.end - section.start + 1]
    header = f"@@ -{section.start},{len(shown)} +0,0 @@" if sign == "-" else f"@@ -0,0 +{section.start},{len(shown)} @@"
    return [[header] + [sign + line for line in shown]]


def section_diffs(old_english: str, new_english: str, translation: str) -> list[SectionDiff]:
    """Every English section that changed, was added or was removed, in the page's order."""
    old = {s.key: s for s in split_sections(old_english)}
    new = split_sections(new_english)
    new_keys = {s.key for s in new}
    translated = split_sections(translation)
    translated_by_key = {s.key: s for s in translated}

    # Removed sections are shown where they were: after the section that preceded them.
    removed_after: dict[str | None, list[Section]] = {}
    previous: str | None = None
    for section in old.values():
        if section.key in new_keys:
            previous = section.key
        else:
            removed_after.setdefault(previous, []).append(section)

    result: list[SectionDiff] = [_removed(s, translated_by_key) for s in removed_after.get(None, [])]
    for index, section in enumerate(new):
        before = old.get(section.key)
        if before is None:
            result.append(_added(section, new[:index], new[index + 1 :], translated, translated_by_key))
        elif before.lines[: before.end - before.start + 1] != section.lines[: section.end - section.start + 1]:
            diff = SectionDiff(section.key, section.label, CHANGED, section.start, section.end, _hunks(before, section),
                               translated_by_key.get(section.key))
            if diff.translation is None:
                _place(diff, new[:index], new[index + 1 :], translated, translated_by_key)
            result.append(diff)
        result += [_removed(s, translated_by_key) for s in removed_after.get(section.key, [])]
    return result


def _removed(section: Section, translated_by_key: dict[str, Section]) -> SectionDiff:
    return SectionDiff(section.key, section.label, REMOVED, section.start, section.end, _whole(section, "-"),
                       translated_by_key.get(section.key))


def _added(section: Section, earlier: list[Section], later: list[Section], translated: list[Section],
           translated_by_key: dict[str, Section]) -> SectionDiff:
    diff = SectionDiff(section.key, section.label, ADDED, section.start, section.end, _whole(section, "+"),
                       translated_by_key.get(section.key))
    if diff.translation is None:
        _place(diff, earlier, later, translated, translated_by_key)
    return diff


def _place(diff: SectionDiff, earlier: list[Section], later: list[Section], translated: list[Section],
           translated_by_key: dict[str, Section]) -> None:
    """Where a section the translation lacks belongs: after the translation of the English
    section before it, and before the translation of the one after it."""
    after = next((translated_by_key[s.key] for s in reversed(earlier) if s.key in translated_by_key), None)
    following = next((translated_by_key[s.key] for s in later if s.key in translated_by_key), None)
    if after is not None:
        diff.insert_after = after.end
        diff.after_label = after.label
    elif following is not None:
        diff.insert_after = following.start - 1
    else:
        diff.insert_after = translated[-1].end if translated else 0
    if following is not None and following.start > (diff.insert_after or 0):
        diff.insert_before = following.start
        diff.before_heading = following.lines[0].strip() if following.lines else ""
