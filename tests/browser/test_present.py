"""Trainer mode in Chromium at 1280x720 (and 1280x600): slides, keyboard, the notes window, the handout.

Most tests use a small fixture site whose module has notes in several sections (so that the
notes window visibly changes with the slide), a notes-only section, a real video with captions
in English and French, and a checklist; a long page goes on over several slides. The last tests
run on the repository's own modules, in the three languages.
"""

from __future__ import annotations

import re

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.conftest import BuiltSite, PageWatch
from tests.support.build import make_fixture_project
from tests.support.fixture_site import ServedSite, served_build
from tests.support.gates import Gate, axe_violations, context_errors
from tests.support.media import video_fixture_files
from tests.support.offline import OfflineCopy
from tests.support.slides import bar_in_view

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 720}

VIDEOS_YML = """\
story:
  title:
    en: The story
    fr: L'histoire
  versions:
    en:
      media: clip.en.mp4
      poster: clip.en.jpg
      duration: "0:04"
      captions:
        en: clip.en.vtt
    fr:
      media: clip.fr.mp4
      poster: clip.fr.jpg
      duration: "0:04"
      captions:
        fr: clip.fr.vtt
        en: clip.en.vtt
"""
CAPTIONS = {
    "clip.en.vtt": "WEBVTT\n\n00:00.000 --> 00:04.000\nAnother UN meeting?\n",
    "clip.fr.vtt": "WEBVTT\n\n00:00.000 --> 00:04.000\nEncore une réunion de l'ONU ?\n",
}


def module_page(words: dict[str, str]) -> str:
    return f"""---
description: {words["description"]}
---

# {words["title"]} {{#module-demo}}

{words["intro"]}

## {words["objectives"]} {{#objectives}}

- {words["objective"]}

??? facilitator "{words["notes"]}"
    {words["objectives_note"]}

## {words["story"]} {{#story}}

![type:video](story)

*{words["fiction"]}*

## {words["discussion"]} {{#discussion}}

1. {words["question"]}

    ??? facilitator "{words["notes"]}"
        {words["nested_note"]}

??? facilitator "{words["notes"]}"
    {words["discussion_note"]}

## {words["checklist"]} {{#checklist}}

/// checklist | {words["checklist_title"]}
    id: demo-engage

- [ ] {words["step1"]} {{#find-observations}}
- [ ] {words["step2"]} {{#mark-recommendations}}
///

## {words["facilitators"]} {{#facilitator-notes}}

??? facilitator "{words["notes"]}"
    {words["session_note"]}

## {words["further"]} {{#go-further}}

- [{words["about"]}](about.md)
"""


