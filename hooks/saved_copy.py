"""Temporary hook: the saved copy's build step (`advocacy_guide.saved_copy.write_saved_copy`),
until the build's finishing pipeline calls it.

Priority -1050: after hooks/security.py (-1000), whose policy the offline page keeps; before
hooks/deploy.py (-1100), which precompresses the files written here and reads the policy back.
Skipped for `mkdocs serve` (pages change on every edit, and carry no policy: the control stays
hidden) and for the offline copy (OFFLINE=1), read from disk where no service worker runs.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from advocacy_guide.offline import is_offline_build
from advocacy_guide.saved_copy import write_saved_copy
from advocacy_guide.ui_strings import load_ui_strings

log = get_plugin_logger(__name__)

_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-1050)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if getattr(i18n, "building", False) or _serving or is_offline_build():
        return
    languages = list(i18n.build_languages)
    site_names = {
        language.locale: language.site_name or config.site_name for language in i18n.config.languages if language.build
    }
    strings = load_ui_strings(Path(config.config_file_path).parent / "data" / "ui-strings.yml")
    base_path = urlsplit(config.site_url or "/").path or "/"
    report = write_saved_copy(Path(config.site_dir), languages, i18n.default_language, site_names, strings, base_path)
    for problem in report.problems:
        log.warning(problem)
    sizes = ", ".join(f"{c.language} {c.bytes // 1024} KiB in {c.files} files" for c in report.languages.values())
    log.info(f"Saved copy: {sizes}")
