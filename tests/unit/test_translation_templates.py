"""The notices, the glossary and the status table keep hostile text as text (no build)."""

from __future__ import annotations

from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.theme import Theme

from advocacy_guide.glossary import TermText
from advocacy_guide.page_templates import SnippetRenderer
from tests.support.build import REPO

HOSTILE = st.lists(
    st.sampled_from(['"', "'", "<", ">", "&", "&lt;", "<script>alert(1)</script>", '" onmouseover="x()', "é", "{date}", " "]),
    min_size=1,
    max_size=6,
).map("".join)
SETTINGS = settings(max_examples=40, deadline=None)


class Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data


def read(html: str) -> Reader:
    reader = Reader()
    reader.feed(html)
    reader.close()
    return reader


THEME = Theme(name="material", custom_dir=str(REPO / "overrides"), language="en")
CONFIG = SimpleNamespace(config_file_path=str(REPO / "mkdocs.yml"), theme=THEME)
SITE_RENDERER = SnippetRenderer(CONFIG)  # type: ignore[arg-type]


def renderer(strings: dict[str, dict[str, str]] | None = None) -> SnippetRenderer:
    """The site's strings, or `strings`, with the site's templates."""
    return SITE_RENDERER if strings is None else SnippetRenderer(CONFIG, strings)  # type: ignore[arg-type]


def test_outdated_notice_in_french() -> None:
    html = renderer().render(
        "partials/translations/notice.html", "fr", kind="outdated", english_url="../follow-up.html",
        changed_iso="2026-11-15", changed_text="15 novembre 2026",
    )
    page = read(html)
    assert page.tags[0] == ("div", {
        "class": "admonition warning translation-notice", "role": "note", "lang": "fr", "data-translation-notice": "outdated",
    })
    assert ("time", {"datetime": "2026-11-15"}) in page.tags
    assert ("a", {"href": "../follow-up.html", "hreflang": "en"}) in page.tags
    assert " ".join(page.text.split()) == (
        "La version anglaise a changé La version anglaise de cette page a été modifiée le 15 novembre 2026, après cette "
        "traduction. Certaines informations de cette page ne sont peut-être plus à jour. Lire la version anglaise"
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The English version of this page has changes that are not yet committed, made after this translation."),
        ("fr", "La version anglaise de cette page a des modifications pas encore enregistrées (commit), faites après cette traduction."),
        ("es", "La versión en inglés de esta página tiene cambios todavía no confirmados (commit), hechos después de esta traducción."),
    ],
)
def test_outdated_notice_of_an_english_change_not_yet_committed_gives_no_date(language: str, text: str) -> None:
    html = renderer().render(
        "partials/translations/notice.html", language, kind="outdated", english_url="../follow-up.html",
        changed_iso="", changed_text="", uncommitted=True,
    )
    page = read(html)
    assert text in " ".join(page.text.split())
    assert not any(tag == "time" for tag, _ in page.tags)
    assert ("a", {"href": "../follow-up.html", "hreflang": "en"}) in page.tags


@SETTINGS
@given(title=HOSTILE, text=HOSTILE, url=HOSTILE, date_text=HOSTILE)
def test_notice_keeps_hostile_strings_as_text(title: str, text: str, url: str, date_text: str) -> None:
    strings = {
        "translations.outdated.title": {"en": title, "fr": title, "es": title},
        "translations.outdated.text": {"en": "Changed on {date}. " + text, "fr": "x", "es": "x"},
        "translations.outdated.link": {"en": "English", "fr": "x", "es": "x"},
    }
    html = renderer(strings).render(
        "partials/translations/notice.html", "en", kind="outdated", english_url=url, changed_iso="2026-11-15", changed_text=date_text
    )
    page = read(html)
    assert [tag for tag, _ in page.tags] == ["div", "p", "p", "time", "a"]
    assert dict(page.tags)["a"]["href"] == url
    assert " ".join(page.text.split()) == " ".join(f"{title} Changed on {date_text}. {text} English".split())


@SETTINGS
@given(term=HOSTILE, definition=HOSTILE, abbreviation=HOSTILE, other=HOSTILE)
def test_glossary_keeps_hostile_terms_as_text(term: str, definition: str, abbreviation: str, other: str) -> None:
    entry = {
        "id": "term-id",
        "term": TermText(term=term, definition=definition, abbreviation=abbreviation, status="unverified"),
        "others": [("fr", TermText(term=other, definition="d"))],
    }
    page = read(renderer().render("partials/glossary.html", "en", terms=[entry]))
    tags = [tag for tag, _ in page.tags]
    assert tags == ["dl", "dt", "dfn", "abbr", "dd", "p", "ul", "li", "i", "p"]
    assert dict(page.tags)["abbr"]["title"] == term
    assert term in page.text and definition in page.text and other in page.text


@SETTINGS
@given(page_name=HOSTILE, url=HOSTILE)
def test_status_table_keeps_hostile_page_names_as_text(page_name: str, url: str) -> None:
    report = {
        "language": "fr",
        "counts": {"outdated": 1},
        "rows": [{"page": page_name, "status": "outdated", "url": url, "english_url": url, "english_changed": "2026-11-15", "problems": 0}],
    }
    html = renderer().render(
        "partials/translations/status.html", "en", reports=[report], statuses=("up-to-date", "outdated", "missing", "broken")
    )
    page = read(html)
    links = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert links == [url, url]
    assert page_name in page.text


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_missing_notice_in_each_language(language: str) -> None:
    html = renderer().render("partials/translations/notice.html", language, kind="missing")
    page = read(html)
    assert page.tags[0][1]["lang"] == language
    assert page.tags[0][1]["data-translation-notice"] == "missing"
    expected = {"en": "Not yet translated", "fr": "Pas encore traduite", "es": "Todavía no traducida"}[language]
    assert page.text.strip().startswith(expected)
