"""Search from `file://`: the iframe-worker shim, and the inline script it writes.

Chromium refuses to start a Web Worker from a page opened from disk, so Material's search worker
cannot start in the offline copy. The npm package `iframe-worker` (by Material's author, MIT,
vendored in offline/iframe-worker/) replaces `Worker` on `file:` pages with a hidden iframe that
runs the worker's script. It writes that iframe's document itself, with one inline script:

    postMessage=<function c>;importScripts=<function d>;addEventListener("error", ...
        filename:"<worker address>" ...)

The iframe inherits the page's Content-Security-Policy, so that script runs only if its hash is
in the policy. Its text depends only on the shim's source and on the worker address the page
gives Material (`search` in the page's `__config`), so the build computes it for each page.
"""

from __future__ import annotations

import json
import re

from advocacy_guide.csp import sha256_source
from advocacy_guide.html_tags import SCRIPT, attribute

# Where the offline build puts the shim, relative to the site folder.
SHIM_SITE_PATH = "assets/javascripts/iframe-worker-shim.js"

_INLINE_TEMPLATE = re.compile(r"<script>(?P<body>.*?)<\\/script>", re.S)
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
_CONSTRUCTOR = re.compile(r"constructor\((\w+)\)")
_CONFIG = re.compile(r'<script id="__config" type="application/json">(?P<json>.*?)</script>', re.S)


class ShimFormatError(ValueError):
    """The shim's source is not shaped as this module expects (a new iframe-worker version?)."""


def _function_source(source: str, name: str) -> str:
    """The exact text of `function name(...){...}` in `source`, as `Function.toString()` gives it."""
    start = source.find(f"function {name}(")
    if start < 0:
        raise ShimFormatError(f"no function {name} in the iframe-worker shim")
    depth = 0
    for position in range(source.index("{", start), len(source)):
        if source[position] == "{":
            depth += 1
        elif source[position] == "}":
            depth -= 1
            if depth == 0:
                return source[start : position + 1]
    raise ShimFormatError(f"function {name} of the iframe-worker shim does not end")


def iframe_script(shim_source: str, worker_url: str) -> str:
    """The inline script the shim writes into its iframe for a worker at `worker_url`."""
    template = _INLINE_TEMPLATE.search(shim_source)
    constructor = _CONSTRUCTOR.search(shim_source)
    if template is None or constructor is None or "\\" in template.group("body"):
        raise ShimFormatError("the iframe-worker shim no longer writes the inline script this build hashes")
    url_name = constructor.group(1)

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        return worker_url if name == url_name else _function_source(shim_source, name)

    return _PLACEHOLDER.sub(fill, template.group("body"))


def loads_shim(document: str) -> bool:
    return any(
        (attribute(m.group("attrs"), "src") or "").endswith(SHIM_SITE_PATH) for m in SCRIPT.finditer(document)
    )


def worker_url(document: str) -> str | None:
    """The search worker address Material will give `new Worker()` on this page."""
    match = _CONFIG.search(document)
    if match is None:
        return None
    try:
        return json.loads(match.group("json")).get("search")
    except (json.JSONDecodeError, AttributeError):
        return None


def worker_shim_script_hashes(document: str, shim_source: str | None) -> list[str]:
    """The hash of the shim's iframe script for this page, when the page loads the shim."""
    if not shim_source or not loads_shim(document):
        return []
    url = worker_url(document)
    return [sha256_source(iframe_script(shim_source, url))] if url else []
