"""Sentence figures of a page (advocacy_guide.translations.sentences): what counts as a sentence,
a word and a long sentence, and the limits a translation keeps against its English page."""

from __future__ import annotations

import pytest

from advocacy_guide.translations.sentences import (
    LONG_SENTENCE,
    MAX_AVERAGE_RATIO,
    SentenceFigures,
    compare,
    figures,
    longest_sentence,
    sentences,
)

LONG = " ".join(["word"] * LONG_SENTENCE) + "."  # exactly LONG_SENTENCE words: long
SHORT = " ".join(["word"] * (LONG_SENTENCE - 1)) + "."

# (what, Markdown, sentences, words, long)
PAGES = [
    ("one sentence", "The Committee meets in Geneva.", 1, 5, 0),
    ("two sentences", "It meets. It reviews States.", 2, 5, 0),
    ("question and exclamation", "Who reviews? The Committee does! Then it ends…", 3, 8, 0),
    ("front matter and heading left out", "---\ndescription: Five words in this line.\n---\n\n# Title here {#t}\n\nOne two three.", 1, 3, 0),
    ("code, comments and attribute lists left out", "Text here.\n\n```\nnot counted at all.\n```\n\n<!-- not counted. -->\n\nSee `code words` here {: .x }", 2, 4, 0),
    ("link targets left out, link text kept", "Read [the guide](follow-up.md#plan-your-follow-up) now.", 1, 4, 0),
    ("a sentence starting with a link", "Start here. [The follow-up page](follow-up.md) explains it.", 2, 7, 0),
    ("a sentence starting with emphasis", "Tip one. **Bold** words here. _Italic_ too.", 3, 7, 0),
    ("abbreviations and numbers do not end a sentence", "See No. 36 and arts. 2 and 19, e.g. the first one.", 1, 13, 0),
    ("a lowercase word after a full stop", "Elle est mise en. œuvre aussi.", 1, 6, 0),
    ("French spacing before ? and quotes", "Vraiment ? « Oui », dit-elle. Fin.", 3, 4, 0),
    ("Spanish opening marks", "Es así. ¿Quién revisa? ¡El Comité!", 3, 6, 0),
    ("thousands counted as one word", "It has 19 000 words and 10,000 more.", 1, 7, 0),
    ("inner apostrophes and hyphens", "L'État partie fait le follow-up.", 1, 5, 0),
    ("list items are units", "- First item\n- Second item has words\n1. Third", 3, 7, 0),
    ("checklist steps counted, ids left out", "/// checklist | Title words\n    id: after-review\n\n- [ ] Read it {#read}\n///", 1, 2, 0),
    ("table cells are units", "| Head | Other |\n|---|---|\n| One cell | Two cells here |", 4, 7, 0),
    ("box contents counted, box title left out", '!!! note "Good to know"\n    Inside the box.', 1, 3, 0),
    ("video lines left out", "![type:video](why-engage)\n\nAfter it.", 1, 2, 0),
    ("a long sentence", LONG, 1, LONG_SENTENCE, 1),
    ("one word short of long", SHORT, 1, LONG_SENTENCE - 1, 0),
    ("a paragraph over several lines is one unit", "This sentence runs\nover two lines. Next.", 2, 7, 0),
]


@pytest.mark.parametrize(("what", "markdown", "count", "words", "long"), PAGES, ids=[row[0] for row in PAGES])
def test_sentence_figures(what: str, markdown: str, count: int, words: int, long: int) -> None:
    found = figures(markdown)
    assert (found.sentences, found.words, found.long) == (count, words, long), (what, sentences(markdown))


def test_average_and_empty_page() -> None:
    assert figures("Two words. Three words here.").average == 2.5
    assert figures("# Only a heading {#h}\n").as_dict() == {"sentences": 0, "words": 0, "average": 0.0, "long": 0}


@pytest.mark.parametrize(
    ("english", "translation", "problems"),
    [
        (SentenceFigures(10, 100, 1), SentenceFigures(10, 110, 1), []),  # exactly 1.10x: within
        (SentenceFigures(10, 100, 1), SentenceFigures(10, 111, 1), ["sentences average 11.1 words against 10.0 in English (1.11x, at most 1.10x)"]),
        (SentenceFigures(10, 100, 1), SentenceFigures(10, 100, 2), []),  # 1 x 1.2 rounded up: 2 allowed
        (SentenceFigures(10, 100, 1), SentenceFigures(10, 100, 3), ["3 sentences of 30 words or more against 1 in English (at most 2)"]),
        (SentenceFigures(10, 100, 5), SentenceFigures(10, 100, 6), []),  # 5 x 1.2 = 6
        (SentenceFigures(10, 100, 0), SentenceFigures(10, 100, 1), ["1 sentences of 30 words or more against 0 in English (at most 0)"]),
        (SentenceFigures(0, 0, 0), SentenceFigures(3, 30, 0), []),  # no English prose: no ratio
    ],
)
def test_limits(english: SentenceFigures, translation: SentenceFigures, problems: list[str]) -> None:
    from advocacy_guide.translations.sentences import SentenceComparison

    found = SentenceComparison(english, translation).problems
    assert len(found) == len(problems)
    for message, start in zip(found, problems):
        assert message.startswith(start), message
        assert "split" in message  # what to do
    assert MAX_AVERAGE_RATIO == 1.10


def test_compare_pages_and_longest_sentence() -> None:
    english = "It meets. It reviews States. It writes."
    french = "Il se réunit, examine les États et rédige des observations.\n\n" + LONG
    result = compare(english, french)
    assert result.english.sentences == 3 and result.translation.sentences == 2
    assert not result.within_limits
    assert result.as_dict()["allowed_long"] == 0
    assert longest_sentence(french) == (3, LONG_SENTENCE, LONG)
    assert longest_sentence("") is None
