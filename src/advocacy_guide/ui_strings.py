"""Interface strings in each language, read from data/ui-strings.yml.

The file is written in the languages it uses: every key needs a text in each of them (a key
missing one is an error naming the key and the line to add). A language of the site that the
file does not use yet (a new language, before its translator reaches this file) shows the
default language's texts, written first under each key; the build says so once (hooks/i18n_site.py).
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from advocacy_guide import yaml_parsing


class UiStringsError(ValueError):
    """The strings file is malformed or incomplete."""


def load_ui_strings(path: Path) -> dict[str, dict[str, str]]:
    """Read and validate the strings file: every key must have a text in every language the file uses.

    Several hooks read it, once per language: the file is parsed once for each version of it
    (path, size and modification time), and each caller gets its own copy.
    """
    try:
        stat = path.stat()
    except OSError as error:
        raise UiStringsError(f"{path}: cannot read the interface strings: {error}") from error
    data = _load_ui_strings(path, stat.st_mtime_ns, stat.st_size)
    # Two levels are all there is (key -> language -> text): copying them is a deep copy, and
    # about a hundred times faster than copy.deepcopy.
    return {key: dict(texts) for key, texts in data.items()}


@functools.lru_cache(maxsize=8)
def _load_ui_strings(path: Path, mtime_ns: int, size: int) -> dict[str, dict[str, str]]:
    try:
        data = yaml_parsing.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise UiStringsError(f"{path}: cannot read the interface strings: {error}") from error
    if not isinstance(data, dict):
        raise UiStringsError(f"{path}: expected a mapping of key -> {{en, fr, es}}")
    for key, texts in data.items():
        if not isinstance(texts, dict):
            raise UiStringsError(f"{path}: '{key}' must map languages to texts, e.g. en: Close")
    languages = string_languages(data)
    for key, texts in data.items():
        missing = [lang for lang in languages if not texts.get(lang)]
        if missing:
            raise UiStringsError(
                f"{path}: '{key}' has no text for {', '.join(missing)}; add a line such as "
                f"'{missing[0]}: ...' under it"
            )
    return data


def string_languages(strings: dict[str, dict[str, str]]) -> list[str]:
    """The languages the strings are written in, in the order of their first appearance."""
    return list(dict.fromkeys(language for texts in strings.values() for language in texts))


def translate(strings: dict[str, dict[str, str]], key: str, language: str) -> str:
    """The text for `key` in `language`; the key's first text (the default language's) when the
    file has none in that language yet."""
    if key not in strings:
        raise KeyError(f"unknown interface string '{key}': add it to data/ui-strings.yml")
    texts = strings[key]
    return texts.get(language) or next(iter(texts.values()))
