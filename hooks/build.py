"""The build's frame: one context per build, one finishing list after every language.

- on_startup: records the command (`serve` or `build`) for the build context
  (advocacy_guide.build.context), which every hook gets with `build_context(config)`.
- on_post_build, outermost only and after the i18n plugin (-100) has built every language: runs
  the finishing list (advocacy_guide.build.finishing.STEPS): 404 pages, search indexes,
  sitemaps, media, offline copy, security pass, saved copy, deployment files, in that order.

No other hook has an `on_post_build`: work on the whole site is a step of that list.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from advocacy_guide.build.context import build_context, record_command
from advocacy_guide.build.finishing import finish_site


def on_startup(*, command: str, dirty: bool) -> None:
    record_command(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build_context(config)  # made here, first of the hooks; every event of the build shares it
    return config


@event_priority(-200)  # below the i18n plugin's -100: it builds the other languages in its own
def on_post_build(*, config: MkDocsConfig) -> None:
    ctx = build_context(config)
    if ctx.is_outermost:
        finish_site(ctx)
