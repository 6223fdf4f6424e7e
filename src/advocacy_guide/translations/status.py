"""The status of every page in every language, and the two actions on a translation.

- `up-to-date`: the translation was stamped from the current English text and has the same
  structure and only official terms.
- `outdated`: the English page changed since the translation was stamped (or it never was).
- `missing`: there is no translation; readers get the English page.
- `broken`: a wrong term, a malformed stamp, a page without an English original, or a structure
  that differs from the English page although the stamp says it is up to date.

An outdated translation may lag behind the English structure (a new section, a renamed id); those
differences are listed with it, and `stamp` refuses to stamp until they are fixed. `stamp` also
refuses a translation whose text has not changed since the English page changed (`--force` stamps
it anyway). An English edit recorded with `skip` (skips.py) keeps up to date the translations that
were up to date before it. Sentence lengths (sentences.py) are reported with each translation and
never change its status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

from advocacy_guide.glossary import Glossary
from advocacy_guide.translations import sentences
from advocacy_guide.translations.compare import compare_structures
from advocacy_guide.translations.history import (
    HistoryUnavailable,
    LastChange,
    Version,
    committed_text,
    find_version,
    is_repository,
    is_shallow,
    last_changes,
    versions,
)
from advocacy_guide.translations.model import BROKEN, MISSING, OUTDATED, UP_TO_DATE, PageStatus, Problem, command
from advocacy_guide.translations.project import Project
from advocacy_guide.translations.sections import PageDiff, section_diffs
from advocacy_guide.translations.skips import Skip, Skips, append_skip, load_skips
from advocacy_guide.translations.stamp import Stamp, StampError, read_stamp, source_hash, translation_hash, without_stamp, write_stamp
from advocacy_guide.translations.structure import PageStructure, extract_structure
from advocacy_guide.translations.trivial import Change, substantive_changes


class StampRefused(Exception):
    """The translation still differs from the English page; `problems` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) to fix before stamping")
        self.problems = problems


class UntouchedTranslation(Exception):
    """The translation's text has not changed since the English page changed: stamping it would
    tell readers an old text is current. `problem` says since when, and what to do."""

    def __init__(self, problem: Problem, since: str) -> None:
        super().__init__(str(problem))
        self.problem = problem
        self.since = since  # "since the English page changed on 2026-11-15 (commit ...)"


