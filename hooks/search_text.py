"""Page HTML that Material's search parser reads right: spaces where the stylesheet starts a
block inside a line, checklists left out of the index (advocacy_guide.search_html).
The index itself is shaped per language in advocacy_guide.search_index (hooks/i18n_site.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from advocacy_guide.search_html import block_classes, prepared_for_search

_classes: frozenset[str] = frozenset()


def on_config(config: MkDocsConfig) -> None:
    global _classes
    # Every stylesheet of the theme's folder: hooks/stylesheets.py replaces `extra_css` with
    # the one file it writes, and the i18n plugin runs this again for each language.
    custom_dir = config.theme.custom_dir
    _classes = block_classes(sorted(Path(custom_dir).rglob("*.css"))) if custom_dir else frozenset()


# Last of the page's content hooks: the videos' transcripts and the checklists are in place.
@event_priority(-100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return prepared_for_search(html, _classes)
