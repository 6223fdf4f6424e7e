"""Checklists in a strict build: translators' mistakes fail it with file and line; the guide's
own checklists come out saved by id, in every language."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import LANGUAGES, BuiltSite
from tests.support.build import make_fixture_project, mkdocs_build

ENGLISH = """\
---
description: Steps.
---

# Steps {#steps}

/// checklist | Before you send your submission
    id: submission-ready

- [ ] Count the words {#word-count}
- [ ] Ask for consent {#consent}
- [ ] Give sources {#sources}
///
"""
# Front matter of a different length than the English page's: lines are the file's own.
FRENCH = """\
---
description: Étapes.
title: Étapes
---

# Étapes {#steps}

/// checklist | Avant l'envoi
    id: submission-ready

- [ ] Compter les mots {#word-count}
- [ ] Demander l'accord {#consentement}
- [ ] Citer les sources
///
"""
SPANISH = """\
---
description: Pasos.
---

# Pasos {#steps}

/// checklist | Antes de enviar
    id: listo-para-enviar

- [ ] Contar las palabras {#word-count}
- [ ] Pedir el acuerdo {#consent}
- [ ] Dar las fuentes {#sources}
///
"""
AGAIN = """\
---
description: Again.
---

# Again {#again}

/// checklist | The same id again
    id: submission-ready

- [ ] A step {#step}
- [ ] Another step {#step}
///
"""


def test_translators_mistakes_fail_the_strict_build_naming_file_line_and_fix(tmp_path: Path) -> None:
    pages = {
        "en/index.md": "---\ndescription: Home.\n---\n\n# Home {#home}\n",
        "en/steps.md": ENGLISH,
        "en/again.md": AGAIN,
        "fr/steps.md": FRENCH,
        "es/steps.md": SPANISH,
    }
    project = make_fixture_project(tmp_path, pages)
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert not result.ok, result.replicate()
    warnings = sorted(line.split("hooks/checklists: ", 1)[1] for line in result.output.splitlines() if "hooks/checklists: " in line)
    assert len(warnings) == len(set(warnings)), "a problem was reported more than once"
    assert warnings == [
        "docs/en/again.md:11: step id 'step' is already used on line 10: give each step its own id",
        "docs/en/steps.md:7: checklist id 'submission-ready' is already used at docs/en/again.md:7: give each checklist its own id (progress is saved by id)",
        # every language in one pass: the Spanish mistake shows although French has some too
        "docs/es/steps.md:7: checklist id 'listo-para-enviar' is not in the English page: the English checklist here is 'submission-ready' (docs/en/steps.md:7); write `id: submission-ready`",
        "docs/fr/steps.md:12: step id 'consentement' is not in the English checklist 'submission-ready': the English step here is 'consent' (docs/en/steps.md:11); write `{#consent}`",
        "docs/fr/steps.md:13: step 'Citer les sources' has no id: add one at the end of its text, e.g. `{#citer-les-sources}`, the same in all three languages",
        "docs/fr/steps.md:8: step 'sources' of the English checklist (docs/en/steps.md:12) is missing here: translate it as `- [ ] ... {#sources}`",
    ], result.output


def test_the_site_refuses_to_build_without_the_markdown_extension(tmp_path: Path) -> None:
    pages = {"en/index.md": "---\ndescription: Home.\n---\n\n# Home {#home}\n"}
    project = make_fixture_project(tmp_path, pages, config_changes={"markdown_extensions": ["attr_list", "pymdownx.tasklist"]})
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert not result.ok
    assert "hooks/checklists.py needs 'advocacy_guide.markdown.checklist' under markdown_extensions in mkdocs.yml" in result.output


class ChecklistMarkup(HTMLParser):
    """Checklists and steps of a built page, and the home page's overview."""

    def __init__(self) -> None:
        super().__init__()
        self.checklists: dict[str, list[str]] = {}
        self.steps_without_id = 0
        self.checklists_without_id = 0
        self.overview: dict[str, list[str]] = {}
        self._current: str | None = None
        self._in_overview = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "fieldset" and "checklist" in classes:
            self._current = values.get("data-checklist")
            if self._current is None:
                self.checklists_without_id += 1
            else:
                self.checklists[self._current] = []
        elif tag == "li" and "checklist__step" in classes:
            if values.get("data-step") and self._current:
                self.checklists[self._current].append(values["data-step"] or "")
            else:
                self.steps_without_id += 1
        elif tag == "section" and "checklist-overview" in classes:
            self._in_overview = True
        elif tag == "li" and self._in_overview and values.get("data-checklist"):
            self.overview[values["data-checklist"] or ""] = (values.get("data-steps") or "").split()

    def handle_endtag(self, tag: str) -> None:
        if tag == "fieldset":
            self._current = None
        if tag == "section":
            self._in_overview = False


def markup(path: Path) -> ChecklistMarkup:
    parser = ChecklistMarkup()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_the_guides_checklists_are_saved_by_id_and_listed_on_each_home_page(built_site: BuiltSite) -> None:
    found: dict[str, dict[str, list[str]]] = {language: {} for language in LANGUAGES}
    for language in LANGUAGES:
        for path in built_site.content_pages(language):
            page = markup(built_site.dir / path)
            assert page.checklists_without_id == 0 and page.steps_without_id == 0, path
            assert not re.search(r"^/{3,} ?checklist", (built_site.dir / path).read_text(encoding="utf-8"), re.M), f"{path}: a checklist left as text"
            found[language].update(page.checklists)
    assert found["en"], "the guide has no checklist yet"
    # the same checklists and steps in every language: a tick in one shows in the others
    assert found["fr"] == found["en"]
    assert found["es"] == found["en"]
    for language in LANGUAGES:
        home = built_site.dir / ("index.html" if language == "en" else f"{language}/index.html")
        assert markup(home).overview == found[language], home


class JumpLines(HTMLParser):
    """The links of a page's `checklist-jump` line, and whether it comes before the title."""

    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}  # checklist id -> text read by a screen reader
        self.before_title = False
        self.language = ""
        self._in_line = False
        self._current: str | None = None
        self._hidden_depth = 0
        self._seen_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "h1":
            self._seen_title = True
        if tag == "p" and "checklist-jump" in (values.get("class") or "").split():
            self._in_line = True
            self.before_title = not self._seen_title
            self.language = values.get("lang") or ""
        elif self._in_line and tag == "a":
            self._current = values.get("data-checklist-jump")
            assert values.get("href") == f"#checklist-{self._current}"
            self.links[self._current or ""] = ""
        elif self._current and tag == "span" and values.get("aria-hidden") == "true":
            self._hidden_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._hidden_depth:
            self._hidden_depth -= 1
        elif tag == "a":
            self._current = None
        elif tag == "p":
            self._in_line = False

    def handle_data(self, data: str) -> None:
        if self._current and not self._hidden_depth:
            self.links[self._current] += data


STEPS_WORD = {"en": "Checklist: {n} steps", "fr": "Liste de contrôle\u202f: {n} étapes", "es": "Lista de verificación: {n} pasos"}


def test_every_stage_page_starts_with_a_link_to_its_checklist_in_its_language(built_site: BuiltSite) -> None:
    """Without JavaScript the line says how many steps there are; the script adds the count."""
    stage_pages = 0
    for language in LANGUAGES:
        for path in built_site.content_pages(language):
            html = (built_site.dir / path).read_text(encoding="utf-8")
            checklists = markup(built_site.dir / path).checklists
            line = JumpLines()
            line.feed(html)
            assert set(line.links) == set(checklists), path
            if not checklists:
                continue
            stage_pages += 1
            assert line.before_title and line.language == language, path
            for checklist_id, steps in checklists.items():
                text = re.sub(r"[ \t\n]+", " ", line.links[checklist_id]).strip()  # keeps French \u202f
                assert text == STEPS_WORD[language].format(n=len(steps)), (path, text)
    assert stage_pages >= 3 * 10, "fewer stage pages than the guide has"
