"""Every built page carries a Content-Security-Policy, and links to other sites leak nothing.

The pass itself is a step of the finishing list (advocacy_guide.build.finishing.secure_pages):
it runs over the final HTML files once the whole site (every language, the 404 pages) is
written, so that each inline script's hash matches what is served (advocacy_guide.page_security).
Every page gets the same policy, which the deployment step, after it, sends as a header too.

This hook's part is in the pages' Markdown: what the policy would block (a `style` attribute, an
`onclick`, a `<script>` in a page) fails the strict build, named by Markdown file and line when a
page's source holds it (by built page otherwise, a template: the finishing step). It also
notes the external video addresses placed on pages, whose hosts the frame policy allows.
A page whose content region cannot be found gets none of its inline scripts allowed and fails
the strict build too (the pass fails closed rather than allowing a script written into the page).

`mkdocs serve` is left without a policy: its live reload injects an inline script into every
page it serves, which a policy would block.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from advocacy_guide.build.context import BuildContext, build_context
from advocacy_guide.csp import markdown_findings
from advocacy_guide.video_embed import external_addresses

log = get_plugin_logger(__name__)


@dataclass
class _CheckedSources:
    """Sources already checked in this build: an untranslated page is built once per language."""

    src_uris: set[str] = field(default_factory=set)


@event_priority(100)  # before the video hook turns the markers into HTML
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    ctx = build_context(config)
    ctx.placed_video_addresses.update(external_addresses(markdown))
    _report_markdown(page, ctx)
    return markdown


def _report_markdown(page: Page, ctx: BuildContext) -> None:
    """What the policy would block, named by source file and line (the whole source is read, so
    lines count the front matter). An untranslated page, built again under /fr/, once."""
    findings = markdown_findings(page.file.content_string)  # the source is read once (cached)
    if findings:
        # Every built copy of the page (an untranslated one under /fr/ too) is named by its
        # source: the finishing pass does not name it again by built page.
        ctx.pages_reported_by_source.add(page.file.dest_uri)
    checked = ctx.feature(_CheckedSources).src_uris
    if page.file.src_uri in checked:
        return
    checked.add(page.file.src_uri)
    for line, what in findings:
        log.warning(f"docs/{page.file.src_uri}:{line}: the page's Content-Security-Policy blocks {what}")
