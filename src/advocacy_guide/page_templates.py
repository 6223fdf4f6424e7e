"""Render the site's own HTML snippets (notices, generated tables) from overrides/ templates.

Hooks that change a page's Markdown or HTML run before MkDocs' `on_env`, so they cannot use the
environment the page templates get. This gives them the theme's environment with the same
`ui(key)` as hooks/i18n_site.py (escaped interface strings in the page's language); MkDocs'
templates do not autoescape, so templates escape every other value with `| e`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig

from advocacy_guide.template_cache import share_compiled_templates
from advocacy_guide.ui_strings import load_ui_strings, translate


class SnippetRenderer:
    """Renders templates for one build; create a new one for each build (templates may change)."""

    def __init__(self, config: MkDocsConfig, strings: dict[str, dict[str, str]] | None = None) -> None:
        self._config = config
        self._env: Environment | None = None
        if strings is None:
            strings = load_ui_strings(Path(config.config_file_path).parent / "data" / "ui-strings.yml")
        self._strings = strings

    def render(self, template: str, language: str, **context: Any) -> str:
        if self._env is None:
            self._env = share_compiled_templates(self._config.theme.get_env())
        strings = self._strings

        def ui(key: str) -> Markup:
            return escape(translate(strings, key, language))

        return self._env.get_template(template).render(ui=ui, language=language, **context).strip()
