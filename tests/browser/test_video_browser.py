"""Videos as a reader meets them in Chromium: private before play, captions, chapters, French pages.

The fixture site plays a real 4-second H.264/AAC clip made with ffmpeg, served with byte ranges
by the same kind of static host as production.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Response, expect

from tests.conftest import PageWatch
from tests.support.build import make_fixture_project
from tests.support.fixture_site import ServedSite, served_build
from tests.support.media import video_fixture_files

pytestmark = pytest.mark.browser

HOSTILE_TITLE = 'Quotes " \' and <b>bold</b> </figure><script>window.pwned = 1</script>'

VIDEOS_YML = f"""\
story:
  title:
    en: The story
    fr: L'histoire
    es: La historia
  versions:
    en:
      media: clip.en.mp4
      poster: clip.en.jpg
      duration: "0:04"
      captions:
        en: clip.en.vtt
        es: clip.en.es.vtt
      chapters:
        - "0:00 Start"
        - "0:02 The decision"
    fr:
      media: clip.fr.mp4
      poster: clip.fr.jpg
      duration: "0:04"
      captions:
        fr: clip.fr.vtt
      chapters:
        - "0:00 Début"
        - "0:02 La décision"
hosted:
  title:
    en: On YouTube
  versions:
    en:
      external: https://www.youtube.com/watch?v=dQw4w9WgXcQ
      captions:
        en: clip.en.vtt
hostile:
  title:
    en: '{HOSTILE_TITLE.replace("'", "''")}'
  versions:
    en:
      media: clip.en.mp4
      poster: clip.en.jpg
      duration: "0:04"
      captions:
        en: hostile.en.vtt
      chapters:
        - '0:01 "<img src=x onerror=window.pwned=2>"'
