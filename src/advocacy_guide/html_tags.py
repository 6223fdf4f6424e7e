"""Find start tags and raw-text elements in the HTML the build writes, without reparsing it.

The security pass edits built pages in place: it must change one attribute and leave every other
byte as it was (a script's hash is computed over its exact text). A parser that rebuilds the
document would reformat it, so this module finds tags with regular expressions that understand
quoted attribute values (`title="a > b"`) and skips what is not markup: comments, and the
contents of `<script>`, `<style>`, `<textarea>` and `<title>`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# One attribute: a name, optionally `=` and a double-quoted, single-quoted or bare value.
_ATTRIBUTE = r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
# Attributes are separated by white space, or follow a quoted value directly (`title="x"onclick=`),
# which browsers accept too.
_SEPARATOR = r"""(?:\s+|(?<=["']))"""
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")

# Elements whose content is not markup: a `<a` inside them is text, not a link.
RAW_TEXT = re.compile(
    r"<!--.*?-->|<(script|style|textarea|title)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>",
    re.S | re.I,
)

SCRIPT = re.compile(
    r"<script\b(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<body>.*?)</script\s*>",
    re.S | re.I,
)
STYLE_ELEMENT = re.compile(r"<style\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>(?P<body>.*?)</style\s*>", re.S | re.I)


def start_tag(name: str) -> re.Pattern[str]:
    """A pattern for the start tags of one element (`<a ...>`), attributes in group `attrs`."""
    return re.compile(rf"<{name}(?P<attrs>(?:{_SEPARATOR}{_ATTRIBUTE})*)\s*/?>", re.I)


ANY_START_TAG = re.compile(rf"<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:{_SEPARATOR}{_ATTRIBUTE})*)\s*/?>")


@dataclass(frozen=True)
class Attribute:
    name: str  # lower case
    value: str | None  # unescaped; None for a bare attribute such as `hidden`


def attributes(attrs: str) -> list[Attribute]:
    """The attributes of a start tag's attribute text, names lower-cased, values unescaped."""
    found = []
    for match in ATTRIBUTE.finditer(attrs):
        name, double, single, bare = match.groups()
        raw = next((v for v in (double, single, bare) if v is not None), None)
        found.append(Attribute(name.lower(), html.unescape(raw) if raw is not None else None))
    return found


def attribute(attrs: str, name: str) -> str | None:
    """The unescaped value of attribute `name`, or None when the tag has no such attribute."""
    for item in attributes(attrs):
        if item.name == name:
            return item.value if item.value is not None else ""
    return None


def markup_segments(document: str) -> Iterator[tuple[bool, str]]:
    """Split `document` into (is_markup, text) pieces; raw-text elements and comments are not markup."""
    position = 0
    for match in RAW_TEXT.finditer(document):
        if match.start() > position:
            yield True, document[position : match.start()]
        yield False, match.group(0)
        position = match.end()
    if position < len(document):
        yield True, document[position:]


def substitute_in_markup(document: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> str:
    """`pattern.sub(replace, ...)` applied to markup only, never inside scripts, styles or comments."""
    return "".join(pattern.sub(replace, text) if is_markup else text for is_markup, text in markup_segments(document))


def find_in_markup(document: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    for is_markup, text in markup_segments(document):
        if is_markup:
            yield from pattern.finditer(text)
