"""From narration to times: the chunks the synthesiser speaks, and when each one is heard.

Each chunk is spoken separately, so its duration is measured from its own audio; the same
timeline then places the audio, changes the slides and times the captions. Captions therefore
match the speech exactly, whatever the language or the voice's speed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# A sentence ends at . ! ? or … (with closing quotes or brackets), before a space and a
# character that is neither a lowercase letter nor a digit ("art. 19" and "p. ex. la" stay whole).
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+")
# Where a long sentence may be cut for a caption: after , ; : or a dash.
_CLAUSE_END = re.compile(r"(?:[,;:]|\s[—–])\s+")
# Without punctuation, a clause is cut where a speaker could pause: before a conjunction or a
# relative ("that", "que") if one is near the middle, else before a preposition, else at any
# space that does not split a name ("Civil and Political", "Human Rights") or leave a chunk ending
# on an article or a preposition ("una lista de / cuestiones").
CONJUNCTIONS = {
    "en": {"that", "who", "whose", "which", "where", "when", "because", "and", "but", "or", "so", "while", "if", "before", "after"},
    "fr": {"que", "qui", "dont", "où", "quand", "parce", "et", "mais", "ou", "donc", "lorsque", "afin", "comme", "avant", "après"},
    "es": {"que", "quien", "cuyo", "cuya", "donde", "cuando", "porque", "y", "pero", "o", "así", "mientras", "como", "antes", "después"},
}
PREPOSITIONS = {
    "en": {"with", "for", "to", "in", "on", "by", "from", "about", "than"},
    "fr": {"avec", "pour", "dans", "sur", "par", "en"},
    "es": {"con", "para", "en", "sobre", "por"},
}
# A chunk never ends on these words, and never starts with the binding "of" / "de".
NO_END = {
    "en": {"a", "an", "the", "of", "to", "in", "on", "for", "by", "with", "from", "and", "or", "its", "his", "her", "their", "our", "this", "these"},
    "fr": {"le", "la", "les", "un", "une", "des", "de", "du", "à", "au", "aux", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
           "et", "ou", "en", "par", "pour", "sur", "dans", "que", "qui"},
    "es": {"el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "a", "al", "lo", "su", "sus", "este", "esta", "y", "o", "en",
           "por", "para", "con", "sobre", "que"},
}
NO_START = {"en": {"of"}, "fr": {"de", "du", "des"}, "es": {"de", "del"}}
MIN_PIECE = 12  # characters: no one-word captions


@dataclass(frozen=True)
class BreakWords:
    """Where a clause without punctuation may be cut, in one language."""

    conjunctions: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    no_end: frozenset[str] = frozenset()
    no_start: frozenset[str] = frozenset()

    @classmethod
    def of(cls, language: str) -> BreakWords:
        return cls(*(frozenset(table.get(language, ())) for table in (CONJUNCTIONS, PREPOSITIONS, NO_END, NO_START)))


@dataclass(frozen=True)
class Chunk:
    """Narration spoken in one piece and shown as one caption."""

    text: str
    ends_sentence: bool


@dataclass(frozen=True)
class Pauses:
    """Silences around the narration (seconds)."""

    scene_lead: float = 0.6  # the slide is on screen before the narrator speaks
    clause: float = 0.15  # between two chunks of one long sentence
    sentence: float = 0.45
    scene_tail: float = 1.0  # time to read the slide after the narration
    final_tail: float = 0.6  # after the last words: captions end within a second of the media


@dataclass(frozen=True)
class TimedChunk:
    scene: int  # index of the scene
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class SceneTime:
    start: float
    end: float
    speech_start: float = 0.0  # when the scene's narration starts (a recording is placed there)


@dataclass(frozen=True)
class RecordedScene:
    """A scene narrated by a recording: its length, and each chunk's time inside it."""

    duration: float
    cues: tuple[tuple[Chunk, float, float], ...]


@dataclass(frozen=True)
class Timeline:
    scenes: tuple[SceneTime, ...]
    chunks: tuple[TimedChunk, ...]

    @property
    def duration(self) -> float:
        return self.scenes[-1].end if self.scenes else 0.0


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        following = text[match.end() : match.end() + 1]
        if following.islower() or following.isdigit():
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return [sentence for sentence in sentences if sentence]


def narration_chunks(narration: str, max_characters: int, language: str = "en") -> list[Chunk]:
    """Sentences, with a sentence longer than `max_characters` cut at its clauses (or words)."""
    chunks: list[Chunk] = []
    break_words = BreakWords.of(language)
    for sentence in split_sentences(narration):
        pieces = _fit(sentence, max_characters, break_words)
        chunks.extend(Chunk(piece, index == len(pieces) - 1) for index, piece in enumerate(pieces))
    return chunks


def _fit(sentence: str, max_characters: int, break_words: BreakWords) -> list[str]:
    if len(sentence) <= max_characters:
        return [sentence]
    clauses: list[str] = []
    start = 0
    for match in _CLAUSE_END.finditer(sentence):
        clauses.append(sentence[start : match.end()].strip())
        start = match.end()
    clauses.append(sentence[start:].strip())
    pieces: list[str] = []
    current = ""
    for clause in clauses:
        joined = f"{current} {clause}".strip()
        if len(joined) <= max_characters:
            current = joined
            continue
        if current:
            pieces.append(current)
        if len(clause) <= max_characters:
            current = clause
        else:
            words = _split_words(clause, max_characters, break_words)
            pieces.extend(words[:-1])
            current = words[-1]
    if current:
        pieces.append(current)
    return pieces


def _split_words(text: str, max_characters: int, words_of: BreakWords) -> list[str]:
    """Cut a clause with no punctuation in two (or more), each part fitting `max_characters`."""
    if len(text) <= max_characters:
        return [text]
    words = text.split(" ")
    least = max(MIN_PIECE, len(text) // 5)
    cuts = []  # (tier, distance from the middle, index of the first word of the second part)
    for index in range(1, len(words)):
        first = " ".join(words[:index])
        if len(first) > max_characters:
            break
        previous, word = words[index - 1], words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        inside_name = previous[:1].isupper() and (word[:1].isupper() or following[:1].isupper())
        allowed = not inside_name and previous.lower() not in words_of.no_end and word.lower() not in words_of.no_start
        balanced = allowed and min(len(first), len(text) - len(first) - 1) >= least
        if balanced and word.lower() in words_of.conjunctions:
            tier = 0
        elif balanced and word.lower() in words_of.prepositions:
            tier = 1
        else:
            tier = 2 if allowed else 3
        cuts.append((tier, abs(len(first) - len(text) / 2), index))
    if not cuts:  # a first word longer than a caption: keep it whole
        return [words[0], *_split_words(" ".join(words[1:]), max_characters, words_of)] if len(words) > 1 else [text]
    index = min(cuts)[2]
    return [" ".join(words[:index]), *_split_words(" ".join(words[index:]), max_characters, words_of)]


def build_timeline(scenes: list[list[tuple[Chunk, float]] | RecordedScene], pauses: Pauses, frame: float) -> Timeline:
    """Place each scene's chunks (with their measured durations) one after another.

    A recorded scene lasts as long as its recording, with its chunks where the speech was found.
    A scene ends after its narration and a pause, rounded up to a whole video frame, so that the
    slide changes exactly where the audio of the next scene begins.
    """
    scene_times: list[SceneTime] = []
    timed: list[TimedChunk] = []
    clock = 0.0
    for index, chunks in enumerate(scenes):
        scene_start = clock
        clock += pauses.scene_lead
        speech_start = _ms(clock)
        if isinstance(chunks, RecordedScene):
            for chunk, start, end in chunks.cues:
                timed.append(TimedChunk(index, chunk.text, _ms(speech_start + start), _ms(speech_start + end)))
            clock = speech_start + chunks.duration
        for position, (chunk, duration) in enumerate(chunks if isinstance(chunks, list) else []):
            start = _ms(clock)
            timed.append(TimedChunk(index, chunk.text, start, _ms(start + duration)))
            clock = start + duration
            if position < len(chunks) - 1:
                clock += pauses.sentence if chunk.ends_sentence else pauses.clause
        clock += pauses.final_tail if index == len(scenes) - 1 else pauses.scene_tail
        clock = _ms(math.ceil(clock / frame - 1e-6) * frame)
        scene_times.append(SceneTime(_ms(scene_start), clock, speech_start))
    return Timeline(tuple(scene_times), tuple(timed))


def _ms(seconds: float) -> float:
    """Times are kept to the millisecond, the precision of WebVTT."""
    return round(seconds, 3)
