"""What a reader finds first: a query typed in the search box of each language's home page, and
the first result Material shows (the best section of the best page), from the site built once
per session. The index shaping behind it: advocacy_guide.search_index."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite
from tests.support.offline import OfflineCopy
from tests.support.material import type_search

pytestmark = pytest.mark.browser

# (language, query, page, section of the first result; None: the page's own entry ranks first)
FIRST_RESULTS = [
    ("en", "word limit", "written-submission.html", "basic-rules"),
    ("en", "limit of words", "written-submission.html", "basic-rules"),
    ("en", "the oral statement", "briefing-dialogue.html", "oral-statement"),
    ("en", "San José", "safety.html", "san-jose-guidelines"),
    ("en", "San Jose", "safety.html", "san-jose-guidelines"),
    ("en", "list of issues", "list-of-issues.html", None),
    ("fr", "limite de mots", "written-submission.html", "basic-rules"),
    ("fr", "limite des mots", "written-submission.html", "basic-rules"),
    ("fr", "comité", "briefing-dialogue.html", None),
    ("fr", "comite", "briefing-dialogue.html", None),
    ("fr", "réserves", "covenant-rights.html", "reservations"),
    ("fr", "reserves", "covenant-rights.html", "reservations"),
    ("fr", "la sécurité des intervenants", "briefing-dialogue.html", "speaker-safety"),
    ("fr", "la securite des intervenants", "briefing-dialogue.html", "speaker-safety"),
    ("fr", "liste de points", "list-of-issues.html", None),
    ("es", "límite de palabras", "written-submission.html", "basic-rules"),
    ("es", "limite de palabras", "written-submission.html", "basic-rules"),
    ("es", "comité", "briefing-dialogue.html", None),
    ("es", "comite", "briefing-dialogue.html", None),
    ("es", "el diálogo constructivo", "briefing-dialogue.html", "constructive-dialogue"),
    ("es", "el dialogo constructivo", "briefing-dialogue.html", "constructive-dialogue"),
    ("es", "lista de cuestiones", "list-of-issues.html", None),
]

# Material's own words for an empty result (its partials/languages/*.html)
NOTHING_FOUND = {"en": "No matching documents", "fr": "Aucun document trouvé", "es": "No se encontraron documentos"}


def home(built_site: BuiltSite, language: str) -> str:
    return built_site.url + ("index.html" if language == "en" else f"{language}/index.html")


def search(page: Page, query: str) -> None:
    """Type `query` key by key, then press End: Playwright types a letter that has no key of its
    own ("é") without a keyup, and Material reads the query on keyup."""
    type_search(page, query)
    page.locator("input.md-search__input").press("End")


def index_words(built_site: BuiltSite, language: str, query: str) -> list[str]:
    """The query's words as the language's index splits them (stop words gone), lowercased:
    the terms Material writes into each result's `?h=` once it shows the results of `query`."""
    folder = built_site.dir / ("search" if language == "en" else f"{language}/search")
    separator = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))["config"]["separator"]
    return sorted({part.lower() for part in re.split(separator, query) if part})


def results_for(page: Page, terms: list[str]) -> list[list[str]]:
    """Wait until the results shown are those of the whole query (a result link carries all of
    its terms in `?h=`), then return, for each result, the links Material shows at once: the
    page, then its sections that score as high as its best entry, best first (the others wait
    behind "more" and are left out)."""
    page.wait_for_function(
        """terms => [...document.querySelectorAll(".md-search-result__link")].some(link => {
            const h = new URL(link.href).searchParams.get("h") || "";
            return JSON.stringify(h.split(" ").filter(Boolean).sort()) === JSON.stringify(terms);
        })""",
        arg=terms,
    )
    return page.evaluate(
        """() => [...document.querySelectorAll(".md-search-result__item")].map(item =>
            [...item.querySelectorAll("a.md-search-result__link")]
                .filter(link => !link.closest("details")).map(link => link.href))"""
    )


def page_and_section(href: str, built_site: BuiltSite, language: str) -> tuple[str, str | None]:
    parts = urlsplit(href)
    prefix = urlsplit(home(built_site, language)).path.rsplit("/", 1)[0] + "/"
    assert parts.path.startswith(prefix), href
    return parts.path[len(prefix) :], parts.fragment or None


