"""The words of the translation report: the four statuses, a located problem, a page's status."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from advocacy_guide import COMMAND as PROGRAM

if TYPE_CHECKING:
    from advocacy_guide.translations.sentences import SentenceComparison

UP_TO_DATE = "up-to-date"
OUTDATED = "outdated"
MISSING = "missing"
BROKEN = "broken"
STATUSES = (UP_TO_DATE, OUTDATED, MISSING, BROKEN)

# How hints show the command: the form that works in a fresh shell at the project's root once
# any `make` target (or scripts/bootstrap.sh) has created .venv, without activating anything.
COMMAND = f"{PROGRAM} translations"


def command(*arguments: str) -> str:
    """A translator's command as hints print it, such as `.venv/bin/advocacy-guide translations stamp fr a.md`."""
    return " ".join((COMMAND, *arguments))


@dataclass(frozen=True)
class Problem:
    """Something a translator has to fix, at `file:line` (paths relative to the project)."""

    file: str
    line: int
    message: str
    kind: str  # "structure", "terminology", "outdated", "stamp", "page", "skip", "sentences"
    part: str = ""  # for "structure": heading, checklist, step, video, link or block; for "skip": the rule

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        result: dict[str, object] = {"file": self.file, "line": self.line, "message": self.message, "kind": self.kind}
        if self.part:
            result["part"] = self.part
        return result


@dataclass
class PageStatus:
    """One page in one language."""

    language: str
    page: str  # relative to the language folder, such as `follow-up.md`
    status: str
    problems: list[Problem] = field(default_factory=list)
    english_changed: date | None = None  # when the English page last changed (None when not committed)
    translated_from: date | None = None  # the English date the stamp records
    english_uncommitted: bool = False  # the English page has changes that are not committed yet
    # English edits recorded as needing no translation (`skip`) that keep this page up to date.
    skipped: list[str] = field(default_factory=list)
    # The translation's sentence lengths against the English page's (None when there is no translation).
    sentences: "SentenceComparison | None" = None
    # Where a translator starts shortening: the paragraph of its longest sentence, and its length.
    longest_sentence: tuple[int, int] | None = None

    @property
    def sentence_problems(self) -> list[str]:
        return self.sentences.problems if self.sentences is not None else []

    def sentence_note(self, file: str) -> Problem | None:
        """The one line a page outside the sentence-length limits gets; it never changes its status."""
        if not self.sentence_problems:
            return None
        line, words = self.longest_sentence or (1, 0)
        where = f" (the longest, {words} words, is in the paragraph at line {line})" if words else ""
        return Problem(file, line, "sentence length, not an error: " + "; ".join(self.sentence_problems) + where, "sentences")

    def as_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "page": self.page,
            "status": self.status,
            "problems": [problem.as_dict() for problem in self.problems],
            "english_changed": self.english_changed.isoformat() if self.english_changed else None,
            "translated_from": self.translated_from.isoformat() if self.translated_from else None,
            "english_uncommitted": self.english_uncommitted,
            "skipped": list(self.skipped),
            "sentences": None if self.sentences is None else {
                **self.sentences.as_dict(),
                "longest": None if self.longest_sentence is None else
                {"line": self.longest_sentence[0], "words": self.longest_sentence[1]},
            },
        }
