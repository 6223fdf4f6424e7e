"""How fresh a page is, in the built site: the date its facts were last checked, in the reader's
language, and the mistakes that fail `mkdocs build --strict` with their file and line."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from tests.support.build import BuildResult, make_fixture_project, mkdocs_build

REQUIRED = {"extra": {"freshness": "required"}}
REVIEWED = re.compile(r'<p class="page-reviewed" lang="(\w+)">(.*?) <time datetime="([\d-]+)">(.*?)</time></p>')


def page(title: str, anchor: str, reviewed: str | None, description: str = "A page.") -> str:
    front = f"description: {description}\n" + (f"reviewed: {reviewed}\n" if reviewed else "")
    return f"---\n{front}---\n\n# {title} {{#{anchor}}}\n\nText.\n"


def build(tmp_path_factory: pytest.TempPathFactory, name: str, pages: dict[str, str]) -> BuildResult:
    tmp = tmp_path_factory.mktemp(name)
    project = make_fixture_project(tmp, pages, config_changes=REQUIRED)
    return mkdocs_build(project, tmp / "site", "http://127.0.0.1:8000/")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    pages = {
        "en/index.md": page("Home", "home", "2026-11-20"),
        "en/follow-up.md": page("Follow-up", "follow-up", "2026-12-01"),
        "fr/index.md": page("Accueil", "home", "2026-11-25"),
        "es/index.md": page("Inicio", "home", "2026-10-02"),
        # no French or Spanish follow-up.md: the English page is shown, with its date
    }
    result = build(tmp_path_factory, "freshness-good", pages)
    assert result.ok, f"{result.output}\n{result.replicate()}"
    return result


def reviewed_line(result: BuildResult, path: str) -> list[tuple[str, str, str, str]]:
    return REVIEWED.findall((result.site_dir / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("index.html", ("en", "Facts last checked on", "2026-11-20", "20 November 2026")),
        ("follow-up.html", ("en", "Facts last checked on", "2026-12-01", "1 December 2026")),
        # each translation shows its own date
        ("fr/index.html", ("fr", "Informations vérifiées le", "2026-11-25", "25 novembre 2026")),
        ("es/index.html", ("es", "Información verificada el", "2026-10-02", "2 de octubre de 2026")),
        # an untranslated page shows the English page's date, said in the reader's language
        ("fr/follow-up.html", ("fr", "Informations vérifiées le", "2026-12-01", "1er décembre 2026")),
        ("es/follow-up.html", ("es", "Información verificada el", "2026-12-01", "1 de diciembre de 2026")),
    ],
)
def test_every_page_says_when_its_facts_were_checked(good: BuildResult, path: str, expected: tuple) -> None:
    assert reviewed_line(good, path) == [expected]


def test_the_date_is_inside_the_article(good: BuildResult) -> None:
    html = (good.site_dir / "fr/index.html").read_text(encoding="utf-8")
    article = html[html.index('<article class="md-content__inner md-typeset"') : html.index("</article>")]
    assert '<time datetime="2026-11-25">' in article


@pytest.fixture(scope="module")
def failed(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    pages = {
        "en/index.md": page("Home", "home", "2026-11-20"),
        "en/follow-up.md": page("Follow-up", "follow-up", None),
        "en/safety.md": page("Safety", "safety", "soon"),
        # MkDocs alone would drop this front matter without a word
        "en/geneva.md": page("Geneva", "geneva", "2026-11-20", description="Going to Geneva: what to plan"),
        "fr/index.md": page("Accueil", "home", tomorrow),
        "es/index.md": page("Inicio", "home", "2026-10-02"),
    }
    return build(tmp_path_factory, "freshness-failed", pages)


@pytest.mark.parametrize(
    "message",
    [
        "docs/en/follow-up.md:3: the front matter has no 'reviewed:' date: add a line such as 'reviewed: ",
        "docs/en/safety.md:3: 'reviewed: soon' is not a date: write it as YYYY-MM-DD",
        "docs/fr/index.md:3: 'reviewed: {tomorrow}' is in the future",
        "docs/en/geneva.md:2: the front matter is not valid YAML (mapping values are not allowed here)",
    ],
)
def test_each_mistake_fails_the_build_with_its_file_and_line(failed: BuildResult, message: str) -> None:
    message = message.format(tomorrow=(date.today() + timedelta(days=1)).isoformat())
    assert not failed.ok
    assert message in failed.output, failed.output
    # once, not once per language build (the French and Spanish builds show the English page too)
    assert failed.output.count(message) == 1


def test_french_pages_get_narrow_no_break_spaces_and_others_do_not(tmp_path_factory: pytest.TempPathFactory) -> None:
    pages = {
        "en/index.md": page("Home", "home", "2026-11-20") + "\nWhy? Because: 10 000 words.\n",
        "fr/index.md": page("Accueil", "home", "2026-11-25") + "\nPourquoi ? Parce que : 10 000 mots.\n\n`a : b`\n",
        "es/index.md": page("Inicio", "home", "2026-10-02") + "\n¿Por qué? Porque: 10 000 palabras.\n",
    }
    result = build(tmp_path_factory, "typography", pages)
    assert result.ok, f"{result.output}\n{result.replicate()}"
    french = (result.site_dir / "fr/index.html").read_text(encoding="utf-8")
    assert "<p>Pourquoi\u202f? Parce que\u202f: 10\u202f000 mots.</p>" in french
    assert "<code>a : b</code>" in french
    assert "<p>Why? Because: 10 000 words.</p>" in (result.site_dir / "index.html").read_text(encoding="utf-8")
    assert "<p>¿Por qué? Porque: 10 000 palabras.</p>" in (result.site_dir / "es/index.html").read_text(encoding="utf-8")
