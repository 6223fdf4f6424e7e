"""A built page made fit for a Kiwix file of one language.

Inside a ZIM a page is served from the reader's own address (kiwix-serve, an app, a hotspot),
and the file holds one language only. The page is edited in place, byte for byte elsewhere (its
inline scripts keep the hashes its Content-Security-Policy lists):

- the language switcher goes: the other languages are other files;
- the canonical address and the online address printed for handouts go: they name the online site;
- a link to a page the file does not hold (another language, the translators' status page) or to
  the online site becomes plain text;
- the Content-Security-Policy lets kiwix-serve's toolbar start: kiwix-serve (3.3, Debian) writes
  its toolbar into every page with jQuery 1.10, whose feature test sets `onsubmit="t"`,
  `onchange="t"` and `onfocusin="t"` on a detached element. The policy allows exactly that
  handler text by its hash (`'unsafe-hashes'` covers event-handler attributes only, and only the
  hashed text): any other inline handler, and every inline script not hashed, stays blocked.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from advocacy_guide.csp import sha256_source
from advocacy_guide.html_tags import attribute, substitute_in_markup

CANONICAL = re.compile(r"""<link\s+rel="canonical"[^>]*>\s*""", re.I)
PRESENT_ADDRESS = re.compile(r"""<p class="present-address"[^>]*>.*?</p>\s*""", re.S)
LANGUAGE_SWITCHER = re.compile(r"""<div class="md-header__option">\s*<div class="md-select">""")
LINK = re.compile(r"""<a\b(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>(?P<text>.*?)</a\s*>""", re.S | re.I)
DIV = re.compile(r"<(/?)div\b", re.I)
OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# The inline handlers the Kiwix toolbar's jQuery sets (see above); nothing else.
KIWIX_TOOLBAR_HANDLERS = ("t",)
POLICY_SCRIPT_SRC = re.compile(r"""(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src 'self')""")


def allow_kiwix_toolbar(document: str) -> str:
    hashes = " ".join(f"'{sha256_source(handler)}'" for handler in KIWIX_TOOLBAR_HANDLERS)
    return POLICY_SCRIPT_SRC.sub(lambda match: f"{match.group(1)} 'unsafe-hashes' {hashes}", document, count=1)


def remove_div(document: str, start: re.Pattern[str]) -> str:
    """`document` without each `<div>` whose start matches `start`, up to its own `</div>`."""
    while (match := start.search(document)) is not None:
        depth = 0
        for tag in DIV.finditer(document, match.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = document.find(">", tag.end()) + 1
                document = document[: match.start()] + document[end:]
                break
        else:
            break
    return document


def resolve(page_path: str, href: str) -> str | None:
    """The ZIM path a relative address of the page at `page_path` leads to; None for another scheme."""
    parts = urlsplit(href)
    if OTHER_SCHEME.match(href) or parts.netloc:
        return None
    if not parts.path:
        return page_path
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))


def zim_page(document: str, page_path: str, holds: Callable[[str], bool], site_url: str) -> str:
    """The page at `page_path` as the ZIM serves it; `holds(path)` says whether the ZIM has `path`."""
    document = CANONICAL.sub("", document)
    document = PRESENT_ADDRESS.sub("", document)
    document = remove_div(document, LANGUAGE_SWITCHER)
    document = allow_kiwix_toolbar(document)

    def link(match: re.Match[str]) -> str:
        href = attribute(match.group("attrs"), "href")
        if href is None or href.startswith("#"):
            return match.group(0)
        online = href.startswith(site_url) or href.startswith(site_url.split("://", 1)[-1].join(("//", "")))
        target = resolve(page_path, href)
        if online or (target is not None and not holds(target)):
            return f"<span>{match.group('text')}</span>"
        return match.group(0)

    return substitute_in_markup(document, LINK, link)