EN = {
    "description": "A demo module.", "title": "Module: Demo", "intro": "This module is for new groups.",
    "objectives": "Learning objectives", "objective": "Explain the review.", "notes": "For trainers",
    "objectives_note": "Objectives note: ask what each person expects.", "story": "The story",
    "fiction": "This story is fictional.", "discussion": "Discussion questions",
    "question": "What changed Amina's mind?", "nested_note": "Nested note: give them two minutes.",
    "discussion_note": "Discussion note: use question 1 in pairs.",
    "checklist": "Checklist", "checklist_title": "Decide whether to engage",
    "step1": "Find the last concluding observations", "step2": "Mark every recommendation",
    "facilitators": "Notes for facilitators", "session_note": "Session plan: 45 minutes in all.",
    "further": "Go further", "about": "About the review",
}
FR = {
    "description": "Un module de démonstration.", "title": "Module : Démo", "intro": "Ce module s'adresse aux nouveaux groupes.",
    "objectives": "Objectifs d'apprentissage", "objective": "Expliquer l'examen.", "notes": "Pour les formateurs",
    "objectives_note": "Note sur les objectifs : demandez ce que chacun attend.", "story": "L'histoire",
    "fiction": "Cette histoire est fictive.", "discussion": "Questions pour la discussion",
    "question": "Qu'est-ce qui a fait changer Amina d'avis ?", "nested_note": "Note imbriquée : deux minutes.",
    "discussion_note": "Note de discussion : question 1 en binômes.",
    "checklist": "Liste de contrôle", "checklist_title": "Décider de s'engager",
    "step1": "Trouver les dernières observations finales", "step2": "Marquer chaque recommandation",
    "facilitators": "Notes pour les formateurs", "session_note": "Plan de séance : 45 minutes en tout.",
    "further": "Pour aller plus loin", "about": "À propos de l'examen",
}
LONG_STEPS = "\n".join(f"{n}. Step {n} of the plan, written as a whole sentence that a group reads aloud." for n in range(1, 17))
LONG = f"""---
description: Long.
present: true
---

# A long page {{#long}}

Sixteen steps do not fit one screen.

## Steps {{#steps}}

{LONG_STEPS}

??? facilitator "For trainers"
    Steps note: take them in turns.

## The end {{#end}}

Done.
"""
ABOUT = "---\ndescription: About.\n---\n\n# About the review {#about}\n\nSome words.\n\n## First part {#first}\n\nOne.\n\n## Second part {#second}\n\nTwo.\n"
PAGES = {
    "en/index.md": "---\ndescription: Home.\n---\n\n# Home {#home}\n\nWelcome.\n",
    "en/module-demo.md": module_page(EN),
    "en/about.md": ABOUT,
    "en/long.md": LONG,
    "en/flagged.md": "---\ndescription: Flagged.\npresent: true\n---\n\n# A page to present {#flagged}\n\nWords.\n",
    "fr/index.md": "---\ndescription: Accueil.\n---\n\n# Accueil {#home}\n\nBienvenue.\n",
    "fr/module-demo.md": module_page(FR),
}
SLIDE_IDS = ["module-demo", "objectives", "story", "discussion", "checklist", "go-further"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    tmp = tmp_path_factory.mktemp("present")
    files = video_fixture_files(tmp / "media", VIDEOS_YML, CAPTIONS, versions=("en", "fr"))
    project = make_fixture_project(tmp, PAGES, extra_files=files)
    with served_build(project, tmp / "site") as served:
        yield served


@pytest.fixture(autouse=True)
def _screen_size(page: Page) -> None:
    page.set_viewport_size(VIEWPORT)


def present(page: Page, url: str) -> None:
    """Load `url` as a new document and wait for the presentation's control bar.

    An address that differs from the open one only by its #fragment would not load the page
    again (the browser only fires `hashchange`, and the old bar is still visible): a blank page
    in between makes every call a real load. To move within an open presentation by address,
    use `go_to_slide`.
    """
    if page.url.split("#")[0] == url.split("#")[0]:
        page.goto("about:blank")
    page.goto(url)
    expect(page.locator(".present-bar")).to_be_visible()


def counter(page: Page) -> Locator:
    return page.locator(".present-bar__count")


def slide_number(number: int, total: int) -> re.Pattern[str]:
    """The counter's text for slide `number` of `total`, in any language ("Diapositive 2 sur 6")."""
    return re.compile(rf"^\D*{number}\D+{total}$")


def go_to_slide(page: Page, url: str, number: int, total: int) -> None:
    """Change the open presentation's address (a `hashchange`, handled after `goto` returns) and
    wait until the counter shows the slide it leads to."""
    page.goto(url)
    expect(counter(page)).to_have_text(slide_number(number, total))


def expect_visible_headings(page: Page, ids: list[str]) -> None:
    """Wait until the article's visible h1 and h2 are those of `ids`, in that order."""
    headings = page.locator("article :is(h1, h2):visible")
    expect(headings).to_have_count(len(ids))
    for index, heading_id in enumerate(ids):
        expect(headings.nth(index)).to_have_id(heading_id)


# -----------------------------------------------------------------------------
# Entering, chrome, type size
# -----------------------------------------------------------------------------


def test_present_button_on_modules_and_flagged_pages_only(page: Page, site: ServedSite) -> None:
    page.goto(site.url + "module-demo.html")
    button = page.get_by_role("link", name="Present", exact=True)
    expect(button).to_be_visible()
    expect(button).to_have_attribute("href", "?present")
    page.goto(site.url + "flagged.html")
    expect(page.get_by_role("link", name="Present", exact=True)).to_be_visible()
    page.goto(site.url + "about.html")
    expect(page.locator(".present-open")).to_have_count(0)
    page.goto(site.url + "fr/module-demo.html")
    page.get_by_role("link", name="Présenter", exact=True).click()
    expect(page).to_have_url(site.url + "fr/module-demo.html?present#module-demo")
    expect(page.locator(".present-bar__count")).to_have_text("Diapositive 1 sur 6")


def test_a_reading_page_does_not_load_the_presentation_code(page: Page, watch: PageWatch, site: ServedSite) -> None:
    page.goto(site.url + "module-demo.html")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/present.js") for url in watch.requests)
    assert not any("present-view" in url for url in watch.requests)


def test_present_hides_the_chrome_and_shows_the_first_slide(page: Page, watch: PageWatch, site: ServedSite) -> None:
    page.goto(site.url + "module-demo.html")
    expect(page.locator(".md-header")).to_be_visible()  # the reading view has them
    present(page, site.url + "module-demo.html?present")
    for chrome in [".md-header", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".present-open"]:
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.locator("h1#module-demo")).to_be_visible()
    expect(page.get_by_text("This module is for new groups.")).to_be_visible()
    expect_visible_headings(page, ["module-demo"])
    expect(counter(page)).to_have_text("Slide 1 of 6")
    assert watch.foreign_requests(site.url) == []
    assert watch.page_errors == [] and watch.console_errors == []  # nothing blocked by the page's policy


def test_slide_type_is_at_least_a_quarter_larger_than_reading_type(page: Page, site: ServedSite) -> None:
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    page.goto(site.url + "module-demo.html")
    reading = page.get_by_text("This module is for new groups.").evaluate(size)
    present(page, site.url + "module-demo.html?present")
    slide = page.get_by_text("This module is for new groups.").evaluate(size)
    assert slide / reading >= 1.25, (reading, slide)
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(site.url + "module-demo.html?present#objectives")
    expect(page.get_by_text("Explain the review.")).to_be_visible()
    item = page.get_by_text("Explain the review.").evaluate(size)
    assert item / reading >= 1.25
    # the slide's words fit the 1280 px width: no sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORT["width"]


def test_any_page_can_be_presented(page: Page, site: ServedSite) -> None:
    present(page, site.url + "about.html?present")
    expect(counter(page)).to_have_text("Slide 1 of 3")
    page.keyboard.press("End")
    expect(page).to_have_url(site.url + "about.html?present#second")
    expect_visible_headings(page, ["about", "second"])  # the page's title stays as a running title
    # a reader's notice about the translation is no part of the slides
    page.goto(site.url + "fr/about.html")
    expect(page.locator(".translation-notice")).to_be_visible()
    present(page, site.url + "fr/about.html?present")
    expect(page.get_by_text("Some words.")).to_be_visible()
    expect(page.locator(".translation-notice")).to_be_hidden()


