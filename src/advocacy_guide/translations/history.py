"""What git knows about English pages: when each last changed, and its past versions.

Only dates and diffs come from git; whether a translation is outdated never does (see stamp.py).
Everything here degrades gracefully: without git, outside a repository or in a shallow clone the
dates fall back to the file's modification time and `find_version` says why it found nothing.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from advocacy_guide.translations.stamp import source_hash


class HistoryUnavailable(Exception):
    """Git history cannot answer; the message says why and what to do."""


@dataclass(frozen=True)
class Version:
    commit: str
    day: date
    text: str


def _git(root: Path, *args: str) -> str:
    try:
        completed = subprocess.run(
            ["git", "-c", "core.quotepath=off", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise HistoryUnavailable(f"git could not run: {error}") from error
    if completed.returncode != 0:
        raise HistoryUnavailable(completed.stderr.strip() or f"git {' '.join(args)} failed")
    return completed.stdout


def is_repository(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except HistoryUnavailable:
        return False


def is_shallow(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    except HistoryUnavailable:
        return False


def _modified_day(path: Path) -> date | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).date()
    except OSError:
        return None


@dataclass(frozen=True)
class LastChange:
    """When a file last changed: the day of its last commit, or not committed yet."""

    day: date | None
    committed: bool


def last_changes(root: Path, folder: Path) -> dict[str, LastChange]:
    """{path relative to `folder`: when its file last changed} for every Markdown file in it.

    A file with changes not committed yet (or not tracked) has `committed=False` and no day: the
    day it will be committed is not known, and its modification time would pass for a commit
    date in messages and readers' notices. Without git (a copy, a download), the modification
    time is the best there is, and counts as committed.
    """
    days: dict[str, date] = {}
    files = sorted(p for p in folder.rglob("*.md") if p.is_file())
    changed: set[str] = set()
    use_git = True
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
        prefix = folder.resolve().relative_to(top.resolve()).as_posix()
        log = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", prefix)
        current: date | None = None
        for line in log.splitlines():
            if line.startswith("\x00"):
                current = date.fromisoformat(line[1:].strip())
            elif line.strip() and current is not None:
                relative = line.strip()[len(prefix) + 1 :] if prefix != "." else line.strip()
                days.setdefault(relative, current)
        status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", prefix)
        for line in status.splitlines():
            path = line[3:].split(" -> ")[-1].strip().strip('"')
            changed.add(path[len(prefix) + 1 :] if prefix != "." else path)
    except (HistoryUnavailable, ValueError):
        days.clear()
        use_git = False
    result: dict[str, LastChange] = {}
    for path in files:
        relative = path.relative_to(folder).as_posix()
        if use_git and relative in changed:
            result[relative] = LastChange(None, committed=False)
            continue
        day = days.get(relative)
        if day is None:
            day = _modified_day(path)
        if day is not None:
            result[relative] = LastChange(day, committed=True)
    return result


def last_change_dates(root: Path, folder: Path) -> dict[str, date]:
    """{path relative to `folder`: the day its file last changed}, for committed files only."""
    return {page: change.day for page, change in last_changes(root, folder).items() if change.day is not None}


def committed_text(root: Path, path: Path, revision: str = "HEAD") -> str | None:
    """The text of `path` in a commit (HEAD by default), None when it has none or git cannot tell."""
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
        relative = path.resolve().relative_to(top.resolve()).as_posix()
        return _git(root, "show", f"{revision}:{relative}")
    except (HistoryUnavailable, ValueError):
        return None


def versions(root: Path, path: Path) -> Iterator[Version]:
    """Every committed version of `path`, newest first, read as they are asked for (none outside git)."""
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
        relative = path.resolve().relative_to(top.resolve()).as_posix()
        log = _git(root, "log", "--format=%H %cs", "--", relative)
    except (HistoryUnavailable, ValueError):
        return
    for line in log.splitlines():
        commit, day = line.split(" ", 1)
        try:
            text = _git(root, "show", f"{commit}:{relative}")
        except HistoryUnavailable:
            continue  # the file did not exist under that name in this commit
        yield Version(commit, date.fromisoformat(day), text)


def find_version(root: Path, path: Path, wanted_hash: str) -> Version:
    """The committed version of `path` whose `source_hash` is `wanted_hash`, newest first.

    HistoryUnavailable explains why none was found: not a repository, a shallow clone, or a
    hash that no commit has (the translation was stamped from text that was never committed).
    """
    if not is_repository(root):
        raise HistoryUnavailable(
            f"{root} is not a git repository, so the English versions of the past are not available; "
            "compare the translation with the English page by hand"
        )
    for version in versions(root, path):
        if source_hash(version.text) == wanted_hash:
            return version
    if is_shallow(root):
        raise HistoryUnavailable(
            "this is a shallow clone: the English version the translation was made from is not in the "
            f"history it has; run `git fetch --unshallow` and try again"
        )
    raise HistoryUnavailable(
        f"no commit has the English text the translation was stamped from ({wanted_hash[:15]}...): it was "
        "probably stamped from changes that were never committed; compare with the English page by hand"
    )
