"""When a page's facts were last checked: the `reviewed:` date of its front matter.

Readers act on what the guide says, so every page tells them how fresh its facts are. The date
is written by people (`reviewed: 2026-12-15`, the day someone last checked the page against its
sources), not taken from git: a typo fix is not a review, and a review that changes nothing
leaves no commit. A translation carries its own date, since its text was checked on its own day.

`review_problem` is the rule, shared by the build (hooks/freshness.py) and the tests: a page
without the date, with something that is not a date, or with a date in the future is a mistake
that names the file and line and says what to write.
"""

from __future__ import annotations

import re
from datetime import date

from advocacy_guide.errors import Problem
from advocacy_guide.markdown.source import read_source

REVIEWED_KEY = "reviewed"
_KEY_LINE = re.compile(rf"^{REVIEWED_KEY}[ \t]*:", re.M)


def reviewed_date(value: object) -> date | None:
    """The date a front matter value stands for, or None when it is not a date.

    YAML reads `2026-12-15` as a date already; a quoted "2026-12-15" is accepted too.
    """
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def front_matter_problem(path: str, source: str) -> Problem | None:
    """The page's front matter does not parse as YAML.

    MkDocs then ignores it without a word: the page loses its description and its date, and the
    front matter is shown as text at the top of the page.
    """
    error = read_source(source).front_matter.error
    if error is not None:
        mark = getattr(error, "problem_mark", None)
        line = 2 + (mark.line if mark else 0)
        problem = getattr(error, "problem", None) or str(error)
        return Problem(
            path,
            line,
            f"the front matter is not valid YAML ({problem}): put a value that contains ': ' or starts "
            "with a quote in double quotes, for example description: \"Geneva: what to plan\"",
        )
    return None


def review_problem(path: str, source: str, meta: dict, today: date) -> Problem | None:
    """What is wrong with the page's `reviewed:` date, or None when it is a past or present day."""
    example = f"{REVIEWED_KEY}: {today.isoformat()}"
    broken = front_matter_problem(path, source)
    if broken is not None:
        return broken
    if REVIEWED_KEY not in meta:
        return Problem(
            path,
            _front_matter_end_line(source),
            f"the front matter has no '{REVIEWED_KEY}:' date: add a line such as '{example}', the day you "
            "last checked this page's facts against its sources",
        )
    line = _key_line(source)
    value = meta[REVIEWED_KEY]
    day = reviewed_date(value)
    if day is None:
        written = f"'{REVIEWED_KEY}:' is empty" if value is None else f"'{REVIEWED_KEY}: {value}' is not a date"
        return Problem(path, line, f"{written}: write it as YYYY-MM-DD, for example '{example}'")
    if day > today:
        return Problem(
            path,
            line,
            f"'{REVIEWED_KEY}: {day.isoformat()}' is in the future (today is {today.isoformat()}): write the day "
            "you last checked this page's facts",
        )
    return None


def _key_line(source: str) -> int:
    match = _KEY_LINE.search(source, 0, read_source(source).front_matter.end or len(source))
    return source.count("\n", 0, match.start()) + 1 if match else 1


def _front_matter_end_line(source: str) -> int:
    """The line of the front matter's closing `---`, where a missing key goes (1 without one)."""
    front_matter = read_source(source).front_matter
    if front_matter.raw is None:
        return 1
    return source[: front_matter.end].rstrip("\n").count("\n") + 1