@pytest.mark.parametrize(("language", "query", "expected_page", "expected_section"), FIRST_RESULTS)
def test_first_result(page: Page, built_site: BuiltSite, language: str, query: str, expected_page: str, expected_section: str | None) -> None:
    page.goto(home(built_site, language))
    search(page, query)
    results = results_for(page, index_words(built_site, language, query))
    first = [page_and_section(href, built_site, language) for href in results[0]]
    # The page's own entry is best when none of its sections is shown beside it.
    best_section = first[1][1] if len(first) > 1 else None
    assert (first[0][0], best_section) == (expected_page, expected_section), results[:3]


@pytest.mark.parametrize(("language", "query"), [("fr", "de"), ("fr", "les"), ("es", "el"), ("es", "de la"), ("en", "the"), ("en", "of")])
def test_a_stop_word_alone_finds_nothing(page: Page, built_site: BuiltSite, language: str, query: str) -> None:
    """Short words are not read as the start of longer words ("de" would find "dernier").

    The query is pasted, not typed: typed key by key, "d" (a French elision) would already show
    "nothing found" before "de" is searched.
    """
    page.goto(home(built_site, language))
    box = page.locator("input.md-search__input")
    box.click()
    expect(page.locator(".md-search-result__meta")).not_to_have_text(NOTHING_FOUND[language])
    box.fill(query)
    box.press("End")  # Material reads the query on keyup
    expect(page.locator(".md-search-result__meta")).to_have_text(NOTHING_FOUND[language])
    expect(page.locator(".md-search-result__item")).to_have_count(0)


def test_a_query_with_a_short_word_ranks_like_the_query_without_it(page: Page, built_site: BuiltSite) -> None:
    page.goto(home(built_site, "fr"))
    search(page, "limite mots")
    without = results_for(page, ["limite", "mots"])
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # an empty query: Material clears the results before the next one
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    search(page, "limite de mots")
    with_de = results_for(page, ["limite", "mots"])
    assert [links[0] for links in with_de] == [links[0] for links in without]


def test_snippets_keep_a_space_between_words_that_markup_separates(page: Page, built_site: BuiltSite) -> None:
    page.goto(home(built_site, "es"))
    search(page, "sociedad civil envíe información")
    results_for(page, ["civil", "envíe", "información", "sociedad"])
    snippets = page.locator(".md-search-result__article")
    expect(snippets.filter(has_text="su informe. Sociedad civil").first).to_be_attached()
    assert "informe.Sociedad" not in " ".join(snippets.all_text_contents())


@pytest.mark.parametrize(("language", "query"), [("fr", "limite de mots"), ("es", "limite de palabras")])
def test_the_offline_copy_ranks_the_same(page: Page, offline_copy: OfflineCopy, language: str, query: str) -> None:
    """From disk, Material runs its worker in an iframe (iframe-worker) on search_index.js."""
    page.goto(offline_copy.url(f"{language}/index.html"))
    search(page, query)
    separator = json.loads(
        (offline_copy.root / language / "search" / "search_index.json").read_text(encoding="utf-8")
    )["config"]["separator"]
    results = results_for(page, sorted({part.lower() for part in re.split(separator, query) if part}))
    first = results[0]
    assert first[0].split("?")[0] == offline_copy.url(f"{language}/written-submission.html")
    assert first[1].endswith("#basic-rules"), results[:3]


def test_the_chosen_page_highlights_the_query_words(page: Page, built_site: BuiltSite) -> None:
    """Material's page highlighter rebuilds a regex from the index's separator (stop words
    included): the page a reader opens from the results still marks the words searched."""
    page.goto(home(built_site, "fr"))
    search(page, "limite de mots")
    results_for(page, ["limite", "mots"])
    page.locator(".md-search-result__item").first.locator("a.md-search-result__link").nth(1).click()
    expect(page).to_have_url(re.compile(r"/fr/written-submission\.html\?h=.*#basic-rules$"))
    marks = page.locator("#basic-rules ~ ul mark[data-md-highlight]")
    expect(marks.filter(has_text=re.compile("^limite$")).first).to_be_visible()
    expect(marks.filter(has_text=re.compile("^mots$")).first).to_be_visible()
    expect(page.locator("mark[data-md-highlight]").filter(has_text=re.compile(r"^\s*$"))).to_have_count(0)
