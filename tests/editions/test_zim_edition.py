"""`make zim`: one Kiwix file per language, read back with openZIM's own reader (libzim).

The three files are written once per session (`zim_editions`, tests/conftest.py);
tests/browser/test_zim_browser.py opens them in Debian's kiwix-serve.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher

from advocacy_guide.editions import EditionError
from advocacy_guide.editions.zim import plan_zim, png_size, write_plan
from tests.conftest import LANGUAGES
from tests.support.editions import Editions

ISO = {"en": "eng", "fr": "fra", "es": "spa"}


def search(archive: Archive, words: str) -> list[str]:
    results = Searcher(archive).search(Query().set_query(words))
    return list(results.getResults(0, 50))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_zim_carries_openzim_metadata_and_its_main_page(zim_editions: Editions, language: str) -> None:
    edition = zim_editions.zims[language]
    archive = Archive(edition.path)
    assert edition.path.name.startswith(f"advocacy-guide_{language}_all_")
    metadata = {key: archive.get_metadata(key).decode("utf-8") for key in archive.metadata_keys if not key.startswith("Illustration")}
    assert metadata["Name"] == f"advocacy-guide_{language}_all"
    assert metadata["Language"] == ISO[language]
    assert 0 < len(metadata["Title"]) <= 30 and 0 < len(metadata["Description"]) <= 80
    for key in ("Creator", "Publisher", "Date", "Tags", "LongDescription"):
        assert metadata[key].strip(), key
    assert "_ftindex:yes" in metadata["Tags"].split(";")
    assert png_size(archive.get_illustration_item(48).content.tobytes()) == (48, 48)
    assert archive.has_fulltext_index and archive.has_title_index
    prefix = "" if language == "en" else f"{language}/"
    assert archive.main_entry.get_item().path == f"{prefix}index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_zim_holds_its_language_only_and_never_names_the_online_site(zim_editions: Editions, language: str) -> None:
    archive = Archive(zim_editions.zims[language].path)
    prefix = "" if language == "en" else f"{language}/"
    paths = [archive._get_entry_by_id(index).path for index in range(archive.all_entry_count)]
    pages = [p for p in paths if p.endswith(".html")]
    others = [code for code in LANGUAGES if code not in (language, "en")]
    assert pages and all(p.startswith(prefix) and "/" not in p[len(prefix):] for p in pages), pages
    assert not any(p.startswith(tuple(f"{code}/" for code in others)) for p in paths)
    guide = zim_editions.guide
    for chapter in guide.languages[language].chapters:
        assert f"{prefix}{chapter.html}" in pages
    online = guide.site_url.split("://", 1)[1]
    for page in pages:
        html = bytes(archive.get_entry_by_path(page).get_item().content).decode("utf-8")
        assert online not in html, page
        assert 'class="md-select"' not in html, f"{page}: the language switcher leads out of the file"
    videos = [p for p in paths if p.startswith("videos/") and p.endswith(".mp4")]
    assert videos and all(p.endswith(f".{language}.mp4") for p in videos), videos


@pytest.mark.parametrize(("language", "words", "page"), [("fr", "défenseurs", "fr/index.html"), ("es", "incidencia", "es/index.html"), ("en", "defenders", "index.html")])
def test_the_full_text_index_finds_the_language_s_words(zim_editions: Editions, language: str, words: str, page: str) -> None:
    archive = Archive(zim_editions.zims[language].path)
    assert page in search(archive, words)


def test_a_zim_without_its_main_page_or_metadata_is_refused_before_it_is_written(zim_editions: Editions, tmp_path: Path) -> None:
    plan = plan_zim(zim_editions.guide, "fr")
    without_main = dataclasses.replace(plan, entries={k: v for k, v in plan.entries.items() if k != "fr/index.html"})
    target = tmp_path / "no-main.zim"
    with pytest.raises(EditionError, match=r"main page fr/index\.html is not in the file"):
        write_plan(without_main, target)
    assert not target.exists() and not list(tmp_path.iterdir())
    metadata = {k: v for k, v in plan.metadata.items() if k != "Creator"}
    metadata["Title"] = "A title far longer than the thirty characters openZIM allows"
    with pytest.raises(EditionError) as raised:
        write_plan(dataclasses.replace(plan, metadata=metadata), target)
    assert "'Creator' is missing" in str(raised.value) and "openZIM allows 30" in str(raised.value)
    assert not target.exists()


def test_a_page_that_names_the_online_site_is_refused(zim_editions: Editions, tmp_path: Path) -> None:
    plan = plan_zim(zim_editions.guide, "es")
    entry = plan.entries["es/committee.html"]
    html = entry.content.decode("utf-8").replace("</body>", f'<img src="{plan.site_url}es/x.png" alt=""></body>')
    entries = {**plan.entries, entry.path: dataclasses.replace(entry, content=html.encode("utf-8"))}
    with pytest.raises(EditionError, match="es/committee.html names the online site"):
        write_plan(dataclasses.replace(plan, entries=entries), tmp_path / "es.zim")


def test_the_policy_lets_the_kiwix_toolbar_start_and_nothing_else(zim_editions: Editions) -> None:
    from advocacy_guide.csp import sha256_source

    archive = Archive(zim_editions.zims["en"].path)
    html = bytes(archive.get_entry_by_path("committee.html").get_item().content).decode("utf-8")
    policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    assert f"'unsafe-hashes' '{sha256_source('t')}'" in script_src
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
