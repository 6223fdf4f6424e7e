"""`advocacy-guide`: the project's command line (translations, videos)."""

from __future__ import annotations

import argparse
import sys

from advocacy_guide.storyboards.cli import add_videos_command
from advocacy_guide.translations.cli import add_translations_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="advocacy-guide", description=__doc__)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_translations_command(commands)
    add_videos_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
