"""The Content-Security-Policy every page carries, as a `<meta http-equiv>` tag.

Static hosts differ in how (and whether) they let a site set headers, so the policy travels in
the page itself; hosts that send headers get the same policy as a header too (see
`advocacy_guide.deploy`). It allows the site's own origin only. Inline scripts run because their SHA-256
hashes, computed from the final HTML, are listed; `'unsafe-inline'` is never allowed for
scripts, so a script that an attacker slips into a page does not run.

Only the scripts of the templates are hashed. An inline script inside a page's content (the
`<article>` Markdown fills) is not: Markdown passes raw HTML through, so a script there was
written into a page, not into the site's code, and the build reports it instead.

Styles: `style-src 'self'`, without `'unsafe-inline'`. Material changes styles from JavaScript
through the CSSOM (`element.style.top = ...`, `style.setProperty(...)`), which a policy does not
govern; it writes no `style="..."` attribute and no `<style>` element into its pages. What a
policy would block is a `style` attribute or `<style>` element in the HTML itself, and the build
reports those (see `policy_findings`) so that they move into the site's CSS files. Any `<style>`
element left in a page is allowed by its hash.

What a `<meta>` policy cannot carry (`frame-ancestors`, `report-uri`, `sandbox`) is left out:
browsers ignore it there and log an error on every page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from advocacy_guide.html_tags import (
    ANY_START_TAG,
    SCRIPT,
    STYLE_ELEMENT,
    attribute,
    attributes,
    markup_segments,
)
from advocacy_guide.markdown.source import read_source

# Script types a browser runs; anything else (application/json, text/template) is data.
EXECUTABLE_SCRIPT_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
}

# <track>, <source>, <video>, <audio> with a data: address (the offline copy inlines captions).
DATA_MEDIA = re.compile(r"""<(?:track|source|video|audio)\b[^>]*\ssrc\s*=\s*["']?data:""", re.I)
CSP_META = re.compile(
    r"""<meta\s+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>\s*""", re.I
)
HEAD = re.compile(r"<head\b[^>]*>", re.I)
# Searched in lower-cased text (faster than re.I): a cheap first look before parsing attributes.
# An attribute name follows white space, a quote (`title="x"onclick=`) or a slash.
_SUSPECT_ATTRIBUTES = re.compile(r"[\s\"'/](?:style|on[a-z]+)\s*=|javascript:")
CONTENT_START = re.compile(r"<article\s+class=\"md-content__inner\b[^>]*>", re.I)
ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>", re.I)
CHARSET_META = re.compile(r"\s*<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.I)


@dataclass(frozen=True)
class PolicySources:
    """What the policy allows beyond the site's own origin."""

    script_hashes: tuple[str, ...] = ()  # "sha256-..." for each inline script
    style_hashes: tuple[str, ...] = ()  # "sha256-..." for each inline <style> element
    frame_origins: tuple[str, ...] = ()  # "https://player.vimeo.com": click-to-load video hosts
    data_media: bool = False  # the page holds media as data: addresses (the offline copy's captions)


def sha256_source(text: str) -> str:
    """The CSP hash source of an inline script or style: `sha256-<base64 of its UTF-8 bytes>`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def content_region(document: str) -> tuple[int, int] | None:
    """Where the page's content (Material's `<article class="md-content__inner">`) starts and ends."""
    start = CONTENT_START.search(document)
    if start is None:
        return None
    depth = 1
    for tag in ARTICLE_TAG.finditer(document, start.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start.start(), tag.end()
    return start.start(), len(document)


def inline_scripts(document: str, *, in_content: bool | None = None) -> list[str]:
    """The text of every inline script a browser would run in `document`; only those inside
    (True) or outside (False) the page's content when `in_content` is given.

    A page whose content cannot be found has no script outside it either: the policy then allows
    none of its scripts (it fails closed), and the security pass reports the page
    (`page_security`), rather than allowing a script written into the page's text."""
    region = content_region(document) if in_content is not None else None
    if in_content is False and region is None:
        return []
    found = []
    for match in SCRIPT.finditer(document):
        if in_content is not None:
            inside = region is not None and region[0] <= match.start() < region[1]
            if inside != in_content:
                continue
        attrs = match.group("attrs")
        if attribute(attrs, "src") is not None:
            continue  # loaded from a file: allowed by 'self', not by a hash
        script_type = (attribute(attrs, "type") or "").strip().lower()
        if script_type.split(";")[0] not in EXECUTABLE_SCRIPT_TYPES:
            continue
        found.append(match.group("body"))
    return found


def inline_styles(document: str) -> list[str]:
    return [match.group("body") for match in STYLE_ELEMENT.finditer(document)]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def sources_for(document: str, frame_origins: Iterable[str] = (), extra_script_hashes: Iterable[str] = ()) -> PolicySources:
    """The hashes of `document`'s inline scripts and styles, and the given frame origins."""
    return PolicySources(
        script_hashes=_unique([*map(sha256_source, inline_scripts(document, in_content=False)), *extra_script_hashes]),
        style_hashes=_unique(map(sha256_source, inline_styles(document))),
        frame_origins=_unique(frame_origins),
        data_media=bool(DATA_MEDIA.search(document)),
    )


