"""The saved copy's build step on a hand-made site folder: what each language keeps, its version,
manifest and offline page (no MkDocs build)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from advocacy_guide.deploy.headers import cache_control
from advocacy_guide.saved_copy import write_saved_copy
from advocacy_guide.ui_strings import load_ui_strings
from tests.support.build import REPO

STRINGS = load_ui_strings(REPO / "data" / "ui-strings.yml")
NAMES = {"en": "Civil Society Advocacy Guide", "fr": "Guide de plaidoyer pour la société civile", "es": "Guía de incidencia para la sociedad civil"}
CONTROL = '<section data-offline-control data-offline-bytes="" hidden><p><span data-offline-pages></span> / <span data-offline-size></span></p></section>'
POLICY = '<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;">'


def _page(title: str, extra: str = "") -> str:
    return f"<html><head>{POLICY}<title>{title}</title></head><body><article><h1>{title}</h1>{extra}{CONTROL}</article></body></html>"


def _not_found(language: str) -> str:
    return f'<html lang="{language}"><head>{POLICY}<title>404</title></head><body><article><h1 id="not-found">Not found</h1><p>x</p>{CONTROL}</article></body></html>'


def make_site(root: Path) -> Path:
    files = {
        "index.html": _page("Home", '<img src="images/map.png"><video poster="videos/clip.en.webp"><source src="videos/clip.en.mp4"></video>'),
        "other.html": _page("Other"),
        "404.html": _not_found("en"),
        "search/search_index.json": '{"docs":[]}',
        "images/map.png": "png",
        "fr/index.html": _page("Accueil", '<img src="../images/map.png">'),
        "fr/404.html": _not_found("fr"),
        "fr/search/search_index.json": '{"docs":[]}',
        "fr/.htaccess": "ErrorDocument 404 /fr/404.html",
        "es/index.html": _page("Inicio"),
        "es/404.html": _not_found("es"),
        "assets/guide.css": "body{}",
        "assets/javascripts/bundle.1234abcd.min.js": "x",
        "assets/javascripts/bundle.1234abcd.min.js.map": "map",
        "assets/javascripts/lunr/min/lunr.fr.min.js": "fr",
        "assets/javascripts/lunr/min/lunr.es.min.js": "es",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "s",
        "assets/javascripts/lunr/tinyseg.js": "ja",
        "videos/clip.en.webp": "poster",
        "videos/clip.en.mp4": "video",
        "index.html.gz": "gz",
        "_headers": "/*",
    }
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def build(site: Path) -> dict[str, dict]:
    report = write_saved_copy(site, ["en", "fr", "es"], "en", NAMES, STRINGS)
    assert report.problems == []
    return {language: json.loads((site / ("" if language == "en" else f"{language}/") / "saved-copy.json").read_text()) for language in report.languages}


def paths(listed: dict) -> list[str]:
    return [path for path, _, _ in listed["files"]]


def test_each_language_keeps_its_pages_search_assets_and_images_not_videos_nor_other_languages(tmp_path: Path) -> None:
    lists = build(make_site(tmp_path))
    en, fr = paths(lists["en"]), paths(lists["fr"])
    assert {"index.html", "other.html", "404.html", "saved-copy-offline.html", "search/search_index.json", "images/map.png", "videos/clip.en.webp", "manifest.webmanifest", "saved-copy-strings.json"} <= set(en)
    assert not [path for path in en if path.startswith(("fr/", "es/")) or path.endswith((".mp4", ".map", ".gz")) or path == "_headers"]
    assert {"fr/index.html", "fr/search/search_index.json", "images/map.png", "assets/guide.css", "assets/javascripts/lunr/min/lunr.fr.min.js"} <= set(fr)
    assert not [path for path in fr if path in ("index.html", "fr/.htaccess") or "lunr.es" in path or "tinyseg" in path or path.startswith("es/")]
    for listed in lists.values():
        for path, size, digest in listed["files"]:
            data = (tmp_path / path).read_bytes()
            assert (size, digest) == (len(data), hashlib.sha256(data).hexdigest()), path
        assert listed["bytes"] == sum(size for _, size, _ in listed["files"])


def test_the_version_changes_only_with_the_languages_own_files(tmp_path: Path) -> None:
    first = build(make_site(tmp_path / "a"))
    assert build(make_site(tmp_path / "b")) == first  # the same files give the same versions
    changed = make_site(tmp_path / "c")
    (changed / "fr" / "index.html").write_text(_page("Accueil, nouvelle version"), encoding="utf-8")
    second = build(changed)
    assert second["fr"]["version"] != first["fr"]["version"]
    assert second["en"]["version"] == first["en"]["version"]


def test_pages_say_how_much_is_kept_and_the_offline_page_speaks_the_language(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    lists = build(site)
    french = (site / "fr" / "index.html").read_text()
    assert 'data-offline-bytes="' in french and 'data-offline-bytes=""' not in french
    assert "<span data-offline-pages>1</span>" in french and " Mo</span>" in french or " ko</span>" in french
    offline = (site / "fr" / "saved-copy-offline.html").read_text()
    assert POLICY in offline and "data-offline-control" not in offline
    assert "Cette page n&#39;est pas enregistrée sur cet appareil" in offline
    assert '<a href="/fr/index.html">' in offline
    assert lists["fr"]["offline"] == "fr/saved-copy-offline.html"


def test_each_language_has_an_installable_manifest(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    build(site)
    for language, folder in (("en", ""), ("fr", "fr/"), ("es", "es/")):
        manifest = json.loads((site / folder / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["name"] == NAMES[language] and manifest["lang"] == language
        assert manifest["short_name"] == STRINGS["saved_copy.short_name"][language] and len(manifest["short_name"]) <= 15
        assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("./index.html", "./", "standalone")
        assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_the_committed_icons_have_their_sizes() -> None:
    from PIL import Image

    for name, size in (("app-icon-192.png", 192), ("app-icon-512.png", 512), ("apple-touch-icon.png", 180)):
        with Image.open(REPO / "overrides" / "assets" / "images" / name) as image:
            assert image.size == (size, size) and image.mode == "RGB"  # opaque, as iOS wants


def test_the_worker_is_revalidated_on_every_update_check() -> None:
    assert cache_control("saved-copy-worker.js") == "no-cache"
    assert cache_control("fr/saved-copy.json") == "no-cache"
