"""Accent-free copies of a search entry's words, so that "comite" finds "comité".

lunr-languages' French and Spanish pipelines keep accents (their trimmer and stemmer do not fold
them), and Material's worker runs no pipeline on query words anyway (each ends with `*`). Folding
the display text would change what readers see in result snippets, so the folded words go into
extra index fields (`folded_title`, `folded_text`) with the same boosts as `title` and `text`:
"comite" then scores on the folded fields as "comité" scores on the originals. Only words that
change when folded are copied, which keeps the index small.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """`text` without diacritics: "Comité" -> "Comite", "cœur" -> "coeur"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded_words(html: str) -> str:
    """The words of `html` (tags ignored) that change when folded, folded, in their order.

    Each occurrence is kept: lunr scores by how often a word occurs, and "comite" should score
    as "comité" does.
    """
    text = _TAG.sub(" ", html)
    return " ".join(folded for word in _WORD.findall(text) if (folded := fold(word)) != word)