def test_only_the_page_content_is_on_slides(page: Page, site: ServedSite) -> None:
    """What the article holds after the content (the home page's progress overview) stays off."""
    page.goto(site.url + "index.html")
    expect(page.locator(".checklist-overview")).to_be_visible()
    present(page, site.url + "index.html?present")
    expect(page.get_by_text("Welcome.")).to_be_visible()
    expect(page.locator(".checklist-overview")).to_be_hidden()


def test_phones_get_no_present_button(page: Page, site: ServedSite) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site.url + "module-demo.html")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".present-open")).to_be_hidden()
    page.set_viewport_size(VIEWPORT)
    expect(page.locator(".present-open")).to_be_visible()


# -----------------------------------------------------------------------------
# Moving between slides
# -----------------------------------------------------------------------------


def test_keyboard_moves_change_the_address(page: Page, site: ServedSite) -> None:
    present(page, site.url + "module-demo.html?present")
    moves = [
        ("ArrowRight", "objectives", 2), ("PageDown", "story", 3), ("Space", "discussion", 4),
        ("ArrowLeft", "story", 3), ("PageUp", "objectives", 2), ("End", "go-further", 6),
        ("ArrowRight", "go-further", 6), ("Home", "module-demo", 1), ("ArrowLeft", "module-demo", 1),
    ]
    for key, section, number in moves:
        page.keyboard.press(key)
        expect(page).to_have_url(f"{site.url}module-demo.html?present#{section}")
        expect(counter(page)).to_have_text(f"Slide {number} of 6")
        expect(page.locator("article :is(h1, h2):visible").last).to_have_id(section)


def test_buttons_move_too_and_a_screen_reader_hears_the_new_slide(page: Page, site: ServedSite) -> None:
    present(page, site.url + "module-demo.html?present")
    page.get_by_role("button", name="Next slide").click()
    expect(page).to_have_url(site.url + "module-demo.html?present#objectives")
    expect(page.get_by_role("status")).to_have_text("Slide 2 of 6")
    expect(page.get_by_role("button", name="Next slide")).to_be_focused()  # the focus stays on the button
    page.keyboard.press("Enter")
    expect(page).to_have_url(site.url + "module-demo.html?present#story")
    page.get_by_role("button", name="Previous slide").click()
    expect(page).to_have_url(site.url + "module-demo.html?present#objectives")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("ArrowRight")
    expect(page.locator("h2#story")).to_be_focused()


def test_every_control_is_reachable_with_the_tab_key(page: Page, site: ServedSite) -> None:
    present(page, site.url + "module-demo.html?present")
    names = set()
    for _ in range(15):
        page.keyboard.press("Tab")
        names.add(page.evaluate("document.activeElement.textContent.trim()"))
    assert {"Previous slide", "Next slide", "Open the notes window", "Back to the page"} <= names


def test_a_slide_address_opens_that_slide_and_reload_keeps_it(page: Page, site: ServedSite) -> None:
    present(page, site.url + "module-demo.html?present#discussion")
    expect(counter(page)).to_have_text("Slide 4 of 6")
    expect_visible_headings(page, ["module-demo", "discussion"])
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"\?present#checklist$"))
    page.reload()
    expect(page.locator(".present-bar")).to_be_visible()
    expect(counter(page)).to_have_text("Slide 5 of 6")
    expect(page).to_have_url(re.compile(r"\?present#checklist$"))
    assert page.evaluate("scrollY") == 0
    # an address inside a slide, and one in the notes-only section, each loaded afresh
    present(page, site.url + "module-demo.html?present#checklist-demo-engage")
    expect(counter(page)).to_have_text("Slide 5 of 6")
    present(page, site.url + "module-demo.html?present#facilitator-notes")
    expect(counter(page)).to_have_text("Slide 5 of 6")
    # and the same addresses from another slide of the open presentation
    page.keyboard.press("Home")
    expect(counter(page)).to_have_text("Slide 1 of 6")
    go_to_slide(page, site.url + "module-demo.html?present#checklist-demo-engage", 5, 6)


def test_escape_returns_to_the_reading_view_at_the_same_section(page: Page, site: ServedSite) -> None:
    present(page, site.url + "module-demo.html?present#discussion")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(site.url + "module-demo.html?present#checklist")
    page.keyboard.press("Escape")
    expect(page).to_have_url(site.url + "module-demo.html#checklist")
    expect(page.locator(".md-header")).to_be_visible()
    expect(page.locator(".present-bar")).to_have_count(0)
    expect(page.locator("h2#checklist")).to_be_in_viewport()
    expect(page.locator("h2#objectives")).not_to_be_in_viewport()
    # the link does the same
    present(page, site.url + "module-demo.html?present#story")
    page.get_by_role("link", name="Back to the page").click()
    expect(page).to_have_url(site.url + "module-demo.html#story")


def test_slides_follow_the_reduced_motion_preference(page: Page, site: ServedSite) -> None:
    shown = page.locator(".present-on:not(h1)").first
    present(page, site.url + "module-demo.html?present")
    page.keyboard.press("ArrowRight")
    expect(counter(page)).to_have_text("Slide 2 of 6")
    expect(shown).to_have_css("animation-name", "present-in")  # a short fade between slides
    page.emulate_media(reduced_motion="reduce")
    page.keyboard.press("ArrowRight")
    expect(counter(page)).to_have_text("Slide 3 of 6")
    expect(shown).to_have_css("animation-name", "none")


# -----------------------------------------------------------------------------
# Notes and the notes window
# -----------------------------------------------------------------------------


