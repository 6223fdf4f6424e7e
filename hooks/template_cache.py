"""Build speed: Material's templates are compiled once, not once per language and per build.

See advocacy_guide.template_cache. From `on_config` on, every environment the theme makes (MkDocs'
own, Material's search plugin's, the hooks') shares compiled templates and the listing of the
theme's files, and compiled templates are kept in `.cache/templates/` for the next build; `on_env`
covers the environment of a build whose theme was set up elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from advocacy_guide.template_cache import SHARED_CACHE, share_compiled_templates, share_theme_environments

CACHE_FOLDER = Path(".cache") / "templates"  # next to mkdocs.yml; ignored by git


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    SHARED_CACHE.keep_in(Path(config.config_file_path).parent / CACHE_FOLDER)
    share_theme_environments(config.theme)
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    return share_compiled_templates(env)
