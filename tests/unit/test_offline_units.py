"""The offline copy's parts, without a build: search scripts, the zip, the shim's inline script,
and the frame hosts taken from video declarations."""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path

import pytest

from advocacy_guide.csp import sha256_source
from advocacy_guide.iframe_worker import ShimFormatError, iframe_script, worker_shim_script_hashes
from advocacy_guide.offline import SHIM_SOURCE, is_offline_build, write_search_scripts, zip_site
from advocacy_guide.video_origins import frame_origins, frame_origins_from_file

WORKER = "../assets/javascripts/workers/search.a7633da7.min.js"


def test_search_scripts_are_written_next_to_each_languages_index(tmp_path: Path) -> None:
    for folder in ("search", "fr/search", "es/search"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "search_index.json").write_text(json.dumps({"docs": [{"title": f"« {folder} »"}]}, ensure_ascii=False), encoding="utf-8")
    written = write_search_scripts(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "es/search/search_index.js",
        "fr/search/search_index.js",
        "search/search_index.js",
    ]
    script = (tmp_path / "fr/search/search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    assert json.loads(script[len("var __index = ") :]) == {"docs": [{"title": "« fr/search »"}]}


def test_zip_holds_every_file_under_one_folder_with_a_note(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("index.html", "fr/index.html", "assets/x.js", "sitemap.xml.gz", "assets/javascripts/bundle.min.js.map", "assets/javascripts/lunr/wordcut.js"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name, encoding="utf-8")
    archive = zip_site(site, tmp_path / "dist" / "copy.zip")
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        assert opened.read("advocacy-guide/fr/index.html") == b"fr/index.html"
        assert "index.html" in opened.read("advocacy-guide/OPEN-ME.txt").decode()
    assert names == ["advocacy-guide/OPEN-ME.txt", "advocacy-guide/assets/x.js", "advocacy-guide/fr/index.html", "advocacy-guide/index.html"]
    assert not (tmp_path / "dist" / "copy.zip.part").exists()


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("yes", True), ("0", False), ("", False), (None, False)])
def test_offline_build_is_asked_for_with_offline_1(value: str | None, expected: bool) -> None:
    assert is_offline_build({} if value is None else {"OFFLINE": value}) is expected


def test_the_shims_iframe_script_is_rebuilt_from_its_source() -> None:
    shim = SHIM_SOURCE.read_text(encoding="utf-8")
    script = iframe_script(shim, WORKER)
    assert script.startswith('postMessage=function c(s,n){parent.postMessage(s,n||"*")};importScripts=function d(...s){')
    assert script.endswith(f'filename:"{WORKER}",error}}))}})')
    assert "${" not in script


def test_a_page_loading_the_shim_gets_the_hash_of_its_iframe_script() -> None:
    shim = SHIM_SOURCE.read_text(encoding="utf-8")
    page = (
        '<script src="../assets/javascripts/iframe-worker-shim.js"></script>'
        f'<script id="__config" type="application/json">{{"search": "{WORKER}"}}</script>'
    )
    assert worker_shim_script_hashes(page, shim) == [sha256_source(iframe_script(shim, WORKER))]
    assert worker_shim_script_hashes(page.replace("iframe-worker-shim", "other"), shim) == []
    assert worker_shim_script_hashes(page, None) == []


def test_a_shim_of_another_shape_is_refused_rather_than_hashed_wrongly() -> None:
    with pytest.raises(ShimFormatError):
        iframe_script("window.Worker = class {}", WORKER)


def test_frame_hosts_come_from_external_video_addresses_anywhere_in_the_declarations(tmp_path: Path) -> None:
    videos = {
        "a": {"versions": {"en": {"external": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}, "fr": {"media": "a.fr.mp4"}}},
        "b": {"versions": {"en": {"external": "https://peertube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d"}}},
        "c": {"title": {"en": "https://not-a-video.example.org/page"}},
    }
    assert frame_origins(videos) == ["https://peertube.example.org", "https://www.youtube-nocookie.com"]
    assert frame_origins(["https://vimeo.com/76979871", "https://vimeo.com/1"]) == ["https://player.vimeo.com"]
    assert frame_origins_from_file(tmp_path / "missing.yml") == []
    broken = tmp_path / "videos.yml"
    broken.write_text("a: [unclosed", encoding="utf-8")
    assert frame_origins_from_file(broken) == []


def test_captions_are_inlined_as_data_addresses_and_the_policy_allows_them(tmp_path: Path) -> None:
    from advocacy_guide.csp import policy, sources_for
    from advocacy_guide.offline import inline_captions

    (tmp_path / "videos").mkdir()
    (tmp_path / "videos" / "c.fr.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nÇa\n", encoding="utf-8")
    (tmp_path / "fr").mkdir()
    page = tmp_path / "fr" / "index.html"
    document = (
        '<video><track kind="captions" src="../videos/c.fr.vtt" srclang="fr" default>'
        '<track src="../videos/missing.vtt"><track src="../../outside.vtt"></video>'
        '<pre><code>&lt;track src="../videos/c.fr.vtt"&gt;</code></pre>'
    )
    (tmp_path.parent / "outside.vtt").write_text("WEBVTT\n", encoding="utf-8")
    result = inline_captions(document, page, tmp_path)
    expected = "data:text/vtt;base64," + base64.b64encode((tmp_path / "videos" / "c.fr.vtt").read_bytes()).decode()
    assert f'<track kind="captions" src="{expected}" srclang="fr" default>' in result
    assert '<track src="../videos/missing.vtt">' in result  # left for the link checker
    assert '<track src="../../outside.vtt">' in result  # outside the site: never read
    assert '&lt;track src="../videos/c.fr.vtt"&gt;' in result
    assert "media-src 'self' blob: data:" in policy(sources_for(result))
    assert "media-src 'self' blob:;" in policy(sources_for(document))