def test_notes_are_a_folded_box_for_readers_and_hidden_from_slides(page: Page, site: ServedSite) -> None:
    page.goto(site.url + "module-demo.html")
    box = page.locator("details.facilitator").first
    expect(box.locator("summary")).to_have_text("For trainers")
    expect(box).not_to_have_attribute("open", "")
    expect(page.get_by_text("Objectives note")).to_be_hidden()
    box.locator("summary").focus()
    page.keyboard.press("Enter")  # readers open it from the keyboard
    expect(page.get_by_text("Objectives note")).to_be_visible()

    present(page, site.url + "module-demo.html?present#objectives")
    expect(page.get_by_text("Explain the review.")).to_be_visible()
    expect(page.locator(".facilitator").first).to_be_hidden()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("What changed Amina's mind?")).to_be_visible()
    expect(page.get_by_text("Nested note")).to_be_hidden()  # notes inside a list item too
    expect(page.locator(".facilitator:visible")).to_have_count(0)
    page.keyboard.press("End")
    # the notes-only section is no slide: six slides for seven sections
    expect(counter(page)).to_have_text("Slide 6 of 6")
    expect(page.get_by_text("Session plan")).to_be_hidden()
    expect(page.locator(".facilitator:visible")).to_have_count(0)


def open_notes_window(context: BrowserContext, page: Page, name: str = "Open the notes window") -> Page:
    with context.expect_page() as opened:
        page.get_by_role("button", name=name).click()
    notes = opened.value
    expect(notes.locator(".present-notes")).to_be_visible()
    return notes


def test_the_notes_window_follows_the_slides(context: BrowserContext, page: Page, site: ServedSite) -> None:
    errors = context_errors(context)
    present(page, site.url + "module-demo.html?present#objectives")
    notes = open_notes_window(context, page)
    expect(notes).to_have_url(site.url + "module-demo.html?presenter#objectives")
    title, own, after = notes.locator(".present-notes__title"), notes.locator(".present-notes__slide"), notes.locator(".present-notes__next")
    expect(title).to_have_text("Learning objectives")
    expect(own).to_have_text("Objectives note: ask what each person expects.")
    expect(after).to_have_text("Next slide: The story")
    expect(notes.locator(".present-notes__page")).to_have_text("Session plan: 45 minutes in all.")
    expect(notes.locator(".md-header")).to_be_hidden()
    expect(notes).to_have_title("Notes: Module: Demo")

    page.keyboard.press("ArrowRight")
    expect(title).to_have_text("The story")
    expect(own).to_have_text("No notes for this slide.")
    page.keyboard.press("ArrowRight")
    expect(title).to_have_text("Discussion questions")
    expect(notes.locator(".present-notes__count")).to_have_text("Slide 4 of 6")
    expect(own.locator("p")).to_have_text(["Nested note: give them two minutes.", "Discussion note: use question 1 in pairs."])
    expect(after).to_have_text("Next slide: Checklist")
    page.keyboard.press("End")
    expect(after).to_have_text("Next slide: End of the presentation.")
    # the notes never reach the shared slides
    expect(page.get_by_text("Discussion note")).to_be_hidden()
    assert errors == []


def test_the_notes_window_moves_the_slides_and_keeps_time(context: BrowserContext, page: Page, site: ServedSite) -> None:
    context.clock.install()  # the windows' time, moved by the test
    present(page, site.url + "module-demo.html?present")
    notes = open_notes_window(context, page)
    notes.get_by_role("button", name="Next slide").click()
    expect(page).to_have_url(site.url + "module-demo.html?present#objectives")
    notes.keyboard.press("End")
    expect(page).to_have_url(site.url + "module-demo.html?present#go-further")
    expect(counter(page)).to_have_text("Slide 6 of 6")
    clock = notes.locator(".present-notes__clock")
    notes.clock.pause_at(notes.evaluate("Date.now()") + 10_000)
    notes.get_by_role("button", name="Restart the timer").click()
    expect(clock).to_have_text("0:00")
    notes.clock.run_for(65_000)
    expect(clock).to_have_text("1:05")
    expect(notes.get_by_role("timer")).to_have_text("1:05")
    pause = notes.get_by_role("button", name="Pause the timer")
    pause.click()  # a break in the session: the time stands still
    expect(pause).to_have_attribute("aria-pressed", "true")
    notes.clock.run_for(600_000)
    expect(clock).to_have_text("1:05")
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "false")
    notes.clock.run_for(10_000)
    expect(clock).to_have_text("1:15")
    notes.clock.resume()
    # a reloaded presentation and a reloaded notes window find each other again
    page.reload()
    expect(page.locator(".present-bar__count")).to_have_text("Slide 6 of 6")
    notes.reload()
    expect(notes.locator(".present-notes__title")).to_have_text("Go further")
    page.keyboard.press("Home")
    expect(notes.locator(".present-notes__title")).to_have_text("Module: Demo")


@pytest.mark.parametrize("blocked", [["BroadcastChannel"], ["BroadcastChannel", "localStorage"]])
def test_the_windows_keep_in_step_without_broadcast_channel_or_storage(
    context: BrowserContext, page: Page, site: ServedSite, blocked: list[str]
) -> None:
    """As in browsers that give file:// pages neither; the popup and its opener still talk."""
    context.add_init_script("".join(f"Object.defineProperty(window, '{name}', {{get() {{ throw new Error('blocked'); }}}});" for name in blocked))
    present(page, site.url + "module-demo.html?present#story")
    notes = open_notes_window(context, page)
    for name in blocked:
        assert notes.evaluate(f"() => {{ try {{ return typeof window.{name}; }} catch (e) {{ return 'blocked'; }} }}") == "blocked"
    expect(notes.locator(".present-notes__title")).to_have_text("The story")
    page.keyboard.press("ArrowRight")
    expect(notes.locator(".present-notes__title")).to_have_text("Discussion questions")
    notes.keyboard.press("ArrowLeft")
    expect(page).to_have_url(site.url + "module-demo.html?present#story")


