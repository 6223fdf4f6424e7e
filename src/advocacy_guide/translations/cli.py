"""`advocacy-guide translations`: the report, `diff`, `stamp` and `skip`."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from advocacy_guide.build.languages import english_name
from advocacy_guide.errors import LocatedError
from advocacy_guide.glossary import load_glossary
from advocacy_guide.translations.history import HistoryUnavailable
from advocacy_guide.translations.model import BROKEN, MISSING, OUTDATED, STATUSES, UP_TO_DATE, PageStatus, command
from advocacy_guide.translations.paths import PageNotFound, resolve_page
from advocacy_guide.translations.project import Project, ProjectNotFound
from advocacy_guide.translations.sections import ADDED, CHANGED, PageDiff, SectionDiff
from advocacy_guide.translations.status import Checker, SkipRefused, StampRefused, UntouchedTranslation

EXIT_PROBLEMS = 1
EXIT_USAGE = 2
# What --check fails on unless --fail-on narrows it: anything not up to date.
FAIL_ON_CHOICES = (BROKEN, OUTDATED, MISSING)


def add_translations_command(commands: argparse._SubParsersAction) -> None:
    """Register `translations` and its actions on the top-level parser's subcommands."""
    parser = commands.add_parser(
        "translations",
        help="the status of every translation; diff, stamp or skip one",
        description="Print the status of each translated page: up-to-date, outdated, missing or broken.",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or a JSON array")
    parser.add_argument("--language", action="append", metavar="LANG", help="only this language (repeatable)")
    parser.add_argument("--check", action="store_true", help="exit with 1 unless every page is up-to-date (see --fail-on)")
    parser.add_argument(
        "--fail-on", action="append", choices=FAIL_ON_CHOICES, metavar="{broken,outdated,missing}",
        help="with --check, fail only on pages in this status (repeatable; default: any of them). "
        "`--fail-on broken` is what `make test` and CI use: outdated and missing pages carry a notice for readers",
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: found from here)")
    parser.set_defaults(func=run_report)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    diff = actions.add_parser(
        "diff", help="what changed in the English page since the translation was stamped, next to the translation's same section"
    )
    diff.add_argument("language")
    diff.add_argument("page", help="the page: follow-up.md, fr/follow-up.md, docs/fr/follow-up.md or docs/en/follow-up.md")
    diff.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or JSON")
    diff.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    diff.set_defaults(func=run_diff)

    stamp = actions.add_parser("stamp", help="record that translations match the current English pages")
    stamp.add_argument("language")
    stamp.add_argument("pages", nargs="*", metavar="page", help="the pages, such as follow-up.md or docs/fr/follow-up.md")
    stamp.add_argument("--all", action="store_true", help="every existing translation of the language that is not up-to-date")
    stamp.add_argument(
        "--force", action="store_true",
        help="stamp a translation whose text has not changed since the English page changed (you checked: nothing to translate)",
    )
    stamp.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    stamp.set_defaults(func=run_stamp)

    skip = actions.add_parser(
        "skip",
        help="record that the latest English change of a page needs no translation (a typo, punctuation, a link to another site)",
    )
    skip.add_argument("page", help="the English page, such as follow-up.md or docs/en/follow-up.md")
    skip.add_argument("--reason", help="why no translation is needed (default: the words that changed)")
    skip.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    skip.set_defaults(func=run_skip)


def _checker(root: Path, err: TextIO) -> Checker | None:
    try:
        project = Project.find(root)
        checker = Checker(project, load_glossary(project.glossary_file))
        checker.skips  # noqa: B018 - a malformed skips file is reported here, with its line
        return checker
    except (ProjectNotFound, LocatedError) as error:
        print(f"error: {error}", file=err)
        return None


def _check_language(checker: Checker, language: str, err: TextIO) -> bool:
    if language in checker.project.languages:
        return True
    print(f"error: unknown language '{language}'; use one of {', '.join(checker.project.languages)}", file=err)
    return False


def _translation_language(checker: Checker, language: str, action: str, err: TextIO) -> bool:
    if not _check_language(checker, language, err):
        return False
    if language == checker.project.default:
        print(f"error: English pages are the originals; {action} a translation ({', '.join(checker.project.translations)})", file=err)
        return False
    return True


def run_report(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    checker = _checker(args.root, err)
    if checker is None:
        return EXIT_USAGE
    for language in args.language or []:
        if not _check_language(checker, language, err):
            return EXIT_USAGE
    statuses = checker.statuses(args.language)
    check = args.check or bool(args.fail_on)
    if args.format == "json":
        json.dump([s.as_dict() for s in statuses], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        # With --check, as in CI, only the pages that need work are listed, then the counts.
        project = checker.project
        write_text_report(statuses, out, only_problems=check,
                          file_of=lambda status: project.relative(project.page_file(status.language, status.page)))
    fail_on = set(args.fail_on or FAIL_ON_CHOICES)
    failing = [s for s in statuses if s.status in fail_on]
    if check and failing and args.format == "text" and args.fail_on:
        counts = Counter(s.status for s in failing)
        out.write("failing (--fail-on " + ",".join(sorted(fail_on)) + "): "
                  + ", ".join(f"{counts[name]} {name}" for name in STATUSES if counts[name]) + "\n")
    if check and failing:
        return EXIT_PROBLEMS
    return 0


def write_text_report(
    statuses: list[PageStatus], out: TextIO, only_problems: bool = False, file_of: Callable[[PageStatus], str] | None = None
) -> None:
    """The report; `file_of` gives a page's file as messages show it (docs/fr/follow-up.md by default)."""
    width = max((len(s.page) for s in statuses), default=0)
    for status in statuses:
        if only_problems and status.status == UP_TO_DATE:
            continue
        out.write(f"{status.language}  {status.page:<{width}}  {status.status}\n")
        for problem in status.problems:
            out.write(f"    {problem}\n")
        note = status.sentence_note(f"docs/{status.language}/{status.page}" if file_of is None else file_of(status))
        if note is not None:
            out.write(f"    {note}\n")
    for language in dict.fromkeys(s.language for s in statuses):
        counts = Counter(s.status for s in statuses if s.language == language)
        summary = ", ".join(f"{counts[name]} {name}" for name in STATUSES if counts[name])
        out.write(f"{language}: {summary}\n")


def run_diff(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    checker = _checker(args.root, err)
    if checker is None or not _translation_language(checker, args.language, "compare", err):
        return EXIT_USAGE
    try:
        page = resolve_page(checker.project, args.page, args.language)
        diff = checker.diff(args.language, page)
    except (FileNotFoundError, HistoryUnavailable) as error:
        print(f"error: {error}", file=err)
        return EXIT_PROBLEMS
    if args.format == "json":
        json.dump(diff_as_dict(checker, args.language, page, diff), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif diff is None and checker.translation_status(args.language, page).skipped:
        out.write(f"Since {args.language}/{page} was stamped, the English page only changed in ways recorded as needing "
                  f"no translation ({checker.project.relative(checker.project.skips_file)}).\n")
    elif diff is None:
        out.write(f"The English page has not changed since {args.language}/{page} was stamped.\n")
    else:
        write_text_diff(diff, english_name(args.language), out)
        out.write(f"Once the translation has the same changes: {command('stamp', args.language, page)}\n")
    return 0


def diff_as_dict(checker: Checker, language: str, page: str, diff: PageDiff | None) -> dict[str, object]:
    english = checker.project.relative(checker.project.page_file(checker.project.default, page))
    translation = checker.project.relative(checker.project.page_file(language, page))
    if diff is None:
        return {"english_file": english, "translation_file": translation, "up_to_date": True, "sections": []}
    return {
        "english_file": english,
        "translation_file": translation,
        "up_to_date": False,
        "translated_version": {"commit": diff.from_commit, "date": diff.from_day},
        "sections": [section.as_dict() for section in diff.sections],
    }


def write_text_diff(diff: PageDiff, language_name: str, out: TextIO) -> None:
    out.write(f"--- {diff.english_file} (translated version, {diff.from_day}, commit {diff.from_commit[:12]})\n")
    out.write(f"+++ {diff.english_file} (now)\n")
    for section in diff.sections:
        out.write("\n")
        _write_section(section, diff, language_name, out)


def _write_section(section: SectionDiff, diff: PageDiff, language_name: str, out: TextIO) -> None:
    what = {CHANGED: "changed in English", ADDED: "new in English"}.get(section.change, "removed from English")
    out.write(f"=== section {section.label}: {what} ===\n")
    for hunk in section.hunks:
        out.write("\n".join(hunk) + "\n")
    translation = section.translation
    if translation is not None:
        span = f"{translation.start}-{translation.end}" if translation.end > translation.start else f"{translation.start}"
        todo = "remove these lines" if section.change not in (CHANGED, ADDED) else "make the same change in these lines"
        out.write(f"{language_name} now, {diff.translation_file}:{span} ({todo}):\n")
        for number, text in translation.numbered():
            out.write(f"{number:>6} | {text}\n" if text else f"{number:>6} |\n")
        return
    if section.change == "removed":
        out.write(f"{language_name}: {diff.translation_file} has no section {section.label}: nothing to remove\n")
        return
    where = f"after line {section.insert_after}" if section.insert_after else "at the start"
    if section.after_label:
        where += f" (the end of section {section.after_label})"
    if section.insert_before:
        where += f", before line {section.insert_before} ({section.before_heading})"
    out.write(f"{language_name}: {diff.translation_file} has no section {section.label} yet: "
              f"translate it and put it in {diff.translation_file} {where}\n")


def run_stamp(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    checker = _checker(args.root, err)
    if checker is None or not _translation_language(checker, args.language, "stamp", err):
        return EXIT_USAGE
    pages: list[str] = []
    refused = 0
    for given in args.pages:
        try:
            pages.append(resolve_page(checker.project, given, args.language))
        except PageNotFound as error:
            print(f"error: {error}", file=err)
            refused += 1
    if args.all:
        english = set(checker.project.pages(checker.project.default))
        pages += [
            page for page in checker.project.pages(args.language)
            if page in english and checker.translation_status(args.language, page).status != UP_TO_DATE
        ]
    if not pages and not refused:
        print("error: name the pages to stamp (such as follow-up.md), or use --all", file=err)
        return EXIT_USAGE
    for page in dict.fromkeys(pages):
        try:
            result = checker.stamp(args.language, page, force=args.force)
        except FileNotFoundError as error:
            print(f"error: {error}", file=err)
            refused += 1
        except StampRefused as refusal:
            refused += 1
            print(f"not stamped: {args.language}/{page} still differs from the English page:", file=err)
            for problem in refusal.problems:
                print(f"    {problem}", file=err)
        except UntouchedTranslation as refusal:
            refused += 1
            print(f"not stamped: {args.language}/{page} was not updated after the English page changed:", file=err)
            print(f"    {refusal.problem}", file=err)
        else:
            if result.forced:
                out.write(f"stamped with --force: {args.language}/{page} is {result.status.status}, although its text did not "
                          f"change ({result.untouched_since}); you checked that nothing needed translating\n")
            else:
                out.write(f"stamped: {args.language}/{page} is {result.status.status}\n")
            if result.undated:
                out.write(f"    note: the English page has changes not yet committed, so the stamp records no source_date; "
                          "commit the English change with the translation\n")
    return EXIT_PROBLEMS if refused else 0


def run_skip(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    checker = _checker(args.root, err)
    if checker is None:
        return EXIT_USAGE
    try:
        page = resolve_page(checker.project, args.page, checker.project.default)
        result = checker.skip(page, args.reason)
    except (FileNotFoundError, HistoryUnavailable) as error:
        print(f"error: {error}", file=err)
        return EXIT_PROBLEMS
    except SkipRefused as refusal:
        print(f"not skipped: the latest change of {checker.project.relative(checker.project.page_file(checker.project.default, page))} "
              "needs translating:", file=err)
        for problem in refusal.problems:
            print(f"    {problem}", file=err)
        return EXIT_PROBLEMS
    skips_file = checker.project.relative(checker.project.skips_file)
    kept = ", ".join(f"{language}/{page}" for language in result.kept_up_to_date) or "no translation (none was up to date before it)"
    if result.already_recorded:
        out.write(f"already recorded in {skips_file}: the latest change of {page} needs no translation; it keeps up to date: {kept}\n")
    else:
        out.write(f"recorded in {skips_file}: the latest change of {page} needs no translation ({result.record.reason}); "
                  f"it keeps up to date: {kept}\n"
                  f"    commit {skips_file} with the English change\n")
    return 0
