"""The phone layout of stage pages and home pages (issue 14, section 3), at 360 x 780 in Chromium,
on a small trilingual fixture site: the link to the checklist at the top of a stage page, the
home page's "Continue where you left off", the size of boxes and steps, the English home page's
offer to switch language, and pages that speak their own language to the footer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.build import make_fixture_project
from tests.support.fixture_site import served_build
from tests.support.gates import axe_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}
OFFER_KEY = "advocacy-guide:language-offer"


def _page(description: str, body: str) -> str:
    return f"---\ndescription: {description}\n---\n\n{body}"


def _checklist(title: str, checklist_id: str, steps: list[tuple[str, str]]) -> str:
    lines = "\n".join(f"- [ ] {text} {{#{step_id}}}" for text, step_id in steps)
    return f"/// checklist | {title}\n    id: {checklist_id}\n\n{lines}\n///\n"


def _stage(title: str, intro: str, checklist: str) -> str:
    # Enough text above the checklist that it starts below the first screen of a phone.
    filler = "\n\n".join(f"{intro}: what to do, when, and with whom ({n})." for n in range(20))
    return _page(title, f"# {title} {{#stage}}\n\n{filler}\n\n## {title} {{#steps}}\n\n{checklist}")


# Per language: the home page, a stage page with 3 steps, one with 2 and one with 2 more.
TEXTS = {
    "en": ("Civil Society Advocacy Guide", "Write the submission", "Before you send your submission", ["Count the words", "Ask every person you quote", "Give a source for every figure"],
           "Go to Geneva", "Before you travel", ["Book the flight", "Register for the session"], "Follow up", "After the session", ["Share the concluding observations", "Plan your follow-up work"]),
    "fr": ("Guide de plaidoyer", "Rédiger la contribution", "Avant d'envoyer votre contribution", ["Compter les mots", "Demander l'accord de chaque personne citée", "Donner une source pour chaque chiffre"],
           "Aller à Genève", "Avant le voyage", ["Réserver le vol", "S'inscrire à la session"], "Le suivi", "Après la session", ["Partager les observations finales", "Planifier le suivi"]),
    "es": ("Guía de incidencia", "Redactar la contribución", "Antes de enviar su contribución", ["Contar las palabras", "Pedir el acuerdo de cada persona citada", "Dar una fuente para cada cifra"],
           "Viajar a Ginebra", "Antes del viaje", ["Reservar el vuelo", "Inscribirse en el período de sesiones"], "El seguimiento", "Después del período de sesiones", ["Compartir las observaciones finales", "Planificar el seguimiento"]),
}


def _pages() -> dict[str, str]:
    pages: dict[str, str] = {}
    for language, (home, stage, first, first_steps, geneva, second, second_steps, follow, third, third_steps) in TEXTS.items():
        pages[f"{language}/index.md"] = _page(home, f"# {home} {{#home}}\n\n[{stage}](steps.md)\n")
        pages[f"{language}/steps.md"] = _stage(stage, stage, _checklist(first, "submission-ready", list(zip(first_steps, ("word-count", "consent", "sources")))))
        pages[f"{language}/geneva.md"] = _stage(geneva, geneva, _checklist(second, "geneva-travel", list(zip(second_steps, ("flight", "register")))))
        pages[f"{language}/follow-up.md"] = _stage(follow, follow, _checklist(third, "follow-up", list(zip(third_steps, ("share", "plan")))))
    return pages


PAGES = _pages()


def prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("phone")
    with served_build(make_fixture_project(tmp, PAGES), tmp / "site") as served:
        yield served.url


@contextmanager
def phone(browser: Browser, locale: str = "en-US", **options: object) -> Iterator[Page]:
    """A fresh phone: its own storage, a 360 x 780 screen, touch, and the browser's language."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale=locale, service_workers="block", **options)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        assert errors == []
    finally:
        context.close()


def tick(page: Page, text: str) -> None:
    box = page.get_by_role("checkbox", name=text)
    box.tap()
    expect(box).to_be_checked()


# -----------------------------------------------------------------------------
# The line at the top of a stage page
# -----------------------------------------------------------------------------

