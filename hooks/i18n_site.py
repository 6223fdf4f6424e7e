"""One trilingual site: what mkdocs-static-i18n and Material leave undone.

- Search: one index per language, so a Spanish reader gets Spanish results stemmed as Spanish
  (`overrides/main.html` points each page's search at its language's index).
- A 404 page per language (`/fr/404.html`, `/es/404.html`); stock keeps only the one built last.
- A sitemap per language folder, which Material's language switcher asks for.
- `ui()` in templates: the site's own interface strings (data/ui-strings.yml) in the page's
  language.
- A clean build prints nothing that needs attention: the plugin's notes about its own
  `extra.alternate` links are left out (`AlternateLinkNoteFilter`).

The i18n plugin builds English, then builds French and Spanish from inside its own
`on_post_build`, so every event here runs once per language. Work on the whole site waits for the
outermost `on_post_build`, after the i18n plugin (priority -100) has finished the last language.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from advocacy_guide.search_index import split_search_index
from advocacy_guide.sitemaps import language_sitemap
from advocacy_guide.ui_strings import load_ui_strings, translate

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

# The 404 page each language build rendered, kept until the last build is done.
_not_found_pages: dict[str, str] = {}


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates `ui(key)`, `reader_language()` (the language `ui` speaks, which a page shown
    in English for want of a translation is not) and `absolute_url(link)`."""
    strings = load_ui_strings(_root(config) / "data" / "ui-strings.yml")

    def ui(key: str) -> Markup:
        # Plain text, escaped: MkDocs' templates do not autoescape, and a translator's quote or
        # `<` must not break the markup (tests/unit/test_hostile_html.py).
        return escape(translate(strings, key, _current_language(config)))

    env.globals["ui"] = ui
    env.globals["reader_language"] = lambda: _current_language(config)
    env.filters["absolute_url"] = lambda link: absolute_url(config.site_url or "/", link)
    return env


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Keep each language's 404 page: every language build writes the same `404.html`."""
    if template_name == "404.html":
        _not_found_pages[_current_language(config)] = output_content
    return output_content


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Finish the whole site once the i18n plugin (priority -100) has built every language."""
    i18n = config.plugins["i18n"]
    if getattr(i18n, "building", False):
        return  # a nested language build: the outermost call finishes the site
    site = Path(config.site_dir)
    default = i18n.default_language
    languages = list(i18n.build_languages)
    _write_not_found_pages(site, languages, default)
    _write_search_indexes(site, languages, default)
    _write_sitemaps(site, config.site_url or "/", languages, default)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def absolute_url(site_url: str, link: str) -> str:
    """An absolute address for a site link such as `/fr/index.html` or `fr/about.html`."""
    base_path = urlsplit(site_url).path or "/"
    path = link
    if path.startswith(base_path):
        path = path[len(base_path) :]
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path.lstrip("/"))


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def _write_not_found_pages(site: Path, languages: list[str], default: str) -> None:
    for language in languages:
        html = _not_found_pages.get(language)
        if html is None:
            continue
        target = site / "404.html" if language == default else site / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def _write_search_indexes(site: Path, languages: list[str], default: str) -> None:
    combined = site / "search" / "search_index.json"
    if not combined.exists():
        return
    index = json.loads(combined.read_text(encoding="utf-8"))
    for language, part in split_search_index(index, languages, default).items():
        folder = site / "search" if language == default else site / language / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(
            json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


def _write_sitemaps(site: Path, site_url: str, languages: list[str], default: str) -> None:
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        return
    full = sitemap.read_text(encoding="utf-8")
    for language in languages:
        if language == default:
            continue
        root_url = absolute_url(site_url, f"{language}/")
        (site / language / "sitemap.xml").write_text(
            language_sitemap(full, root_url), encoding="utf-8"
        )