class SkipRefused(Exception):
    """The English edit needs translating; `problems` names each change, at its English line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} change(s) need translating")
        self.problems = problems


@dataclass(frozen=True)
class StampResult:
    status: PageStatus
    forced: bool = False  # stamped with --force although the translation was not touched
    untouched_since: str = ""  # for a forced stamp: since when
    undated: bool = False  # the English page had changes not committed yet: the stamp records no date


@dataclass(frozen=True)
class SkipResult:
    record: Skip
    kept_up_to_date: list[str]  # the translations (languages) the record keeps up to date
    already_recorded: bool = False


@dataclass
class Checker:
    """Checks pages of one project against its glossary; English dates are read once from git."""

    project: Project
    glossary: Glossary
    english_dates: dict[str, LastChange] | None = None
    # Each English page is compared with two translations: read its structure once per text.
    _english_structures: dict[str, PageStructure] = field(default_factory=dict, repr=False)
    _english_figures: dict[str, sentences.SentenceFigures] = field(default_factory=dict, repr=False)
    _skips: Skips | None = field(default=None, repr=False)

    def english_change(self, page: str) -> LastChange:
        if self.english_dates is None:
            self.english_dates = last_changes(self.project.root, self.project.folder(self.project.default))
        return self.english_dates.get(page, LastChange(None, committed=True))

    def english_changed(self, page: str) -> date | None:
        """The day the English page last changed; None when its changes are not committed yet."""
        return self.english_change(page).day

    @property
    def skips(self) -> Skips:
        """The recorded skips; LocatedYamlError when data/translation-skips.yml is malformed."""
        if self._skips is None:
            self._skips = load_skips(self.project.skips_file, self.project.relative(self.project.skips_file))
        return self._skips

    @skips.setter
    def skips(self, skips: Skips) -> None:
        self._skips = skips

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
        change = self.english_change(page)
        if not translation_file.is_file():
            return PageStatus(language, page, MISSING, [], change.day, english_uncommitted=not change.committed)
        text = translation_file.read_text(encoding="utf-8")
        english_text = english_file.read_text(encoding="utf-8")
        status = PageStatus(language, page, UP_TO_DATE, english_changed=change.day, english_uncommitted=not change.committed)
        status.sentences = sentences.SentenceComparison(self._english_sentence_figures(english_text), sentences.figures(text))
        longest = sentences.longest_sentence(text)
        status.longest_sentence = (longest[0], longest[1]) if longest else None
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
                f"{self.project.relative(english_file)}, run `{command('stamp', language, page)}`", "outdated"))
        elif stamp is not None:
            status.translated_from = stamp.source_date
            skipped = self.skips.path(page, stamp.source_hash, source_hash(english_text))
            if skipped is None:
                outdated.append(Problem(relative, stamp.line,
                    f"{self.english_change_words(change, stamp)}: see what changed with `{command('diff', language, page)}`, "
                    f"update the translation, then run `{command('stamp', language, page)}`", "outdated"))
            else:
                status.skipped = [record.reason for record in skipped]
        status.problems = sorted(stamp_problems + outdated + terminology + structure, key=lambda p: p.line)
        if terminology or stamp_problems:
            status.status = BROKEN
        elif outdated:
            status.status = OUTDATED
        elif structure:
            status.status = BROKEN
        return status

    @staticmethod
    def english_change_words(change: LastChange, stamp: Stamp | None) -> str:
        """"the English page changed on 2026-11-15 (translated from the English of 2026-10-01)"."""
        since = f" (translated from the English of {stamp.source_date.isoformat()})" if stamp and stamp.source_date else ""
        if not change.committed:
            return f"the English page has changes not yet committed{since}"
        when = f" on {change.day.isoformat()}" if change.day else ""
        return f"the English page changed{when}{since}"

    def _english_sentence_figures(self, english_text: str) -> sentences.SentenceFigures:
        found = self._english_figures.get(english_text)
        if found is None:
            found = self._english_figures[english_text] = sentences.figures(english_text)
        return found

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

    def _files(self, language: str, page: str) -> tuple[Path, Path]:
        english_file = self.project.page_file(self.project.default, page)
        translation_file = self.project.page_file(language, page)
        if not english_file.is_file():
            raise FileNotFoundError(f"{self.project.relative(english_file)} does not exist")
        if not translation_file.is_file():
            raise FileNotFoundError(
                f"{self.project.relative(translation_file)} does not exist: to translate the page, copy it first "
                f"(cp {self.project.relative(english_file)} {self.project.relative(translation_file)})"
            )
        return english_file, translation_file

    def stamp(self, language: str, page: str, force: bool = False) -> StampResult:
        """Record that the translation matches the current English page.

        Refused (StampRefused) while its structure or terms differ from the English page, and
        (UntouchedTranslation) when its text has not changed since the English page changed,
        unless `force`.
        """
        english_file, translation_file = self._files(language, page)
        text = translation_file.read_text(encoding="utf-8")
        english_text = english_file.read_text(encoding="utf-8")
        problems = self.terminology(language, page, text) + self.structure(language, page, text, english_text)
        if problems:
            raise StampRefused(sorted(problems, key=lambda p: p.line))
        untouched = self.untouched_since(language, page, text, english_text)
        if untouched is not None and not force:
            raise untouched
        change = self.english_change(page)
        stamped = write_stamp(text, source_hash(english_text), change.day if change.committed else None, translation_hash(text))
        translation_file.write_text(stamped, encoding="utf-8")
        return StampResult(self.translation_status(language, page), forced=untouched is not None,
                           untouched_since=untouched.since if untouched else "", undated=not change.committed)

    def untouched_since(self, language: str, page: str, text: str, english_text: str) -> UntouchedTranslation | None:
        """Why stamping now would hide a change from readers: the English page changed since the
        stamp, no skip covers it, and the translation's text is the same as when it changed.

        The translation's text "when the English changed" is, with git history, its committed
        version just before the commit that first changed the English page after the stamp (its
        HEAD version when that change is not committed yet); without that history (a shallow
        clone), the text the stamp recorded (`translation_hash`). When neither can tell (an old
        stamp in a shallow clone), stamping is allowed.
        """
        try:
            stamp = read_stamp(text)
        except StampError:
            return None
        english_hash = source_hash(english_text)
        if stamp is None or stamp.source_hash == english_hash or self.skips.path(page, stamp.source_hash, english_hash) is not None:
            return None
        translation_file = self.project.page_file(language, page)
        english_file = self.project.page_file(self.project.default, page)
        current = without_stamp(text)
        reference, since = self._translation_when_english_changed(english_file, translation_file, stamp.source_hash)
        if reference is None:
            if stamp.translation_hash is None or stamp.translation_hash != source_hash(current):
                return None
            since = "since it was stamped"
        elif without_stamp(reference) != current:
            return None
        relative = self.project.relative(translation_file)
        return UntouchedTranslation(Problem(relative, stamp.line,
            f"the translation has not changed {since}: update it first (see `{command('diff', language, page)}`); "
            f"if you checked and nothing needs translating, run `{command('stamp', '--force', language, page)}`", "outdated"),
            since)

    def _translation_when_english_changed(self, english_file: Path, translation_file: Path, stamped_hash: str) -> tuple[str | None, str]:
        root = self.project.root
        if not is_repository(root):
            return None, ""
        page = english_file.relative_to(self.project.folder(self.project.default)).as_posix()
        since_stamp: list[Version] = []  # the English versions committed after the stamped one, newest first
        for version in versions(root, english_file):
            if source_hash(version.text) == stamped_hash:
                break
            since_stamp.append(version)
        else:
            return None, ""  # a shallow clone, or a stamp made from English text never committed
        # The change that matters is the first one no recorded skip covers.
        changed = next((v for v in reversed(since_stamp) if self.skips.path(page, stamped_hash, source_hash(v.text)) is None), None)
        if changed is None:  # the English change is not committed yet
            head = committed_text(root, translation_file)
            return head, "since the English page changed (changes not yet committed)"
        before = committed_text(root, translation_file, f"{changed.commit}^")
        if before is None:
            return None, ""
        return before, f"since the English page changed on {changed.day.isoformat()} (commit {changed.commit[:12]})"

    def skip(self, page: str, reason: str | None = None, today: date | None = None) -> SkipResult:
        """Record that the latest English change of `page` needs no translation.

        The latest change is the one not committed yet, if the English page has one, or else the
        page's last commit. Refused (SkipRefused) when the change is substantive (trivial.py);
        HistoryUnavailable when git cannot give the text before it.
        """
        english_file = self.project.page_file(self.project.default, page)
        if not english_file.is_file():
            raise FileNotFoundError(f"{self.project.relative(english_file)} does not exist")
        after = english_file.read_text(encoding="utf-8")
        before = self._english_before_latest_change(english_file, after)
        relative = self.project.relative(english_file)
        changes: list[Change] = substantive_changes(before, after)
        if changes:
            raise SkipRefused([
                Problem(relative, change.line,
                        f"{change.message}: the translations need this change, so it cannot be skipped; commit it, "
                        "and the translators will update their pages", "skip", change.rule)
                for change in changes
            ])
        before_hash, after_hash = source_hash(before), source_hash(after)
        kept = [language for language in self.project.translations if self._stamped_at(language, page, before_hash)]
        existing = self.skips.find(page, before_hash, after_hash)
        if existing is not None:
            return SkipResult(existing, kept, already_recorded=True)
        record = Skip(page, before_hash, after_hash, today or date.today(), reason or _describe(before, after))
        append_skip(self.project.skips_file, record)
        self._skips = None
        return SkipResult(record, kept)

    def _stamped_at(self, language: str, page: str, english_hash: str) -> bool:
        """Whether the translation was up to date with the English text of `english_hash`."""
        translation_file = self.project.page_file(language, page)
        if not translation_file.is_file():
            return False
        try:
            stamp = read_stamp(translation_file.read_text(encoding="utf-8"))
        except StampError:
            return False
        return stamp is not None and self.skips.path(page, stamp.source_hash, english_hash) is not None

    def _english_before_latest_change(self, english_file: Path, now: str) -> str:
        root = self.project.root
        relative = self.project.relative(english_file)
        if not is_repository(root):
            raise HistoryUnavailable(
                f"{root} is not a git repository, so the English page before the change is not known; "
                "skip needs the git history"
            )
        head = committed_text(root, english_file)
        if head is not None and source_hash(head) != source_hash(now):
            return head
        for version in versions(root, english_file):
            if source_hash(version.text) != source_hash(now):
                return version.text
        if is_shallow(root):
            raise HistoryUnavailable(
                f"this is a shallow clone: the version of {relative} before its last commit is not in the history it has; "
                "run `git fetch --unshallow` and try again"
            )
        if head is None:
            raise HistoryUnavailable(f"{relative} is a new page (never committed): there is no earlier English text to compare with")
        raise HistoryUnavailable(f"{relative} has not changed since it was first committed: there is no English change to skip")

    def diff(self, language: str, page: str) -> PageDiff | None:
        """What changed in the English page since the translation was stamped, section by section.

        None when nothing changed (or only edits recorded with `skip`); HistoryUnavailable when
        git cannot tell.
        """
        english_file, translation_file = self._files(language, page)
        english_text = english_file.read_text(encoding="utf-8")
        translation_text = translation_file.read_text(encoding="utf-8")
        try:
            stamp = read_stamp(translation_text)
        except StampError as error:
            raise HistoryUnavailable(f"{self.project.relative(translation_file)}:{error.line}: {error.message}") from error
        if stamp is None:
            raise HistoryUnavailable(
                f"{self.project.relative(translation_file)} has no stamp, so there is no record of the English text it "
                f"was made from: compare it with {self.project.relative(english_file)} by hand, then run "
                f"`{command('stamp', language, page)}`"
            )
        english_hash = source_hash(english_text)
        if stamp.source_hash == english_hash or self.skips.path(page, stamp.source_hash, english_hash) is not None:
            return None
        version = find_version(self.project.root, english_file, stamp.source_hash)
        result = PageDiff(self.project.relative(english_file), self.project.relative(translation_file),
                          version.commit, version.day.isoformat())
        result.sections = section_diffs(version.text, english_text, translation_text)
        return result


def _describe(before: str, after: str) -> str:
    """A reason for a skip given without one: the words that changed ("'teh' -> 'the'")."""
    old, new = before.split(), after.split()
    parts = []
    for tag, o1, o2, n1, n2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            parts.append(f"'{' '.join(old[o1:o2])}' -> '{' '.join(new[n1:n2])}'")
    return "no translation needed: " + ("; ".join(parts[:5]) if parts else "line breaks or spacing")
