"""Build speed: Material's templates are compiled once per build, not once per language.

See advocacy_guide.template_cache. MkDocs renders no template before `on_env`, so setting the
cache here covers every page, the 404 page and the sitemaps of every language.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from advocacy_guide.template_cache import share_compiled_templates


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    return share_compiled_templates(env)
