"""French pages get French spacing: narrow no-break spaces before : ; ? ! », after « and in
numbers (advocacy_guide.typography), so that no line starts with a colon or a lone « 000 »."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from advocacy_guide.build.context import build_context

from advocacy_guide.typography import french_spacing_html

# Languages whose pages get French spacing.
FRENCH_SPACING = {"fr"}


# After hooks/videos.py and hooks/translations.py (-50): the video transcripts (written from the
# captions) and the translation notices are French text too.
@event_priority(-90)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = build_context(config).page_language(page)
    return french_spacing_html(html) if language in FRENCH_SPACING else html