JUMP = {
    "en": ("Checklist: 3 steps", "Checklist: {done} of 3 steps done"),
    "fr": ("Liste de contrôle\u202f: 3 étapes", "Liste de contrôle\u202f: {done} sur 3 étapes terminées"),
    "es": ("Lista de verificación: 3 pasos", "Lista de verificación: {done} de 3 pasos completados"),
}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_stage_page_starts_with_a_link_to_its_checklist_that_counts_the_readers_ticks(browser: Browser, site: str, language: str) -> None:
    steps = TEXTS[language][3]
    with phone(browser) as page:
        page.goto(f"{site}{prefix(language)}steps.html")
        link = page.get_by_role("link", name=JUMP[language][1].format(done=0), exact=True)
        expect(link).to_be_visible()  # its name leaves out the arrow, hidden from screen readers
        expect(link).to_have_attribute("href", "#checklist-submission-ready")
        # above the title, out of any live region: a tick updates it without a word
        assert link.evaluate("a => !!(a.compareDocumentPosition(document.querySelector('article h1')) & Node.DOCUMENT_POSITION_FOLLOWING)")
        assert link.evaluate("a => !a.closest('[aria-live], [role=status], [role=alert], [role=log]')")
        checklist = page.locator("#checklist-submission-ready")
        expect(checklist).not_to_be_in_viewport()
        tick(page, steps[0])
        tick(page, steps[2])
        page.reload()
        link = page.get_by_role("link", name=JUMP[language][1].format(done=2), exact=True)
        expect(link).to_be_visible()
        link.tap()
        expect(page).to_have_url(f"{site}{prefix(language)}steps.html#checklist-submission-ready")
        expect(checklist).to_be_in_viewport()


def test_without_javascript_the_line_says_how_many_steps_and_still_leads_there(browser: Browser, site: str) -> None:
    with phone(browser, java_script_enabled=False) as page:
        for language in ("en", "fr", "es"):
            page.goto(f"{site}{prefix(language)}steps.html")
            link = page.locator(".checklist-jump a")
            expect(link).to_have_text(JUMP[language][0] + " ↓")
            expect(page.get_by_role("link", name=JUMP[language][0], exact=True)).to_be_visible()
            link.tap()
            expect(page).to_have_url(f"{site}{prefix(language)}steps.html#checklist-submission-ready")
            expect(page.locator("#checklist-submission-ready")).to_be_in_viewport()


# -----------------------------------------------------------------------------
# "Continue where you left off" on each home page
# -----------------------------------------------------------------------------

CONTINUE = {
    "en": ("Continue where you left off", "Steps done: 1 of 3"),
    "fr": ("Reprendre là où vous en étiez", "Étapes terminées\u202f: 1 sur 3"),
    "es": ("Continuar donde lo dejó", "Pasos completados: 1 de 3"),
}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_home_page_lists_the_checklists_the_reader_started_first(browser: Browser, site: str, language: str) -> None:
    _, _, first, first_steps, _, second, _, _, third, third_steps = TEXTS[language]
    with phone(browser) as page:
        page.goto(f"{site}{prefix(language)}steps.html")
        tick(page, first_steps[1])
        page.goto(f"{site}{prefix(language)}follow-up.html")  # finished: nothing left to continue
        tick(page, third_steps[0])
        tick(page, third_steps[1])
        page.goto(f"{site}{prefix(language)}index.html")
        heading, count = CONTINUE[language]
        resume = page.get_by_role("region", name=heading)
        expect(resume).to_be_visible()
        items = resume.get_by_role("listitem")
        expect(items).to_have_count(1)
        expect(items.first).to_contain_text(first)
        expect(items.first).to_contain_text(count)
        expect(resume.get_by_role("link", name=second)).to_have_count(0)  # not started
        expect(resume.get_by_role("link", name=third)).to_have_count(0)
        # under the page's title, before the list of every checklist
        assert resume.evaluate("section => section.previousElementSibling.tagName") == "H1"
        overview = page.locator(".checklist-overview")
        expect(overview.get_by_role("link", name=second)).to_be_visible()
        assert resume.evaluate("(section, overview) => !!(section.compareDocumentPosition(overview) & Node.DOCUMENT_POSITION_FOLLOWING)", overview.element_handle())
        resume.get_by_role("link", name=first).tap()
        expect(page).to_have_url(f"{site}{prefix(language)}steps.html#checklist-submission-ready")
        expect(page.get_by_role("checkbox", name=first_steps[1])).to_be_checked()


def test_a_reader_who_started_nothing_sees_no_continue_list(browser: Browser, site: str) -> None:
    with phone(browser) as page:
        page.goto(site + "index.html")
        expect(page.locator(".checklist-overview")).to_contain_text("Steps done across the guide: 0 of 7")  # the script ran
        expect(page.locator(".checklist-continue")).to_be_hidden()
        expect(page.get_by_text("Continue where you left off")).to_have_count(1)
        expect(page.get_by_text("Continue where you left off")).to_be_hidden()


