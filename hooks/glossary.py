"""The glossary (data/glossary.yml) in the site: the glossary page, hover definitions, the term check.

- The glossary page of each language (`glossary.md`) holds the marker `<!-- glossary-terms -->`;
  the terms are rendered there from `overrides/partials/glossary.html`, so the page never goes
  stale. Each term's `<dt>` has the term's id, so `glossary.md#list-of-issues` works everywhere.
- Every page gets Python-Markdown `abbr` definitions for the abbreviations it uses, in the
  page's language (PIDCP on a French page is explained in French).
- A known wrong variant of an official term is a warning naming the file, the line and the term
  to write instead, so `mkdocs build --strict` fails.

Runs once per language under mkdocs-static-i18n; a page shown in English because its translation
is missing is checked by the English build only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from advocacy_guide.build.context import build_context
from advocacy_guide.glossary import Glossary, GlossaryError, load_glossary
from advocacy_guide.page_templates import SnippetRenderer

log = get_plugin_logger(__name__)

MARKER = re.compile(r"^[ \t]*<!--\s*glossary-terms\s*-->[ \t]*$", re.M)
TEMPLATE = "partials/glossary.html"



@dataclass
class _GlossaryData:
    """The glossary of one build, read at its first language's `on_pre_build`."""

    glossary: Glossary | None = None


@dataclass
class _LanguageRenderer:
    renderer: SnippetRenderer | None = None


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Read the glossary once per build (`mkdocs serve` rebuilds after it is edited)."""
    ctx = build_context(config)
    data = ctx.feature(_GlossaryData)
    if data.glossary is None:
        try:
            data.glossary = load_glossary(ctx.root / "data" / "glossary.yml")
        except GlossaryError as error:
            raise PluginError(f"hooks/glossary.py: {error}") from error
    ctx.language_feature(_LanguageRenderer).renderer = SnippetRenderer(config)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    ctx = build_context(config)
    glossary = ctx.feature(_GlossaryData).glossary
    renderer = ctx.language_feature(_LanguageRenderer).renderer
    assert glossary is not None and renderer is not None  # set in on_pre_build
    language = ctx.page_language(page)
    if ctx.is_own_language(page):
        _report_wrong_terms(glossary, page, config, language)
    if MARKER.search(markdown):
        html = renderer.render(TEMPLATE, language, terms=_entries(glossary, language))
        markdown = MARKER.sub(lambda _: "\n" + html + "\n", markdown, count=1)
    return markdown + abbreviation_definitions(glossary, language, markdown)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def abbreviation_definitions(glossary: Glossary, language: str, markdown: str) -> str:
    """`*[ABBR]: meaning` lines for the abbreviations `markdown` uses and does not define itself."""
    used = glossary.abbreviations_used(markdown, language)
    lines = [
        f"*[{abbreviation}]: {meaning}"
        for abbreviation, meaning in sorted(glossary.abbreviations(language).items())
        if abbreviation in used and f"*[{abbreviation}]:" not in markdown
    ]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def _entries(glossary: Glossary, language: str) -> list[dict[str, object]]:
    return [
        {
            "id": term.id,
            "term": term.texts[language],
            "others": [(other, term.texts[other]) for other in term.texts if other != language],
        }
        for term in glossary.entries(language)
    ]


def _report_wrong_terms(glossary: Glossary, page: Page, config: MkDocsConfig, language: str) -> None:
    source = page.file.content_string
    path = build_context(config).shown_path(page)
    for wrong in glossary.find_wrong_terms(source, language):
        log.warning(f"{path}:{wrong.line}: {wrong.message()}")
