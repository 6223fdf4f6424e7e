"""A page's HTML prepared for Material's search parser, which builds the index's text.

Material's parser (material/plugins/search/plugin.py) keeps a few block tags (p, li, pre...) and
drops every other tag without leaving a space. Two things go wrong with that:
- an inline element that the stylesheet shows as a block (the review-cycle diagram's
  `<span class="cycle-cs">`) runs into the text before it: "informe.Sociedad" in the snippet,
  and one word for search. A space goes before such elements (the browser drops a space before
  a block, so readers see no change);
- a checklist has no heading, so its steps become text of the section above it ("Confidential
  information" would hold "the 10,000-word limit"). Its steps restate the page's own sections,
  where search should find them: checklists are left out of the index (`data-search-exclude`,
  Material's own attribute).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_BLOCK_RULE = re.compile(r"\.([A-Za-z][\w-]*)\s*\{[^}]*display\s*:\s*(?:block|flex|grid|list-item)\b")
_CHECKLIST = re.compile(r'<fieldset\b(?=[^>]*\bclass="(?:[^"]*\s)?checklist(?:\s[^"]*)?")(?![^>]*data-search-exclude)')


def block_classes(stylesheets: Iterable[Path]) -> frozenset[str]:
    """Classes that the stylesheets display as blocks with a single-class rule (`.cycle-cs{display:block}`)."""
    found: set[str] = set()
    for sheet in stylesheets:
        found.update(_BLOCK_RULE.findall(sheet.read_text(encoding="utf-8")))
    return frozenset(found)


def space_before_blocks(html: str, classes: frozenset[str]) -> str:
    """A space before each inline element whose class is in `classes`, where text touches it."""
    if not classes:
        return html
    names = "|".join(re.escape(name) for name in sorted(classes))
    element = re.compile(
        rf'(?<=[^\s>])(<(?:span|a|em|strong|small|time|b|i|code)\b[^>]*\bclass="(?:[^"]*\s)?(?:{names})(?:\s[^"]*)?")'
    )
    return element.sub(r" \1", html)


def checklists_out_of_search(html: str) -> str:
    """Every checklist's fieldset marked `data-search-exclude`."""
    return _CHECKLIST.sub("<fieldset data-search-exclude", html)


def prepared_for_search(html: str, classes: frozenset[str]) -> str:
    return checklists_out_of_search(space_before_blocks(html, classes))
