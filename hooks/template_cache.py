"""Build speed: Material's templates are compiled once per build, not once per language.

See advocacy_guide.template_cache. From `on_config` on, every environment the theme makes (MkDocs'
own, Material's search plugin's, the hooks') shares compiled templates and the listing of the
theme's files; `on_env` covers the environment of a build whose theme was set up elsewhere.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from advocacy_guide.template_cache import share_compiled_templates, share_theme_environments


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    share_theme_environments(config.theme)
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    return share_compiled_templates(env)
