"""Links to other sites open without telling them where the reader came from.

Every `<a>` whose address is on another site gets `rel="noopener noreferrer"`: the other site
receives no `Referer` naming the guide page the reader was on (readers may be watched; the page
they read says something about them), and cannot script the guide's tab through
`window.opener`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from advocacy_guide.html_tags import ATTRIBUTE, attribute, start_tag, substitute_in_markup

ANCHOR = start_tag("a")
REQUIRED_REL = ("noopener", "noreferrer")


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return (parts.scheme.lower(), (parts.netloc or "").lower())


def is_external(href: str, site_url: str | None) -> bool:
    """Whether `href` leads to another site than `site_url` (relative addresses never do)."""
    href = href.strip()
    parts = urlsplit(href)
    if href.startswith("//"):
        netloc = parts.netloc.lower()
    elif parts.scheme.lower() in ("http", "https"):
        netloc = parts.netloc.lower()
    else:
        return False  # relative, #anchor, mailto:, tel:, data: ...
    if not site_url:
        return True
    site_scheme, site_netloc = _origin(site_url)
    if netloc != site_netloc:
        return True
    return bool(parts.scheme) and parts.scheme.lower() != site_scheme


def with_rel_tokens(rel: str | None, required: tuple[str, ...] = REQUIRED_REL) -> str:
    """`rel` with the required tokens added, the existing ones kept in order."""
    tokens = (rel or "").split()
    lowered = {t.lower() for t in tokens}
    return " ".join([*tokens, *(t for t in required if t not in lowered)])


def _secure_anchor(match: re.Match[str], site_url: str | None) -> str:
    tag, attrs = match.group(0), match.group("attrs")
    if "//" not in attrs:
        return tag  # no address on another site can be written without "//"
    href = attribute(attrs, "href")
    if href is None or not is_external(href, site_url):
        return tag
    rel = attribute(attrs, "rel")
    value = html.escape(with_rel_tokens(rel), quote=True)
    if rel is None:
        return f'<a rel="{value}"' + tag[2:]
    # Rewrite the first rel attribute in place (a browser ignores later duplicates).
    start, end = match.start("attrs") - match.start(), match.end("attrs") - match.start()
    for item in ATTRIBUTE.finditer(attrs):
        if item.group(1).lower() == "rel":
            attrs = attrs[: item.start()] + f'rel="{value}"' + attrs[item.end() :]
            break
    return tag[:start] + attrs + tag[end:]


def secure_external_links(document: str, site_url: str | None) -> str:
    """`document` with `rel="noopener noreferrer"` on every link to another site."""

    return substitute_in_markup(document, ANCHOR, lambda match: _secure_anchor(match, site_url))


def external_hrefs(document: str, site_url: str | None) -> list[str]:
    """The addresses of the links to other sites in `document`, in order."""
    found: list[str] = []

    def collect(match: re.Match[str]) -> str:
        href = attribute(match.group("attrs"), "href")
        if href is not None and is_external(href, site_url):
            found.append(href.strip())
        return match.group(0)

    substitute_in_markup(document, ANCHOR, collect)
    return found