def test_the_offline_copy_presents_from_disk(context: BrowserContext, page: Page, site: ServedSite) -> None:
    url = (site.dir / "fr" / "module-demo.html").as_uri()
    present(page, url + "?present#discussion")
    expect(counter(page)).to_have_text("Diapositive 4 sur 6")
    notes = open_notes_window(context, page, "Ouvrir la fenêtre des notes")
    expect(notes.locator(".present-notes__slide")).to_contain_text("Note de discussion : question 1 en binômes.")
    page.keyboard.press("ArrowLeft")
    expect(notes.locator(".present-notes__slide")).to_have_text("Pas de notes pour cette diapositive.")
    notes.keyboard.press("Home")
    expect(page).to_have_url(url + "?present#module-demo")
    page.keyboard.press("Escape")
    expect(page).to_have_url(url + "#module-demo")


# -----------------------------------------------------------------------------
# Languages, videos, checklists
# -----------------------------------------------------------------------------


def slide_ids(page: Page) -> list[str]:
    """The section of each slide, first to last, as the address shows them; ends on the last slide.

    Each key press is followed by a wait for the counter it produces. The page writes the
    address in the same task as the counter, so the address is read from the page itself then
    (Playwright's own `page.url` follows it by an event, which may come later).
    """
    page.keyboard.press("Home")
    expect(counter(page)).to_have_text(re.compile(r"^\D*1\D+\d+$"))
    total = int(re.findall(r"\d+", counter(page).inner_text())[-1])
    ids = [page.evaluate("location.hash.slice(1)")]
    for number in range(2, total + 1):
        page.keyboard.press("ArrowRight")
        expect(counter(page)).to_have_text(slide_number(number, total))
        ids.append(page.evaluate("location.hash.slice(1)"))
    return ids


def test_the_french_module_has_the_same_slides(page: Page, site: ServedSite) -> None:
    present(page, site.url + "module-demo.html?present")
    english = slide_ids(page)
    present(page, site.url + "fr/module-demo.html?present")
    french = slide_ids(page)
    assert english == french == SLIDE_IDS
    expect(page.locator(".present-bar__count")).to_have_text("Diapositive 6 sur 6")
    for name in ["Diapositive précédente", "Diapositive suivante", "Ouvrir la fenêtre des notes"]:
        expect(page.get_by_role("button", name=name)).to_be_visible()
    expect(page.get_by_role("link", name="Retour à la page")).to_be_visible()
    expect(page.get_by_role("navigation", name="Commandes de la présentation")).to_be_visible()


def test_the_video_fits_the_slide_and_plays_with_the_page_language_captions(page: Page, site: ServedSite) -> None:
    present(page, site.url + "fr/module-demo.html?present#story")
    video = page.locator("video")
    expect(video).to_be_visible()
    box = video.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORT["width"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT["height"], box
    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function(
        "() => [...document.querySelector('video').textTracks].some(t => t.language === 'fr' && t.mode === 'showing')"
    )
    modes = video.evaluate("v => Object.fromEntries([...v.textTracks].map(t => [t.language, t.mode]))")
    assert modes["en"] != "showing"
    # leaving the slide pauses it
    page.locator("h2#story").focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(site.url + "fr/module-demo.html?present#discussion")
    page.wait_for_function("() => document.querySelector('video').paused")


def test_a_checklist_can_be_ticked_live_on_a_slide(page: Page, site: ServedSite) -> None:
    present(page, site.url + "module-demo.html?present#checklist")
    step = page.get_by_role("checkbox", name="Find the last concluding observations")
    step.check()
    expect(step).to_be_checked()
    expect(page.locator(".checklist__progress")).to_have_text("Steps done: 1 of 2")
    stored = page.evaluate("JSON.parse(localStorage.getItem('advocacy-guide:v1'))")
    assert stored == {"demo-engage": {"find-observations": True}}
    page.keyboard.press("Space")  # on the box, Space unticks it instead of moving on
    expect(step).not_to_be_checked()
    expect(counter(page)).to_have_text("Slide 5 of 6")
    page.keyboard.press("ArrowRight")  # arrows still move on from a box
    expect(counter(page)).to_have_text("Slide 6 of 6")
    page.keyboard.press("ArrowLeft")
    expect(counter(page)).to_have_text("Slide 5 of 6")
    expect(step).to_be_visible()
    for tool in ["Export my progress", "Import progress", "Erase my progress", "Reset this checklist"]:
        expect(page.get_by_role("button", name=tool)).to_be_hidden()  # absent or hidden alike


# -----------------------------------------------------------------------------
# Accessibility and print
# -----------------------------------------------------------------------------


def settled_axe_violations(page: Page) -> list[str]:
    """axe-core's violations once the slide's transitions have ended, with the control bar in view
    (in the slides' window; the notes window has no bar)."""
    if page.locator(".present-bar").count():  # a property of the window, not a state to wait for
        bar_in_view(page)
    page.wait_for_function("() => document.getAnimations().length === 0")
    return axe_violations(page)


@pytest.mark.parametrize("section", ["module-demo", "story", "checklist"])
def test_axe_finds_no_violation_in_the_presentation_view(page: Page, site: ServedSite, section: str) -> None:
    present(page, f"{site.url}module-demo.html?present#{section}")
    assert settled_axe_violations(page) == []


def test_axe_finds_no_violation_in_the_notes_window(context: BrowserContext, page: Page, site: ServedSite) -> None:
    present(page, site.url + "fr/module-demo.html?present#discussion")
    notes = open_notes_window(context, page, "Ouvrir la fenêtre des notes")
    expect(notes.locator(".present-notes__slide")).to_contain_text("Note de discussion")
    assert settled_axe_violations(notes) == []


def test_printing_a_module_gives_a_clean_handout(page: Page, site: ServedSite) -> None:
    page.goto(site.url + "module-demo.html")
    page.get_by_role("checkbox", name="Mark every recommendation").check()
    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".md-footer", ".present-open", "details.facilitator", "video", ".checklist button"]:
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".video__title")).to_be_visible()
    transcript = page.locator(".video__transcript p")
    expect(transcript).to_have_text("Another UN meeting?")
    expect(transcript).to_be_visible()  # although its box is closed
    expect(page.locator(".video__transcript")).not_to_have_attribute("open", "")
    boxes = page.locator(".checklist__box")
    expect(boxes.first).to_be_visible()
    expect(boxes).to_have_count(2)
    expect(boxes.nth(0)).not_to_be_checked()
    expect(boxes.nth(1)).to_be_checked()
    expect(page.locator(".present-address span")).to_have_text(f"Online version: {site.url}module-demo.html")
    expect(page.locator(".present-address")).to_have_attribute("lang", "en")
    qr = page.locator(".present-address svg")
    expect(qr).to_be_visible()  # drawn at build time: no request, no script
    expect(qr).to_have_attribute("aria-label", f"QR code of the online version: {site.url}module-demo.html")
    expect(page.locator(".checklist__progress")).to_be_hidden()  # no progress line, no button
    expect(page.locator("h2#facilitator-notes")).to_be_hidden()  # no heading left empty
    page.emulate_media(media="screen")
    expect(page.locator(".present-address")).to_be_hidden()
    expect(page.locator("video")).to_be_visible()
    expect(transcript).to_be_hidden()
    expect(page.locator("details.facilitator").first).to_be_visible()