"""

CAPTIONS = {
    "clip.en.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Amina>Another UN meeting?\n\n00:02.000 --> 00:04.000\nIt can change a law.\n",
    "clip.en.es.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\n¿Otra reunión de la ONU?\n\n00:02.000 --> 00:04.000\nPuede cambiar una ley.\n",
    "clip.fr.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Amina>Encore une réunion de l'ONU ?\n\n00:02.000 --> 00:04.000\nÇa peut changer une loi.\n",
    "hostile.en.vtt": "WEBVTT\n\n00:00.000 --> 00:04.000\n&lt;/details&gt;&lt;script&gt;window.pwned=3&lt;/script&gt; \"quoted\"\n",
}

PAGES = {
    "en/index.md": "---\ndescription: Story.\n---\n\n# Story {#story}\n\n![type:video](story)\n",
    "fr/index.md": "---\ndescription: Histoire.\n---\n\n# Histoire {#story}\n\n![type:video](story)\n",
    "es/index.md": "---\ndescription: Historia.\n---\n\n# Historia {#story}\n\n![type:video](story)\n",
    "en/external.md": "---\ndescription: External.\n---\n\n# External {#external}\n\n![type:video](hosted)\n",
    "en/hostile.md": "---\ndescription: Hostile.\n---\n\n# Hostile {#hostile}\n\n![type:video](hostile)\n",
}


@pytest.fixture(scope="module")
def video_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    tmp = tmp_path_factory.mktemp("video-browser")
    files = video_fixture_files(tmp / "media", VIDEOS_YML, CAPTIONS, versions=("en", "fr"))
    project = make_fixture_project(tmp, PAGES, extra_files=files)
    with served_build(project, tmp / "site") as served:
        yield served


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def start_playing(page: Page) -> None:
    page.locator("video").evaluate("video => video.play()")
    page.wait_for_function("() => document.querySelector('video').currentTime > 0")


def test_nothing_leaves_the_origin_and_no_video_downloads_before_play(page: Page, watch: PageWatch, video_site: ServedSite) -> None:
    open_page(page, video_site.url + "index.html")
    expect(page.locator("figure.video video")).to_be_visible()
    assert watch.foreign_requests(video_site.url) == []
    assert [u for u in watch.requests if u.endswith(".mp4")] == []  # preload="none"
    # only the captions marked default, a few hundred bytes, load with the page
    assert [u for u in watch.requests if u.endswith(".vtt")] in ([], [video_site.url + "videos/clip.en.vtt"])
    assert video_site.url + "videos/clip.en.jpg" in watch.requests  # the poster comes from the site itself
    assert watch.page_errors == [] and watch.console_errors == []


def test_after_play_the_page_language_captions_show(page: Page, watch: PageWatch, video_site: ServedSite) -> None:
    open_page(page, video_site.url + "es/index.html")
    start_playing(page)
    page.wait_for_function(
        "() => [...document.querySelector('video').textTracks].some(t => t.language === 'es' && t.mode === 'showing' && t.cues && t.cues.length > 0)"
    )
    modes = page.locator("video").evaluate("video => Object.fromEntries([...video.textTracks].map(t => [t.language, t.mode]))")
    assert modes["es"] == "showing"
    assert modes["en"] != "showing"
    first_cue = page.locator("video").evaluate("video => [...video.textTracks].find(t => t.language === 'es').cues[0].text")
    assert first_cue == "¿Otra reunión de la ONU?"
    assert watch.foreign_requests(video_site.url) == []


def test_the_french_page_loads_its_media_and_captions(page: Page, watch: PageWatch, video_site: ServedSite) -> None:
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    open_page(page, video_site.url + "fr/index.html")
    start_playing(page)
    page.wait_for_function("() => [...document.querySelector('video').textTracks].some(t => t.language === 'fr' && t.mode === 'showing' && t.cues && t.cues.length > 0)")
    statuses = {r.url: r.status for r in responses}
    assert statuses.get(video_site.url + "videos/clip.fr.mp4") in (200, 206), statuses
    assert statuses.get(video_site.url + "videos/clip.fr.vtt") == 200, statuses
    assert statuses.get(video_site.url + "videos/clip.fr.jpg") == 200, statuses
    assert not any(status >= 400 for status in statuses.values()), statuses
    expect(page.locator(".video__transcript summary")).to_have_text("Transcription")


def test_chapter_links_seek_the_video(page: Page, watch: PageWatch, video_site: ServedSite) -> None:
    open_page(page, video_site.url + "index.html")
    page.get_by_role("link", name="0:02 The decision").click()
    page.wait_for_function("() => document.querySelector('video').currentTime >= 2")
    expect(page).to_have_url(video_site.url + "index.html")  # the link seeks; it does not navigate
    page.locator("video").evaluate("video => video.pause()")
    page.get_by_role("link", name="0:00 Start").click()
    page.wait_for_function("() => document.querySelector('video').currentTime < 2")
    assert watch.page_errors == []


def test_an_external_host_is_contacted_only_after_the_click(page: Page, watch: PageWatch, video_site: ServedSite) -> None:
    open_page(page, video_site.url + "external.html")
    figure = page.locator("figure.video")
    expect(figure).to_contain_text("www.youtube-nocookie.com")
    assert watch.foreign_requests(video_site.url) == []
    expect(page.locator("iframe")).to_have_count(0)
    with page.expect_request(lambda request: request.url.startswith("https://www.youtube-nocookie.com/embed/")):
        figure.get_by_role("button", name="Play from YouTube").click()
    iframe = figure.locator("iframe")
    expect(iframe).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0")
    expect(iframe).to_have_attribute("title", "On YouTube")
    hosts = {u.split("/")[2] for u in watch.foreign_requests(video_site.url)}
    assert hosts <= {"www.youtube-nocookie.com"}, hosts


def test_hostile_titles_chapters_and_captions_stay_text(page: Page, watch: PageWatch, video_site: ServedSite) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, video_site.url + "hostile.html")
    expect(page.locator(".video__title")).to_have_text(HOSTILE_TITLE)
    expect(page.locator(".video__chapters a")).to_have_text('0:01 "<img src=x onerror=window.pwned=2>"')
    page.locator(".video__transcript summary").click()
    expect(page.locator(".video__transcript p")).to_have_text('</details><script>window.pwned=3</script> "quoted"')
    assert page.evaluate("window.pwned") is None
    expect(page.locator("figure.video")).to_have_count(1)
    expect(page.locator("figure.video video")).to_have_count(1)
    assert dialogs == [] and watch.page_errors == []


@pytest.mark.parametrize("path", ["index.html", "fr/index.html", "external.html"])
def test_video_blocks_have_no_accessibility_violations(page: Page, video_site: ServedSite, path: str) -> None:
    open_page(page, video_site.url + path)
    page.locator(".video__transcript summary").click()  # open, so that its contents are checked too
    expect(page.locator(".video__transcript")).to_have_attribute("open", "")
    results = Axe().run(page, context="figure.video", options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]})
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
    assert violations == []
    assert len(results.response["passes"]) >= 5  # the rules did run on the video block
