"""Pages load the project's CSS as one file (assets/guide.css); see advocacy_guide.stylesheets.

`extra_css` in mkdocs.yml still lists one file per feature, in the order the rules apply.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from advocacy_guide.build.context import build_context
from advocacy_guide.stylesheets import BUNDLE, StylesheetError, bundle

log = get_plugin_logger(__name__)


@dataclass
class _Stylesheets:
    """The stylesheets of mkdocs.yml, kept from the build's first on_config: it runs once per
    language on the same config, which from then on lists the bundle only."""

    sources: list[str] = field(default_factory=list)
    read: bool = False


# The bundle is written to a file outside docs/, like the theme's own files: mkdocs-static-i18n
# then serves it once, at the root, for every language (it cannot handle in-memory files).
_scratch = tempfile.TemporaryDirectory(prefix="advocacy-guide-css-")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    stylesheets = build_context(config).feature(_Stylesheets)
    if not stylesheets.read:
        stylesheets.read = True
        stylesheets.sources = [str(path) for path in config.extra_css]
    if stylesheets.sources:
        config.extra_css = [BUNDLE]
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    sources = build_context(config).feature(_Stylesheets).sources
    if not sources:
        return files
    parts = []
    for path in sources:
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"mkdocs.yml: extra_css lists '{path}', which is in neither docs/ nor overrides/")
        parts.append((path, file.content_string))
        files.remove(file)  # served inside the bundle only
    try:
        content = bundle(parts)
    except StylesheetError as error:
        raise PluginError(f"mkdocs.yml extra_css: {error}") from error
    target = Path(_scratch.name) / BUNDLE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    files.append(File.generated(config, BUNDLE, abs_src_path=str(target)))
    return files
