"""Stop words for search, applied as word separators so the index and the query drop the same words.

Why separators: Material's search worker appends `*` to every query word, and lunr runs no
pipeline (stop word filter, stemmer) on a word with a wildcard. "de" in "limite de mots" then
becomes `de*` and matches every word that starts with "de" ("dernier", "deux", "demande"...),
which buries the page that talks about a word limit. The index's `config.separator` is the one
rule the worker applies to the index text *and* to each query word (transformSearchQuery splits
query words with it), so a stop word written as a separator vanishes from both: "limite de mots"
searches `limite* mots*`.

The words are lunr's own lists (lunr.js for English, lunr-languages for French and Spanish, as
shipped by Material), minus a few that carry meaning in this guide (KEPT_WORDS).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import material

_LUNR = Path(material.__file__).parent / "templates" / "assets" / "javascripts"

# Words of lunr's lists that this guide needs to find: in Spanish, "estado(s)" is the State
# party (lunr-languages lists it as a form of "estar").
KEPT_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(),
    "fr": frozenset(),
    "es": frozenset({"estado", "estados", "estada", "estadas"}),
}

# What is left of a word cut at an apostrophe (the base separator splits "State's" and "don't"),
# which lunr's English list does not have. French elisions (l', d', qu') are in lunr's list.
EXTRA_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"s", "t"}),
    "fr": frozenset(),
    "es": frozenset(),
}

# Characters that end a word, besides the base separator: the word before an apostrophe, a
# comma or a closing bracket is still a word ("de," or "l'").
_WORD_END = r"""\s\-'’,.;:!?)»”\]"""
_WORD_START = r"""\s\-'’(«“\["""


@cache
def lunr_stop_words(language: str) -> tuple[str, ...]:
    """lunr's stop word list for `language`, read from the copy Material ships."""
    if language == "en":
        worker = next((_LUNR / "workers").glob("search.*.min.js"))
        found = re.search(r"generateStopWordFilter\(\[([^\]]*)\]\)", worker.read_text(encoding="utf-8"))
        if not found:
            raise RuntimeError(f"no English stop word list in {worker}")
        return tuple(re.findall(r'"([^"]+)"', found.group(1)))
    script = _LUNR / "lunr" / "min" / f"lunr.{language}.min.js"
    found = re.search(r'generateStopWordFilter\("([^"]*)"\.split\(" "\)\)', script.read_text(encoding="utf-8"))
    if not found:
        raise RuntimeError(f"no stop word list in {script}")
    return tuple(word for word in found.group(1).split(" ") if word)  # lunr.ar's list holds a ""


def stop_words(language: str) -> list[str]:
    """The words search leaves out in `language`: lunr's list, adjusted for this guide."""
    words = set(lunr_stop_words(language)) - KEPT_WORDS.get(language, frozenset())
    return sorted(words | EXTRA_WORDS.get(language, frozenset()))


def _any_case(word: str) -> str:
    """A pattern for `word` in any case, without regex flags (Material compiles the separator
    without the `i` flag): "de" -> "[dD][eE]"."""
    parts = []
    for char in word:
        lower, upper = char.lower(), char.upper()
        parts.append(f"[{lower}{upper}]" if lower != upper and len(upper) == 1 else re.escape(char))
    return "".join(parts)


def stop_word_separator(base: str, words: list[str]) -> str:
    """`base` (the plugin's separator), plus each of `words` standing alone, as one JS regex.

    Longest words first, so that "les" is tried before "le". No part between two `|` is a bare
    lookaround: Material's page highlighter splits the separator on `|` and drops such parts.
    """
    # An empty word would match between any two letters: every letter a word of its own.
    words = [word for word in words if word]
    if not words:
        return base
    alternatives = "|".join(_any_case(word) for word in sorted(words, key=lambda w: (-len(w), w)))
    return f"{base}|(?<![^{_WORD_START}])(?:{alternatives})(?![^{_WORD_END}])"
