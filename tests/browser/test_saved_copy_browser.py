"""The saved copy ("Keep this guide on this phone") as a reader on a phone uses it, in Chromium
with a 360x780 touch screen, on a small trilingual fixture site served from 127.0.0.1.

"No connection" is the browser context's offline mode and, on top, the test's server stopped:
nothing can answer but the service worker. Every browser profile is the test's own, in tmp_path,
so that a browser restart (a new persistent context on the same folder) keeps what was saved."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, BrowserType, Page, expect

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.support.build import build_strictly, free_port, make_fixture_project
from tests.support.gates import CSP_LISTENER, axe_violations
from tests.support.media import video_fixture_files
from tests.support.saved_copy import SwitchableHost, cache_names, registered, wait_for_caches

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def _page(title: str, anchor: str, body: str) -> str:
    return f"---\ndescription: {title}.\n---\n\n# {title} {{#{anchor}}}\n\n{body}\n"


def _steps(title: str, list_title: str, steps: list[str]) -> str:
    lines = "\n".join(f"- [ ] {text} {{#{step_id}}}" for text, step_id in zip(steps, ("count", "consent")))
    return _page(title, "steps", f"Read [the other page](other.md).\n\n/// checklist | {list_title}\n    id: ready\n\n{lines}\n///")


PAGES_A = {
    "en/index.md": _page("Civil Society Advocacy Guide", "home", "Start with [the steps](steps.md) or [the other page](other.md)."),
    "en/steps.md": _steps("Steps", "Before you send", ["Count the words", "Ask for consent"]),
    "en/other.md": _page("Other page", "other", "Defenders keep a zebrafinch notebook. Back to [the steps](steps.md)."),
    "fr/index.md": _page("Guide de plaidoyer", "home", "Commencez par [les étapes](steps.md) ou [l'autre page](other.md)."),
    "fr/steps.md": _steps("Étapes", "Avant l'envoi", ["Compter les mots", "Demander l'accord"]),
    "fr/other.md": _page("Autre page", "other", "Les défenseurs tiennent un carnet pinsonzèbre. Retour aux [étapes](steps.md)."),
    "es/index.md": _page("Guía de incidencia", "home", "Empiece por [los pasos](steps.md) o [la otra página](other.md)."),
    "es/steps.md": _steps("Pasos", "Antes de enviar", ["Contar las palabras", "Pedir el acuerdo"]),
    "es/other.md": _page("Otra página", "other", "Las defensoras llevan un cuaderno pinzoncebra. Volver a [los pasos](steps.md)."),
}
# The next build: the English other page says something new (and its search finds it).
PAGES_B = {**PAGES_A, "en/other.md": _page("Other page", "other", "Version two: defenders keep a pelicanquill notebook. Back to [the steps](steps.md).")}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path, Path]:
    """Two builds of the fixture site for one address: A, and B that changes one page."""
    tmp = tmp_path_factory.mktemp("saved-copy")
    port = free_port()
    site_a = build_strictly(make_fixture_project(tmp / "a", PAGES_A), tmp / "a" / "site", f"http://127.0.0.1:{port}/").site_dir
    site_b = build_strictly(make_fixture_project(tmp / "b", PAGES_B), tmp / "b" / "site", f"http://127.0.0.1:{port}/").site_dir
    return port, site_a, site_b


@pytest.fixture
def host(builds: tuple[int, Path, Path]) -> Iterator[SwitchableHost]:
    port, site_a, _ = builds
    with SwitchableHost(site_a, port) as served:
        yield served


class Phone:
    """One browser profile in its own folder: `start()` again is a browser restart."""

    def __init__(self, browser_type: BrowserType, folder: Path) -> None:
        self.browser_type = browser_type
        self.folder = folder
        self.context: BrowserContext | None = None
        self.errors: list[str] = []

    def start(self, offline: bool = False) -> Page:
        self.context = self.browser_type.launch_persistent_context(
            self.folder, executable_path=CHROMIUM, args=CHROMIUM_ARGS, service_workers="allow", offline=offline, **PHONE
        )
        self.context.add_init_script(CSP_LISTENER)
        self.context.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.context.on("weberror", lambda error: self.errors.append(str(error.error)))
        return self.context.pages[0] if self.context.pages else self.context.new_page()

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
            self.context = None


@pytest.fixture
def phone(browser_type: BrowserType, tmp_path: Path) -> Iterator[Phone]:
    device = Phone(browser_type, tmp_path / "profile")
    yield device
    device.close()


def csp_violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def save(page: Page) -> None:
    """Press the control and wait until the worker says the language is saved."""
    control = page.locator("[data-offline-control]")
    expect(control).to_be_visible()
    page.get_by_role("button", name=re.compile("Keep this guide on this phone|Garder ce guide|Guardar esta guía")).click()
    expect(control).to_have_attribute("data-offline-state", "saved", timeout=30_000)
    page.evaluate("navigator.serviceWorker.ready")


def search(page: Page, query: str) -> None:
    """On a phone the search box opens from the header's search icon."""
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)


