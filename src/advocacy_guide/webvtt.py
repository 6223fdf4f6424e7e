"""WebVTT captions: a strict reader and the transcript built from the same cues.

Captions are written once, in WebVTT, and the transcript under a video is made from them, so a
translator never writes the same text twice. The reader follows the W3C WebVTT file syntax
closely enough to catch what breaks players (a missing header, a malformed timing line, cues out
of order, "-->" inside a cue) and reports the file's own line number.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from advocacy_guide.errors import LocatedError

# "WEBVTT" alone, or followed by a space or tab and free text.
_HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t].*)?$")
# Hours of any length, as browsers read them (the syntax asks for two digits; players accept one).
_TIMESTAMP = r"(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIMESTAMP}[ \t]+-->[ \t]+{_TIMESTAMP}(?:[ \t]+(.*))?$")
# Cue text markup: <c.class>, <i>, <b>, <u>, <ruby>, <rt>, <lang xx>, <v Speaker>, timestamps.
_TAG = re.compile(r"<[^>]*>")
_VOICE = re.compile(r"<v(?:\.[^ \t>]*)?[ \t]+([^>]*)>")
_SPACES = re.compile(r"\s+")

EXAMPLE_TIMING = "00:00:01.000 --> 00:00:04.000"
# A new transcript paragraph starts after a pause this long between two cues (seconds).
PARAGRAPH_PAUSE = 2.0


class WebVTTError(LocatedError):
    """A captions file that players would reject or misread."""


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # the cue's plain text: markup removed, character references decoded
    speaker: str | None  # from a <v Speaker> span, when the captions name who speaks
    line: int  # the timing line's number in the file


@dataclass(frozen=True)
class TranscriptParagraph:
    start: float
    speaker: str | None
    text: str


def read_webvtt(path: Path) -> list[Cue]:
    """Read a captions file; raise WebVTTError naming the line when it is not valid WebVTT."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise WebVTTError(path, 1, f"cannot read the captions file: {error.strerror}") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise WebVTTError(path, line, "is not UTF-8 text: save the captions file as UTF-8") from error
    return parse_webvtt(text, path)


def parse_webvtt(text: str, path: Path | str = "<captions>") -> list[Cue]:
    """Parse WebVTT text into cues (see read_webvtt)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not _HEADER.match(lines[0]):
        raise WebVTTError(path, 1, 'a WebVTT file must start with the line "WEBVTT"')
    cues: list[Cue] = []
    number = 1
    # The header block runs to the first blank line.
    while number < len(lines) and lines[number].strip():
        if "-->" in lines[number]:
            raise WebVTTError(path, number + 1, 'leave a blank line between the "WEBVTT" header and the first cue')
        number += 1
    while number < len(lines):
        if not lines[number].strip():
            number += 1
            continue
        block_start = number
        block: list[str] = []
        while number < len(lines) and lines[number].strip():
            block.append(lines[number])
            number += 1
        cue = _parse_block(block, block_start + 1, path, cues)
        if cue is not None:
            cues.append(cue)
    return cues


def _parse_block(block: list[str], first_line: int, path: Path | str, previous: list[Cue]) -> Cue | None:
    head = block[0]
    if head.startswith("NOTE") and (len(head) == 4 or head[4] in " \t"):
        return None  # a comment
    if head in ("STYLE", "REGION") or head.startswith(("STYLE ", "REGION ")):
        if previous:
            raise WebVTTError(path, first_line, f"a {head.split()[0]} block must come before the first cue")
        return None
    timing_index = 0 if "-->" in head else 1
    if timing_index == 1 and (len(block) < 2 or "-->" not in block[1]):
        # Point at the line that was meant as the timing line: the first one when it starts
        # like a time ("00:01.000 -> ..."), otherwise the one after the cue's name.
        looks_like_time = head[:1].isdigit() or len(block) == 1
        raise WebVTTError(
            path, first_line + (0 if looks_like_time else 1),
            f'expected a timing line such as "{EXAMPLE_TIMING}" (a cue is an optional name, '
            "a timing line, then its text; blocks are separated by one blank line)",
        )
    timing_line = first_line + timing_index
    match = _TIMING.match(block[timing_index].strip())
    if not match:
        raise WebVTTError(
            path, timing_line,
            f'malformed timing line "{block[timing_index].strip()}": write it as "{EXAMPLE_TIMING}" '
            "(hours optional, two-digit minutes and seconds, three-digit milliseconds, a dot before them)",
        )
    start = _seconds(match.group(1), match.group(2), match.group(3), match.group(4))
    end = _seconds(match.group(5), match.group(6), match.group(7), match.group(8))
    if end <= start:
        raise WebVTTError(path, timing_line, "the cue ends before it starts: the second time must be later than the first")
    if previous and start < previous[-1].start:
        raise WebVTTError(
            path, timing_line,
            f"this cue starts before the previous one (line {previous[-1].line}): put cues in time order",
        )
    payload = block[timing_index + 1 :]
    for offset, text in enumerate(payload):
        if "-->" in text:
            raise WebVTTError(
                path, timing_line + 1 + offset,
                'a cue\'s text cannot contain "-->": leave a blank line before the next cue',
            )
    speaker, plain = _plain_text(payload)
    return Cue(start, end, plain, speaker, timing_line)


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _plain_text(payload: list[str]) -> tuple[str | None, str]:
    joined = " ".join(payload)
    voice = _VOICE.search(joined)
    speaker = html.unescape(voice.group(1)).strip() or None if voice else None
    plain = html.unescape(_TAG.sub("", joined))
    return speaker, _SPACES.sub(" ", plain).strip()


def transcript(cues: list[Cue], breaks: tuple[float, ...] = ()) -> list[TranscriptParagraph]:
    """Group cues into readable paragraphs.

    A paragraph ends when another speaker is named, after a pause, or where a chapter (`breaks`,
    in seconds) begins, so that the transcript follows the video's structure. A paragraph names
    its speaker only when its first cue does (`<v Name>`): a cue without a voice span says nothing
    about who speaks.
    """
    paragraphs: list[TranscriptParagraph] = []
    texts: list[str] = []
    start = 0.0
    paragraph_speaker: str | None = None
    last_speaker: str | None = None
    last_end = 0.0
    for cue in cues:
        if not cue.text:
            continue
        new_speaker = cue.speaker is not None and cue.speaker != last_speaker
        paused = cue.start - last_end >= PARAGRAPH_PAUSE
        chapter = any(start < b <= cue.start for b in breaks)
        if texts and (new_speaker or paused or chapter):
            paragraphs.append(TranscriptParagraph(start, paragraph_speaker, " ".join(texts)))
            texts = []
        if not texts:
            start = cue.start
            paragraph_speaker = cue.speaker
        if cue.speaker is not None:
            last_speaker = cue.speaker
        texts.append(cue.text)
        last_end = cue.end
    if texts:
        paragraphs.append(TranscriptParagraph(start, paragraph_speaker, " ".join(texts)))
    return paragraphs
