"""The landed French and Spanish pages keep their English page's sentence lengths (issue 13).

One test per page, so a failure names the page and says what to shorten; the figures are those
`.venv/bin/advocacy-guide translations` shows under the page.
"""

from __future__ import annotations

import pytest

from advocacy_guide.translations.sentences import compare, longest_sentence
from tests.support.build import REPO

DOCS = REPO / "docs"
PAGES = sorted(
    (language, path.name)
    for language in ("fr", "es")
    for path in (DOCS / language).glob("*.md")
    if (DOCS / "en" / path.name).is_file()
)


def test_there_are_translated_pages_to_check() -> None:
    assert {language for language, _ in PAGES} == {"fr", "es"}


@pytest.mark.parametrize(("language", "page"), PAGES, ids=[f"{language}/{page}" for language, page in PAGES])
def test_a_translation_keeps_the_english_sentence_lengths(language: str, page: str) -> None:
    text = (DOCS / language / page).read_text(encoding="utf-8")
    result = compare((DOCS / "en" / page).read_text(encoding="utf-8"), text)
    if result.problems:
        line, words, sentence = longest_sentence(text) or (1, 0, "")
        pytest.fail(
            f"docs/{language}/{page}:{line}: sentences longer than in docs/en/{page}: " + "; ".join(result.problems)
            + f"\n    the longest ({words} words), in the paragraph at line {line}: {sentence[:160]}",
            pytrace=False,
        )
