"""Interface strings in each language, read from data/ui-strings.yml."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from advocacy_guide import DEFAULT_LANGUAGE, LANGUAGES, yaml_parsing


class UiStringsError(ValueError):
    """The strings file is malformed or incomplete."""


def load_ui_strings(path: Path) -> dict[str, dict[str, str]]:
    """Read and validate the strings file: every key must have a text in every language.

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
        missing = [lang for lang in LANGUAGES if not texts.get(lang)]
        if missing:
            raise UiStringsError(
                f"{path}: '{key}' has no text for {', '.join(missing)}; add a line such as "
                f"'{missing[0]}: ...' under it"
            )
    return data


def translate(strings: dict[str, dict[str, str]], key: str, language: str) -> str:
    """The text for `key` in `language` (the default language when the language is unknown)."""
    if key not in strings:
        raise KeyError(f"unknown interface string '{key}': add it to data/ui-strings.yml")
    texts = strings[key]
    return texts.get(language) or texts[DEFAULT_LANGUAGE]
