"""Trainer mode: the Present button and the facilitator notes (advocacy_guide.present).

- on_page_markdown: check the page's `present:` flag and its `??? facilitator` blocks (a warning
  names the file and line, so `mkdocs build --strict` fails), and give the page language's title
  to a block written without one.
- on_page_content: every page's content is wrapped in `<div class="present-content">`, the box
  overrides/assets/present-view.js cuts into slides (any page can be presented with `?present`),
  so that what templates add around the content (the date the facts were checked, the
  checklists' tools, the home page's progress, the handout's QR code) never joins the last slide.
- on_page_context: `presentable` tells partials/present-button.html to show the Present button.
- on_env: the `qr_svg` function draws the QR code of the page's online address that
  partials/present.html prints at the end of the handout (advocacy_guide.qr).

The slides, the presenter window and the print handout are overrides/assets/present.js and
present.css; their interface strings are the `present.*` keys of data/ui-strings.yml. Under
mkdocs-static-i18n every event runs once per language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from advocacy_guide.build.context import BuildContext, build_context
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
SLIDES_BOX_CLASS = "present-content"


@dataclass
class _NotesTitles:
    """The notes' title in each language, read once per build (an edited title is picked up by
    the next `mkdocs serve` rebuild)."""

    by_language: dict[str, str] = field(default_factory=dict)


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    ctx = build_context(config)
    language = ctx.page_language(page)
    titles = _notes_titles(ctx)
    blocks = find_notes(markdown)
    # An untranslated page shown under /fr/ is checked by the English build, once.
    if ctx.is_own_language(page):
        path, source = _source(page, config)
        problems = check_notes(blocks, language, titles, first_line=read_source(source).stripped_lines + 1)
        flag = flag_problem(source, page.meta)
        for problem in sorted([*problems, *([flag] if flag else [])], key=lambda p: p.line):
            log.warning(f"{path}:{problem.line}: {problem.message}")
    return fill_missing_titles(markdown, blocks, titles[language])


@event_priority(-110)  # last of the content hooks (search_text: -100), so the box holds all of it
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return f'<div class="{SLIDES_BOX_CLASS}">{html}</div>'  # a fixed class: nothing to escape


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["qr_svg"] = qr_svg
    return env


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["presentable"] = presentable(Path(page.file.src_uri).name, page.meta)
    return context


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _notes_titles(ctx: BuildContext) -> dict[str, str]:
    titles = ctx.feature(_NotesTitles).by_language
    if not titles:
        strings = load_ui_strings(ctx.root / "data" / "ui-strings.yml")
        titles.update({language: translate(strings, NOTES_TITLE_KEY, language) for language in ctx.languages.codes})
    return titles


def _source(page: Page, config: MkDocsConfig) -> tuple[str, str]:
    """The page's path as the author knows it ('docs/fr/module-x.md') and its text."""
    path = Path(page.file.abs_src_path or "")
    try:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        return path.relative_to(Path(config.config_file_path).parent).as_posix(), text
    except (OSError, ValueError):
        return f"docs/{page.file.src_uri}", ""
