"""The built site tells readers the truth about translations, and the build stops translators' mistakes.

A fixture site with git history (tests/support/translation_repo.py): translations stamped on
2026-10-02, the English follow-up page changed on 2026-11-15, no Spanish committee page.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support.build import BuildResult, mkdocs_build
from tests.support.translation_repo import commit_all, edit, line_number, make_translated_site_project

SITE_URL = "http://127.0.0.1:8000/"


@dataclass
class TranslatedSite:
    project: Path
    build: BuildResult

    def html(self, path: str) -> str:
        return (self.build.site_dir / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def translated_site(tmp_path_factory: pytest.TempPathFactory) -> TranslatedSite:
    tmp = tmp_path_factory.mktemp("translated")
    project = make_translated_site_project(tmp)
    result = mkdocs_build(project, tmp / "site", SITE_URL)
    assert result.ok, f"strict build failed:\n{result.output}\n{result.replicate()}"
    return TranslatedSite(project, result)


class Notices(HTMLParser):
    """The translation notices of a page, the `lang` of its article and the order of its parts."""

    def __init__(self) -> None:
        super().__init__()
        self.notices: list[dict[str, str | None]] = []
        self.article_lang: str | None = None
        self.events: list[str] = []
        self._notice_depth = 0
        self.notice_text = ""
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.article_lang = values.get("lang")
        if tag == "h1":
            self.events.append("h1")
        if values.get("data-translation-notice"):
            self.notices.append(values)
            self.events.append("notice")
            self._notice_depth = 1
        elif self._notice_depth and tag == "div":
            self._notice_depth += 1
        if self._notice_depth and tag == "a":
            self.links.append(values)

    def handle_endtag(self, tag: str) -> None:
        if self._notice_depth and tag == "div":
            self._notice_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._notice_depth:
            self.notice_text += data


def notices(html: str) -> Notices:
    parser = Notices()
    parser.feed(html)
    return parser


def test_the_build_passes_with_outdated_translations_that_lag_behind_english(translated_site: TranslatedSite) -> None:
    warnings = [line for line in translated_site.build.output.splitlines() if line.startswith("WARNING")]
    assert warnings == []


@pytest.mark.parametrize(
    ("path", "language", "title", "date_text", "link_text"),
    [
        ("fr/follow-up.html", "fr", "La version anglaise a changé", "15 novembre 2026", "Lire la version anglaise"),
        ("es/follow-up.html", "es", "La versión en inglés ha cambiado", "15 de noviembre de 2026", "Leer la versión en inglés"),
    ],
)
def test_an_outdated_translation_says_when_english_changed_and_links_to_it(
    translated_site: TranslatedSite, path: str, language: str, title: str, date_text: str, link_text: str
) -> None:
    html = translated_site.html(path)
    page = notices(html)
    [notice] = page.notices
    assert notice["data-translation-notice"] == "outdated"
    assert notice["role"] == "note"
    assert notice["lang"] == language
    assert page.events[:2] == ["h1", "notice"]  # right after the page title
    assert title in page.notice_text
    assert f'<time datetime="2026-11-15">{date_text}</time>' in html
    assert page.links == [{"href": "../follow-up.html", "hreflang": "en"}]
    assert link_text in page.notice_text
    assert page.article_lang is None  # the translation is in the page's own language


def test_a_missing_translation_says_so_in_the_readers_language(translated_site: TranslatedSite) -> None:
    html = translated_site.html("es/committee.html")
    page = notices(html)
    [notice] = page.notices
    assert notice["data-translation-notice"] == "missing"
    assert notice["lang"] == "es"
    assert "Todavía no traducida" in page.notice_text
    assert "Esta página todavía no está traducida al español. Está leyendo la versión en inglés." in page.notice_text
    assert page.article_lang == "en"  # screen readers read the English text as English
    assert re.search(r'<html lang="es"', html)
    assert "The Committee monitors the" in html


@pytest.mark.parametrize("path", ["index.html", "committee.html", "follow-up.html", "fr/index.html", "fr/committee.html", "es/index.html"])
def test_up_to_date_and_english_pages_have_no_notice(translated_site: TranslatedSite, path: str) -> None:
    page = notices(translated_site.html(path))
    assert page.notices == []
    assert page.article_lang is None


def test_the_status_page_counts_and_lists_outdated_and_missing_pages(translated_site: TranslatedSite) -> None:
    html = translated_site.html("translation-status.html")
    section = {language: html.split(f'id="status-{language}"', 1)[1].split("<h2", 1)[0] for language in ("fr", "es")}
    counts = {
        language: dict(re.findall(r"<dt>([^<]+)</dt>\s*<dd>(\d+)</dd>", text)) for language, text in section.items()
    }
    assert counts["fr"] == {"Up to date": "4", "Outdated": "1", "Missing": "0", "Broken": "0"}
    assert counts["es"] == {"Up to date": "3", "Outdated": "1", "Missing": "1", "Broken": "0"}
    rows = {language: re.findall(r'<tr data-status="([a-z-]+)">\s*<th scope="row"><a href="([^"]+)">([^<]+)</a>', text) for language, text in section.items()}
    assert rows["fr"] == [("outdated", "fr/follow-up.html", "follow-up.md")]
    assert rows["es"] == [("missing", "es/committee.html", "committee.md"), ("outdated", "es/follow-up.html", "follow-up.md")]
    assert '<a href="follow-up.html" hreflang="en"><time datetime="2026-11-15">2026-11-15</time></a>' in section["es"]
    # Each language has the page, in its own words, with links relative to where it is.
    french = translated_site.html("fr/translation-status.html")
    assert "<caption>Pages à traduire ou à mettre à jour (Espagnol)</caption>" in french
    assert '<a href="../es/committee.html">committee.md</a>' in french
    assert "translation-status.html" not in translated_site.html("index.html")  # not in the readers' navigation


def test_the_glossary_page_is_generated_in_each_language(translated_site: TranslatedSite) -> None:
    french = translated_site.html("fr/glossary.html")
    assert '<dt id="list-of-issues"><dfn>liste de points</dfn></dt>' in french
    assert '<li>Espagnol — <i lang="es">lista de cuestiones</i></li>' in french
    ohchr = unescape(french.split('<dt id="ohchr">', 1)[1].split("</dt>", 1)[0])
    assert ohchr == (
        "<dfn>Haut-Commissariat des Nations Unies aux droits de l'homme</dfn> "
        "(<abbr title=\"Haut-Commissariat des Nations Unies aux droits de l'homme\">HCDH</abbr>)"
    )
    assert "<!-- glossary-terms -->" not in french
    spanish = translated_site.html("es/glossary.html")
    assert "Todavía no se ha comprobado en la terminología de las Naciones Unidas (UNTERM)." in spanish
    english = translated_site.html("glossary.html")
    assert english.index('id="concluding-observations"') < english.index('id="list-of-issues"') < english.index('id="session"')


def test_abbreviations_are_explained_in_the_pages_language(translated_site: TranslatedSite) -> None:
    assert '<abbr title="International Covenant on Civil and Political Rights">ICCPR</abbr>' in translated_site.html("committee.html")
    assert '<abbr title="Pacte international relatif aux droits civils et politiques">PIDCP</abbr>' in translated_site.html("fr/committee.html")
    # the untranslated Spanish committee page is English, so are its definitions
    assert '<abbr title="International Covenant on Civil and Political Rights">ICCPR</abbr>' in translated_site.html("es/committee.html")


def test_a_renamed_anchor_and_a_wrong_term_fail_the_build_with_file_and_line(translated_site: TranslatedSite, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(translated_site.project, project)
    # Both in French: strict mode stops after the first language build that has warnings.
    french, home = project / "docs/fr/committee.md", project / "docs/fr/index.md"
    edit(french, "## Son mandat {#mandate}", "## Son mandat {#mandat}")
    edit(home, "Commencez par", "Lisez la liste des questions, puis commencez par")
    commit_all(project, "Two mistakes", "2026-11-20")
    result = mkdocs_build(project, tmp_path / "site", SITE_URL)
    assert not result.ok
    assert (
        f"docs/fr/committee.md:{line_number(french, '{#mandat}')}: heading id {{#mandat}} differs from the English "
        "{#mandate} (docs/en/committee.md:7): keep the English id and translate only the heading text"
    ) in result.output
    assert (
        f'docs/fr/index.md:{line_number(home, "liste des questions")}: "liste des questions" is not the official UN term: '
        "write \"liste de points\" (see 'list-of-issues' in data/glossary.yml)"
    ) in result.output


def test_a_malformed_stamp_fails_the_build(translated_site: TranslatedSite, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(translated_site.project, project)
    page = project / "docs/fr/index.md"
    edit(page, "  source_hash: sha256:", "  source_hash: sha1:")
    result = mkdocs_build(project, tmp_path / "site", SITE_URL)
    assert not result.ok
    assert f"docs/fr/index.md:{line_number(page, 'translation:')}: `source_hash` must look like 'sha256:'" in result.output


def test_a_skipped_english_typo_fix_shows_no_notice_and_a_malformed_skips_file_fails_the_build(
    translated_site: TranslatedSite, tmp_path: Path
) -> None:
    from advocacy_guide.cli import main

    project = tmp_path / "project"
    shutil.copytree(translated_site.project, project)
    edit(project / "docs/en/committee.md", "The Committee monitors the ICCPR.", "The Committee monitors the ICCPR!")
    commit_all(project, "Committee: punctuation", "2026-11-20")
    assert main(["translations", "--root", str(project), "skip", "committee.md", "--reason", "punctuation"]) == 0
    result = mkdocs_build(project, tmp_path / "site", SITE_URL)
    assert result.ok, result.output
    assert notices((tmp_path / "site" / "fr/committee.html").read_text(encoding="utf-8")).notices == []

    skips = project / "data/translation-skips.yml"
    skips.write_text(skips.read_text(encoding="utf-8").replace("  to: sha256:", "  to: md5:"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site-2", SITE_URL)
    assert not result.ok
    assert f"data/translation-skips.yml:{line_number(skips, '  to: md5:')}: `to` must look like 'sha256:'" in result.output
    assert "fix it, or remove the record and run `.venv/bin/advocacy-guide translations skip PAGE` again" in result.output


def test_a_preview_of_an_english_change_not_yet_committed_gives_no_false_date(translated_site: TranslatedSite, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(translated_site.project, project)
    edit(project / "docs/en/index.md", "Start with", "Begin with")  # not committed, as in `make serve`
    result = mkdocs_build(project, tmp_path / "site", SITE_URL)
    assert result.ok, result.output
    html = (tmp_path / "site" / "fr/index.html").read_text(encoding="utf-8")
    page = notices(html)
    [notice] = page.notices
    assert notice["data-translation-notice"] == "outdated"
    assert "a des modifications pas encore enregistrées (commit)" in page.notice_text
    assert "<time" not in html.split('data-translation-notice="outdated"', 1)[1].split("</div>", 1)[0]
    status = (tmp_path / "site" / "translation-status.html").read_text(encoding="utf-8")
    assert '<a href="index.html" hreflang="en">not yet committed</a>' in status
