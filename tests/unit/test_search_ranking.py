"""Shaping of each language's search index (advocacy_guide.search_index and its helpers): stop
words as separators, accent-free fields, boosts, and page HTML prepared for Material's parser.

The separator is a JavaScript regex that Material's worker compiles; the patterns used here
(character classes, one-character lookarounds) mean the same in Python's `re`, so the tests split
text with it as the worker does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advocacy_guide.search_boosts import GLOSSARY_BOOST, MODULE_BOOST, STAGE_BOOST, STAGE_PAGES, VIDEO_SECTION_BOOST, boost_for
from advocacy_guide.search_folding import fold, folded_words
from advocacy_guide.search_html import block_classes, checklists_out_of_search, space_before_blocks
from advocacy_guide.search_index import shape_language_index, split_search_index
from advocacy_guide.search_words import lunr_stop_words, stop_words

REPO = Path(__file__).resolve().parents[2]
PLUGIN_CONFIG = {
    "lang": ["en"],
    "separator": r"[\s\-]+",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
}


def words(text: str, language: str) -> list[str]:
    """Split `text` into index words as Material's tokenizer does with the shaped separator."""
    separator = shape_language_index({"config": dict(PLUGIN_CONFIG), "docs": []}, language)["config"]["separator"]
    return [part.lower() for part in re.split(separator, text) if part]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "limite de mots", ["limite", "mots"]),
        ("fr", "Les droits de l'homme", ["droits", "homme"]),
        ("fr", "La limite des mots, et la durée", ["limite", "mots", "durée"]),
        # a stop word at the start of a longer word stays a word: "sur" in "surveillance"
        ("fr", "surveillance dernier", ["surveillance", "dernier"]),
        ("es", "límite de palabras", ["límite", "palabras"]),
        ("es", "El Estado y los estados", ["estado", "estados"]),  # kept: the State party
        ("es", "La sociedad civil", ["sociedad", "civil"]),
        ("en", "the word limit", ["word", "limit"]),
        ("en", "The State's report (of 2024)", ["state", "report", "2024"]),
        ("en", "theory offer", ["theory", "offer"]),  # "the", "of" only as whole words
    ],
)
def test_stop_words_leave_the_index_and_the_query_alike(language: str, text: str, expected: list[str]) -> None:
    assert words(text, language) == expected


def test_stop_words_are_lunrs_own_lists() -> None:
    assert {"de", "la", "des", "les", "du", "l", "d", "qu"} <= set(stop_words("fr"))
    assert {"de", "la", "el", "los", "las", "del"} <= set(stop_words("es"))
    assert {"the", "of", "a", "and"} <= set(stop_words("en"))
    assert set(stop_words("fr")) == set(lunr_stop_words("fr"))
    assert "estado" in lunr_stop_words("es") and "estado" not in stop_words("es")


def test_material_highlighter_keeps_the_separator_whole() -> None:
    """Material's page highlighter splits the separator on `|` and replaces any part that is
    only a lookaround; none may be, or the regex it rebuilds breaks."""
    for language in ("en", "fr", "es"):
        separator = shape_language_index({"config": dict(PLUGIN_CONFIG), "docs": []}, language)["config"]["separator"]
        for part in separator.split("|"):
            assert re.sub(r"(\(\?[!=<][^)]+\))", "", part), (language, part)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Comité", "Comite"), ("límite", "limite"), ("cœur", "coeur"), ("Ñandú", "Nandu"), ("plain", "plain")],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_folded_words_keep_only_changed_words_in_order_and_count() -> None:
    assert folded_words("<p>Le Comité et le <strong>comité</strong> des droits</p>") == "Comite comite"
    assert folded_words("<p>plain words</p>") == ""


def test_shaped_index_keeps_display_text_and_adds_folded_fields() -> None:
    entry = {"location": "committee.html#members", "title": "Membres du Comité", "text": "<p>Le Comité élit…</p>"}
    shaped = shape_language_index({"config": dict(PLUGIN_CONFIG), "docs": [entry]}, "fr")
    config = shaped["config"]
    assert config["pipeline"] == []
    assert config["fields"]["folded_title"] == {"boost": 1000.0}
    assert config["fields"]["folded_text"] == {"boost": 1.0}
    assert config["fields"]["tags"] == {"boost": 1000000.0}
    [doc] = shaped["docs"]
    assert doc["title"] == entry["title"] and doc["text"] == entry["text"]
    assert doc["folded_title"] == "Comite"
    assert doc["folded_text"] == "Comite elit"


