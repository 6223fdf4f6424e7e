"""`advocacy-guide translations`: the report, `diff` and `stamp`."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from advocacy_guide.glossary import GlossaryError, load_glossary
from advocacy_guide.translations.history import HistoryUnavailable
from advocacy_guide.translations.model import STATUSES, UP_TO_DATE, PageStatus
from advocacy_guide.translations.project import Project, ProjectNotFound
from advocacy_guide.translations.status import Checker, StampRefused

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def add_translations_command(commands: argparse._SubParsersAction) -> None:
    """Register `translations` and its actions on the top-level parser's subcommands."""
    parser = commands.add_parser(
        "translations",
        help="the status of every translation; diff and stamp one",
        description="Print the status of each translated page: up-to-date, outdated, missing or broken.",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or a JSON array")
    parser.add_argument("--language", action="append", metavar="LANG", help="only this language (repeatable)")
    parser.add_argument("--check", action="store_true", help="exit with 1 unless every page is up-to-date")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: found from here)")
    parser.set_defaults(func=run_report)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    diff = actions.add_parser("diff", help="what changed in the English page since the translation was stamped")
    diff.add_argument("language")
    diff.add_argument("page", help="path in the language folder, such as follow-up.md")
    diff.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    diff.set_defaults(func=run_diff)

    stamp = actions.add_parser("stamp", help="record that translations match the current English pages")
    stamp.add_argument("language")
    stamp.add_argument("pages", nargs="*", metavar="page", help="paths in the language folder, such as follow-up.md")
    stamp.add_argument("--all", action="store_true", help="every existing translation of the language that is not up-to-date")
    stamp.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    stamp.set_defaults(func=run_stamp)


def _checker(root: Path, err: TextIO) -> Checker | None:
    try:
        project = Project.find(root)
        return Checker(project, load_glossary(project.glossary_file))
    except (ProjectNotFound, GlossaryError) as error:
        print(f"error: {error}", file=err)
        return None


def _check_language(checker: Checker, language: str, err: TextIO) -> bool:
    if language in checker.project.languages:
        return True
    print(f"error: unknown language '{language}'; use one of {', '.join(checker.project.languages)}", file=err)
    return False


def run_report(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    checker = _checker(args.root, err)
    if checker is None:
        return EXIT_USAGE
    for language in args.language or []:
        if not _check_language(checker, language, err):
            return EXIT_USAGE
    statuses = checker.statuses(args.language)
    if args.format == "json":
        json.dump([s.as_dict() for s in statuses], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        # With --check, as in CI, only the pages that need work are listed, then the counts.
        write_text_report(statuses, out, only_problems=args.check)
    if args.check and any(s.status != UP_TO_DATE for s in statuses):
        return EXIT_PROBLEMS
    return 0


def write_text_report(statuses: list[PageStatus], out: TextIO, only_problems: bool = False) -> None:
    width = max((len(s.page) for s in statuses), default=0)
    for status in statuses:
        if only_problems and status.status == UP_TO_DATE:
            continue
        out.write(f"{status.language}  {status.page:<{width}}  {status.status}\n")
        for problem in status.problems:
            out.write(f"    {problem}\n")
    for language in dict.fromkeys(s.language for s in statuses):
        counts = Counter(s.status for s in statuses if s.language == language)
        summary = ", ".join(f"{counts[name]} {name}" for name in STATUSES if counts[name])
        out.write(f"{language}: {summary}\n")


def run_diff(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    checker = _checker(args.root, err)
    if checker is None or not _check_language(checker, args.language, err):
        return EXIT_USAGE
    try:
        diff = checker.diff(args.language, args.page)
    except (FileNotFoundError, HistoryUnavailable) as error:
        print(f"error: {error}", file=err)
        return EXIT_PROBLEMS
    if not diff:
        out.write(f"The English page has not changed since {args.language}/{args.page} was stamped.\n")
    else:
        out.write(diff)
    return 0


def run_stamp(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    checker = _checker(args.root, err)
    if checker is None or not _check_language(checker, args.language, err):
        return EXIT_USAGE
    if args.language == checker.project.default:
        print("error: English pages are the originals; stamp a translation (fr, es)", file=err)
        return EXIT_USAGE
    pages = list(args.pages)
    if args.all:
        english = set(checker.project.pages(checker.project.default))
        pages += [
            page for page in checker.project.pages(args.language)
            if page in english and checker.translation_status(args.language, page).status != UP_TO_DATE
        ]
    if not pages:
        print("error: name the pages to stamp (such as follow-up.md), or use --all", file=err)
        return EXIT_USAGE
    refused = 0
    for page in dict.fromkeys(pages):
        try:
            status = checker.stamp(args.language, page)
        except FileNotFoundError as error:
            print(f"error: {error}", file=err)
            refused += 1
        except StampRefused as refusal:
            refused += 1
            print(f"not stamped: {args.language}/{page} still differs from the English page:", file=err)
            for problem in refusal.problems:
                print(f"    {problem}", file=err)
        else:
            out.write(f"stamped: {args.language}/{page} is {status.status}\n")
    return EXIT_PROBLEMS if refused else 0
