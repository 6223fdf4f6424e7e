"""The saved copy in a strict build of a small trilingual fixture site: each language's control,
list, manifest and offline page, the policy that allows the worker and manifest, and nothing of it
in the offline copy (OFFLINE=1)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from advocacy_guide.deploy.site_policy import meta_policy
from tests.support.build import build_strictly, make_fixture_project, mkdocs_build


def page(title: str) -> str:
    return f"---\ndescription: {title}.\n---\n\n# {title} {{#top}}\n\nText.\n"


PAGES = {
    "en/index.md": page("Home"),
    "en/other.md": page("Other"),
    "fr/index.md": page("Accueil"),
    "fr/other.md": page("Autre"),
    "es/index.md": page("Inicio"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("saved-copy-build")
    return build_strictly(make_fixture_project(tmp, PAGES), tmp / "site", "http://127.0.0.1:8000/").site_dir


def control(html: str) -> str:
    found = re.search(r"<section class=\"saved-copy\"[^>]*>", html)
    assert found, "no saved-copy control on the page"
    return found.group(0)


def test_each_page_offers_its_languages_copy_with_its_size(site: Path) -> None:
    for path, language, root in (("index.html", "en", "./"), ("fr/other.html", "fr", "../fr/"), ("es/other.html", "es", "../es/")):
        html = (site / path).read_text(encoding="utf-8")
        tag = control(html)
        assert f'data-offline-language="{language}"' in tag and f'lang="{language}"' in tag
        assert f'data-offline-root="{root}"' in tag
        assert re.search(r'data-offline-bytes="\d+"', tag)
        assert re.search(r"<span data-offline-size>\d+[.,]\d (kB|ko|MB|Mo)</span>", html)
        assert 'data-offline="save"' in html
        assert '<meta name="theme-color" content="#4051b5">' in html and 'rel="apple-touch-icon"' in html
        assert 'rel="manifest"' not in html  # added only once the language is saved
    assert 'data-offline-scope="../"' in control((site / "fr" / "other.html").read_text(encoding="utf-8"))


def test_lists_manifests_offline_pages_and_the_worker_are_written(site: Path) -> None:
    assert (site / "saved-copy-worker.js").is_file() and not (site / "fr" / "saved-copy-worker.js").exists()
    for folder, language in (("", "en"), ("fr/", "fr"), ("es/", "es")):
        listed = json.loads((site / folder / "saved-copy.json").read_text(encoding="utf-8"))
        assert listed["language"] == language and re.fullmatch(r"[0-9a-f]{16}", listed["version"])
        paths = [path for path, _, _ in listed["files"]]
        assert f"{folder}index.html" in paths and f"{folder}search/search_index.json" in paths
        assert f"{folder}saved-copy-offline.html" in paths and "assets/saved-copy-app.js" in paths
        assert not [path for path in paths if path.endswith((".mp4", ".gz", ".br", ".map"))]
        manifest = json.loads((site / folder / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["lang"] == language and manifest["display"] == "standalone"
    french = json.loads((site / "fr" / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert french["name"] == "Guide de plaidoyer pour la société civile"


def test_the_policy_allows_the_worker_and_manifest_from_the_site_only(site: Path) -> None:
    policies = {meta_policy(path.read_text(encoding="utf-8")) for path in site.rglob("*.html")}
    assert len(policies) == 1, "the offline pages must carry the site's one policy"
    directives = dict(d.split(" ", 1) for d in policies.pop().split("; "))
    assert directives["manifest-src"] == "'self'"
    assert directives["worker-src"] == "'self' blob:"
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert "manifest-src 'self'" in headers
    assert not re.search(r"saved-copy-worker\.js\n\s+Cache-Control: public, max-age=31536000", headers)
    offline = (site / "fr" / "saved-copy-offline.html").read_text(encoding="utf-8")
    assert "Cette page n&#39;est pas enregistrée sur cet appareil" in offline and 'lang="fr"' in offline


def test_the_offline_copy_has_no_saved_copy(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, PAGES)
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:8000/", extra_env={"OFFLINE": "1"})
    assert result.ok, result.output
    site = result.site_dir
    assert not (site / "saved-copy.json").exists() and not (site / "fr" / "manifest.webmanifest").exists()
    html = (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert "data-offline-control" not in html and "apple-touch-icon" not in html
