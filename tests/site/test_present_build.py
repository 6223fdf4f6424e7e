"""Trainer mode in the built HTML: the Present button, the notes' titles, and the mistakes a
translator can make, each failing `mkdocs build --strict` with its file and line."""

from __future__ import annotations

import re

import pytest

from tests.support.build import BuildResult, make_fixture_project, mkdocs_build

FRONT = "---\ndescription: A page.\n---\n\n"
MODULE_EN = FRONT + '# Module {#module}\n\nIntro.\n\n## Notes {#notes}\n\n??? facilitator "For trainers"\n    Plan.\n'


def build(tmp_path_factory: pytest.TempPathFactory, name: str, pages: dict[str, str]) -> BuildResult:
    tmp = tmp_path_factory.mktemp(name)
    project = make_fixture_project(tmp, pages)
    return mkdocs_build(project, tmp / "site", "http://127.0.0.1:8000/")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    pages = {
        "en/index.md": FRONT + "# Home {#home}\n\nWelcome.\n",
        "en/module-one.md": MODULE_EN,
        "en/module-quiet.md": "---\ndescription: Quiet.\npresent: false\n---\n\n# Quiet module {#quiet}\n\nText.\n",
        "en/module-untranslated.md": MODULE_EN,
        "en/flagged.md": "---\ndescription: Flagged.\npresent: yes\n---\n\n# Flagged {#flagged}\n\nText.\n",
        "fr/index.md": FRONT + "# Accueil {#home}\n\nBienvenue.\n",
        # no title: the build writes the French one
        "fr/module-one.md": FRONT + "# Module {#module}\n\nIntro.\n\n## Notes {#notes}\n\n??? facilitator\n    Plan.\n",
        "fr/module-quiet.md": "---\ndescription: Calme.\npresent: false\n---\n\n# Module calme {#quiet}\n\nTexte.\n",
        "fr/flagged.md": "---\ndescription: Marquée.\npresent: true\n---\n\n# Marquée {#flagged}\n\nTexte.\n",
    }
    result = build(tmp_path_factory, "present-good", pages)
    assert result.ok, f"{result.output}\n{result.replicate()}"
    return result


def html(result: BuildResult, path: str) -> str:
    return (result.site_dir / path).read_text(encoding="utf-8")


def test_the_present_button_is_on_modules_and_flagged_pages(good: BuildResult) -> None:
    button = re.compile(r'<a class="md-button present-open" href="\?present" lang="(\w+)" hidden>(.*?)</a>')
    assert button.findall(html(good, "module-one.html")) == [("en", "Present")]
    assert button.findall(html(good, "fr/module-one.html")) == [("fr", "Présenter")]
    assert button.findall(html(good, "flagged.html")) == [("en", "Present")]  # `present: yes` is YAML's true
    assert button.findall(html(good, "fr/flagged.html")) == [("fr", "Présenter")]
    # in the reader's language, inside an article marked as English because it is not translated
    assert button.findall(html(good, "fr/module-untranslated.html")) == [("fr", "Présenter")]
    assert '<article class="md-content__inner md-typeset" lang="en">' in html(good, "fr/module-untranslated.html")
    for path in ["index.html", "module-quiet.html", "fr/module-quiet.html", "fr/index.html"]:
        assert button.findall(html(good, path)) == [], path


def test_a_missing_title_gets_the_page_language_one(good: BuildResult) -> None:
    assert '<details class="facilitator">\n<summary>Pour les formateurs</summary>' in html(good, "fr/module-one.html")
    assert '<details class="facilitator">\n<summary>For trainers</summary>' in html(good, "module-one.html")
    # an untranslated module under /fr/ keeps its English words
    assert "<summary>For trainers</summary>" in html(good, "fr/module-untranslated.html")


def test_every_page_carries_the_presentation_templates_in_its_language(good: BuildResult) -> None:
    page = html(good, "fr/index.html")
    assert '<template id="present-ui"' in page and '<template id="present-notes">' in page
    assert 'data-counter="Diapositive {n} sur {total}"' in page
    assert '<nav class="present-bar" aria-label="Commandes de la présentation">' in page
    assert '<span>Version en ligne\u202f: http://127.0.0.1:8000/fr/index.html</span></p>' in page
    # the handout's QR code of the same address, drawn at build time and named in French
    assert '<p class="present-address" lang="fr"><svg role="img" aria-label="Code QR de la version en ligne\u202f: http://127.0.0.1:8000/fr/index.html"' in page
    assert 'src="assets/present.js"' in html(good, "module-one.html")
    assert 'src="../assets/present.js"' in page


@pytest.fixture(scope="module")
def failed(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    pages = {
        "en/index.md": FRONT + "# Home {#home}\n\nWelcome.\n",
        "en/module-one.md": MODULE_EN + '\n!!! facilitator "For trainers"\n    Open box.\n',
        "en/maybe.md": "---\ndescription: Maybe.\npresent: maybe\n---\n\n# Maybe {#maybe}\n\nText.\n",
        "fr/index.md": FRONT + "# Accueil {#home}\n\nBienvenue.\n",
        "fr/module-one.md": FRONT + '# Module {#module}\n\nIntro.\n\n## Notes {#notes}\n\n??? facilitator "For trainers"\n    Plan.\n',
    }
    return build(tmp_path_factory, "present-failed", pages)


def test_the_strict_build_fails(failed: BuildResult) -> None:
    assert not failed.ok, failed.output
    assert "Aborted with" in failed.output


@pytest.mark.parametrize(
    "message",
    [
        "docs/fr/module-one.md:11: the facilitator notes' title \"For trainers\" is the English one; "
        "on a French page write '??? facilitator \"Pour les formateurs\"'",
        "docs/en/module-one.md:14: facilitator notes are a box that readers open themselves: "
        "write '??? facilitator \"For trainers\"' (not '!!!')",
        "docs/en/maybe.md:3: 'present: maybe' must be 'present: true' (show the Present button) or 'present: false' (hide it)",
    ],
)
def test_each_mistake_is_named_with_its_file_and_line(failed: BuildResult, message: str) -> None:
    assert message in failed.output, failed.output
    assert failed.output.count(message) == 1  # once, not once per language build
