"""Pure functions behind the trilingual site: search split, sitemaps, addresses, UI strings."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from advocacy_guide.search_index import split_search_index
from advocacy_guide.sitemaps import language_sitemap
from advocacy_guide.ui_strings import UiStringsError, load_ui_strings, translate
from tests.support.build import REPO


def _hook_module(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_split_search_index_gives_each_language_its_entries_and_stemmer() -> None:
    index = {
        "config": {"lang": ["en"], "separator": "[\\s]+"},
        "docs": [
            {"location": "follow-up.html", "title": "Follow-up", "text": "a"},
            {"location": "fr/follow-up.html#plan", "title": "Suivi", "text": "b"},
            {"location": "es/follow-up.html", "title": "Seguimiento", "text": "c"},
            {"location": "fraud.html", "title": "Not French", "text": "d"},
        ],
    }
    parts = split_search_index(index, ["en", "fr", "es"], "en")
    assert parts["fr"]["config"]["lang"] == ["fr"]  # the separator and fields: test_search_ranking.py
    assert [d["location"] for d in parts["fr"]["docs"]] == ["follow-up.html#plan"]
    assert [d["location"] for d in parts["es"]["docs"]] == ["follow-up.html"]
    assert [d["location"] for d in parts["en"]["docs"]] == ["follow-up.html", "fraud.html"]
    assert parts["en"]["config"]["lang"] == ["en"]
    # the input is left as it was
    assert index["docs"][1]["location"] == "fr/follow-up.html#plan"


def test_language_sitemap_keeps_only_that_languages_pages() -> None:
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url><loc>https://x.org/g/a.html</loc><xhtml:link rel="alternate" hreflang="fr" href="https://x.org/g/fr/a.html"/></url>
<url><loc>https://x.org/g/fr/a.html</loc><xhtml:link rel="alternate" hreflang="en" href="https://x.org/g/a.html"/></url>
</urlset>"""
    result = language_sitemap(xml, "https://x.org/g/fr/")
    assert "<loc>https://x.org/g/fr/a.html</loc>" in result
    assert "<loc>https://x.org/g/a.html</loc>" not in result
    assert 'hreflang="en"' in result


@pytest.mark.parametrize(
    ("site_url", "link", "expected"),
    [
        ("https://x.org/", "/fr/index.html", "https://x.org/fr/index.html"),
        ("https://x.org/", "fr/about.html", "https://x.org/fr/about.html"),
        ("https://x.org/guide/", "/guide/es/index.html", "https://x.org/guide/es/index.html"),
        ("https://x.org/guide", "es/a.html", "https://x.org/guide/es/a.html"),
    ],
)
def test_absolute_url(site_url: str, link: str, expected: str) -> None:
    assert _hook_module("i18n_site").absolute_url(site_url, link) == expected


def test_ui_strings_of_the_repository_are_complete() -> None:
    strings = load_ui_strings(REPO / "data" / "ui-strings.yml")
    assert translate(strings, "not_found.title", "fr") == "Page introuvable"
    assert translate(strings, "not_found.title", "de") == "Page not found"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1, 2", "cannot read the interface strings"),
        ("- a\n- b\n", "expected a mapping"),
        ("close: Close\n", "'close' must map languages to texts"),
        ("close:\n  en: Close\n  fr: Fermer\n  es: Cerrar\nopen:\n  en: Open\n  fr: Ouvrir\n", "'open' has no text for es"),
    ],
)
def test_ui_strings_errors_name_the_file_and_the_fix(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "ui-strings.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UiStringsError) as error:
        load_ui_strings(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)
