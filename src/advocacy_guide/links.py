"""Check the links of the built site, without the network.

Every address a page uses on its own site (links, stylesheets, scripts, images, videos, captions,
`#anchors`) must lead to a file of the built site, and an anchor to an element of that page.
Addresses on other sites are listed with the pages that hold them, never fetched: checking them
would tell those sites who is reading the guide, and a reader's connection may be watched.

MkDocs checks the links written in Markdown; this checks what the templates, hooks and
mkdocs-static-i18n finally wrote, in all three languages.

    python -m advocacy_guide.links site/            # prints broken links, then external links
    python -m advocacy_guide.links site/ --report dist/external-links.md
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from advocacy_guide.external_links import is_external

# (element, attribute) pairs that hold an address the browser follows or loads.
ADDRESS_ATTRIBUTES = {
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("track", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
}
IGNORED_SCHEMES = ("mailto:", "tel:", "data:", "blob:", "javascript:", "about:")


@dataclass(frozen=True)
class BrokenLink:
    page: str  # site path of the page holding the link
    address: str  # as written in the page
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.address}: {self.reason}"


@dataclass
class LinkReport:
    pages: int = 0
    broken: list[BrokenLink] = field(default_factory=list)
    external: dict[str, list[str]] = field(default_factory=dict)  # address -> pages holding it

    def external_markdown(self) -> str:
        """The external links as a Markdown list, each with the pages that hold it."""
        lines = ["# External links", "", f"{len(self.external)} addresses on other sites, not fetched.", ""]
        for address in sorted(self.external):
            pages = self.external[address]
            lines.append(f"- <{address}>: {', '.join(pages)}")
        return "\n".join(lines) + "\n"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.addresses: list[tuple[str, str, str]] = []  # (element, attribute, address)
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")
        for name, value in values.items():
            if (tag, name) in ADDRESS_ATTRIBUTES:
                self.addresses.append((tag, name, value))

    handle_startendtag = handle_starttag


@dataclass
class _Page:
    ids: set[str]
    addresses: list[tuple[str, str, str]]
    canonical: str | None


def _parse(path: Path) -> _Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return _Page(parser.ids, parser.addresses, parser.canonical)


def site_url_of(site_dir: Path) -> str | None:
    """The address the site was built for: the canonical address of its home page."""
    home = site_dir / "index.html"
    canonical = _parse(home).canonical if home.is_file() else None
    return urljoin(canonical, ".") if canonical else None


def _site_path(address: str, page: str, site_url: str | None) -> tuple[str, str] | None:
    """(site path, fragment) an own-site address leads to, from the page at site path `page`."""
    parts = urlsplit(address)
    base_path = urlsplit(site_url).path if site_url else "/"
    base_path = base_path if base_path.endswith("/") else base_path + "/"
    path = unquote(parts.path)
    if parts.scheme or address.startswith("//"):  # absolute address on this site
        if not path.startswith(base_path):
            return None
        relative = path[len(base_path) :]
    elif path.startswith("/"):
        if not path.startswith(base_path):
            return None
        relative = path[len(base_path) :]
    elif path == "":
        relative = page  # "#anchor" or "?query": this page
    else:
        relative = str(PurePosixPath(page).parent / path)
    # Normalise "a/../b" without touching the file system.
    segments: list[str] = []
    for segment in relative.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if not segments:
                return None  # above the site's root
            segments.pop()
        else:
            segments.append(segment)
    target = "/".join(segments)
    if relative.endswith("/") or target == "":
        target = f"{target}/index.html".lstrip("/")
    return target, parts.fragment


def check_site(site_dir: Path, site_url: str | None = None) -> LinkReport:
    """Check every HTML page under `site_dir`; `site_url` tells own-site absolute addresses apart."""
    if site_url is None:
        site_url = site_url_of(site_dir)
    pages = {p.relative_to(site_dir).as_posix(): p for p in sorted(site_dir.rglob("*.html"))}
    parsed: dict[str, _Page] = {}

    def page_info(site_path: str) -> _Page:
        if site_path not in parsed:
            parsed[site_path] = _parse(pages[site_path])
        return parsed[site_path]

    report = LinkReport(pages=len(pages))
    external: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        for _element, _attribute, address in page_info(page).addresses:
            address = address.strip()
            if not address or address.lower().startswith(IGNORED_SCHEMES):
                continue
            if is_external(address, site_url):
                if page not in external[address]:
                    external[address].append(page)
                continue
            resolved = _site_path(address, page, site_url)
            if resolved is None:
                report.broken.append(BrokenLink(page, address, "leads outside the site"))
                continue
            target, fragment = resolved
            file = site_dir / target
            if (site_dir / target).is_dir():
                target, file = f"{target}/index.html", file / "index.html"
            if not file.is_file():
                report.broken.append(BrokenLink(page, address, f"no file {target}"))
            elif fragment and target in pages and unquote(fragment) not in page_info(target).ids:
                report.broken.append(BrokenLink(page, address, f"{target} has no element with id '{unquote(fragment)}'"))
    report.external = dict(external)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m advocacy_guide.links", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. site/")
    parser.add_argument("--site-url", help="the address the site was built for (default: its home page's canonical address)")
    parser.add_argument("--report", type=Path, help="also write the external links to this Markdown file")
    args = parser.parse_args(argv)
    report = check_site(args.site_dir, args.site_url)
    for broken in report.broken:
        print(f"BROKEN {broken}")
    print(f"{report.pages} pages checked, {len(report.broken)} broken links, {len(report.external)} external addresses (not fetched)")
    print()
    print(report.external_markdown())
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(report.external_markdown(), encoding="utf-8")
        print(f"External links written to {args.report}")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
