"""Page HTML that Material's search parser reads right: spaces where the stylesheet starts a
block inside a line, checklists left out of the index (advocacy_guide.search_html).
The index itself is shaped per language in advocacy_guide.search_index (hooks/i18n_site.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from advocacy_guide.build.context import build_context
from advocacy_guide.search_html import block_classes, prepared_for_search


@dataclass
class _BlockClasses:
    """The classes the site's stylesheets display as blocks, read once per build."""

    classes: frozenset[str] | None = None


def _block_classes(config: MkDocsConfig) -> frozenset[str]:
    data = build_context(config).feature(_BlockClasses)
    if data.classes is None:
        # Every stylesheet of the theme's folder: hooks/stylesheets.py replaces `extra_css`
        # with the one file it writes.
        custom_dir = config.theme.custom_dir
        data.classes = block_classes(sorted(Path(custom_dir).rglob("*.css"))) if custom_dir else frozenset()
    return data.classes


# Last of the page's content hooks: the videos' transcripts and the checklists are in place.
@event_priority(-100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return prepared_for_search(html, _block_classes(config))
