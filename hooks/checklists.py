"""Checklists: check their ids when the site is built, and tell templates where they are.

- Before the first (English) build, every language's Markdown files are checked in one pass
  (`advocacy_guide.checklists.check_docs`): a missing, malformed or repeated id, a checklist id
  used twice in a language, or a translation whose ids differ from the English page's is a
  warning naming the file and line, so that `mkdocs build --strict` fails. Readers' saved
  progress is keyed by these ids.
- Templates get `checklists_on_page` (the page has a checklist, so `partials/checklists.html`
  adds the controls' template), `checklist_jumps` (the line linking to them at the top of the
  page, `partials/checklist-jump.html`) and, on each language's home page, `checklist_overview`: every
  checklist of that language, in navigation order, for the overall progress.

The checklist's HTML comes from the Markdown extension `advocacy_guide.markdown.checklist`; the
behaviour from overrides/assets/checklists.js. Under mkdocs-static-i18n every event runs once per
language; the checklists found are kept per language on the build context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from advocacy_guide.build.context import build_context
from advocacy_guide.checklists import Checklist, check_docs, parse_checklists

log = get_plugin_logger(__name__)

EXTENSION = "advocacy_guide.markdown.checklist"


@dataclass
class _LanguageChecklists:
    """The checklists of each page of one language's build, by source path ('fr/x.md')."""

    by_page: dict[str, list[Checklist]] = field(default_factory=dict)


def _page_checklists(config: MkDocsConfig) -> dict[str, list[Checklist]]:
    return build_context(config).language_feature(_LanguageChecklists).by_page


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    """Without the Markdown extension, checklists would show as raw `///` text."""
    if EXTENSION not in config.markdown_extensions:
        raise PluginError(f"hooks/checklists.py needs '{EXTENSION}' under markdown_extensions in mkdocs.yml")


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Check every language at once, in the outermost build (the i18n plugin nests the others)."""
    ctx = build_context(config)
    if not ctx.is_outermost:
        return
    default = ctx.languages.default
    languages = list(ctx.languages.codes)
    docs = Path(config.docs_dir)
    if config.plugins.get("i18n") is None:  # one language, pages at the top of docs/
        docs, languages = docs.parent, [docs.name]
        default = docs.name
    for finding in check_docs(docs, languages, default, shown_from=ctx.root):
        log.warning(str(finding))


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Remember the page's checklists for the templates (their problems are reported above)."""
    _page_checklists(config)[page.file.src_uri] = parse_checklists(markdown).checklists


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Every page's Markdown has been read by now (MkDocs renders templates afterwards)."""
    checklists = _page_checklists(config)
    context["checklists_on_page"] = any(c.id for c in checklists.get(page.file.src_uri, []))
    # The line at the top of a stage page that links to its checklists (partials/checklist-jump.html).
    context["checklist_jumps"] = [
        {"id": c.id, "title": c.title or c.id, "steps": len(c.step_ids)}
        for c in checklists.get(page.file.src_uri, [])
        if c.id and c.step_ids
    ]
    if _is_language_home(page, config):
        context["checklist_overview"] = checklist_overview(page, nav, checklists)
    return context


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def checklist_overview(home: Page, nav: Navigation, page_checklists: dict[str, list[Checklist]]) -> list[dict[str, Any]]:
    """The language's checklists in navigation order, with links relative to `home`."""
    overview: list[dict[str, Any]] = []
    seen: set[str] = set()
    for page in nav.pages:
        for checklist in page_checklists.get(page.file.src_uri, []):
            if not checklist.id or checklist.id in seen or not checklist.step_ids:
                continue
            seen.add(checklist.id)
            overview.append(
                {
                    "id": checklist.id,
                    "title": checklist.title or checklist.id,
                    "url": f"{get_relative_url(page.url, home.url)}#checklist-{checklist.id}",
                    "steps": checklist.step_ids,
                }
            )
    return overview


def _is_language_home(page: Page, config: MkDocsConfig) -> bool:
    language = build_context(config).current_language
    return page.url in ("", "./", "index.html", f"{language}/", f"{language}/index.html")
