"""Golden HTML for the video hook: Markdown pages in, the built article's HTML out.

One fixture site holds every case (one page per case, in three languages where it matters); each
page's content (the Markdown rendered, every hook applied) is compared with `tests/site/golden/videos/<case>.html`, with a unified diff on
failure. After an intended change of the markup, regenerate the files and review their diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/site/test_video_golden.py
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from tests.support.build import BuildResult, build_strictly, make_fixture_project

GOLDEN = Path(__file__).parent / "golden" / "videos"
ARTICLE = re.compile(r"<!--golden-->(.*?)<!--/golden-->", re.DOTALL)
# The page's own HTML (Markdown rendered, hooks applied), without what other templates add around it.
MAIN_HTML = '{% extends "base.html" %}\n{% block content %}<!--golden-->{{ page.content }}<!--/golden-->{% endblock %}\n'

VIDEOS_YML = """\
story:
  title:
    en: The story
    fr: L'histoire
    es: La historia
  versions:
    en:
      media: story.en.mp4
      poster: story.en.jpg
      duration: "0:04"
      captions:
        en: story.en.vtt
        es: story.en.es.vtt
      chapters:
        - "0:00 Opening"
        - "0:02 The decision"
    fr:
      media: story.fr.mp4
      poster: story.fr.jpg
      duration: "0:04"
      captions:
        fr: story.fr.vtt
      chapters:
        - "0:00 Ouverture"
        - "0:02 La décision"

hostile:
  title:
    en: 'Quotes " and <b>markup</b> & <script>alert(1)</script>'
  versions:
    en:
      media: story.en.mp4
      poster: story.en.jpg
      duration: "0:04"
      captions:
        en: hostile.en.vtt
      chapters:
        - '0:01 "Chapter" <img src=x onerror=alert(1)>'

planned-script:
  status: planned
  title:
    en: In preparation
  versions:
    en:
      captions:
        en: story.en.vtt

planned:
  status: planned
  title:
    en: Later
    fr: Plus tard

hosted:
  title:
    en: On YouTube
  versions:
    en:
      external: https://www.youtube.com/watch?v=dQw4w9WgXcQ
      duration: "3:32"
      captions:
        en: story.en.vtt
      chapters:
        - "0:00 Start"