def test_printing_from_the_slides_gives_the_whole_handout(page: Page, site: ServedSite) -> None:
    present(page, site.url + "module-demo.html?present#story")
    page.emulate_media(media="print")
    for section in SLIDE_IDS:
        expect(page.locator(f"#{section}")).to_be_visible()
    expect(page.locator(".present-bar")).to_be_hidden()


# -----------------------------------------------------------------------------
# Fitting the screen, keys from the video, the control bar
# -----------------------------------------------------------------------------


def slide_problems(page: Page) -> list[str]:
    """What runs past the screen or lies under the control bar on the slide shown."""
    return page.evaluate("""() => {
        const problems = [];
        const root = document.documentElement;
        if (root.scrollHeight > innerHeight || root.scrollWidth > innerWidth) problems.push(`scrolls: ${root.scrollWidth}x${root.scrollHeight}`);
        const bar = document.querySelector(".present-bar").getBoundingClientRect();
        const shown = [...document.querySelectorAll(".present-box *")].filter((el) => el.checkVisibility() && !el.children.length || el.matches("video, svg, input, li"));
        for (const el of shown) {
            const box = el.getBoundingClientRect();
            if (!box.width || !box.height) continue;
            if (box.bottom > innerHeight + 1 || box.right > innerWidth + 1) problems.push(`cut off: ${el.tagName} ${el.textContent.slice(0, 40)}`);
            const under = box.bottom > bar.top && box.top < bar.bottom && box.right > bar.left && box.left < bar.right;
            if (under) problems.push(`under the controls: ${el.tagName} ${el.textContent.slice(0, 40)}`);
        }
        return problems;
    }""")


def test_a_section_too_long_for_the_screen_goes_on_over_slides_with_their_own_address(context: BrowserContext, page: Page, site: ServedSite) -> None:
    present(page, site.url + "long.html?present")
    ids = slide_ids(page)
    assert ids[:3] == ["long", "steps", "steps/2"] and ids[-1] == "end", ids
    numbers: list[int] = []
    for number, section in enumerate(ids[1:-1], start=2):
        go_to_slide(page, f"{site.url}long.html?present#{section}", number, len(ids))
        assert slide_problems(page) == []
        numbers += page.locator("article ol > li:visible").evaluate_all("items => items.map(li => li.value)")
    assert numbers == list(range(1, 17))  # every step once, numbered on from the slide before
    expect(page.get_by_role("heading", name="Steps (continued)")).to_be_visible()  # the last part says it goes on
    # an address inside the second part opens it; Escape goes back to the section
    page.reload()
    expect(page).to_have_url(f"{site.url}long.html?present#{ids[-2]}")
    expect(counter(page)).to_have_text(slide_number(len(ids) - 1, len(ids)))
    assert slide_problems(page) == []
    present(page, site.url + "long.html?present#steps/2")
    notes = open_notes_window(context, page)
    expect(notes.locator(".present-notes__title")).to_have_text("Steps (continued)")
    expect(notes.locator(".present-notes__slide")).to_have_text("Steps note: take them in turns.")
    expect(notes.locator(".present-notes__count")).to_have_text(f"Slide 3 of {len(ids)}")
    notes.keyboard.press("ArrowLeft")
    expect(page).to_have_url(site.url + "long.html?present#steps")
    expect(notes.locator(".present-notes__next")).to_have_text("Next slide: Steps (continued)")
    page.keyboard.press("Escape")
    expect(page).to_have_url(site.url + "long.html#steps")


