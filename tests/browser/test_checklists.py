"""Checklists as a reader uses them, on a small trilingual fixture site, in Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.conftest import PageWatch
from tests.support.build import build_strictly, free_port, make_fixture_project
from tests.support.fixture_site import served_build
from tests.support.gates import axe_violations
from tests.support.material import LANGUAGE_NAMES, switch_language
from tests.support.server import StaticHost

pytestmark = pytest.mark.browser

KEY = "advocacy-guide:v1"


def _page(description: str, body: str) -> str:
    return f"---\ndescription: {description}\n---\n\n{body}"


def _steps_page(title: str, intro: str, first: str, first_steps: list[str], heading: str, second: str, second_steps: list[str], first_ids: tuple[str, ...] = ("word-count", "consent", "sources")) -> str:
    lines_first = "\n".join(f"- [ ] {text} {{#{step_id}}}" for text, step_id in zip(first_steps, first_ids))
    lines_second = "\n".join(f"- [ ] {text} {{#{step_id}}}" for text, step_id in zip(second_steps, ("share", "plan")))
    return _page(
        title,
        f"# {title} {{#steps}}\n\n{intro}\n\n"
        f"/// checklist | {first}\n    id: submission-ready\n\n{lines_first}\n///\n\n"
        f"## {heading} {{#after}}\n\n"
        f"/// checklist | {second}\n    id: follow-up\n\n{lines_second}\n///\n",
    )


EN_STEPS = ["Count the words and stay under the 10,000-word limit", "Ask every person you quote whether they agree to be named", "Give a source for every figure"]
PAGES = {
    "en/index.md": _page("Home.", "# Civil Society Advocacy Guide {#home}\n\nWelcome. Start with [the steps](steps.md).\n"),
    "en/steps.md": _steps_page("Steps", "Read [the other page](other.md) too.", "Before you send your submission", EN_STEPS, "After the session", "After the session", ["Share the concluding observations", "Plan your follow-up work"]),
    "en/other.md": _page("Other.", "# Other page {#other}\n\nBack to [the steps](steps.md).\n"),
    "fr/index.md": _page("Accueil.", "# Guide de plaidoyer {#home}\n\nBienvenue. Commencez par [les étapes](steps.md).\n"),
    "fr/steps.md": _steps_page("Étapes", "Lisez aussi [l'autre page](other.md).", "Avant d'envoyer votre contribution", ["Compter les mots et rester sous 10 000 mots", "Demander l'accord de chaque personne citée", "Donner une source pour chaque chiffre"], "Après la session", "Après la session", ["Partager les observations finales", "Planifier le suivi"]),
    "fr/other.md": _page("Autre.", "# Autre page {#other}\n\nRetour aux [étapes](steps.md).\n"),
    "es/index.md": _page("Inicio.", "# Guía de incidencia {#home}\n\nBienvenida. Empiece por [los pasos](steps.md).\n"),
    "es/steps.md": _steps_page("Pasos", "Lea también [la otra página](other.md).", "Antes de enviar su contribución", ["Contar las palabras y no pasar de 10 000", "Pedir el acuerdo de cada persona citada", "Dar una fuente para cada cifra"], "Después del período de sesiones", "Después del período de sesiones", ["Compartir las observaciones finales", "Planificar el seguimiento"]),
    "es/other.md": _page("Otra.", "# Otra página {#other}\n\nVolver a [los pasos](steps.md).\n"),
}
# The next version of the guide, in every language: a step removed, one added, the others moved.
NEXT_IDS = ("new-step", "sources", "word-count")
NEXT_PAGES = {
    **PAGES,
    "en/steps.md": _steps_page("Steps", "Read [the other page](other.md) too.", "Before you send your submission", ["A new first step", "Give a source for every figure", "Count the words and stay under the 10,000-word limit"], "After the session", "After the session", ["Share the concluding observations", "Plan your follow-up work"], first_ids=NEXT_IDS),
    "fr/steps.md": _steps_page("Étapes", "Lisez aussi [l'autre page](other.md).", "Avant d'envoyer votre contribution", ["Une nouvelle première étape", "Donner une source pour chaque chiffre", "Compter les mots et rester sous 10 000 mots"], "Après la session", "Après la session", ["Partager les observations finales", "Planifier le suivi"], first_ids=NEXT_IDS),
    "es/steps.md": _steps_page("Pasos", "Lea también [la otra página](other.md).", "Antes de enviar su contribución", ["Un nuevo primer paso", "Dar una fuente para cada cifra", "Contar las palabras y no pasar de 10 000"], "Después del período de sesiones", "Después del período de sesiones", ["Compartir las observaciones finales", "Planificar el seguimiento"], first_ids=NEXT_IDS),
}


def _build(tmp_path: Path, pages: dict[str, str], port: int) -> Path:
    """Build for a given port: a new version of the site is served where the first one was."""
    project = make_fixture_project(tmp_path, pages)
    return build_strictly(project, tmp_path / "site", f"http://127.0.0.1:{port}/").site_dir


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("checklists")
    with served_build(make_fixture_project(tmp, PAGES), tmp / "site") as served:
        yield served.url


def box(page: Page, name: str) -> Locator:
    """A step's checkbox, found as a screen reader finds it: by its role and the step's text."""
    return page.get_by_role("checkbox", name=name)


def progress_of(page: Page, checklist_id: str) -> Locator:
    return page.locator(f'[data-checklist="{checklist_id}"] .checklist__progress')


def test_a_click_on_the_text_ticks_the_step_and_survives_a_reload(page: Page, watch: PageWatch, site: str) -> None:
    page.goto(site + "steps.html")
    expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 0 of 3")
    page.get_by_text("Ask every person you quote").click()
    expect(box(page, "Ask every person you quote whether they agree to be named")).to_be_checked()
    expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 1 of 3")
    page.reload()
    expect(box(page, "Ask every person you quote")).to_be_checked()
    expect(box(page, "Count the words")).not_to_be_checked()
    expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 1 of 3")
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == {"submission-ready": {"consent": True}}
    assert watch.foreign_requests(site) == []
    assert watch.page_errors == [] and watch.console_errors == []


def test_a_second_tab_shows_the_ticks_made_in_the_first(page: Page, site: str) -> None:
    page.goto(site + "steps.html")
    other_tab = page.context.new_page()
    other_tab.goto(site + "fr/index.html")  # the home page's overview, in French
    page.get_by_text("Give a source for every figure").click()
    expect(other_tab.locator(".checklist-overview__total")).to_have_text("Étapes terminées dans l'ensemble du guide\u00a0: 1 sur 5")
    other_tab.goto(site + "fr/steps.html")
    expect(box(other_tab, "Donner une source pour chaque chiffre")).to_be_checked()
    page.get_by_text("Count the words").click()
    expect(box(other_tab, "Compter les mots et rester sous 10 000 mots")).to_be_checked()  # without a reload
    box(other_tab, "Donner une source pour chaque chiffre").click()
    expect(box(page, "Give a source for every figure")).not_to_be_checked()
    expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 1 of 3")
    other_tab.close()


def test_on_an_untranslated_page_the_controls_are_marked_in_the_readers_language(page: Page, tmp_path: Path) -> None:
    english_only = {name: text for name, text in PAGES.items() if name != "fr/steps.md"}
    with served_build(make_fixture_project(tmp_path, english_only), tmp_path / "site") as served:
        page.goto(served.url + "fr/steps.html")
        expect(page.locator("article")).to_have_attribute("lang", "en")
        progress = progress_of(page, "submission-ready")
        expect(progress).to_contain_text("0 sur 3")
        reset = page.locator('[data-checklist="submission-ready"] [data-checklist-action="reset"]')
        note = page.locator(".checklist-tools__note")
        nearest_lang = "xpath=ancestor-or-self::*[@lang][1]"
        for control in (progress, reset, note):
            expect(control.locator(nearest_lang)).to_have_attribute("lang", "fr")
        expect(box(page, "Count the words").locator(nearest_lang)).to_have_attribute("lang", "en")
        assert axe_violations(page) == []


def test_the_whole_step_is_clickable_and_space_ticks_it(page: Page, site: str) -> None:
    page.goto(site + "steps.html")
    label = page.locator('[data-step="sources"] .checklist__label')
    size = label.bounding_box()
    assert size is not None
    label.click(position={"x": size["width"] - 4, "y": size["height"] / 2})  # the empty end of the line
    expect(box(page, "Give a source for every figure")).to_be_checked()
    count_words = box(page, "Count the words")
    page.get_by_text("Read").first.click()  # then reach the first step with the keyboard
    for _ in range(20):
        page.keyboard.press("Tab")
        if count_words.evaluate("box => box === document.activeElement"):
            break
    assert count_words.evaluate("box => box.matches(':focus-visible') && getComputedStyle(box).outlineStyle !== 'none'")
    page.keyboard.press("Space")
    expect(count_words).to_be_checked()
    page.keyboard.press("Space")
    expect(count_words).not_to_be_checked()
    expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 1 of 3")


def test_progress_follows_the_reader_across_pages_and_languages(page: Page, watch: PageWatch, site: str) -> None:
    page.goto(site + "steps.html")
    page.get_by_text("Count the words").click()
    page.get_by_text("Plan your follow-up work").click()
    page.get_by_role("link", name="the other page").click()
    expect(page).to_have_url(site + "other.html")
    page.get_by_role("link", name="the steps").click()
    expect(box(page, "Count the words")).to_be_checked()
    switch_language(page, LANGUAGE_NAMES["fr"])
    expect(page).to_have_url(site + "fr/steps.html")
    expect(box(page, "Compter les mots")).to_be_checked()
    expect(box(page, "Planifier le suivi")).to_be_checked()
    expect(box(page, "Demander l'accord")).not_to_be_checked()
    expect(progress_of(page, "submission-ready")).to_have_text("Étapes terminées\u00a0: 1 sur 3")
    page.get_by_text("Donner une source").click()  # ticked in French, ticked in Spanish
    switch_language(page, LANGUAGE_NAMES["es"])
    expect(page).to_have_url(site + "es/steps.html")
    expect(box(page, "Contar las palabras")).to_be_checked()
    expect(box(page, "Dar una fuente")).to_be_checked()
    expect(progress_of(page, "follow-up")).to_have_text("Pasos completados: 1 de 2")
    assert watch.page_errors == []


def test_the_home_page_shows_overall_progress(page: Page, site: str) -> None:
    page.goto(site + "steps.html")
    page.get_by_text("Count the words").click()
    page.get_by_text("Give a source").click()
    page.get_by_text("Share the concluding").click()
    page.goto(site + "index.html")
    overview = page.locator(".checklist-overview")
    expect(overview.get_by_role("heading", name="Your progress")).to_be_visible()
    expect(overview).to_contain_text("Steps done across the guide: 3 of 5")
    expect(overview.locator('[data-checklist="submission-ready"]')).to_contain_text("Steps done: 2 of 3")
    expect(overview.locator('[data-checklist="follow-up"]')).to_contain_text("Steps done: 1 of 2")
    overview.get_by_role("link", name="After the session").click()
    expect(page).to_have_url(site + "steps.html#checklist-follow-up")
    page.goto(site + "fr/index.html")
    expect(page.locator(".checklist-overview")).to_contain_text("Étapes terminées dans l'ensemble du guide\u00a0: 3 sur 5")
    expect(page.locator(".checklist-overview").get_by_role("link", name="Avant d'envoyer votre contribution")).to_be_visible()


def test_reset_unticks_only_its_own_checklist(page: Page, site: str) -> None:
    page.goto(site + "steps.html")
    page.get_by_text("Count the words").click()
    page.get_by_text("Plan your follow-up work").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-checklist="submission-ready"]').get_by_role("button", name="Reset this checklist").click()
    expect(box(page, "Count the words")).not_to_be_checked()
    expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 0 of 3")
    page.reload()
    expect(box(page, "Count the words")).not_to_be_checked()
    expect(box(page, "Plan your follow-up work")).to_be_checked()


def test_erase_removes_everything_the_guide_stored(page: Page, site: str) -> None:
    page.goto(site + "steps.html")
    expect(page.get_by_text("Your ticks are saved in this browser, on this device only.")).to_be_visible()
    page.get_by_text("Count the words").click()
    page.get_by_text("Share the concluding").click()
    page.evaluate("localStorage.setItem('advocacy-guide:video-position', '12'); sessionStorage.setItem('advocacy-guide:x', '1'); localStorage.setItem('another-site', 'keep')")
    erase = page.get_by_role("button", name="Erase my progress")
    page.once("dialog", lambda dialog: dialog.dismiss())  # changed their mind: nothing is erased
    erase.click()
    expect(box(page, "Count the words")).to_be_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    erase.click()
    expect(page.get_by_role("status").filter(has_text="Everything the guide saved in this browser has been erased.")).to_be_visible()
    expect(box(page, "Count the words")).not_to_be_checked()
    expect(box(page, "Share the concluding")).not_to_be_checked()
    assert page.evaluate("Object.keys(localStorage)") == ["another-site"]
    assert page.evaluate("Object.keys(sessionStorage)") == []
    page.reload()
    expect(progress_of(page, "follow-up")).to_have_text("Steps done: 0 of 2")


def test_export_then_import_on_another_device(page: Page, browser: Browser, site: str, tmp_path: Path) -> None:
    page.goto(site + "fr/steps.html")
    page.get_by_text("Compter les mots").click()
    page.get_by_text("Partager les observations").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter ma progression").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data == {"format": "advocacy-guide-progress", "version": 1, "progress": {"submission-ready": {"word-count": True}, "follow-up": {"share": True}}}

    other_device = browser.new_context()
    try:
        other = other_device.new_page()
        other.goto(site + "steps.html")
        other.get_by_text("Give a source").click()  # already ticked there: importing keeps it
        with other.expect_file_chooser() as chooser:
            other.get_by_role("button", name="Import progress").click()
        chooser.value.set_files(exported)
        expect(other.get_by_role("status").filter(has_text="Progress imported.")).to_be_visible()
        expect(box(other, "Count the words")).to_be_checked()
        expect(box(other, "Give a source")).to_be_checked()
        expect(box(other, "Share the concluding")).to_be_checked()
        expect(progress_of(other, "submission-ready")).to_have_text("Steps done: 2 of 3")
        other.reload()
        expect(box(other, "Count the words")).to_be_checked()

        not_progress = tmp_path / "notes.json"
        not_progress.write_text('{"hello": "world"}', encoding="utf-8")
        with other.expect_file_chooser() as chooser:
            other.get_by_role("button", name="Import progress").click()
        chooser.value.set_files(not_progress)
        expect(other.get_by_role("status").filter(has_text="This file is not a progress file from this guide.")).to_be_visible()
        expect(box(other, "Count the words")).to_be_checked()
    finally:
        other_device.close()


@pytest.mark.parametrize("stored", ["{not json", "[1, 2, 3]", "null", '"text"'])
def test_corrupted_storage_is_said_and_replaced_by_new_ticks(page: Page, watch: PageWatch, site: str, stored: str) -> None:
    page.goto(site + "steps.html")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, stored])
    page.reload()
    message = "The progress saved earlier in this browser could not be read and was lost. New ticks will be saved."
    expect(page.get_by_role("status").filter(has_text=message)).to_be_visible()
    expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 0 of 3")
    page.get_by_text("Count the words").click()
    expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 1 of 3")
    page.reload()
    expect(box(page, "Count the words")).to_be_checked()
    expect(page.get_by_text(message)).to_have_count(0)
    assert watch.page_errors == []


def test_stored_data_of_the_wrong_shape_keeps_only_real_ticks(page: Page, site: str) -> None:
    page.goto(site + "steps.html")
    stored = {"submission-ready": {"word-count": True, "consent": "yes", "sources": 1}, "follow-up": "all", "gone-checklist": {"x": True}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(stored)])
    page.reload()
    expect(box(page, "Count the words")).to_be_checked()
    expect(box(page, "Ask every person")).not_to_be_checked()
    expect(box(page, "Give a source")).not_to_be_checked()
    expect(progress_of(page, "follow-up")).to_have_text("Steps done: 0 of 2")


# Records where uncaught errors come from. With storage blocked, no script may throw: neither the
# checklists nor Material's own storage helpers (guarded in overrides/partials/javascripts/base.html).
ERROR_FILES = """
window.uncaughtErrorFiles = [];
addEventListener("error", (event) => window.uncaughtErrorFiles.push(event.filename || "inline"));
addEventListener("unhandledrejection", () => window.uncaughtErrorFiles.push("promise"));
"""
BLOCKED_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});
}
"""
FULL_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
"""


def test_blocked_storage_still_works_on_the_page_and_says_ticks_will_be_lost(browser: Browser, site: str) -> None:
    context = browser.new_context()
    try:
        context.add_init_script(ERROR_FILES)
        context.add_init_script(BLOCKED_STORAGE)
        page = context.new_page()
        page.goto(site + "steps.html")
        assert page.evaluate("(() => { try { localStorage; return 'open'; } catch (e) { return e.name; } })()") == "SecurityError"
        expect(page.get_by_text("This browser does not let the guide save your ticks: they will be lost when you leave the page.")).to_be_visible()
        page.get_by_text("Count the words").click()
        page.get_by_text("Give a source").click()
        expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 2 of 3")
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="Erase my progress").click()
        expect(box(page, "Count the words")).not_to_be_checked()
        assert page.evaluate("window.uncaughtErrorFiles") == []
        page.goto(site + "index.html")
        expect(page.locator(".checklist-overview")).to_contain_text("Steps done across the guide: 0 of 5")
        assert page.evaluate("window.uncaughtErrorFiles") == []
    finally:
        context.close()


def test_full_storage_says_the_tick_was_not_saved(browser: Browser, site: str) -> None:
    context = browser.new_context()
    try:
        context.add_init_script(FULL_STORAGE)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site + "steps.html")
        page.get_by_text("Count the words").click()
        expect(page.get_by_role("status").filter(has_text="Your last tick could not be saved")).to_be_visible()
        expect(box(page, "Count the words")).to_be_checked()
        expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 1 of 3")
        assert errors == []
    finally:
        context.close()


def test_printing_shows_the_steps_with_their_state_and_no_buttons(page: Page, site: str) -> None:
    page.goto(site + "steps.html")
    page.get_by_text("Give a source").click()
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Reset this checklist").first).to_be_hidden()
    expect(page.get_by_role("button", name="Erase my progress")).to_be_hidden()
    expect(page.get_by_text("Before you send your submission", exact=True)).to_be_visible()
    expect(page.locator(".checklist-jump")).to_be_hidden()  # a link on paper leads nowhere
    expect(box(page, "Give a source")).to_be_visible()
    expect(box(page, "Give a source")).to_be_checked()
    expect(box(page, "Count the words")).to_be_visible()
    # the ticked boxes say it on paper; a progress line would only take room in the handout
    expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 1 of 3")
    expect(progress_of(page, "submission-ready")).to_be_hidden()
    assert page.pdf()[:4] == b"%PDF"


def test_without_javascript_a_checklist_is_a_readable_list(browser: Browser, site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "fr/steps.html")
        expect(page.locator("legend", has_text="Avant d'envoyer votre contribution")).to_be_visible()
        expect(page.get_by_role("group", name="Avant d'envoyer votre contribution").get_by_role("checkbox")).to_have_count(3)
        expect(page.get_by_text("Demander l'accord de chaque personne citée")).to_be_visible()
        expect(page.locator(".checklist button, .checklist-tools")).to_have_count(0)  # controls need JavaScript
        page.get_by_text("Demander l'accord").click()  # a label still ticks its box
        expect(box(page, "Demander l'accord")).to_be_checked()
        page.goto(site + "fr/index.html")
        expect(page.locator(".checklist-overview")).to_be_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["steps.html", "fr/steps.html", "index.html"])
def test_axe_finds_no_violation(page: Page, site: str, path: str) -> None:
    page.goto(site + path)
    if "steps" in path:
        box(page, "Compter les mots" if path.startswith("fr/") else "Count the words").check()
    expect(page.locator(".checklist-tools")).to_be_visible()
    assert axe_violations(page) == []


def test_a_new_version_of_the_guide_keeps_ticks_by_step_id(page: Page, site: str, tmp_path: Path) -> None:
    port = free_port()
    first = _build(tmp_path / "v1", PAGES, port)
    served = tmp_path / "served"
    shutil.copytree(first, served)
    with StaticHost(served, port) as host:
        page.goto(host.url + "steps.html")
        page.get_by_text("Ask every person").click()
        page.get_by_text("Give a source").click()
        expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 2 of 3")
        # the site is updated in place: "consent" is gone, "new-step" comes first, "sources" moved up
        second = _build(tmp_path / "v2", NEXT_PAGES, port)
        shutil.copytree(second, served, dirs_exist_ok=True)
        page.reload()
        expect(page.locator('[data-step="new-step"] .checklist__text')).to_have_text("A new first step")
        expect(box(page, "A new first step")).not_to_be_checked()
        expect(box(page, "Give a source")).to_be_checked()
        expect(box(page, "Count the words")).not_to_be_checked()
        expect(progress_of(page, "submission-ready")).to_have_text("Steps done: 1 of 3")
        page.goto(host.url + "es/steps.html")
        expect(box(page, "Dar una fuente")).to_be_checked()
        expect(box(page, "Un nuevo primer paso")).not_to_be_checked()
        page.goto(host.url + "index.html")
        expect(page.locator(".checklist-overview")).to_contain_text("Steps done across the guide: 1 of 5")


def test_instant_navigation_keeps_ticks_and_sets_up_each_new_page_once(page: Page, tmp_path: Path) -> None:
    # mkdocs-static-i18n warns that its switcher does not support navigation.instant, so this
    # build is not strict; only the checklists are under test here.
    project = make_fixture_project(tmp_path, PAGES, config_changes={"strict": False})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - navigation.top\n", "  - navigation.top\n  - navigation.instant\n", 1), encoding="utf-8")
    assert "navigation.instant" in config.read_text(encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")], env=env, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    with StaticHost(tmp_path / "site", port):
        page.goto(url + "steps.html")
        page.get_by_text("Count the words").click()
        page.evaluate("window.sameDocument = true")
        page.get_by_role("link", name="the other page").click()
        expect(page).to_have_url(url + "other.html")
        page.get_by_role("link", name="the steps").click()
        expect(page).to_have_url(url + "steps.html")
        assert page.evaluate("window.sameDocument") is True, "instant navigation did not happen"
        expect(box(page, "Count the words")).to_be_checked()
        expect(page.locator(".checklist__bar")).to_have_count(2)
        expect(page.locator(".checklist-tools")).to_have_count(1)
        page.get_by_text("Plan your follow-up work").click()
        expect(progress_of(page, "follow-up")).to_have_text("Steps done: 1 of 2")
        page.get_by_role("link", name="the other page").click()
        expect(page).to_have_url(url + "other.html")  # before the next click, which is on that page
        page.get_by_role("link", name="Civil Society Advocacy Guide").first.click()
        expect(page).to_have_url(re.compile(re.escape(url) + r"(index\.html)?$"))
        expect(page.locator(".checklist-overview")).to_contain_text("Steps done across the guide: 2 of 5")
        assert page.evaluate("window.sameDocument") is True
