"""The site's languages, read from the one place they are written: the i18n plugin's
`languages` in mkdocs.yml.

Inside a build, hooks get them from the build context (`advocacy_guide.build.context`), which
reads the live configuration. Outside a build (the CLIs, tests), `project_languages` loads
mkdocs.yml with MkDocs' own loader (`mkdocs.config.load_config`: `!ENV`, `INHERIT` and the
plugins' own validation apply, as in a build). Adding a language is one entry there plus its
folder under docs/.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from mkdocs.config.defaults import MkDocsConfig

LTR = "ltr"
RTL = "rtl"


@dataclass(frozen=True)
class Language:
    code: str  # 'fr', the folder under docs/ and the site
    name: str  # 'Français', as the language switcher shows it
    default: bool
    direction: str  # 'ltr' or 'rtl'


@dataclass(frozen=True)
class SiteLanguages:
    """The languages the site is built in, in mkdocs.yml's order; exactly one is the default."""

    all: tuple[Language, ...]

    def __post_init__(self) -> None:
        defaults = [language.code for language in self.all if language.default]
        if len(defaults) != 1:
            raise ValueError(f"mkdocs.yml: plugins.i18n.languages needs exactly one 'default: true' language, found {defaults or 'none'}")

    def __iter__(self) -> Iterator[Language]:
        return iter(self.all)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    @property
    def default(self) -> str:
        return next(language.code for language in self.all if language.default)

    @property
    def translations(self) -> tuple[str, ...]:
        """Every language but the default."""
        return tuple(code for code in self.codes if code != self.default)

    def get(self, code: str) -> Language:
        for language in self.all:
            if language.code == code:
                return language
        raise KeyError(f"'{code}' is not a language of the site: use one of {', '.join(self.codes)}")

    def folder(self, code: str) -> str:
        """Where a language's pages are in the built site: '' for the default, 'fr/' otherwise."""
        return "" if code == self.default else f"{code}/"


def languages_of(config: MkDocsConfig) -> SiteLanguages:
    """The languages of a loaded configuration (one language, the theme's, without the i18n plugin)."""
    i18n = config.plugins.get("i18n")
    theme_direction = config.theme.get("direction")
    if i18n is None:
        code = config.theme.get("language") or "en"
        return SiteLanguages((Language(code, code, True, theme_direction or material_direction(code)),))
    languages = []
    for entry in i18n.config.languages:
        if not entry.build:
            continue
        overrides: dict[str, Any] = entry.theme or {}
        direction = overrides.get("direction") or (theme_direction if entry.default else None) or material_direction(entry.locale)
        languages.append(Language(entry.locale, entry.name, bool(entry.default), direction))
    return SiteLanguages(tuple(languages))


def material_direction(code: str) -> str:
    """The text direction Material's own translations give the language (`rtl` for Arabic)."""
    return RTL if code.split("-")[0].split("_")[0] in _material_rtl_languages() else LTR


@functools.cache
def _material_rtl_languages() -> frozenset[str]:
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return frozenset(
        path.stem for path in folder.glob("*.html") if '"direction": "rtl"' in path.read_text(encoding="utf-8")
    )


def find_config_file(start: Path) -> Path:
    """The mkdocs.yml in `start` or the nearest folder above it."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "mkdocs.yml"
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no mkdocs.yml in {start} or above it: run the command inside the guide's repository")


def load_project_config(config_file: Path) -> MkDocsConfig:
    """mkdocs.yml loaded and validated by MkDocs, as a build would (`!ENV` resolved)."""
    stat = config_file.stat()
    return _load(config_file.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _load(config_file: Path, mtime_ns: int, size: int) -> MkDocsConfig:
    from mkdocs.config import load_config

    return load_config(str(config_file))


def project_languages(start: Path) -> SiteLanguages:
    """The languages of the project whose mkdocs.yml is in `start` or above it."""
    return languages_of(load_project_config(find_config_file(start)))


def known_languages(start: Path) -> SiteLanguages:
    """The languages of the project `start` is in; for a file outside any project (a data file
    a unit test writes to a temporary folder), the guide's own repository's."""
    try:
        config_file = find_config_file(start)
    except FileNotFoundError:
        config_file = _REPOSITORY / "mkdocs.yml"
    return languages_of(load_project_config(config_file))


# src/advocacy_guide/build/languages.py -> the repository
_REPOSITORY = Path(__file__).resolve().parents[3]


def english_name(code: str) -> str:
    """'French' for 'fr': a language named in messages written in English (Babel's names)."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code
