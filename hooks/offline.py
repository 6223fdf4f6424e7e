"""The offline build (`OFFLINE=1`, used by `make offline`): a site that works from `file://`.

See `advocacy_guide.offline` for what changes and why. Without `OFFLINE=1` this hook does
nothing, and the online site is built as usual.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from advocacy_guide.iframe_worker import SHIM_SITE_PATH
from advocacy_guide.offline import inline_site_captions, install_worker_shim, is_offline_build, write_search_scripts

log = get_plugin_logger(__name__)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Runs once per language on the same config: each change is made once."""
    if not is_offline_build():
        return config
    # Templates leave out what would contact the online site (partials/hreflang.html).
    config.extra["offline"] = True
    # Material loads extra.polyfills before its own bundle; a local iframe-worker also stops
    # Material's offline plugin, if ever enabled, from adding the unpkg.com one.
    config.extra["polyfills"] = config.extra.get("polyfills", [])
    if SHIM_SITE_PATH not in config.extra["polyfills"]:
        config.extra["polyfills"].append(SHIM_SITE_PATH)
    return config


@event_priority(-300)
def on_post_build(*, config: MkDocsConfig) -> None:
    """After hooks/i18n_site.py (-200) wrote each language's index; before hooks/security.py
    (-1000), which hashes the shim's inline script into each page's policy."""
    if not is_offline_build():
        return
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return
    site = Path(config.site_dir)
    install_worker_shim(site)
    scripts = write_search_scripts(site)
    captioned = inline_site_captions(site)
    log.info(
        f"Offline build: {len(scripts)} search_index.js files, the iframe-worker shim, "
        f"captions inlined into {captioned} pages"
    )