def merge_sources(all_sources: Iterable[PolicySources]) -> PolicySources:
    """One set of sources allowing everything each of `all_sources` allows, in first-seen order."""
    listed = list(all_sources)
    return PolicySources(
        script_hashes=_unique(h for s in listed for h in s.script_hashes),
        style_hashes=_unique(h for s in listed for h in s.style_hashes),
        frame_origins=_unique(o for s in listed for o in s.frame_origins),
        data_media=any(s.data_media for s in listed),
    )


def policy(sources: PolicySources) -> str:
    """The policy text: the site's own origin for everything, plus `sources`."""
    scripts = " ".join(["'self'", *(f"'{h}'" for h in sources.script_hashes)])
    styles = " ".join(["'self'", *(f"'{h}'" for h in sources.style_hashes)])
    frames = " ".join(["'self'", *sources.frame_origins])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        f"style-src {styles}",
        "img-src 'self' data:",  # Material's icons and a few images are data: URLs
        "font-src 'self'",
        "media-src 'self' blob:" + (" data:" if sources.data_media else ""),
        "connect-src 'self'",  # search index, sitemaps
        "worker-src 'self' blob:",  # the search worker, the saved copy's service worker
        "manifest-src 'self'",  # the saved copy's web app manifest
        f"frame-src {frames}",  # videos from their hosts, only after the reader's click
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def meta_tag(policy_text: str) -> str:
    # Escape for a double-quoted attribute; single quotes stay as they are ('self' is readable).
    content = html.escape(policy_text, quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def insert_policy(document: str, policy_text: str) -> str:
    """`document` with its policy as the first tag of `<head>` (after `<meta charset>`).

    The policy only governs what follows it, so it comes before any script or style. The charset
    declaration may stay first: it loads nothing, and browsers look for it in the first 1024 bytes.
    An existing policy tag is replaced, so running the pass twice gives the same page.
    """
    document = CSP_META.sub("", document)
    head = HEAD.search(document)
    if head is None:
        return document
    position = head.end()
    charset = CHARSET_META.match(document, position)
    if charset:
        position = charset.end()
    return document[:position] + meta_tag(policy_text) + document[position:]


def policy_findings(document: str) -> list[str]:
    """What the policy blocks in `document` and the build should report: scripts written into
    the page's content, inline style attributes, inline event handlers (`onclick=`) and
    `javascript:` links."""
    findings = [
        "an inline <script> in the page's content: put the script in a file in overrides/assets/"
        for _ in inline_scripts(document, in_content=True)
    ]
    for is_markup, text in markup_segments(document):
        # Most of a page has none of these: look at its tags only where one may be.
        if is_markup and _may_hold_blocked(text):
            findings += _blocked_attributes(text)
    return findings


def _may_hold_blocked(text: str) -> bool:
    """Whether `text` may hold an attribute the policy blocks (`style=`, `on...=`, `javascript:`)."""
    return _SUSPECT_ATTRIBUTES.search(text.lower()) is not None


def _blocked_attributes(markup: str) -> list[str]:
    findings = []
    for match in ANY_START_TAG.finditer(markup):
        if not _may_hold_blocked(match.group("attrs")):
            continue
        for item in attributes(match.group("attrs")):
            if item.name == "style":
                findings.append(f"a style attribute on <{match.group('name')}>: move it into a CSS class in overrides/assets/")
            elif item.name.startswith("on") and len(item.name) > 2:
                findings.append(f"an inline event handler {item.name}= on <{match.group('name')}>: attach it from a script file")
            elif item.name in ("href", "src", "action") and (item.value or "").strip().lower().startswith("javascript:"):
                findings.append(f"a javascript: address on <{match.group('name')}>: use a button and a script file")
    return findings


# What a page's Markdown can hold that the policy blocks: attr_list or raw-HTML style attributes,
# inline event handlers, scripts, javascript: links.
_MARKDOWN_BLOCKED = (
    (re.compile(r"(?:^|[\s{])style\s*=\s*[\"']", re.I), "a style attribute: use a CSS class from overrides/assets/ instead"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I), "an inline event handler (onclick=...): the site's scripts attach behaviour"),
    (re.compile(r"<script\b", re.I), "a <script>: scripts go in overrides/assets/ files"),
    (re.compile(r"\]\(\s*<?javascript:|href\s*=\s*[\"']?\s*javascript:", re.I), "a javascript: link: link to a page or section instead"),
)
# Each of them contains one of these: most pages have none, and are not read line by line.
_MARKDOWN_SUSPECT_ATTRIBUTE = re.compile(r"(?:style|on[a-z]+)\s*=")  # in lower-cased text


def markdown_findings(source: str) -> list[tuple[int, str]]:
    """(line, what) for each thing in a page's Markdown source that its policy would block,
    in its prose: code blocks, code spans and HTML comments show markup, they do not run it."""
    lowered = source.lower()
    if not ("<script" in lowered or "javascript:" in lowered or _MARKDOWN_SUSPECT_ATTRIBUTE.search(lowered)):
        return []
    findings = []
    for number, line in enumerate(read_source(source).prose_lines, start=1):
        findings += [(number, what) for pattern, what in _MARKDOWN_BLOCKED if pattern.search(line)]
    return findings