def test_finishing_and_erasing_empty_the_continue_list(browser: Browser, site: str) -> None:
    _, _, first, first_steps, *_ = TEXTS["en"]
    with phone(browser) as page:
        page.goto(site + "steps.html")
        tick(page, first_steps[0])
        page.goto(site + "index.html")
        resume = page.get_by_role("region", name="Continue where you left off")
        expect(resume.get_by_role("link", name=first)).to_be_visible()
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="Erase my progress").tap()
        expect(resume).to_be_hidden()
        page.goto(site + "steps.html")
        for step in first_steps:
            tick(page, step)
        page.goto(site + "index.html")
        expect(page.locator(".checklist-overview")).to_contain_text("Steps done across the guide: 3 of 7")
        expect(resume).to_be_hidden()


# -----------------------------------------------------------------------------
# Boxes and steps on a 360 px screen
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_boxes_are_at_least_24_px_and_steps_keep_most_of_the_width(browser: Browser, site: str, language: str) -> None:
    with phone(browser) as page:
        page.goto(f"{site}{prefix(language)}steps.html")
        steps = page.locator("#checklist-submission-ready .checklist__step")
        expect(steps).to_have_count(3)
        width = page.evaluate("document.documentElement.clientWidth")
        assert width == 360
        for index in range(3):
            step = steps.nth(index)
            box = step.locator(".checklist__box").bounding_box()
            text = step.locator(".checklist__text").bounding_box()
            assert box is not None and text is not None
            assert box["width"] >= 24 and box["height"] >= 24, box
            assert text["width"] >= 0.8 * width, f"step {index + 1}: {text['width']:.0f} px of {width}"
            assert text["x"] >= 0 and text["x"] + text["width"] <= width  # nothing off screen
        assert page.evaluate("document.documentElement.scrollWidth") == width  # no sideways scrolling
        jump = page.locator(".checklist-jump a").bounding_box()
        assert jump is not None and jump["height"] >= 24, jump  # the link at the top: a target too


# -----------------------------------------------------------------------------
# The English home page's offer to switch language
# -----------------------------------------------------------------------------

OFFER = {"fr": ("Lire cette page en français", "Non merci"), "es": ("Leer esta página en español", "No, gracias")}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_reader_whose_browser_prefers_french_or_spanish_is_offered_the_page_in_it(browser: Browser, site: str, language: str) -> None:
    switch, dismiss = OFFER[language]
    with phone(browser, locale=f"{language}-{'FR' if language == 'fr' else 'MX'}") as page:
        page.goto(site + "index.html")
        offer = page.locator(f'[data-language-offer="{language}"]')
        expect(offer).to_be_visible()
        expect(offer).to_have_attribute("lang", language)
        expect(page.locator("[data-language-offer]:visible")).to_have_count(1)
        assert offer.evaluate("el => el.getBoundingClientRect().height") < 60, "more than a line"
        expect(page).to_have_url(site + "index.html")  # an offer, never a redirect
        offer.get_by_role("link", name=switch).tap()
        expect(page).to_have_url(f"{site}{language}/index.html")
        expect(page.locator("html")).to_have_attribute("lang", language)
        page.go_back()
        expect(page).to_have_url(site + "index.html")
        offer.get_by_role("button", name=dismiss).tap()
        expect(offer).to_be_hidden()
        expect(page.locator("article h1")).to_be_focused()  # not lost with the button
        assert page.evaluate(f"localStorage.getItem('{OFFER_KEY}')") == "dismissed"
        page.reload()
        expect(page.locator(".checklist-overview")).to_be_visible()  # the scripts ran (the offer's first)
        expect(page.locator("[data-language-offer]:visible")).to_have_count(0)


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_an_english_browser_is_offered_nothing(browser: Browser, site: str, locale: str) -> None:
    with phone(browser, locale=locale) as page:
        page.goto(site + "index.html")
        expect(page.locator(".checklist-overview")).to_be_visible()
        expect(page.locator("[data-language-offer]")).to_have_count(2)  # there, in case
        expect(page.locator("[data-language-offer]:visible")).to_have_count(0)


def test_the_first_of_the_readers_languages_the_guide_has_decides(browser: Browser, site: str) -> None:
    """German first (not in the guide), then Spanish, then French: Spanish is offered. English
    before French: nothing. French on a French page: nothing (only the English home offers)."""
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    try:
        page = context.new_page()
        page.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => window.__languages || ['de-DE', 'es-419', 'fr-FR']})")
        page.goto(site + "index.html")
        expect(page.locator('[data-language-offer="es"]')).to_be_visible()
        expect(page.locator('[data-language-offer="fr"]')).to_be_hidden()
        page.add_init_script("window.__languages = ['en-US', 'fr-FR']")
        page.reload()
        expect(page.locator(".checklist-overview")).to_be_visible()
        expect(page.locator("[data-language-offer]:visible")).to_have_count(0)
    finally:
        context.close()
    with phone(browser, locale="fr-FR") as page:
        page.goto(site + "fr/index.html")
        expect(page.locator(".checklist-overview")).to_be_visible()
        expect(page.locator("[data-language-offer]")).to_have_count(0)


