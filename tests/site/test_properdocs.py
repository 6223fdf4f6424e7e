"""Portability: the real site, built with ProperDocs, is the site MkDocs builds.

ProperDocs (https://properdocs.org/) continues MkDocs 1.x, whose last release is 1.6: it reads
the same mkdocs.yml (given with `-f`; its own default name is properdocs.yml), runs the same
hooks and plugins (it answers their `import mkdocs...`), and has the same `build --strict`. If
MkDocs 1.x stops working one day, this test says whether the move is a change of command only.
The version is pinned in the test extra (pyproject.toml, constraints.txt). README, "Portability:
ProperDocs and Zensical", says what a later move to Zensical would take.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, BuiltSite
from tests.support.build import REPO, BuildResult

PROPERDOCS_VERSION = "1.6.7"  # as pinned in pyproject.toml and constraints.txt
# A few pages whose main content exercises most of the hooks: the home page (checklist
# overview), a French stage page (checklist, glossary terms, typography), a Spanish stage page
# with its checklist, a French module (video, facilitator notes, handout address).
COMPARED_PAGES = ("index.html", "fr/written-submission.html", "es/follow-up.html", "fr/module-briefing.html")
# Material's content region: the article inside <div class="md-content">.
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">.*?</article>', re.S)
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


def properdocs_build(site_dir: Path, site_url: str) -> BuildResult:
    """`properdocs build --strict` of the repository's mkdocs.yml, as `mkdocs_build` runs MkDocs."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    completed = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir, REPO)


@pytest.fixture(scope="module")
def properdocs_site(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site built by ProperDocs for the same address as the MkDocs build."""
    result = properdocs_build(tmp_path_factory.mktemp("properdocs") / "site", built_site.url)
    assert result.ok, (
        f"the strict ProperDocs build failed (is properdocs=={PROPERDOCS_VERSION} installed? "
        f"scripts/bootstrap.sh test):\n{result.output}"
    )
    return result.site_dir


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


# The saved copy's size, in the "keep this guide" control, counts every page's bytes, and the
# generator tag in each page differs between the two tools by design.
SAVED_COPY_BYTES = re.compile(r'data-offline-bytes="\d+"')


def article(site: Path, page: str) -> str:
    found = ARTICLE.findall((site / page).read_text(encoding="utf-8"))
    assert len(found) == 1, f"{site / page}: {len(found)} content regions"
    return SAVED_COPY_BYTES.sub('data-offline-bytes="…"', found[0])


def test_properdocs_built_it(properdocs_site: Path) -> None:
    """The build really ran ProperDocs (the pinned version), not MkDocs under another name."""
    generator = GENERATOR.search((properdocs_site / "index.html").read_text(encoding="utf-8"))
    assert generator and f"ProperDocs {PROPERDOCS_VERSION}" in generator.group(1), generator


def test_the_same_pages_in_every_language(properdocs_site: Path, built_site: BuiltSite) -> None:
    ours = {p for p in files_of(properdocs_site) if p.endswith(".html")}
    theirs = {p for p in files_of(built_site.dir) if p.endswith(".html")}
    assert ours == theirs, f"only MkDocs: {sorted(theirs - ours)}; only ProperDocs: {sorted(ours - theirs)}"
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        assert f"{prefix}index.html" in ours and f"{prefix}404.html" in ours, language


def test_the_same_files_besides_the_pages(properdocs_site: Path, built_site: BuiltSite) -> None:
    """Search indexes, sitemaps, media, assets, the hosts' files and their compressed copies."""
    ours, theirs = files_of(properdocs_site), files_of(built_site.dir)
    assert ours == theirs, f"only MkDocs: {sorted(theirs - ours)[:20]}; only ProperDocs: {sorted(ours - theirs)[:20]}"


@pytest.mark.parametrize("page", COMPARED_PAGES)
def test_the_main_content_is_the_same(properdocs_site: Path, built_site: BuiltSite, page: str) -> None:
    ours, theirs = article(properdocs_site, page), article(built_site.dir, page)
    assert "<h1" in theirs, f"{page}: the content region has no title: is this test reading the page right?"
    if page.startswith("es/") or "written-submission" in page:
        assert 'class="checklist' in theirs, f"{page}: no checklist in the compared region"
    assert ours == theirs, f"{page}: the content differs between the MkDocs and the ProperDocs builds"
