"""The real site's search indexes, as hooks/i18n_site.py and hooks/search_text.py shape them
(advocacy_guide.search_index): what each language's worker will index."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import BuiltSite


def index_of(built_site: BuiltSite, language: str) -> dict[str, Any]:
    folder = built_site.dir / ("search" if language == "en" else f"{language}/search")
    return json.loads((folder / "search_index.json").read_text(encoding="utf-8"))


def entry(index: dict[str, Any], location: str) -> dict[str, Any]:
    return next(doc for doc in index["docs"] if doc["location"] == location)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_each_language_index_is_shaped(built_site: BuiltSite, language: str) -> None:
    index = index_of(built_site, language)
    assert index["config"]["lang"] == [language]
    assert index["config"]["pipeline"] == []
    assert {"title", "text", "folded_title", "folded_text"} <= set(index["config"]["fields"])
    assert entry(index, "written-submission.html#basic-rules")["boost"] == 2.0
    assert entry(index, "glossary.html#glossary")["boost"] < 1
    assert entry(index, "module-briefing.html#story")["boost"] < entry(index, "module-briefing.html#objectives")["boost"] < 1


@pytest.mark.parametrize(
    ("language", "joined", "spaced"),
    [
        ("en", "report.Civil society", "report. Civil society"),
        ("fr", "rapport.Société civile", "rapport. Société civile"),
        ("es", "informe.Sociedad civil", "informe. Sociedad civil"),
    ],
)
def test_the_cycle_diagram_keeps_its_spaces(built_site: BuiltSite, language: str, joined: str, spaced: str) -> None:
    texts = " ".join(doc["text"] for doc in index_of(built_site, language)["docs"] if doc["location"].startswith("review-cycle.html"))
    assert spaced in texts
    assert joined not in texts


def test_checklists_are_not_part_of_the_section_above_them(built_site: BuiltSite) -> None:
    confidential = entry(index_of(built_site, "en"), "written-submission.html#confidential")
    assert "CCPR/C/104/3" in confidential["text"]
    assert "Before you send your written submission" not in confidential["text"]
    assert "word limit" not in confidential["text"]


def test_accented_words_have_accent_free_copies_and_the_text_stays(built_site: BuiltSite) -> None:
    doc = entry(index_of(built_site, "fr"), "committee.html#the-committee")
    assert "Comité" in doc["title"] and "Comite" in doc["folded_title"]
    assert "comité" not in doc.get("folded_text", "").lower()
