"""One trilingual site: what mkdocs-static-i18n and Material leave undone.

- Search: one index per language, so a Spanish reader gets Spanish results stemmed as Spanish
  (`overrides/main.html` points each page's search at its language's index).
- A 404 page per language (`/fr/404.html`, `/es/404.html`); stock keeps only the one built last:
  each language's is kept on the build context, and written by the finishing list.
- `ui()` in templates: the site's own interface strings (data/ui-strings.yml) in the page's
  language, and the heading links' title ("Permanent link") in it too.
- A clean build prints nothing that needs attention: the plugin's notes about its own
  `extra.alternate` links are left out (`AlternateLinkNoteFilter`).

The i18n plugin builds English, then the other languages from inside its own `on_post_build`,
so every event here runs once per language. Work on the whole site (the per-language search
indexes, 404 pages and sitemaps) is in the finishing list, advocacy_guide.build.finishing.
"""

from __future__ import annotations

import logging
import re

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from advocacy_guide.build.context import build_context
from advocacy_guide.sitemaps import absolute_url
from advocacy_guide.ui_strings import load_ui_strings, string_languages, translate

log = get_plugin_logger(__name__)


class AlternateLinkNoteFilter(logging.Filter):
    """Leaves out mkdocs-static-i18n's note that an `extra.alternate` link "should be an absolute
    path '/' and end with a trailing '/'", when the link is the one the plugin wrote itself.

    Why: mkdocs.yml sets no `extra.alternate`; the plugin (1.3.1, reconfigure.py) writes it, with
    `index.html` after each language's folder because the site uses `use_directory_urls: false`
    (`/fr/index.html`, the address that also works from disk), and then, building the next
    language, checks its own value as if a user had written it: six INFO lines per build that
    look like problems to translators. Links that satisfy the plugin (`/fr/`) would break the
    switcher from disk and lose the site's base path. A link someone writes by hand that does
    not end with `index.html` is still reported.
    """

    NOTE = "The 'extra.alternate' configuration contains a 'link' option that should be an absolute path"
    OWN_LINK = re.compile(r"'link': '(?:/[^']*)?/index\.html'")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (self.NOTE in message and self.OWN_LINK.search(message))


_I18N_LOGGER = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure")
# MkDocs loads hooks again for each build of `mkdocs serve`: one filter, whichever load added it.
if not any(type(f).__name__ == AlternateLinkNoteFilter.__name__ for f in _I18N_LOGGER.filters):
    _I18N_LOGGER.addFilter(AlternateLinkNoteFilter())


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Before the language's pages are read: their heading links' title ("Permanent link",
    Python-Markdown's `toc` default) in the language being built."""
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink"):
        ctx = build_context(config)
        strings = load_ui_strings(ctx.root / "data" / "ui-strings.yml")
        toc["permalink_title"] = translate(strings, "page.permalink", ctx.current_language)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `ui(key)`, `ui_in(key, language)` (a string in another language than the
    page's, for a text meant for a reader of that language, such as the English home page's offer
    to read it in French: partials/language-offer.html), `reader_language()` (the language `ui`
    speaks, which a page shown in English for want of a translation is not), `default_language`
    and `absolute_url(link)`."""
    ctx = build_context(config)
    strings = load_ui_strings(ctx.root / "data" / "ui-strings.yml")
    language = ctx.current_language
    # The language `ui` speaks: the default language's where the file has no texts in this one.
    spoken = language if language in string_languages(strings) else ctx.languages.default
    if spoken != language:
        ctx.info_once(
            log,
            f"data/ui-strings.yml has no texts in '{language}' yet: its pages show the interface in "
            f"{ctx.languages.get(ctx.languages.default).name}; add '{language}:' lines to translate it",
        )

    def ui(key: str) -> Markup:
        # Plain text, escaped: MkDocs' templates do not autoescape, and a translator's quote or
        # `<` must not break the markup (tests/unit/test_hostile_html.py).
        return escape(translate(strings, key, ctx.current_language))

    def ui_in(key: str, language: str) -> Markup:
        return escape(translate(strings, key, language))

    env.globals["ui"] = ui
    env.globals["ui_in"] = ui_in
    env.globals["reader_language"] = lambda: spoken
    env.globals["default_language"] = ctx.languages.default
    env.filters["absolute_url"] = lambda link: absolute_url(config.site_url or "/", link)
    return env


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Keep each language's 404 page: every language build writes the same `404.html`
    (advocacy_guide.build.finishing.write_not_found_pages writes them all at the end)."""
    if template_name == "404.html":
        ctx = build_context(config)
        ctx.not_found_pages[ctx.current_language] = output_content
    return output_content
