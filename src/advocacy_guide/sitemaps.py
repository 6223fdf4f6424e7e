"""Per-language sitemaps.

Material's language switcher fetches `sitemap.xml` next to each `<link rel="alternate">` target,
so `/fr/committee.html` makes it ask for `/fr/sitemap.xml`. Without one, every page load logs a
404. The i18n plugin writes one sitemap for the whole site; each language folder gets the part of
it that covers its own pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def language_sitemap(sitemap_xml: str, language_root_url: str) -> str:
    """The `<url>` entries of `sitemap_xml` whose address starts with `language_root_url`."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    root = ET.fromstring(sitemap_xml)
    for url in list(root):
        loc = url.find(f"{{{SITEMAP_NS}}}loc")
        if loc is None or not (loc.text or "").startswith(language_root_url):
            root.remove(url)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def absolute_url(site_url: str, link: str) -> str:
    """An absolute address for a site link such as `/fr/index.html` or `fr/about.html`."""
    base_path = urlsplit(site_url).path or "/"
    path = link
    if path.startswith(base_path):
        path = path[len(base_path) :]
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path.lstrip("/"))
