"""The one Content-Security-Policy the built pages carry, read back from their `<meta>` tags."""

from __future__ import annotations

from pathlib import Path

from advocacy_guide.csp import CSP_META
from advocacy_guide.deploy.headers import DeployError
from advocacy_guide.html_tags import attribute


def meta_policy(document: str) -> str | None:
    """The policy of a page's `<meta http-equiv="Content-Security-Policy">`, unescaped, or None."""
    tag = CSP_META.search(document)
    if tag is None:
        return None
    return attribute(tag.group(0)[len("<meta") :].rstrip(">/ \n"), "content")


def site_policy(site_dir: Path) -> str:
    """The policy every page of `site_dir` carries; an error names a page without it, or one
    whose policy differs (the headers could then block what that page needs)."""
    found: dict[str, str] = {}
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        text = meta_policy(path.read_text(encoding="utf-8"))
        if text is None:
            raise DeployError(f"{page} carries no Content-Security-Policy: the security pass (advocacy_guide.build.finishing.secure_pages) must run before the deployment files are written")
        found[page] = text
    if not found:
        raise DeployError(f"{site_dir} holds no page")
    policies = set(found.values())
    if len(policies) > 1:
        first = next(iter(found))
        other = next(page for page, text in found.items() if text != found[first])
        raise DeployError(f"{first} and {other} carry different policies: one header cannot serve both")
    return policies.pop()
