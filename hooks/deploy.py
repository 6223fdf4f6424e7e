"""Deployment files: headers, 404 rules and server configurations for each host the README
names, and precompressed copies of the text files (see `advocacy_guide.deploy`).

Runs last of all (priority -1100), after hooks/security.py (-1000): the headers carry the one
Content-Security-Policy that pass has just written into every page, read back from the pages,
and the .gz and .br copies must be of the pages as they are served. Skipped for `mkdocs serve`
(nothing is deployed, and its pages carry no policy) and for the offline copy (OFFLINE=1), which
is opened from disk. ONION_URL, when set at build time, adds an Onion-Location header.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from advocacy_guide.deploy import DeployError, deploy_dir_for, write_deployment
from advocacy_guide.offline import is_offline_build

log = get_plugin_logger(__name__)

_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-1100)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # a nested language build: the outermost call sees the whole site
    if _serving or is_offline_build():
        return
    site = Path(config.site_dir)
    root = Path(config.config_file_path).parent
    try:
        report = write_deployment(
            site, config.site_url, onion_url=os.environ.get("ONION_URL"), cache_dir=root / ".cache" / "precompressed"
        )
    except DeployError as error:
        log.warning(f"deployment files: {error}")
        return
    compressed = report.precompressed
    log.info(
        f"Deployment files: _headers, _redirects, .htaccess in {site.name}/, nginx in {deploy_dir_for(site).name}/nginx/; "
        f"{compressed.files} files precompressed ({compressed.original_bytes // 1024} KiB -> "
        f"{compressed.gzip_bytes // 1024} KiB gzip, {compressed.brotli_bytes // 1024} KiB Brotli)"
    )
