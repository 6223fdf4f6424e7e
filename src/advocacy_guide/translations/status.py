"""The status of every page in every language, and the two actions on a translation.

- `up-to-date`: the translation was stamped from the current English text and has the same
  structure and only official terms.
- `outdated`: the English page changed since the translation was stamped (or it never was).
- `missing`: there is no translation; readers get the English page.
- `broken`: a wrong term, a malformed stamp, a page without an English original, or a structure
  that differs from the English page although the stamp says it is up to date.

An outdated translation may lag behind the English structure (a new section, a renamed id); those
differences are listed with it, and `stamp` refuses to stamp until they are fixed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

from advocacy_guide.glossary import Glossary
from advocacy_guide.translations.compare import compare_structures
from advocacy_guide.translations.history import HistoryUnavailable, find_version, last_change_dates
from advocacy_guide.translations.model import BROKEN, MISSING, OUTDATED, UP_TO_DATE, PageStatus, Problem
from advocacy_guide.translations.project import Project
from advocacy_guide.translations.stamp import StampError, read_stamp, source_hash, write_stamp
from advocacy_guide.translations.structure import PageStructure, extract_structure


class StampRefused(Exception):
    """The translation still differs from the English page; `problems` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) to fix before stamping")
        self.problems = problems


@dataclass
class Checker:
    """Checks pages of one project against its glossary; English dates are read once from git."""

    project: Project
    glossary: Glossary
    english_dates: dict[str, date] | None = None
    # Each English page is compared with two translations: read its structure once per text.
    _english_structures: dict[str, PageStructure] = field(default_factory=dict, repr=False)

    def english_changed(self, page: str) -> date | None:
        if self.english_dates is None:
            self.english_dates = last_change_dates(self.project.root, self.project.folder(self.project.default))
        return self.english_dates.get(page)

    # -- problems -----------------------------------------------------------------

    def terminology(self, language: str, page: str, text: str) -> list[Problem]:
        file = self.project.relative(self.project.page_file(language, page))
        glossary_file = self.project.relative(self.project.glossary_file)
        return [
            Problem(file, wrong.line, wrong.message(glossary_file), "terminology")
            for wrong in self.glossary.find_wrong_terms(text, language)
        ]

    def structure(self, language: str, page: str, text: str, english_text: str) -> list[Problem]:
        english = self._english_structures.get(english_text)
        if english is None:
            english = self._english_structures[english_text] = extract_structure(english_text)
        return compare_structures(
            english,
            extract_structure(text),
            self.project.relative(self.project.page_file(self.project.default, page)),
            self.project.relative(self.project.page_file(language, page)),
        )

    # -- statuses -----------------------------------------------------------------

    def english_status(self, page: str) -> PageStatus:
        text = self.project.page_file(self.project.default, page).read_text(encoding="utf-8")
        problems = self.terminology(self.project.default, page, text)
        return PageStatus(self.project.default, page, BROKEN if problems else UP_TO_DATE, problems, self.english_changed(page))

    def translation_status(self, language: str, page: str) -> PageStatus:
        english_file = self.project.page_file(self.project.default, page)
        translation_file = self.project.page_file(language, page)
        relative = self.project.relative(translation_file)
        if not english_file.is_file():
            return PageStatus(language, page, BROKEN, [Problem(relative, 1,
                f"there is no English page {self.project.relative(english_file)}: give the translation the "
                "English file name, or remove it", "page")])
        changed = self.english_changed(page)
        if not translation_file.is_file():
            return PageStatus(language, page, MISSING, [], changed)
        text = translation_file.read_text(encoding="utf-8")
        english_text = english_file.read_text(encoding="utf-8")
        status = PageStatus(language, page, UP_TO_DATE, english_changed=changed)
        terminology = self.terminology(language, page, text)
        structure = self.structure(language, page, text, english_text)
        stamp_problems: list[Problem] = []
        outdated: list[Problem] = []
        try:
            stamp = read_stamp(text)
        except StampError as error:
            stamp = None
            stamp_problems.append(Problem(relative, error.line, error.message, "stamp"))
        if stamp is None and not stamp_problems:
            outdated.append(Problem(relative, 1,
                "this translation has no stamp saying which English text it matches: once it matches "
                f"{self.project.relative(english_file)}, run `advocacy-guide translations stamp {language} {page}`", "outdated"))
        elif stamp is not None:
            status.translated_from = stamp.source_date
            if stamp.source_hash != source_hash(english_text):
                since = f" (translated from the English of {stamp.source_date.isoformat()})" if stamp.source_date else ""
                when = f" on {changed.isoformat()}" if changed else ""
                outdated.append(Problem(relative, stamp.line,
                    f"the English page changed{when}{since}: see what changed with `advocacy-guide translations "
                    f"diff {language} {page}`, update the translation, then run `advocacy-guide translations "
                    f"stamp {language} {page}`", "outdated"))
        status.problems = sorted(stamp_problems + outdated + terminology + structure, key=lambda p: p.line)
        if terminology or stamp_problems:
            status.status = BROKEN
        elif outdated:
            status.status = OUTDATED
        elif structure:
            status.status = BROKEN
        return status

    def statuses(self, languages: list[str] | None = None) -> list[PageStatus]:
        """Every translation's status, then English pages with problems (or all, when asked for)."""
        wanted = languages or list(self.project.translations)
        english_pages = self.project.pages(self.project.default)
        result: list[PageStatus] = []
        for language in self.project.translations:
            if language not in wanted:
                continue
            pages = sorted(set(english_pages) | set(self.project.pages(language)))
            result += [self.translation_status(language, page) for page in pages]
        for page in english_pages:
            english = self.english_status(page)
            if self.project.default in wanted or (languages is None and english.status != UP_TO_DATE):
                result.append(english)
        return result

    # -- actions ------------------------------------------------------------------

    def stamp(self, language: str, page: str) -> PageStatus:
        """Record that the translation matches the current English page.

        Refused (StampRefused) while its structure or terms differ from the English page.
        """
        english_file = self.project.page_file(self.project.default, page)
        translation_file = self.project.page_file(language, page)
        for path in (english_file, translation_file):
            if not path.is_file():
                raise FileNotFoundError(f"{self.project.relative(path)} does not exist")
        text = translation_file.read_text(encoding="utf-8")
        english_text = english_file.read_text(encoding="utf-8")
        problems = self.terminology(language, page, text) + self.structure(language, page, text, english_text)
        if problems:
            raise StampRefused(sorted(problems, key=lambda p: p.line))
        translation_file.write_text(write_stamp(text, source_hash(english_text), self.english_changed(page)), encoding="utf-8")
        return self.translation_status(language, page)

    def diff(self, language: str, page: str) -> str:
        """What changed in the English page since the translation was stamped, as a unified diff.

        Empty when nothing changed; HistoryUnavailable when git cannot tell.
        """
        english_file = self.project.page_file(self.project.default, page)
        translation_file = self.project.page_file(language, page)
        for path in (english_file, translation_file):
            if not path.is_file():
                raise FileNotFoundError(f"{self.project.relative(path)} does not exist")
        english_text = english_file.read_text(encoding="utf-8")
        try:
            stamp = read_stamp(translation_file.read_text(encoding="utf-8"))
        except StampError as error:
            raise HistoryUnavailable(f"{self.project.relative(translation_file)}:{error.line}: {error.message}") from error
        if stamp is None:
            raise HistoryUnavailable(
                f"{self.project.relative(translation_file)} has no stamp, so there is no record of the English text it "
                f"was made from: compare it with {self.project.relative(english_file)} by hand, then run "
                f"`advocacy-guide translations stamp {language} {page}`"
            )
        if stamp.source_hash == source_hash(english_text):
            return ""
        version = find_version(self.project.root, english_file, stamp.source_hash)
        relative = self.project.relative(english_file)
        lines = difflib.unified_diff(
            version.text.splitlines(keepends=True),
            english_text.splitlines(keepends=True),
            fromfile=f"{relative} (translated version, {version.day.isoformat()}, commit {version.commit[:12]})",
            tofile=f"{relative} (now)",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
