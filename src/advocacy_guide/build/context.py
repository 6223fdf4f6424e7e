"""One `BuildContext` per `mkdocs build` (all languages): what every hook shares.

Why one object: mkdocs-static-i18n builds the default language, then builds every other
language from inside its own `on_post_build` (priority -100), on the same configuration object.
So each event runs once per language, and work on the whole site must wait for the outermost
`on_post_build`. Each hook used to keep module globals and its own test for "new build / same
configuration / outer build"; they now ask the context:

- `build_context(config)`: the context of the build `config` belongs to. A new configuration
  object is a new build (`mkdocs serve` loads mkdocs.yml again for each rebuild); the language
  builds inside one build share it.
- Facts: `languages`, `current_language`, `page_language(page)`, `root`, `site_dir`, `command`,
  `serving`, `offline`, `is_outermost`.
- Reports: `warn_once(log, message)`, so a page built in several languages is reported once.
- Per-build data of a feature: `feature(SomeData)` (one instance of the class for the whole build)
  and `language_feature(SomeData)` (one per language). Each hook defines its own data class, so its
  slot is typed; nothing is kept between builds.
- What the finishing steps (`advocacy_guide.build.finishing`) read: `not_found_pages`,
  `media_files`, `placed_video_addresses`, `pages_reported_by_source`.

The command (`build`, `serve`) comes from `on_startup`, which MkDocs calls once per process,
before the first configuration's build only; it is kept here, at module level, for the builds
`mkdocs serve` starts afterwards.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from advocacy_guide.build.languages import SiteLanguages, languages_of
from advocacy_guide.offline import is_offline_build

T = TypeVar("T")

SERVE = "serve"
BUILD = "build"

_command = BUILD
_current: BuildContext | None = None


def record_command(command: str) -> None:
    """From `on_startup`: `serve` for `mkdocs serve` (its rebuilds included), `build` otherwise."""
    global _command
    _command = command


def build_context(config: MkDocsConfig) -> BuildContext:
    """The context of the build that `config` belongs to, made at its first event."""
    global _current
    if _current is None or _current.config is not config:
        _current = BuildContext(config, languages_of(config), _command, is_offline_build())
    return _current


@dataclass(eq=False)
class BuildContext:
    config: MkDocsConfig
    languages: SiteLanguages
    command: str  # 'build' or 'serve' (mkdocs gh-deploy counts as a build)
    offline: bool  # OFFLINE=1: the copy that works from file:// (make offline)
    # What finishing steps need from the page events, every language.
    not_found_pages: dict[str, str] = field(default_factory=dict)  # language -> its rendered 404.html
    media_files: set[str] = field(default_factory=set)  # paths under videos/ the pages use
    placed_video_addresses: set[str] = field(default_factory=set)  # `![type:video](https://...)` lines
    pages_reported_by_source: set[str] = field(default_factory=set)  # built pages named by Markdown line
    _reported: set[str] = field(default_factory=set)
    _features: dict[object, Any] = field(default_factory=dict)

    # -- facts -----------------------------------------------------------------------------

    @property
    def root(self) -> Path:
        """The project's folder (where mkdocs.yml is)."""
        return Path(self.config.config_file_path).parent

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    @property
    def serving(self) -> bool:
        """`mkdocs serve`: pages are previewed, never deployed."""
        return self.command == SERVE

    @property
    def current_language(self) -> str:
        """The language being built (the folder its pages go to)."""
        i18n = self.config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or self.languages.default

    def page_language(self, page: Page) -> str:
        """The language of the page's words: English for a page shown under /fr/ untranslated."""
        return getattr(page.file, "locale", None) or self.languages.default

    def is_own_language(self, page: Page) -> bool:
        """The page is built in its own language: its source is checked here, once."""
        return self.page_language(page) == self.current_language

    @property
    def is_outermost(self) -> bool:
        """False inside the language builds the i18n plugin runs from its `on_post_build`. In an
        `on_post_build` with a priority below the plugin's (-100), True means every language is built."""
        return not getattr(self.config.plugins.get("i18n"), "building", False)

    def shown_path(self, page: Page) -> str:
        """The page's source as the author knows it: 'docs/fr/follow-up.md'."""
        path = Path(page.file.abs_src_path or "")
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return f"docs/{page.file.src_uri}"

    # -- reports ---------------------------------------------------------------------------

    def warn_once(self, log: logging.Logger | logging.LoggerAdapter, message: str) -> None:
        """A warning (it fails `mkdocs build --strict`), once per build whatever the languages."""
        if message not in self._reported:
            self._reported.add(message)
            log.warning(message)

    def info_once(self, log: logging.Logger | logging.LoggerAdapter, message: str) -> None:
        if message not in self._reported:
            self._reported.add(message)
            log.info(message)

    # -- per-build data of each feature ----------------------------------------------------

    def feature(self, kind: type[T]) -> T:
        """The one `kind()` of this build, made on first use (a hook's own data class)."""
        if kind not in self._features:
            self._features[kind] = kind()
        return self._features[kind]

    def language_feature(self, kind: type[T]) -> T:
        """The `kind()` of the language being built, made on first use."""
        per_language: dict[str, T] = self._features.setdefault((kind, "per-language"), {})
        language = self.current_language
        if language not in per_language:
            per_language[language] = kind()
        return per_language[language]
