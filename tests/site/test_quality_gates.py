"""Quality gates over every built page, all three languages: links, policy, external links."""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

from advocacy_guide.external_links import is_external
from advocacy_guide.links import check_site
from tests.conftest import BuiltSite


class PageFacts(HTMLParser):
    """What the browser would see of a page, read independently of the security pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.order: list[str] = []  # head elements, in order: "csp", "script", "link", ...
        self.policies: list[str] = []
        self.inline_scripts: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.order.append("csp")
            self.policies.append(values.get("content") or "")
        elif tag in ("script", "link", "style"):
            self.order.append(tag)
        if tag == "script":
            self._script, self._script_text = values, []
        if tag == "a":
            self.links.append(values)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            script_type = (self._script.get("type") or "").lower()
            if "src" not in self._script and script_type in ("", "text/javascript", "module"):
                self.inline_scripts.append("".join(self._script_text))
            self._script = None


def facts(built_site: BuiltSite, path: str) -> PageFacts:
    parser = PageFacts()
    parser.feed((built_site.dir / path).read_text(encoding="utf-8"))
    parser.close()
    return parser


def all_pages(built_site: BuiltSite) -> list[str]:
    """Every HTML page of the site, the 404 pages included."""
    return [p.as_posix() for p in built_site.pages()]


def test_every_same_site_link_and_anchor_resolves(built_site: BuiltSite) -> None:
    report = check_site(built_site.dir, built_site.url)
    assert report.pages == len(all_pages(built_site))
    assert report.broken == [], "broken links:\n" + "\n".join(map(str, report.broken))


def test_external_links_are_listed_with_their_pages(built_site: BuiltSite) -> None:
    report = check_site(built_site.dir, built_site.url)
    assert report.external, "no external link found: the guide cites the UN's own pages"
    for address, pages in report.external.items():
        assert is_external(address, built_site.url)
        assert pages and all((built_site.dir / p).is_file() for p in pages), address


def test_every_page_carries_its_policy_before_anything_it_loads(built_site: BuiltSite) -> None:
    for path in all_pages(built_site):
        page = facts(built_site, path)
        assert len(page.policies) == 1, f"{path}: {len(page.policies)} Content-Security-Policy tags"
        assert page.order[0] == "csp", f"{path}: the policy comes after {page.order[0]}"
        directives = dict(d.split(" ", 1) for d in page.policies[0].split("; "))
        assert directives["default-src"] == "'self'", path
        assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"], path
        expected = {
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in page.inline_scripts
        }
        allowed = set(directives["script-src"].split()) - {"'self'"}
        assert expected <= allowed, f"{path}: inline scripts without their hash"
        assert page.inline_scripts, f"{path}: Material's inline scripts were not found: is this test reading the page right?"
        assert "*" not in page.policies[0], path


def test_links_to_other_sites_carry_noopener_noreferrer(built_site: BuiltSite) -> None:
    external_links = 0
    for path in all_pages(built_site):
        for link in facts(built_site, path).links:
            href = link.get("href")
            if href and is_external(href, built_site.url):
                external_links += 1
                assert {"noopener", "noreferrer"} <= set((link.get("rel") or "").split()), f"{path}: {href}"
    assert external_links > 0
