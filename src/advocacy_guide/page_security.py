"""The last pass over every built page: its Content-Security-Policy and safe external links.

It runs on the final HTML files, once every language and every page (404 pages included) has
been written, so that the script hashes match exactly what is served.

Every page carries the same policy: the site's own origin plus the hashes of every inline script
and style of every page. The pages' inline scripts differ only a little (Material's first script
holds the page's path to the site root, `"."`, `".."` or `"/"` on a 404 page), so a page allows
two or three more scripts of the site's own templates than it holds, which gives a script an
attacker slips into a page nothing. One policy is what hosts can send as a header
(`advocacy_guide.deploy`): `_headers` rules match the address asked for, not the page served (a
404 page is served at any address), Cloudflare Pages takes at most 100 rules and joins the values
of rules that overlap, and a header and the page's `<meta>` policy must agree or the page breaks.

The pass fails closed: the scripts it hashes are those outside the page's content (Material's
`<article class="md-content__inner">`, which Markdown fills). A page where that region cannot be
found (a template that dropped Material's `container` block, a page not made by the theme) gets
none of its scripts allowed, and is reported, which fails the strict build.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from advocacy_guide.csp import PolicySources, content_region, insert_policy, merge_sources, policy, policy_findings, sources_for
from advocacy_guide.external_links import secure_external_links
from advocacy_guide.iframe_worker import SHIM_SITE_PATH, worker_shim_script_hashes


@dataclass
class SecurityReport:
    pages: int = 0
    policy: str = ""  # the one policy every page carries
    findings: dict[str, list[str]] = field(default_factory=dict)  # site path -> problems
    without_content: list[str] = field(default_factory=list)  # site paths whose content was not found


# Why a page without a content region fails the build, and what to do about it.
NO_CONTENT_REGION = (
    "its content (Material's <article class=\"md-content__inner\">) was not found, so the "
    "Content-Security-Policy cannot tell the site's template scripts from scripts written into the "
    "page and allows none of its inline scripts; render the page with a template that keeps "
    "Material's `container` block (overrides/main.html extends Material's base.html)"
)


def page_sources(
    document: str, frame_origins: Iterable[str] = (), shim_source: str | None = None
) -> PolicySources:
    """What `document`'s policy must allow. `shim_source`: the iframe-worker shim the offline
    copy loads, whose own inline script the policy must allow too."""
    shim_hashes = worker_shim_script_hashes(document, shim_source)
    return sources_for(document, frame_origins, extra_script_hashes=shim_hashes)


def secure_page(
    document: str, site_url: str | None, frame_origins: Iterable[str] = (), shim_source: str | None = None
) -> tuple[str, list[str]]:
    """`document` alone, with safe external links and its own policy, and what the policy would
    block (or that the page's content was not found, `NO_CONTENT_REGION`)."""
    document = secure_external_links(document, site_url)
    sources = page_sources(document, frame_origins, shim_source)
    missing = [] if content_region(document) else [NO_CONTENT_REGION]
    return insert_policy(document, policy(sources)), missing + policy_findings(document)


def secure_site(site_dir: Path, site_url: str | None, frame_origins: Iterable[str] = ()) -> SecurityReport:
    """Secure every HTML file under `site_dir` in place, with one policy for the whole site."""
    origins = list(frame_origins)
    shim = site_dir / SHIM_SITE_PATH
    shim_source = shim.read_text(encoding="utf-8") if shim.is_file() else None
    originals: dict[Path, str] = {}
    linked: dict[Path, str] = {}
    for path in sorted(site_dir.rglob("*.html")):
        originals[path] = path.read_text(encoding="utf-8")
        linked[path] = secure_external_links(originals[path], site_url)
    site_policy = policy(merge_sources(page_sources(document, origins, shim_source) for document in linked.values()))
    report = SecurityReport(policy=site_policy)
    for path, document in linked.items():
        secured = insert_policy(document, site_policy)
        if secured != originals[path]:
            path.write_text(secured, encoding="utf-8")
        report.pages += 1
        if content_region(document) is None:
            report.without_content.append(path.relative_to(site_dir).as_posix())
        findings = policy_findings(document)
        if findings:
            report.findings[path.relative_to(site_dir).as_posix()] = findings
    return report
