"""English edits that need no translation, recorded in `data/translation-skips.yml`.

`advocacy-guide translations skip PAGE` appends one record per trivial English edit (a typo,
punctuation, the address of a link to another site; `trivial.py` decides what is trivial):

    - page: follow-up.md
      from: sha256:...     # the English page before the edit (its `source_hash`)
      to: sha256:...       # the English page after it
      date: 2026-12-01
      reason: "typo: 'recomendations' -> 'recommendations'"

A translation whose stamp records `from` stays up to date while the English page is `to`; the
records chain, so several trivial edits in a row keep it up to date too.

Why a committed file of hashes rather than a hash that ignores trivial differences: a "fuzzy"
hash would have to decide, for every page and every future edit, what counts, and a change of
that decision would turn pages outdated (or worse, up to date) without anyone editing them. The
record is explicit, reviewed in the commit that makes the edit, and says who decided what and
why. Like the stamps, it holds hashes of the English text, not commits or dates, so it gives the
same answer in a shallow clone, after a rebase, or in a copy without git.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from advocacy_guide.located_yaml import LocatedYamlError, YamlList, YamlMap, load_located_yaml
from advocacy_guide.translations.model import command
from advocacy_guide.translations.stamp import HASH_FORMAT

HEADER = """\
# English edits that need no translation: a translation stamped from the English text `from`
# stays up to date when the English page becomes `to`. Written by
# `.venv/bin/advocacy-guide translations skip PAGE` (translators/README.md); do not edit by hand.
"""


@dataclass(frozen=True)
class Skip:
    page: str
    before: str  # `from`: the English page's hash before the edit
    after: str  # `to`: after it
    day: date | None
    reason: str
    line: int = 0  # where the record starts in the file

    def as_yaml(self) -> str:
        record = {"page": self.page, "from": self.before, "to": self.after}
        if self.day is not None:
            record["date"] = self.day.isoformat()
        record["reason"] = self.reason
        return yaml.safe_dump([record], allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)


def _fix() -> str:
    return f"fix it, or remove the record and run `{command('skip', 'PAGE')}` again"


class Skips:
    """Every recorded skip, by page."""

    def __init__(self, records: list[Skip] | None = None) -> None:
        self.records = list(records or [])
        self._next: dict[str, dict[str, list[Skip]]] = defaultdict(lambda: defaultdict(list))
        for record in self.records:
            self._next[record.page][record.before].append(record)

    def path(self, page: str, start: str, goal: str) -> list[Skip] | None:
        """The skips that lead from the English text `start` to `goal`, None when none do."""
        if start == goal:
            return []
        edges = self._next.get(page, {})
        queue: deque[tuple[str, list[Skip]]] = deque([(start, [])])
        seen = {start}
        while queue:
            current, taken = queue.popleft()
            for record in edges.get(current, []):
                if record.after == goal:
                    return taken + [record]
                if record.after not in seen:
                    seen.add(record.after)
                    queue.append((record.after, taken + [record]))
        return None

    def find(self, page: str, before: str, after: str) -> Skip | None:
        return next((r for r in self._next.get(page, {}).get(before, []) if r.after == after), None)


def load_skips(path: Path, shown_as: str | None = None) -> Skips:
    """The skips recorded in `path` (none when it does not exist); LocatedYamlError when malformed."""
    if not path.is_file():
        return Skips()
    name = shown_as or str(path)
    data = load_located_yaml(path.read_text(encoding="utf-8"), name)
    if data is None:
        return Skips()
    if not isinstance(data, YamlList):
        raise LocatedYamlError(name, getattr(data, "line", 1), f"the file must be a list of records starting with `- page:`: {_fix()}")
    records: list[Skip] = []
    for item, line in zip(data, data.item_lines):
        if not isinstance(item, YamlMap):
            raise LocatedYamlError(name, line, f"each record needs `page:`, `from:`, `to:`, `date:` and `reason:`: {_fix()}")
        for key in ("page", "from", "to"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise LocatedYamlError(name, item.line, f"this record has no `{key}:`: {_fix()}")
        for key in ("from", "to"):
            if not HASH_FORMAT.match(item[key]):
                raise LocatedYamlError(name, item.line_of(key), f"`{key}` must look like 'sha256:' and 64 hexadecimal digits: {_fix()}")
        day = None
        if isinstance(item.get("date"), str):
            try:
                day = date.fromisoformat(item["date"])
            except ValueError:
                raise LocatedYamlError(name, item.line_of("date"), f"`date` must be a date such as 2026-12-01: {_fix()}") from None
        reason = item.get("reason")
        records.append(Skip(item["page"], item["from"], item["to"], day, reason if isinstance(reason, str) else "", item.line))
    return Skips(records)


def append_skip(path: Path, record: Skip) -> None:
    """Add a record at the end of the file (written with its header when it does not exist)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + record.as_yaml(), encoding="utf-8")