def test_a_smaller_screen_cuts_the_slides_again(page: Page, site: ServedSite) -> None:
    present(page, site.url + "long.html?present#steps")
    at_720 = len(slide_ids(page))
    page.set_viewport_size({"width": 1280, "height": 420})  # a window made much smaller
    page.wait_for_function("total => !document.querySelector('.present-bar__count').textContent.endsWith(' ' + total)", arg=at_720)
    at_420 = slide_ids(page)
    assert len(at_420) > at_720
    page.keyboard.press("Home")
    for number in range(1, len(at_420) + 1):
        if number > 1:
            page.keyboard.press("ArrowRight")
        expect(counter(page)).to_have_text(slide_number(number, len(at_420)))
        assert slide_problems(page) == [], at_420[number - 1]


@pytest.mark.parametrize("key", ["ArrowRight", "PageDown", "ArrowLeft", "PageUp", "End", "Home"])
def test_keys_move_the_slides_with_the_focus_on_the_video(page: Page, site: ServedSite, key: str) -> None:
    expected = {"ArrowRight": "discussion", "PageDown": "discussion", "ArrowLeft": "objectives", "PageUp": "objectives", "End": "go-further", "Home": "module-demo"}
    present(page, site.url + "module-demo.html?present#story")
    video = page.locator("video")
    video.focus()
    expect(video).to_be_focused()
    page.keyboard.press(key)
    expect(page).to_have_url(f"{site.url}module-demo.html?present#{expected[key]}")
    assert page.evaluate("scrollY") == 0  # the clicker's Page Down does not scroll the slide


def test_space_and_k_play_and_pause_the_chosen_video_only(page: Page, site: ServedSite) -> None:
    present(page, site.url + "module-demo.html?present#story")
    video = page.locator("video")
    video.evaluate("v => { v.muted = true; v.loop = true; }")  # looped: the 4-second clip never ends by itself
    video.click()  # the trainer chooses the video
    page.wait_for_function("() => document.activeElement.matches('video')")
    # A known start: whether the click on the picture started the video depends on where it fell.
    video.evaluate("v => v.pause()")
    page.keyboard.press("k")
    page.wait_for_function("() => !document.querySelector('video').paused")
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('video').paused")
    page.keyboard.press("k")
    page.wait_for_function("() => !document.querySelector('video').paused")
    expect(page).to_have_url(site.url + "module-demo.html?present#story")  # neither key moved on
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(site.url + "module-demo.html?present#discussion")
    page.wait_for_function("() => document.querySelector('video').paused")  # leaving the slide paused it
    page.keyboard.press("Space")  # away from the video, Space is the next slide again
    expect(page).to_have_url(site.url + "module-demo.html?present#checklist")


def test_the_control_bar_hides_while_the_pointer_is_still_and_comes_back(page: Page, site: ServedSite) -> None:
    page.clock.install()
    present(page, site.url + "module-demo.html?present")
    html, bar = page.locator("html"), page.locator(".present-bar")
    expect(html).not_to_have_class(re.compile(r"\bpresent-idle\b"))
    page.clock.run_for(3_000)
    expect(html).to_have_class(re.compile(r"\bpresent-idle\b"))
    expect(bar).to_have_css("opacity", "0")
    expect(page.locator(".present-corner")).to_have_text("1 / 6")  # the slide number stays in its corner
    page.mouse.move(600, 300)
    expect(html).not_to_have_class(re.compile(r"\bpresent-idle\b"))
    expect(bar).to_have_css("opacity", "1")
    page.clock.run_for(3_000)
    expect(html).to_have_class(re.compile(r"\bpresent-idle\b"))
    page.get_by_role("button", name="Next slide").focus()  # the keyboard reaches the bar: it shows, and stays while it has the focus
    expect(html).not_to_have_class(re.compile(r"\bpresent-idle\b"))
    expect(bar).to_have_css("opacity", "1")
    page.clock.run_for(10_000)
    expect(bar).to_have_css("opacity", "1")
    page.keyboard.press("ArrowRight")  # keys still move the slides from the bar
    expect(page.locator(".present-corner")).to_have_text("2 / 6")


# -----------------------------------------------------------------------------
# The guide's own modules
# -----------------------------------------------------------------------------


def test_the_guide_modules_present_alike_in_english_and_french(page: Page, built_site: BuiltSite) -> None:
    counts = {}
    for language in ("", "fr/", "es/"):
        present(page, f"{built_site.url}{language}module-why-engage.html?present")
        counts[language] = slide_ids(page)
        expect(page.locator(".md-header")).to_be_hidden()
        expect(page.locator(".facilitator:visible")).to_have_count(0)
    assert counts[""] == counts["fr/"] == counts["es/"] == ["module-why-engage", "objectives", "story", "discussion", "checklist", "go-further"]


def test_axe_finds_no_violation_on_a_guide_module_slide(page: Page, built_site: BuiltSite) -> None:
    present(page, f"{built_site.url}fr/module-coalition.html?present#checklist")
    assert settled_axe_violations(page) == []


def test_the_offline_copy_of_the_guide_presents_from_disk(browser: Browser, offline_copy: OfflineCopy) -> None:
    """The real offline copy (`make offline`), unzipped, every request but file: aborted."""
    url = offline_copy.url("es/module-follow-up.html")
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    try:
        errors = context_errors(context)
        gate = Gate.attach(context.new_page(), ("file:", "data:", "blob:", "about:"))
        page = gate.page
        page.goto(url)
        page.get_by_role("link", name="Presentar", exact=True).click()
        expect(page.locator(".present-bar__count")).to_have_text("Diapositiva 1 de 6")
        page.keyboard.press("End")
        expect(page.locator(".present-bar__count")).to_have_text("Diapositiva 6 de 6")
        notes = open_notes_window(context, page, "Abrir la ventana de notas")
        expect(notes.locator(".present-notes__title")).to_have_text("Para saber más")
        expect(notes.locator(".present-notes__page")).not_to_be_empty()  # the session plan
        notes.keyboard.press("Home")
        expect(page).to_have_url(url + "?present#module-follow-up")
        page.keyboard.press("Escape")
        expect(page).to_have_url(url + "#module-follow-up")
        assert gate.foreign == [] and gate.csp_violations() == []
        assert errors == [] and gate.page_errors == []
    finally:
        context.close()