def test_with_storage_blocked_the_offer_still_works_and_is_dismissed_for_the_visit(browser: Browser, site: str) -> None:
    blocked = """for (const name of ["localStorage", "sessionStorage"]) {
      Object.defineProperty(window, name, {configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});
    }"""
    with phone(browser, locale="fr-FR") as page:
        page.add_init_script(blocked)
        page.goto(site + "index.html")
        offer = page.locator('[data-language-offer="fr"]')
        expect(offer).to_be_visible()
        offer.get_by_role("button", name="Non merci").tap()
        expect(offer).to_be_hidden()  # phone() asserts no uncaught error


def test_only_a_translation_that_exists_is_offered(browser: Browser, tmp_path: Path) -> None:
    """Without es/index.md the Spanish home page is the English one: a Spanish reader is offered
    nothing, a French one still French."""
    pages = {name: text for name, text in PAGES.items() if name != "es/index.md"}
    with served_build(make_fixture_project(tmp_path, pages), tmp_path / "site") as served:
        with phone(browser, locale="es-MX") as page:
            page.goto(served.url + "index.html")
            expect(page.locator(".checklist-overview")).to_be_visible()
            expect(page.locator('[data-language-offer="es"]')).to_have_count(0)
            expect(page.locator("[data-language-offer]:visible")).to_have_count(0)
        with phone(browser, locale="fr-FR") as page:
            page.goto(served.url + "index.html")
            expect(page.locator('[data-language-offer="fr"]')).to_be_visible()


# -----------------------------------------------------------------------------
# The page's own language everywhere
# -----------------------------------------------------------------------------

FOOTER = {"fr": "Réalisé avec Material for MkDocs", "es": "Hecho con Material for MkDocs"}
PERMALINK = {"fr": "Lien permanent", "es": "Enlace permanente"}
# Material's and the site's English texts, any of which on a French or Spanish page is a miss.
ENGLISH = ("Made with", "Permanent link", "Skip to content", "Checklist", "Steps done", "Continue where", "Erase my progress", "Back to top", "Search", "Previous", "Next", "Footer", "Header", "Table of contents", "Share", "Copy to clipboard", "Select language")


@pytest.mark.parametrize("language", ["fr", "es"])
def test_french_and_spanish_pages_have_no_english_in_their_footer_labels_and_controls(browser: Browser, site: str, language: str) -> None:
    with phone(browser, locale="fr-FR" if language == "fr" else "es-MX") as page:
        page.goto(f"{site}{language}/steps.html")
        footer = page.locator(".md-copyright")
        expect(footer).to_have_text(FOOTER[language])
        product = footer.get_by_role("link", name="Material for MkDocs")
        expect(product).to_have_attribute("lang", "en")  # a name, read as English
        expect(page.locator(".headerlink").first).to_have_attribute("title", PERMALINK[language])
        expect(page.locator(".checklist__progress").first).to_be_visible()  # the controls are in
        # Everything a reader or a screen reader meets, except the name of Material for MkDocs:
        # texts, names and titles, and the labels Material's own script writes.
        seen = page.evaluate(
            """() => {
              const texts = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.parentElement.closest("script, style, template, [lang=en]")) texts.push(node.textContent);
              }
              for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
                for (const name of ["aria-label", "title", "placeholder", "alt"]) if (el.hasAttribute(name)) texts.push(el.getAttribute(name));
              }
              texts.push(document.title);
              return texts.join("\\n");
            }"""
        )
        found = [word for word in ENGLISH if word in seen]
        assert found == [], f"English on {language}/steps.html: {found}"


# -----------------------------------------------------------------------------
# axe on every changed page, in three languages, with each feature showing
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_axe_finds_no_violation_on_the_phone_layout(browser: Browser, site: str, language: str) -> None:
    steps = TEXTS[language][3]
    with phone(browser, locale="fr-FR" if language == "en" else "en-US") as page:
        page.goto(f"{site}{prefix(language)}steps.html")
        tick(page, steps[0])
        expect(page.locator(".checklist-jump a").first).to_contain_text("1")
        problems = axe_violations(page)
        page.goto(f"{site}{prefix(language)}index.html")
        expect(page.locator(".checklist-continue")).to_be_visible()
        if language == "en":
            expect(page.locator('[data-language-offer="fr"]')).to_be_visible()
        problems += axe_violations(page)
        assert problems == [], "\n".join(problems)