"""

CAPTIONS = {
    "story.en.vtt": "WEBVTT\n\n00:00.000 --> 00:01.500\n<v Amina>Another UN meeting?\n\n00:01.500 --> 00:02.000\nWhat will it change?\n\n"
    "00:02.500 --> 00:03.900\n<v Karim>It can change a law.\n",
    "story.en.es.vtt": "WEBVTT\n\n00:00.000 --> 00:01.500\n¿Otra reunión de la ONU?\n\n00:02.500 --> 00:03.900\nPuede cambiar una ley.\n",
    "story.fr.vtt": "WEBVTT - narration française\n\nintro\n00:00.000 --> 00:01.800\n<v Amina>Encore une réunion de l'ONU ?\n\n"
    "NOTE la décision\n\n00:02.100 --> 00:03.900\nÇa peut changer une loi.\n",
    "hostile.en.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\n<v \"Bad\" <b>Name</b>>She said \"no\" &amp; <script>alert(1)</script> left.\n\n"
    "00:02.000 --> 00:03.000\n&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt; end\n",
}

PAGES = {
    "en/index.md": "---\ndescription: Story.\n---\n\n# Story {#story}\n\n![type:video](story)\n",
    "fr/index.md": "---\ndescription: Histoire.\n---\n\n# Histoire {#story}\n\n![type:video](story)\n",
    "es/index.md": "---\ndescription: Historia.\n---\n\n# Historia {#story}\n\n![type:video](story)\n",
    "en/hostile.md": "# Hostile {#hostile}\n\n![type:video](hostile)\n",
    "en/planned.md": "# Planned {#planned}\n\n![type:video](planned-script)\n\n![type:video](planned)\n",
    "fr/planned.md": "# Prévu {#planned}\n\n![type:video](planned)\n",
    "en/external.md": (
        "# External {#external}\n\n![type:video](hosted)\n\n![type:video](https://vimeo.com/76979871)\n\n"
        "![type:video](https://peertube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d)\n"
    ),
    "en/layout.md": (
        "# Layout {#layout}\n\nText `![type:video](story)` in code.\n\n```markdown\n![type:video](story)\n```\n\n"
        "!!! note \"In a box\"\n\n    ![type:video](story)\n\n- item\n\n    ![type:video](story)\n"
    ),
    "en/untranslated.md": "# Untranslated {#untranslated}\n\n![type:video](story)\n",
}

# case name -> built page
CASES = {
    "media-en": "index.html",
    "media-fr": "fr/index.html",
    "media-es-fallback-version": "es/index.html",
    "hostile": "hostile.html",
    "planned-en": "planned.html",
    "planned-fr": "fr/planned.html",
    "external": "external.html",
    "layout": "layout.html",
    "untranslated-under-fr": "fr/untranslated.html",
}


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    tmp = tmp_path_factory.mktemp("video-golden")
    files: dict[str, str | bytes] = {"data/videos.yml": VIDEOS_YML, "overrides/main.html": MAIN_HTML}
    files.update({f"videos/{name}": text for name, text in CAPTIONS.items()})
    # The build reads only the size of media files: fixed sizes keep the download labels stable.
    files["videos/story.en.mp4"] = b"\0" * 1_234_567
    files["videos/story.fr.mp4"] = b"\0" * 98_765
    files["videos/story.en.jpg"] = b"\xff\xd8\xff\xd9"
    files["videos/story.fr.jpg"] = b"\xff\xd8\xff\xd9"
    files["videos/unused.mp4"] = b"\0" * 10
    project = make_fixture_project(
        tmp,
        PAGES,
        nav=["index.md", "hostile.md", "planned.md", "external.md", "layout.md", "untranslated.md"],
        # Only the hooks under test: later passes over the whole site have their own tests.
        config_changes={"hooks": ["hooks/build.py", "hooks/i18n_site.py", "hooks/videos.py"]},
        extra_files=files,
    )
    return build_strictly(project, tmp / "site", "http://127.0.0.1:8000/")


def article(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    match = ARTICLE.search(html)
    assert match, f"no page content in {page}"
    return match.group(1).strip() + "\n"


@pytest.mark.parametrize("case", sorted(CASES))
def test_video_markup_matches_golden(golden_site: BuildResult, case: str) -> None:
    actual = article(golden_site.site_dir, CASES[case])
    golden_file = GOLDEN / f"{case}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden_file.parent.mkdir(parents=True, exist_ok=True)
        golden_file.write_text(actual, encoding="utf-8")
    expected = golden_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(golden_file), f"built {CASES[case]}"))
        pytest.fail(f"the built HTML differs from the golden file:\n{diff}\n{golden_site.replicate()}")


def test_media_is_published_once_and_only_when_declared(golden_site: BuildResult) -> None:
    site = golden_site.site_dir
    published = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in {".mp4", ".jpg", ".vtt"})
    assert published == [
        "videos/hostile.en.vtt",
        "videos/story.en.es.vtt",
        "videos/story.en.jpg",
        "videos/story.en.mp4",
        "videos/story.en.vtt",
        "videos/story.fr.jpg",
        "videos/story.fr.mp4",
        "videos/story.fr.vtt",
    ]


def test_every_media_address_resolves_to_a_published_file(golden_site: BuildResult) -> None:
    site = golden_site.site_dir
    checked = 0
    for page in CASES.values():
        html = (site / page).read_text(encoding="utf-8")
        for address in re.findall(r'(?:src|poster|href)="([^"#]*videos/[^"#]+)', html):
            target = (site / page).parent / address
            assert target.resolve().is_file(), f"{page}: {address} does not resolve"
            checked += 1
    assert checked >= 20


def test_hostile_text_stays_text(golden_site: BuildResult) -> None:
    html = article(golden_site.site_dir, "hostile.html")
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;b&gt;markup&lt;/b&gt;" in html  # the title, shown as written
    assert "&lt;/details&gt;" in html  # a caption cannot close the transcript
    assert html.count("<details") == html.count("</details>") == 1
