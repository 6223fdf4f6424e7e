"""The stamp a translation carries: which English text it was made from.

A translation's front matter records a hash of the English source it matches:

    ---
    description: ...
    translation:
      source_hash: sha256:3f1c...
      translation_hash: sha256:9a0b...
      source_date: 2026-11-29
    ---

The hash, not a commit or a date, decides whether the translation is outdated, so the answer is
the same in a shallow clone, after a rebase or in a copy without git. `source_date` is the day the
English page had last changed when the translation was stamped, for people reading the file; it
is left out when the English page had changes not yet committed (their day is not known).

`translation_hash` is the hash of the translation itself (its stamp left out) when it was
stamped: `stamp` uses it, where git history cannot say, to refuse a translation that was not
touched since the English page changed. Stamps written before it existed have none.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

import yaml

from advocacy_guide import yaml_parsing
from advocacy_guide.freshness import REVIEWED_KEY
from advocacy_guide.markdown.source import FRONT_MATTER
from advocacy_guide.translations.model import command

STAMP_KEY = "translation"
HASH_PREFIX = "sha256:"
HASH_FORMAT = re.compile(r"^sha256:[0-9a-f]{64}$")
TOP_LEVEL_KEY = re.compile(r"^[^\s#][^:]*:")
REVIEWED_LINE = re.compile(rf"^{REVIEWED_KEY}[ \t]*:.*\n", re.M)


class StampError(ValueError):
    """The front matter or the stamp cannot be read; `line` is where to look."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Stamp:
    source_hash: str
    source_date: date | None
    line: int  # the line of `translation:` in the file
    translation_hash: str | None = None


def source_hash(english_text: str) -> str:
    """The hash of an English page, insensitive to line endings and to trailing blank lines.

    The front matter's `reviewed:` date is left out: checking the English page's facts again
    without changing its text does not make its translations outdated (each language carries
    the date of its own check, advocacy_guide.freshness).
    """
    normalized = english_text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"
    match = FRONT_MATTER.match(normalized)
    if match:
        front_matter = REVIEWED_LINE.sub("", match.group(0))
        normalized = front_matter + normalized[match.end() :]
    return HASH_PREFIX + hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def read_stamp(text: str) -> Stamp | None:
    """The stamp of a translation, None when it has none; StampError when it is malformed."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    try:
        meta = yaml_parsing.safe_load(match.group("yaml") or "") or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening `---`
        raise StampError(line, f"the front matter is not valid YAML ({getattr(error, 'problem', error)})") from error
    if not isinstance(meta, dict) or STAMP_KEY not in meta:
        return None
    line = _key_line(text, STAMP_KEY)
    stamp = meta[STAMP_KEY]
    how_to_fix = f"run `{command('stamp', 'LANGUAGE', 'PAGE')}` to write it again"
    if not isinstance(stamp, dict):
        raise StampError(line, f"`{STAMP_KEY}:` must hold `source_hash:` and `source_date:`; {how_to_fix}")
    value = str(stamp.get("source_hash", ""))
    if not HASH_FORMAT.match(value):
        raise StampError(line, f"`source_hash` must look like 'sha256:' and 64 hexadecimal digits; {how_to_fix}")
    own = stamp.get("translation_hash")
    if own is not None and not HASH_FORMAT.match(str(own)):
        raise StampError(line, f"`translation_hash` must look like 'sha256:' and 64 hexadecimal digits; {how_to_fix}")
    recorded = stamp.get("source_date")
    if isinstance(recorded, str):
        try:
            recorded = date.fromisoformat(recorded)
        except ValueError:
            raise StampError(line, f"`source_date` must be a date such as 2026-11-29; {how_to_fix}") from None
    return Stamp(value, recorded if isinstance(recorded, date) else None, line, str(own) if own is not None else None)


def _front_matter_without_stamp(yaml_text: str | None) -> list[str]:
    kept: list[str] = []
    skipping = False
    for line in (yaml_text or "").splitlines():
        if TOP_LEVEL_KEY.match(line):
            skipping = line.split(":", 1)[0].strip() == STAMP_KEY
        if not skipping:
            kept.append(line)
    return kept


def without_stamp(text: str) -> str:
    """The translation as a translator wrote it: its stamp left out, line endings normalised.

    `write_stamp` changes nothing else, so a text and its stamped version give the same result.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return "\n---\n" + text.lstrip("\n").rstrip("\n") + "\n"
    kept = [line for line in _front_matter_without_stamp(match.group("yaml")) if line.strip()]
    return "\n".join(kept) + "\n---\n" + text[match.end() :].lstrip("\n").rstrip("\n") + "\n"


def translation_hash(text: str) -> str:
    """The hash of a translation's own text, its stamp left out."""
    return source_hash(without_stamp(text))


def write_stamp(text: str, english_hash: str, english_date: date | None, own_hash: str | None = None) -> str:
    """`text` with its stamp replaced (or added), every other line of the file left as it was."""
    block = [f"{STAMP_KEY}:", f"  source_hash: {english_hash}"]
    if own_hash is not None:
        block.append(f"  translation_hash: {own_hash}")
    if english_date is not None:
        block.append(f"  source_date: {english_date.isoformat()}")
    match = FRONT_MATTER.match(text)
    if not match:
        return "---\n" + "\n".join(block) + "\n---\n\n" + text
    yaml_text = match.group("yaml")
    kept = _front_matter_without_stamp(yaml_text)
    closing_start = match.end("yaml") if yaml_text is not None else text.index("\n") + 1
    closing = text[closing_start : match.end()]
    if not closing.endswith("\n"):
        closing += "\n"
    return "---\n" + "\n".join(kept + block) + "\n" + closing + text[match.end() :]


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1
