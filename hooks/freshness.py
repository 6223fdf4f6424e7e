"""Every page shows, in the reader's language, the day its facts were last checked.

- `on_page_markdown`: a page whose front matter is not valid YAML (MkDocs would drop it without a
  word and show it as text), a page without `reviewed:` in its front matter, with something that is not
  a date, or with a date in the future is a warning naming the file and line (so `mkdocs build
  --strict` fails). Each file is checked in its own language's build: a page shown in English
  under /fr/ for want of a translation is the English file, checked in the English build. With
  `extra.freshness: optional` in mkdocs.yml a missing date is allowed (small fixture sites in
  tests); a wrong one never is.
- `on_env`: templates get `long_date` (a date written out in the reader's language) and
  `iso_date`; overrides/partials/reviewed.html shows the line at the end of the page, inside a
  `<time datetime>`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from babel.dates import format_date
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from advocacy_guide.build.context import build_context
from advocacy_guide.freshness import REVIEWED_KEY, front_matter_problem, review_problem, reviewed_date

log = get_plugin_logger(__name__)

# Babel's locale for each language's dates: the guide writes British English ("1 December 2026").
DATE_LOCALES = {"en": "en_GB"}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    meta = page.meta
    own_build = build_context(config).is_own_language(page)
    optional = (config.extra or {}).get("freshness") == "optional"
    if own_build:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8") if page.file.abs_src_path else ""
        path = f"docs/{page.file.src_uri}"
        if REVIEWED_KEY in meta or not optional:
            problem = review_problem(path, source, meta, date.today())
        else:
            problem = front_matter_problem(path, source)
        if problem is not None:
            log.warning(str(problem))
    if REVIEWED_KEY in meta:
        # The template writes out a date; anything else was reported above.
        meta[REVIEWED_KEY] = reviewed_date(meta[REVIEWED_KEY])
    return markdown


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    def long_date(day: date) -> str:
        language = build_context(config).current_language
        text = format_date(day, format="long", locale=DATE_LOCALES.get(language, language))
        # French writes the first day of a month as an ordinal: « 1er décembre 2026 ».
        return "1er" + text[1:] if language == "fr" and day.day == 1 else text

    env.filters["long_date"] = long_date
    env.filters["iso_date"] = lambda day: day.isoformat()
    return env