def go_offline(page: Page, host: SwitchableHost) -> None:
    page.context.set_offline(True)
    host.stop()


def test_a_reader_who_never_presses_gets_no_worker_and_no_extra_request(phone: Phone, host: SwitchableHost) -> None:
    page = phone.start()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(host.url + "steps.html")
    control = page.locator("[data-offline-control]")
    expect(control).to_be_visible()  # shown by the tiny script: a browser that can keep the guide
    expect(control).to_contain_text(re.compile(r"\d+ pages, their search and images, about \d+\.\d (kB|MB)"))
    page.reload()
    page.wait_for_load_state("load")
    assert not registered(page)
    assert [name for name in cache_names(page) if name.startswith("advocacy-guide-")] == []
    extra = [url for url in requests if re.search(r"saved-copy-app|saved-copy\.json|saved-copy-strings|saved-copy-worker|manifest", url)]
    assert extra == [], "the saved copy's code or data loaded without a press"
    assert any(url.endswith("/assets/saved-copy.js") for url in requests)
    assert csp_violations(page) == [] and phone.errors == []


def test_saved_language_reads_searches_and_ticks_offline_also_after_a_restart(phone: Phone, host: SwitchableHost) -> None:
    page = phone.start()
    page.goto(host.url + "index.html")
    save(page)
    assert page.locator("[data-offline-control]").get_attribute("data-offline-persisted") in ("true", "false")
    expect(page.locator('link[rel="manifest"]')).to_have_attribute("href", host.url + "manifest.webmanifest")
    names = cache_names(page)
    assert [name for name in names if name.startswith("advocacy-guide-copy-en-")], names
    assert not [name for name in names if name.startswith(("advocacy-guide-copy-fr-", "advocacy-guide-copy-es-"))]

    go_offline(page, host)
    page.reload()
    expect(page.locator("h1")).to_contain_text("Civil Society Advocacy Guide")
    page.get_by_role("link", name="the steps").first.click()
    expect(page.locator("h1")).to_contain_text("Steps")
    page.get_by_role("link", name="the other page").click()
    expect(page.locator("h1")).to_contain_text("Other page")
    page.goto(host.url + "steps.html")
    step = page.locator(".checklist__step").first
    step.locator(".checklist__label").click()
    expect(step.locator("input[type=checkbox]")).to_be_checked()
    page.reload()
    expect(page.locator(".checklist__step").first.locator("input[type=checkbox]")).to_be_checked()
    search(page, "zebrafinch")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Other page")
    page.goto(host.url + "steps.html?present")
    expect(page.locator("html")).to_have_class(re.compile("present"), timeout=15_000)
    page.goto(host.url + "fr/steps.html")  # not saved: the offline page, in the reader's language
    expect(page.locator("h1")).to_contain_text("This page is not saved on this device")
    page.get_by_role("link", name="Go to the guide saved on this device").click()
    expect(page.locator("h1")).to_contain_text("Civil Society Advocacy Guide")
    assert csp_violations(page) == []

    phone.close()  # a browser restart, still without a connection
    page = phone.start(offline=True)
    page.goto(host.url + "steps.html")
    expect(page.locator("h1")).to_contain_text("Steps")
    expect(page.locator(".checklist__step").first.locator("input[type=checkbox]")).to_be_checked()
    search(page, "zebrafinch")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Other page")
    assert csp_violations(page) == []
    assert [error for error in phone.errors if "ERR_INTERNET_DISCONNECTED" not in error and "Failed to load resource" not in error] == []


