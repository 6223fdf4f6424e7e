"""Translations in the site: honest notices for readers, a status page for coordinators.

- A page served in English under /fr/ or /es/ because its translation is missing gets a notice in
  the reader's language saying so, and its English content is marked `lang="en"`.
- An outdated translation (its stamp does not match the English page, and no recorded skip
  covers the change, see advocacy_guide.translations) gets a notice with the date the English
  page changed, or, in a preview of English changes not committed yet, says so, and a link to it.
- `translation-status.md` (outside the navigation) holds the marker `<!-- translation-status -->`;
  the status of every language is rendered there at build time.
- A translation stamped as up to date whose structure differs from the English page, or whose
  stamp is malformed, is a warning naming the file and line (`mkdocs build --strict` fails).
  Checklist ids are left to hooks/checklists.py and wrong terms to hooks/glossary.py, which
  report them for every page. A malformed `data/translation-skips.yml` is a warning at its line.

The logic is in the package (`advocacy_guide.translations`), shared with `advocacy-guide
translations`. Every event runs once per language; statuses are computed once per site build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from advocacy_guide.build.context import build_context
from advocacy_guide.errors import LocatedError
from advocacy_guide.glossary import load_glossary
from advocacy_guide.page_templates import SnippetRenderer
from advocacy_guide.translations.model import MISSING, OUTDATED, STATUSES, UP_TO_DATE, PageStatus
from advocacy_guide.translations.project import Project
from advocacy_guide.translations.skips import Skips
from advocacy_guide.translations.status import Checker

log = get_plugin_logger(__name__)

STATUS_PAGE = "translation-status.md"
STATUS_MARKER = re.compile(r"^[ \t]*<!--\s*translation-status\s*-->[ \t]*$", re.M)
NOTICE_TEMPLATE = "partials/translations/notice.html"
STATUS_TEMPLATE = "partials/translations/status.html"
# Parts hooks/checklists.py already reports for every page.
REPORTED_ELSEWHERE = ("checklist", "step")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')


@dataclass
class _TranslationData:
    """What one site build (all languages) shares: the checker and the statuses it found."""

    checker: Checker | None = None
    statuses: dict[tuple[str, str], PageStatus] = field(default_factory=dict)
    renderer: SnippetRenderer | None = None  # the language being built's (on_pre_build)


def _state_of(config: MkDocsConfig) -> _TranslationData:
    return build_context(config).feature(_TranslationData)


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(*, config: MkDocsConfig) -> None:
    """A checker at the start of each site build; the language builds inside it reuse it."""
    ctx = build_context(config)
    state = ctx.feature(_TranslationData)
    if state.checker is None:
        project = Project.for_build(ctx.root, config.docs_dir, ctx.languages)
        # hooks/glossary.py stops the build with a clear message if the glossary is malformed.
        state.checker = Checker(project, load_glossary(project.glossary_file))
        try:
            state.checker.skips  # noqa: B018 - read once, here, to report a malformed file
        except LocatedError as error:
            log.warning(str(error))
            state.checker.skips = Skips()  # the build goes on (and fails, strict) without them
    state.renderer = SnippetRenderer(config)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state_of(config)
    checker = state.checker
    assert checker is not None  # set in on_pre_build
    language = build_context(config).current_language
    page_path = _page_path(page)
    if page_path == STATUS_PAGE and STATUS_MARKER.search(markdown):
        html = _render_status_page(page, config, language)
        markdown = STATUS_MARKER.sub(lambda _: "\n" + html + "\n", markdown, count=1)
    if language != checker.project.default and build_context(config).page_language(page) == language:
        status = _status(state, language, page_path)
        if not any(problem.kind == "outdated" for problem in status.problems):
            for problem in status.problems:
                if problem.kind in ("structure", "stamp", "page") and problem.part not in REPORTED_ELSEWHERE:
                    log.warning(str(problem))
    return markdown


@event_priority(-50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the notice right after the page's title, in the reader's language."""
    state = _state_of(config)
    checker = state.checker
    assert checker is not None and state.renderer is not None
    language = build_context(config).current_language
    if language == checker.project.default:
        return html
    page_path = _page_path(page)
    if build_context(config).page_language(page) != language:
        notice = state.renderer.render(NOTICE_TEMPLATE, language, kind="missing")
    else:
        status = _status(state, language, page_path)
        if status.status != OUTDATED:
            return html
        changed = status.english_changed
        notice = state.renderer.render(
            NOTICE_TEMPLATE,
            language,
            kind="outdated",
            english_url=get_relative_url(_english_url(page_path, config), page.url),
            changed_iso=changed.isoformat() if changed else "",
            changed_text=_long_date(changed, language) if changed else "",
            uncommitted=status.english_uncommitted,
        )
    return insert_after_title(html, notice)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """A page shown in English under another language is marked as English for screen readers,
    and, under a right-to-left language, as left to right (its punctuation stays in place)."""
    ctx = build_context(config)
    shown, built = ctx.page_language(page), ctx.current_language
    if shown == built:
        return output
    direction = ctx.languages.get(shown).direction
    own = f' dir="{direction}"' if direction != ctx.languages.get(built).direction else ""
    return ARTICLE.sub(lambda m: f'{m.group(0)} lang="{shown}"{own}', output, count=1)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def insert_after_title(html: str, notice: str) -> str:
    """`notice` after the first `<h1>`, or at the top when the page has none."""
    end = html.find("</h1>")
    if end == -1:
        return notice + "\n" + html
    end += len("</h1>")
    return html[:end] + "\n" + notice + html[end:]


