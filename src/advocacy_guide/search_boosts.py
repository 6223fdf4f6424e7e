"""How much each kind of search entry weighs (lunr's per-document `boost`).

lunr multiplies a document's score by its boost. Material adds its own boosts on top (a title
match weighs 1000 times a text match; a page's own entry ranks above its sections), so these only
order entries that match equally well. Why each value:

| Entries                              | Boost | Why                                                     |
|--------------------------------------|-------|---------------------------------------------------------|
| Stage pages (STAGE_PAGES)            | 2.0   | The steps a defender acts on: the answer to most        |
|                                      |       | questions ("word limit" -> the written submission's     |
|                                      |       | rules).                                                 |
| Other guide pages                    | 1.0   | Lunr's default.                                         |
| Training modules (`module-*`)        | 0.6   | They retell the stage pages for a workshop.             |
| A module's story (VIDEO_SECTION)     | 0.4   | The video's written summary and its transcript: the     |
|                                      |       | same fictional story twice, so twice the word counts.   |
| Glossary                             | 0.4   | One long section naming every term of the guide: it     |
|                                      |       | matches almost any query but rarely answers it.         |

A page's front matter can still set Material's `search: boost:`; that value wins.
"""

from __future__ import annotations

from typing import Any

# The "Engaging step by step" pages of mkdocs.yml's nav, by file name (the same in every language).
STAGE_PAGES = frozenset({
    "plan-coalition.html",
    "list-of-issues.html",
    "written-submission.html",
    "geneva.html",
    "briefing-dialogue.html",
    "concluding-observations.html",
    "follow-up.html",
})
MODULE_PREFIX = "module-"
# Each module's video, its transcript and its written summary sit in this section.
VIDEO_SECTION = "story"
GLOSSARY_PAGE = "glossary.html"

STAGE_BOOST = 2.0
MODULE_BOOST = 0.6
VIDEO_SECTION_BOOST = 0.4
GLOSSARY_BOOST = 0.4


def boost_for(location: str) -> float:
    """The boost of the entry at `location` ("written-submission.html#basic-rules"), relative
    to its language's folder."""
    page, _, section = location.partition("#")
    if page in STAGE_PAGES:
        return STAGE_BOOST
    if page == GLOSSARY_PAGE:
        return GLOSSARY_BOOST
    if page.startswith(MODULE_PREFIX):
        return VIDEO_SECTION_BOOST if section == VIDEO_SECTION else MODULE_BOOST
    return 1.0


def with_boost(entry: dict[str, Any]) -> dict[str, Any]:
    """`entry` with its boost, unless its page's front matter set one (Material's `search.boost`)."""
    if "boost" in entry:
        return entry
    boost = boost_for(entry["location"])
    return entry if boost == 1.0 else {**entry, "boost": boost}
