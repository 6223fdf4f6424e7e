"""Every string of a page in the page's language, and a way to speak another one.

- The heading links' title ("Permanent link", Python-Markdown's `toc` default) in the language
  being built: the Markdown of each language build is read with that language's text.
- `ui_in(key, language)` in templates: an interface string (data/ui-strings.yml) in a language
  other than the page's, for a text meant for a reader of that language, such as the English
  home page's offer to read it in French (partials/language-offer.html).

Under mkdocs-static-i18n every event runs once per language, on the same config.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from advocacy_guide.ui_strings import load_ui_strings, translate


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Before the language's pages are read: their heading links get its text."""
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink"):
        toc["permalink_title"] = translate(_strings(config), "page.permalink", _current_language(config))


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    strings = _strings(config)

    def ui_in(key: str, language: str) -> Markup:
        # Escaped like `ui()`: MkDocs' templates do not autoescape.
        return escape(translate(strings, key, language))

    env.globals["ui_in"] = ui_in
    return env


def _strings(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    return load_ui_strings(Path(config.config_file_path).parent / "data" / "ui-strings.yml")


def _current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]
