"""French typography in the built pages: narrow no-break spaces where French puts a space.

French sets a space before « : ; ? ! » and inside « guillemets », and groups thousands with a
space (19 000). With an ordinary space a browser may break the line there, leaving a colon or a
« 000 » alone at the start of a line. Translators type ordinary spaces in Markdown (a narrow
no-break space is invisible in an editor); the build turns them into U+202F in the text of French
pages, never inside code, scripts, styles or attribute values.
"""

from __future__ import annotations

import re

NARROW_NBSP = "\u202f"
_SPACES = "[ \u00a0\u202f]"
_BEFORE_PUNCTUATION = re.compile(rf"(?<=\S){_SPACES}+(?=[:;!?»])")
_AFTER_OPENING_QUOTE = re.compile(rf"«{_SPACES}+")
# Thousands groups: "19 000", "1 341". Four-digit years stay apart from a following number
# only when the second group is not exactly three digits long.
_THOUSANDS = re.compile(rf"(?<=\d){_SPACES}(?=\d{{3}}(?!\d))")
# A space at the start of a text that follows the end of an inline element: "<a>le cycle</a> : où".
_LEADING_BEFORE_PUNCTUATION = re.compile(rf"^{_SPACES}+(?=[:;!?»])")
_INLINE_END = re.compile(r"</(a|abbr|b|cite|code|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\s*>", re.I)
_TAG = re.compile(r"(<[^>]*>)")
_SKIPPED_ELEMENT = re.compile(r"<(/?)(code|pre|script|style|kbd|samp|textarea)\b", re.I)


def french_spacing(text: str) -> str:
    """`text` with narrow no-break spaces before : ; ? ! », after «, and between thousands."""
    text = _BEFORE_PUNCTUATION.sub(NARROW_NBSP, text)
    text = _AFTER_OPENING_QUOTE.sub("«" + NARROW_NBSP, text)
    return _THOUSANDS.sub(NARROW_NBSP, text)


def french_spacing_html(html: str) -> str:
    """`french_spacing` applied to the text of an HTML fragment, outside code and scripts."""
    parts = _TAG.split(html)
    skipped = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            match = _SKIPPED_ELEMENT.match(part)
            if match:
                skipped += -1 if match.group(1) else 1
                skipped = max(skipped, 0)
        elif not skipped and part:
            if index and _INLINE_END.fullmatch(parts[index - 1]):
                part = _LEADING_BEFORE_PUNCTUATION.sub(NARROW_NBSP, part)
            parts[index] = french_spacing(part)
    return "".join(parts)