def test_split_gives_each_language_its_shaped_index() -> None:
    index = {
        "config": dict(PLUGIN_CONFIG),
        "docs": [
            {"location": "written-submission.html#basic-rules", "title": "Basic rules", "text": "<p>words</p>"},
            {"location": "fr/glossary.html#glossary", "title": "Glossaire", "text": "<p>Comité</p>"},
            {"location": "es/faq.html", "title": "Preguntas", "text": ""},
        ],
    }
    parts = split_search_index(index, ["en", "fr", "es"], "en")
    assert parts["en"]["docs"][0]["boost"] == STAGE_BOOST
    assert parts["fr"]["docs"][0]["location"] == "glossary.html#glossary"
    assert parts["fr"]["docs"][0]["boost"] == GLOSSARY_BOOST
    assert "boost" not in parts["es"]["docs"][0]
    assert parts["es"]["config"]["lang"] == ["es"]
    assert "[eE][sS][tT][aA][dD][oO]" not in parts["es"]["config"]["separator"]


@pytest.mark.parametrize(
    ("location", "boost"),
    [
        ("written-submission.html#basic-rules", STAGE_BOOST),
        ("written-submission.html", STAGE_BOOST),
        ("committee.html#members", 1.0),
        ("module-briefing.html#story", VIDEO_SECTION_BOOST),
        ("module-briefing.html#objectives", MODULE_BOOST),
        ("glossary.html#glossary", GLOSSARY_BOOST),
    ],
)
def test_boosts(location: str, boost: float) -> None:
    assert boost_for(location) == boost


def test_front_matter_boost_wins() -> None:
    entry = {"location": "glossary.html#glossary", "title": "G", "text": "", "boost": 3}
    assert shape_language_index({"config": dict(PLUGIN_CONFIG), "docs": [entry]}, "en")["docs"][0]["boost"] == 3


def test_stage_pages_are_the_guides_pages_in_every_language() -> None:
    for language in ("en", "fr", "es"):
        for page in STAGE_PAGES:
            assert (REPO / "docs" / language / page.replace(".html", ".md")).is_file(), (language, page)


def test_block_classes_come_from_the_stylesheets(tmp_path: Path) -> None:
    sheet = tmp_path / "a.css"
    sheet.write_text(".cycle-cs{display:block;margin:0}\n.inline{color:red}\n.row { display: flex }", encoding="utf-8")
    assert block_classes([sheet]) == {"cycle-cs", "row"}
    assert "cycle-cs" in block_classes((REPO / "overrides").rglob("*.css"))


def test_space_before_a_span_shown_as_a_block() -> None:
    html = '<li>El Estado envía su informe.<span class="cycle-cs">Sociedad civil</span></li><li><span class="cycle-cs">x</span></li>'
    spaced = space_before_blocks(html, frozenset({"cycle-cs"}))
    assert spaced == '<li>El Estado envía su informe. <span class="cycle-cs">Sociedad civil</span></li><li><span class="cycle-cs">x</span></li>'
    assert space_before_blocks('a<span class="other">b</span>', frozenset({"cycle-cs"})) == 'a<span class="other">b</span>'


def test_checklists_are_left_out_of_the_index() -> None:
    html = '<p>x</p><fieldset class="checklist" data-checklist="a" id="checklist-a"><legend>T</legend></fieldset><fieldset class="other">'
    marked = checklists_out_of_search(html)
    assert '<fieldset data-search-exclude class="checklist" data-checklist="a" id="checklist-a">' in marked
    assert '<fieldset class="other">' in marked
    assert checklists_out_of_search(marked) == marked


def test_no_language_separator_matches_the_empty_string() -> None:
    """lunr.ar's stop word list holds an empty word: as a separator it would split every letter."""
    import re as regex

    from advocacy_guide.search_words import stop_word_separator, stop_words

    for language in ("en", "fr", "es", "ar"):
        assert "" not in stop_words(language), language
        separator = stop_word_separator(r"[\s\-]+", stop_words(language))
        assert not regex.fullmatch(f"(?:{separator})", ""), language
    assert stop_word_separator(r"[\s\-]+", []) == r"[\s\-]+"
