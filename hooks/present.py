"""Trainer mode: the Present button and the facilitator notes (advocacy_guide.present).

- on_page_markdown: check the page's `present:` flag and its `??? facilitator` blocks (a warning
  names the file and line, so `mkdocs build --strict` fails), and give the page language's title
  to a block written without one.
- on_page_context: `presentable` tells partials/present-button.html to show the Present button.
- on_env: the `qr_svg` function draws the QR code of the page's online address that
  partials/present.html prints at the end of the handout (advocacy_guide.qr).

The slides, the presenter window and the print handout are overrides/assets/present.js and
present.css; their interface strings are the `present.*` keys of data/ui-strings.yml. Under
mkdocs-static-i18n every event runs once per language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from advocacy_guide import DEFAULT_LANGUAGE, LANGUAGES
from advocacy_guide.markdown.source import read_source
from advocacy_guide.present import (
    check_notes,
    fill_missing_titles,
    find_notes,
    flag_problem,
    presentable,
)
from advocacy_guide.qr import qr_svg
from advocacy_guide.ui_strings import load_ui_strings, translate

log = get_plugin_logger(__name__)

NOTES_TITLE_KEY = "present.notes_title"

# The notes' title in each language, read again for each configuration (and each `mkdocs serve`
# rebuild, so that an edited title is picked up).
_titles: dict[str, str] = {}


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Idempotent: the i18n plugin calls it once per language on the same configuration."""
    _titles.clear()
    _titles.update(_notes_titles(config))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = _page_language(page, config)
    titles = _titles or _notes_titles(config)
    blocks = find_notes(markdown)
    # An untranslated page shown under /fr/ is checked by the English build, once.
    if language == _current_language(config):
        path, source = _source(page, config)
        problems = check_notes(blocks, language, titles, first_line=read_source(source).stripped_lines + 1)
        flag = flag_problem(source, page.meta)
        for problem in sorted([*problems, *([flag] if flag else [])], key=lambda p: p.line):
            log.warning(f"{path}:{problem.line}: {problem.message}")
    return fill_missing_titles(markdown, blocks, titles[language])


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["qr_svg"] = qr_svg
    return env


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["presentable"] = presentable(Path(page.file.src_uri).name, page.meta)
    return context


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _notes_titles(config: MkDocsConfig) -> dict[str, str]:
    strings = load_ui_strings(Path(config.config_file_path).parent / "data" / "ui-strings.yml")
    return {language: translate(strings, NOTES_TITLE_KEY, language) for language in LANGUAGES}


def _page_language(page: Page, config: MkDocsConfig) -> str:
    """The language of the page's words (English for an untranslated page under /fr/)."""
    return getattr(page.file, "locale", None) or config.theme.get("language") or DEFAULT_LANGUAGE


def _current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language") or DEFAULT_LANGUAGE


def _source(page: Page, config: MkDocsConfig) -> tuple[str, str]:
    """The page's path as the author knows it ('docs/fr/module-x.md') and its text."""
    path = Path(page.file.abs_src_path or "")
    try:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        return path.relative_to(Path(config.config_file_path).parent).as_posix(), text
    except (OSError, ValueError):
        return f"docs/{page.file.src_uri}", ""
