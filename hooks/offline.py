"""The offline build (`OFFLINE=1`, used by `make offline`): a site that works from `file://`.

See `advocacy_guide.offline` for what changes and why. This hook sets the configuration the
templates read; the offline copy's files (the iframe-worker shim, search_index.js, inlined
captions) are a step of the finishing list (advocacy_guide.build.finishing.write_offline_copy).
Without `OFFLINE=1` it does nothing, and the online site is built as usual.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from advocacy_guide.build.context import build_context
from advocacy_guide.iframe_worker import SHIM_SITE_PATH


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Runs once per language on the same config: each change is made once."""
    if not build_context(config).offline:
        return config
    # Templates leave out what would contact the online site (partials/hreflang.html).
    config.extra["offline"] = True
    # Material loads extra.polyfills before its own bundle; a local iframe-worker also stops
    # Material's offline plugin, if ever enabled, from adding the unpkg.com one.
    config.extra["polyfills"] = config.extra.get("polyfills", [])
    if SHIM_SITE_PATH not in config.extra["polyfills"]:
        config.extra["polyfills"].append(SHIM_SITE_PATH)
    return config
