"""Split the single MkDocs search index into one index per language, shaped for ranking.

Material's search plugin writes one `search/search_index.json` for the whole site, and the i18n
plugin stacks every language's pages into it, all with `lang: ["en"]`. Readers then get results
in every language, stemmed as English. Each language gets its own index instead, stored under its
own folder (`fr/search/search_index.json`), with locations relative to that folder and its own
`lang` so that lunr stems French as French.

Each language's index is then shaped with lunr's own mechanisms, all read by Material's worker
from the index (`shape_language_index`):
- `config.separator`: punctuation and apostrophes split words, and the language's stop words
  count as separators, so they leave the index and the query alike (search_words.py);
- `config.pipeline`: empty, the separator does the stop word filter's work (lunr's own filter
  would also drop Spanish "estado");
- `config.fields` and two fields per entry: accent-free copies of accented words
  (search_folding.py);
- `boost` per entry: stage pages above modules, video stories and the glossary (search_boosts.py).
"""

from __future__ import annotations

import copy
from typing import Any

from advocacy_guide.search_boosts import with_boost
from advocacy_guide.search_folding import folded_words
from advocacy_guide.search_words import stop_word_separator, stop_words

# Split words at apostrophes ("l'article", "State's") and punctuation too, besides the plugin's
# own separator (white space and hyphens): "(comité" and "mots," are then "comité" and "mots".
PUNCTUATION_SEPARATOR = r"""['’(),;:!?«»“”"\[\]/]+"""
FOLDED_FIELDS = {"folded_title": "title", "folded_text": "text"}


def language_of_location(location: str, languages: list[str], default: str) -> str:
    """The language a search entry belongs to, from the folder its page is in."""
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_search_index(
    index: dict[str, Any], languages: list[str], default: str
) -> dict[str, dict[str, Any]]:
    """Return {language: index} where each index holds only that language's entries, shaped."""
    result: dict[str, dict[str, Any]] = {}
    for language in languages:
        config = copy.deepcopy(index.get("config", {}))
        config["lang"] = [language]
        result[language] = {"config": config, "docs": []}
    for entry in index.get("docs", []):
        language = language_of_location(entry["location"], languages, default)
        entry = dict(entry)
        if language != default:
            entry["location"] = entry["location"][len(language) + 1 :]
        result[language]["docs"].append(entry)
    return {language: shape_language_index(part, language) for language, part in result.items()}


def shape_language_index(index: dict[str, Any], language: str) -> dict[str, Any]:
    """`index` (one language's) with the separator, pipeline, fields and boosts described above."""
    config = dict(index.get("config", {}))
    base = config.get("separator") or r"[\s\-]+"
    config["separator"] = stop_word_separator(f"{base}|{PUNCTUATION_SEPARATOR}", stop_words(language))
    config["pipeline"] = []
    fields = dict(config.get("fields") or {"title": {"boost": 1000.0}, "text": {"boost": 1.0}})
    for folded, original in FOLDED_FIELDS.items():
        fields[folded] = dict(fields.get(original, {"boost": 1.0}))
    config["fields"] = fields
    return {**index, "config": config, "docs": [_shaped_entry(entry) for entry in index.get("docs", [])]}


def _shaped_entry(entry: dict[str, Any]) -> dict[str, Any]:
    shaped = with_boost(entry)
    for folded, original in FOLDED_FIELDS.items():
        words = folded_words(str(entry.get(original, "")))
        if words:
            shaped = {**shaped, folded: words}
    return shaped