def _status(state: _TranslationData, language: str, page_path: str) -> PageStatus:
    key = (language, page_path)
    if key not in state.statuses:
        assert state.checker is not None
        state.statuses[key] = state.checker.translation_status(language, page_path)
    return state.statuses[key]


def _render_status_page(page: Page, config: MkDocsConfig, language: str) -> str:
    state = _state_of(config)
    checker = state.checker
    assert checker is not None and state.renderer is not None
    reports: list[dict[str, Any]] = []
    english_pages = checker.project.pages(checker.project.default)
    for other in checker.project.translations:
        pages = sorted(set(english_pages) | set(checker.project.pages(other)))
        statuses = [_status(state, other, name) for name in pages]
        counts = {name: sum(1 for s in statuses if s.status == name) for name in STATUSES}
        rows = [
            {
                "page": status.page,
                "status": status.status,
                "url": get_relative_url(_page_url(other, status.page, config), page.url),
                "english_url": get_relative_url(_english_url(status.page, config), page.url),
                "english_changed": status.english_changed.isoformat() if status.english_changed else "",
                "english_uncommitted": status.english_uncommitted,
                "problems": len([p for p in status.problems if p.kind != "outdated"]),
            }
            for status in statuses
            if status.status != UP_TO_DATE
        ]
        reports.append({"language": other, "counts": counts, "rows": rows})
    return state.renderer.render(STATUS_TEMPLATE, language, reports=reports, statuses=STATUSES)


def _long_date(day: date, language: str) -> str:
    return format_date(day, format="long", locale=language)


def _page_url(language: str, page_path: str, config: MkDocsConfig) -> str:
    """The site address of a page in a language, as MkDocs writes it ('fr/follow-up.html')."""
    stem = page_path[: -len(".md")]
    if config.use_directory_urls:
        url = "" if stem == "index" else (stem[: -len("/index")] + "/" if stem.endswith("/index") else stem + "/")
    else:
        url = stem + ".html"
    return url if language == build_context(config).languages.default else f"{language}/{url}"


def _english_url(page_path: str, config: MkDocsConfig) -> str:
    return _page_url(build_context(config).languages.default, page_path, config) or "./"


def _page_path(page: Page) -> str:
    """The page's path inside its language folder: 'follow-up.md' for 'fr/follow-up.md'."""
    return page.file.src_uri.split("/", 1)[1] if "/" in page.file.src_uri else page.file.src_uri

