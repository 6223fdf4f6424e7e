"""The guide's content (issue 3): the same pages in every language, explicit heading ids, and the
sections each kind of page must have.

These read the Markdown sources directly, so an author sees which file and line is wrong without
building the site. The ids of each translation against its English page (headings, checklists,
steps, videos) are `advocacy-guide translations --check`'s job: the last test runs it here.
"""

from __future__ import annotations

import re

import pytest

from advocacy_guide.markdown.source import read_source
from advocacy_guide.translations.structure import extract_structure
from tests.support.build import REPO
from tests.support.translation_repo import run

DOCS = REPO / "docs"
TRANSLATIONS = ("fr", "es")
# The "Engaging step by step" pages: each must end its practical part with a checklist.
STAGE_PAGES = (
    "plan-coalition.md",
    "list-of-issues.md",
    "written-submission.md",
    "briefing-dialogue.md",
    "concluding-observations.md",
    "follow-up.md",
)
MODULE_PAGES = sorted(p.name for p in (DOCS / "en").glob("module-*.md"))
ENGLISH_PAGES = sorted(p.name for p in (DOCS / "en").glob("*.md"))


def structure(language: str, page: str):
    return extract_structure((DOCS / language / page).read_text(encoding="utf-8"))


def test_every_language_has_the_same_pages_and_enough_of_them() -> None:
    assert len(ENGLISH_PAGES) >= 14
    for language in TRANSLATIONS:
        assert sorted(p.name for p in (DOCS / language).glob("*.md")) == ENGLISH_PAGES, language


@pytest.mark.parametrize("language", ("en",) + TRANSLATIONS)
def test_every_heading_has_an_explicit_id(language: str) -> None:
    missing = []
    for path in sorted((DOCS / language).glob("*.md")):
        source = read_source(path.read_text(encoding="utf-8"))
        for heading in source.headings:
            if not heading.markup.startswith(" ") and heading.id is None:
                missing.append(f"{path.relative_to(REPO)}:{heading.line}: {heading.markup.strip()}")
    assert missing == [], "headings without {#id}:\n" + "\n".join(missing)


def test_every_stage_page_has_a_checklist_of_concrete_steps() -> None:
    for page in STAGE_PAGES:
        english = structure("en", page)
        assert english.checklists, f"docs/en/{page} has no checklist"
        assert len(english.steps) >= 4, f"docs/en/{page}: only {len(english.steps)} steps"


@pytest.mark.parametrize("page", MODULE_PAGES)
def test_every_module_has_the_module_sections_a_video_and_a_checklist(page: str) -> None:
    english = structure("en", page)
    ids = {h.value for h in english.headings}
    assert {"objectives", "story", "discussion", "checklist", "facilitator-notes"} <= ids, page
    assert len(english.videos) == 1, page
    assert english.checklists, page
    text = (DOCS / "en" / page).read_text(encoding="utf-8")
    assert re.search(r'^\?\?\? facilitator "For trainers"', text, re.M), f"{page}: no facilitator notes"
    assert re.search(r"fictional", text, re.I), f"{page}: the story must say it is fictional"


def english_prose_words() -> int:
    total = 0
    for path in (DOCS / "en").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        body = "\n".join(text.split("\n")[read_source(text).front_matter.line_count :])
        body = re.sub(r"```.*?```", " ", body, flags=re.S)  # code blocks (templates) are not prose
        body = re.sub(r"<[^>]+>|\{[^}]*\}|\([^)]*\.md[^)]*\)|https?://\S+", " ", body)
        total += len(re.findall(r"[A-Za-z][A-Za-z'’-]*", body))
    return total


def test_the_english_guide_has_at_least_12000_words_of_prose() -> None:
    assert english_prose_words() >= 12000


@pytest.mark.parametrize(
    ("language", "wrong"),
    [("fr", r"liste des questions"), ("es", r"per[ií]odo de sesi[oó]n\b"), ("fr", r"Conseil des droits de l'homme de l'ONU a examiné")],
)
def test_no_known_wrong_term(language: str, wrong: str) -> None:
    for path in (DOCS / language).glob("*.md"):
        assert not re.search(wrong, path.read_text(encoding="utf-8"), re.I), f"{path.relative_to(REPO)}: {wrong}"


def test_no_translation_of_the_repository_is_broken(capsys: pytest.CaptureFixture[str]) -> None:
    """`advocacy-guide translations --check --fail-on broken`, as `make test` and CI run it: a
    translation stamped up to date has its English page's heading, checklist, step and video
    ids, and only official terms (advocacy_guide.translations.status)."""
    code, out, err = run(capsys, "--root", str(REPO), "--check", "--fail-on", "broken")
    assert code == 0, out + err
    assert re.search(r"^fr: \d+ ", out, re.M) and re.search(r"^es: \d+ ", out, re.M), f"not every language was checked:\n{out}"
