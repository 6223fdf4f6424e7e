"""Split the single MkDocs search index into one index per language.

Material's search plugin writes one `search/search_index.json` for the whole site, and the i18n
plugin stacks every language's pages into it, all with `lang: ["en"]`. Readers then get results
in every language, stemmed as English. Each language gets its own index instead, stored under its
own folder (`fr/search/search_index.json`), with locations relative to that folder and its own
`lang` so that lunr stems French as French.
"""

from __future__ import annotations

import copy
from typing import Any


def language_of_location(location: str, languages: list[str], default: str) -> str:
    """The language a search entry belongs to, from the folder its page is in."""
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_search_index(
    index: dict[str, Any], languages: list[str], default: str
) -> dict[str, dict[str, Any]]:
    """Return {language: index} where each index holds only that language's entries."""
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
    return result