CONTRAST = """el => {
    const rgb = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const luminance = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    let node = el, background = "rgba(0, 0, 0, 0)";
    while (node && /rgba\\(0, 0, 0, 0\\)|transparent/.test(background)) { background = getComputedStyle(node).backgroundColor; node = node.parentElement; }
    const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(rgb(background))].sort((x, y) => y - x);
    return { ratio: (a + 0.05) / (b + 0.05), weight: Number(getComputedStyle(el).fontWeight) };
}"""


@pytest.mark.parametrize("height", [720, 600])
@pytest.mark.parametrize("language", ["", "fr/", "es/"])
def test_every_guide_module_slide_fits_the_screen_with_bold_dark_headings(page: Page, built_site: BuiltSite, language: str, height: int) -> None:
    page.set_viewport_size({"width": 1280, "height": height})
    modules = ["why-engage", "coalition", "list-of-issues", "written-submission", "briefing", "follow-up", "peer-exchange"]
    for module in modules:
        present(page, f"{built_site.url}{language}module-{module}.html?present")
        ids = slide_ids(page)
        assert ids[:3] == [f"module-{module}", "objectives", "story"] and ids[-1] == "go-further", ids
        for number, section in enumerate(ids, start=1):
            go_to_slide(page, f"{built_site.url}{language}module-{module}.html?present#{section}", number, len(ids))
            assert slide_problems(page) == [], (module, section)
            heading = page.locator("article h2:visible, .present-start h1:visible").last
            style = heading.evaluate(CONTRAST)
            assert style["ratio"] >= 7 and style["weight"] >= 700, (module, section, style)
        # the story slide: the video and its chapters; the written story stays on the page
        go_to_slide(page, f"{built_site.url}{language}module-{module}.html?present#story", 3, len(ids))
        expect(page.locator("video")).to_be_visible()
        expect(page.locator(".video__chapters")).to_be_visible()
        expect(page.locator(".video__transcript")).to_be_hidden()
        expect(page.locator("h2#story ~ p:visible")).to_have_count(0)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("language", ["", "fr/", "es/"])
def test_the_printed_handout_of_a_module_takes_two_pages_and_says_each_thing_once(page: Page, built_site: BuiltSite, language: str) -> None:
    modules = ["why-engage", "coalition", "list-of-issues", "written-submission", "briefing", "follow-up", "peer-exchange"]
    pages = []
    page.emulate_media(media="print")  # what Chromium's print uses
    for module in modules:
        page.goto(f"{built_site.url}{language}module-{module}.html")
        pages.append(pdf_pages(page.pdf(format="A4")))
        text = page.locator(".md-content").inner_text()
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) > 25]
        repeated = {s for s in sentences if sentences.count(s) > 1}
        assert repeated == set(), (module, repeated)
        # every heading has something under it; the date, the address and its QR code are there
        empty = page.locator("article h2:visible").evaluate_all(
            "hs => hs.filter(h => { let n = h.nextElementSibling; while (n && !/^H[12]$/.test(n.tagName)) { if (n.checkVisibility()) return false; n = n.nextElementSibling; } return true; }).map(h => h.id)")
        assert empty == [], module
        expect(page.locator(".page-reviewed")).to_be_visible()
        expect(page.locator(".present-address svg")).to_be_visible()
        expect(page.locator(".checklist__box").first).to_be_visible()
        for hidden in [".checklist__progress", ".checklist button", ".present-open", "video"]:
            expect(page.locator(hidden).first).to_be_hidden()
    assert sorted(pages)[len(pages) // 2] <= 2, pages  # the median module
    assert max(pages) <= 2, pages


def caption_font_sizes(page: Page) -> list[float]:
    """The font size of each caption cue the player draws (in its own shadow tree, read through CDP)."""
    cdp = page.context.new_cdp_session(page)
    found: list[int] = []

    def walk(node: dict) -> None:
        attributes = node.get("attributes", [])
        if "pseudo" in attributes and attributes[attributes.index("pseudo") + 1] == "cue":
            found.append(node["nodeId"])
        for child in node.get("children", []) + node.get("shadowRoots", []):
            walk(child)

    walk(cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"])
    cdp.send("CSS.enable")  # after the DOM agent, which getDocument enables
    styles = [cdp.send("CSS.getComputedStyleForNode", {"nodeId": node})["computedStyle"] for node in found]
    return [float(next(p["value"] for p in style if p["name"] == "font-size").removesuffix("px")) for style in styles]


def test_captions_are_readable_on_a_phone(page: Page, site: ServedSite) -> None:
    page.set_viewport_size({"width": 392, "height": 800})  # the video is 360 px wide
    page.goto(site.url + "module-demo.html")
    video = page.locator("video")
    video.scroll_into_view_if_needed()
    assert round(video.bounding_box()["width"]) == 360
    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function("() => [...document.querySelector('video').textTracks].some(t => t.mode === 'showing' && t.activeCues && t.activeCues.length)")
    sizes = caption_font_sizes(page)
    assert sizes and min(sizes) >= 14, sizes  # players draw 5% of the height: 10 px
