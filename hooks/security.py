"""Every built page carries a Content-Security-Policy, and links to other sites leak nothing.

The pass runs over the final HTML files once the whole site (every language, the 404 pages) is
written, so that each inline script's hash matches what is served: see
`advocacy_guide.page_security`. Every page gets the same policy, which hooks/deploy.py, running
after this pass, sends as a header too. What the policy would block (a `style` attribute, an `onclick`,
a `<script>` in a page) fails the strict build: named by Markdown file and line when a page's
source holds it, by built page otherwise (a template). A page whose content region cannot be
found gets none of its inline scripts allowed and fails the strict build too (the pass fails
closed rather than allowing a script written into the page).

`mkdocs serve` is left without a policy: its live reload injects an inline script into every
page it serves, which a policy would block.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from advocacy_guide.csp import markdown_findings
from advocacy_guide.page_security import NO_CONTENT_REGION, secure_site
from advocacy_guide.video_embed import external_addresses
from advocacy_guide.video_origins import frame_origins, frame_origins_from_file

log = get_plugin_logger(__name__)

_serving = False
# External video addresses placed directly on pages (`![type:video](https://...)`), every language.
_placed_videos: set[str] = set()
# Sources already checked in this build, and the built pages whose source was reported.
_checked_sources: set[str] = set()
_reported_pages: set[str] = set()


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(100)  # before the video hook turns the markers into HTML
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    _placed_videos.update(external_addresses(markdown))
    _report_markdown(page)
    return markdown


def _report_markdown(page: Page) -> None:
    """What the policy would block, named by source file and line (the whole source is read, so
    lines count the front matter). An untranslated page, built again under /fr/, once."""
    if page.file.src_uri in _checked_sources:
        return
    _checked_sources.add(page.file.src_uri)
    findings = markdown_findings(page.file.content_string)
    if findings:
        _reported_pages.add(page.file.dest_uri)
    for line, what in findings:
        log.warning(f"docs/{page.file.src_uri}:{line}: the page's Content-Security-Policy blocks {what}")


@event_priority(-1000)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Last of all: after the i18n plugin (-100) and the site's other hooks have written pages."""
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # a nested language build: the outermost call secures the whole site
    if _serving:
        log.info("mkdocs serve: pages are served without their Content-Security-Policy (live reload)")
        _forget_build()
        return
    root = Path(config.config_file_path).parent
    # One frame policy for the whole site: the hosts of every external video, declared in
    # data/videos.yml or placed on a page. They load only after a reader's click.
    frames = sorted({*frame_origins_from_file(root / "data" / "videos.yml"), *frame_origins(sorted(_placed_videos))})
    report = secure_site(Path(config.site_dir), config.site_url, frames)
    for page in report.without_content:
        log.warning(f"{page}: {NO_CONTENT_REGION}")
    for page, findings in report.findings.items():
        if page in _reported_pages:
            continue  # already named by its source file and line
        for finding in findings:
            log.warning(f"{page}: the page's Content-Security-Policy blocks {finding}")
    log.info(f"Content-Security-Policy written into {report.pages} pages")
    _forget_build()


def _forget_build() -> None:
    for state in (_placed_videos, _checked_sources, _reported_pages):
        state.clear()
