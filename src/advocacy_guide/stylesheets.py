"""One stylesheet for the project's CSS, in place of one per feature.

Each feature keeps its own file in overrides/assets/ (checklists.css, video.css, ...), where it is
read and reviewed. Pages load them as one file: every stylesheet in `<head>` blocks the first
paint, and on HTTP/1.1 hosts and high-latency mobile links each extra file costs a connection
and a round trip before the reader sees anything. Lighthouse (mobile, follow-up.html, gzip host,
HTTP/1.1) measured performance 0.92 with five stylesheets and 0.97 with one.
"""

from __future__ import annotations

import posixpath
import re

BUNDLE = "assets/guide.css"
_URL = re.compile(r"url\(\s*(?!['\"]?(?:data:|https?:|/|#))", re.I)
# A comment, unless inside a string: the strings are matched first and kept.
_COMMENT_OR_STRING = re.compile(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')|/\*.*?\*/", re.S)


class StylesheetError(ValueError):
    """A stylesheet cannot join the bundle without breaking."""


def bundle(sources: list[tuple[str, str]], bundle_path: str = BUNDLE) -> str:
    """The stylesheets `[(site path, text), ...]` joined in order, as one stylesheet.

    Order is kept, so later rules win as they did across files. A relative `url(...)` resolves
    against the stylesheet's own folder, so only stylesheets of the bundle's folder may use one.
    """
    folder = posixpath.dirname(bundle_path)
    parts = []
    for path, text in sources:
        if posixpath.dirname(path) != folder and _URL.search(text):
            raise StylesheetError(f"{path} uses a relative url(...) and is not in {folder}/: move it there")
        if re.search(r"@import\b|@charset\b", text, re.I):
            raise StylesheetError(f"{path}: @import and @charset only work at the top of a stylesheet: remove them")
        parts.append(strip_comments(text).strip() + "\n")
    return "".join(parts)


def strip_comments(css: str) -> str:
    """`css` without its comments (they stay in the source files) and without blank lines."""
    stripped = _COMMENT_OR_STRING.sub(lambda m: m.group(1) or "", css)
    return "\n".join(line.rstrip() for line in stripped.splitlines() if line.strip())