def test_a_french_reader_gets_the_offline_page_in_french(phone: Phone, host: SwitchableHost) -> None:
    page = phone.start()
    page.goto(host.url + "fr/other.html")
    save(page)
    assert [name for name in cache_names(page) if name.startswith("advocacy-guide-copy-fr-")]
    go_offline(page, host)
    page.goto(host.url + "fr/index.html")
    expect(page.locator("h1")).to_contain_text("Guide de plaidoyer")
    page.goto(host.url + "steps.html")  # English, not saved
    expect(page.locator("h1")).to_contain_text("Cette page n\u2019est pas enregistrée sur cet appareil".replace("\u2019", "'"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert axe_violations(page) == []
    assert csp_violations(page) == []


def test_an_update_is_used_only_once_complete_and_on_reload(phone: Phone, host: SwitchableHost, builds: tuple[int, Path, Path]) -> None:
    _, _, site_b = builds
    page = phone.start()
    page.goto(host.url + "other.html")
    save(page)
    (old,) = [name for name in cache_names(page) if name.startswith("advocacy-guide-copy-en-")]

    # Build B is published; part of its download fails: the copy of A stays whole and in use.
    host.serve(site_b)
    host.refuse = lambda path: path.endswith("/steps.html")
    control = page.locator("[data-offline-control]")
    page.reload()
    expect(control).to_have_attribute("data-offline-update", "failed", timeout=30_000)
    assert host.refused, "the download never asked for the refused file"
    expect(page.locator("article")).to_contain_text("zebrafinch")
    page.goto(host.url + "index.html")
    page.get_by_role("link", name="the steps").first.click()
    expect(page.locator("h1")).to_contain_text("Steps")
    assert old in cache_names(page)

    # The connection is back: B downloads in full, A stays in use until the reader reloads.
    host.refuse = lambda path: False
    page.goto(host.url + "other.html")
    notice = page.locator(".saved-copy-notice")
    expect(notice).to_contain_text("A new version of the guide is available", timeout=30_000)
    expect(page.locator("article")).to_contain_text("zebrafinch")
    names = cache_names(page)
    assert old in names and len([name for name in names if name.startswith("advocacy-guide-copy-en-")]) == 2
    search(page, "pelicanquill")  # A's search, with A's page: B's word is not there yet
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("No matching documents|Aucun|Ningún"))

    page.keyboard.press("Escape")  # the search closes
    notice.get_by_role("button", name="Reload").click()
    expect(page.locator("article")).to_contain_text("pelicanquill")
    wait_for_caches(page, f"(names) => !names.includes({old!r}) && names.filter((n) => n.startsWith('advocacy-guide-copy-en-')).length === 1")
    go_offline(page, host)
    page.reload()
    expect(page.locator("article")).to_contain_text("pelicanquill")
    search(page, "pelicanquill")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Other page")
    assert csp_violations(page) == []


def test_erase_my_progress_also_removes_the_saved_copy(phone: Phone, host: SwitchableHost) -> None:
    page = phone.start()
    page.goto(host.url + "steps.html")
    save(page)
    assert registered(page)
    questions: list[str] = []

    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        questions.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    page.get_by_role("button", name="Erase my progress").click()
    expect(page.locator("[data-offline-control]")).to_have_attribute("data-offline-state", "removed")
    assert questions[-1] == "Also remove the copy of the guide saved on this device?"
    assert [name for name in cache_names(page) if name.startswith("advocacy-guide-")] == []
    assert not registered(page)
    assert page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('advocacy-guide:'))") == []
    assert csp_violations(page) == []


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_control_has_no_accessibility_violation(phone: Phone, host: SwitchableHost, language: str) -> None:
    page = phone.start()
    page.goto(host.url + ("" if language == "en" else f"{language}/") + "steps.html")
    control = page.locator("[data-offline-control]")
    expect(control).to_be_visible()
    expect(control).to_have_attribute("lang", language)
    assert axe_violations(page) == []
    save(page)
    assert axe_violations(page) == []


VIDEOS_YML = """\
story:
  title:
    en: The story
  versions:
    en:
      media: clip.en.mp4
      poster: clip.en.jpg
      duration: "0:04"
      captions:
        en: clip.en.vtt
"""
CAPTIONS = {"clip.en.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n"}


def test_a_module_video_is_saved_on_its_own_and_plays_offline(phone: Phone, tmp_path: Path) -> None:
    port = free_port()
    pages = {"en/index.md": _page("Module", "story", "The story.\n\n![type:video](story)")}
    project = make_fixture_project(tmp_path / "video", pages, extra_files=video_fixture_files(tmp_path / "media", VIDEOS_YML, CAPTIONS))
    site = build_strictly(project, tmp_path / "video" / "site", f"http://127.0.0.1:{port}/").site_dir
    with SwitchableHost(site, port) as host:
        page = phone.start()
        page.goto(host.url + "index.html")
        button = page.get_by_role("button", name=re.compile(r"Save this video on this phone \(\d+\.\d kB\)"))
        expect(button).to_be_hidden()  # not before the guide is saved
        save(page)
        assert not [url for url in host.requested if url.endswith(".mp4")], "the saved copy took the video"
        button.click()
        expect(button).to_have_attribute("data-offline-state", "saved", timeout=30_000)
        assert "advocacy-guide-videos" in cache_names(page)
        go_offline(page, host)
        page.reload()
        page.evaluate("document.querySelector('video').play()")
        page.wait_for_function("() => document.querySelector('video').currentTime > 0.5")
        assert csp_violations(page) == []
