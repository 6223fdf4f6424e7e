"""Module videos made from storyboards: warn when one is missing or older than its storyboard.

The same check as `advocacy-guide videos --check` (advocacy_guide.storyboards.check): a
storyboard that does not parse, a rendering that is missing or stale, a data/videos.yml that
does not use the rendering. Each warning names the file and line and the command that fixes it;
`mkdocs build --strict` fails on them. Rendering itself is never done by the build: it needs
Chromium, espeak-ng and ffmpeg, and minutes of CPU.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from advocacy_guide.build.context import build_context
from advocacy_guide.storyboards import STORYBOARD_FOLDER
from advocacy_guide.storyboards.check import check_renderings

if TYPE_CHECKING:  # mkdocs.livereload takes a while to import and `mkdocs build` never needs it
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

@dataclass
class _Checked:
    done: bool = False


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The i18n plugin calls on_config once per language: check once per build."""
    ctx = build_context(config)
    checked = ctx.feature(_Checked)
    if not checked.done:
        checked.done = True
        for finding in check_renderings(ctx.root):
            log.warning(str(finding))
    return config


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:  # type: ignore[no-untyped-def]
    """Check again when a storyboard changes while previewing."""
    folder = _root(config) / STORYBOARD_FOLDER
    if folder.is_dir():
        server.watch(str(folder))
    return server


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent
