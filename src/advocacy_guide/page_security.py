"""The last pass over every built page: its Content-Security-Policy and safe external links.

It runs on the final HTML files, once every language and every page (404 pages included) has
been written, so that the script hashes match exactly what is served.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from advocacy_guide.csp import insert_policy, policy, policy_findings, sources_for
from advocacy_guide.external_links import secure_external_links
from advocacy_guide.iframe_worker import SHIM_SITE_PATH, worker_shim_script_hashes


@dataclass
class SecurityReport:
    pages: int = 0
    findings: dict[str, list[str]] = field(default_factory=dict)  # site path -> problems


def secure_page(
    document: str, site_url: str | None, frame_origins: Iterable[str] = (), shim_source: str | None = None
) -> tuple[str, list[str]]:
    """`document` with safe external links and its policy, and what the policy would block.

    `shim_source`: the iframe-worker shim the offline copy loads, whose own inline script the
    policy must allow too.
    """
    document = secure_external_links(document, site_url)
    shim_hashes = worker_shim_script_hashes(document, shim_source)
    sources = sources_for(document, frame_origins, extra_script_hashes=shim_hashes)
    return insert_policy(document, policy(sources)), policy_findings(document)


def secure_site(site_dir: Path, site_url: str | None, frame_origins: Iterable[str] = ()) -> SecurityReport:
    """Secure every HTML file under `site_dir` in place."""
    origins = list(frame_origins)
    shim = site_dir / SHIM_SITE_PATH
    shim_source = shim.read_text(encoding="utf-8") if shim.is_file() else None
    report = SecurityReport()
    for path in sorted(site_dir.rglob("*.html")):
        original = path.read_text(encoding="utf-8")
        secured, findings = secure_page(original, site_url, origins, shim_source)
        if secured != original:
            path.write_text(secured, encoding="utf-8")
        report.pages += 1
        if findings:
            report.findings[path.relative_to(site_dir).as_posix()] = findings
    return report
