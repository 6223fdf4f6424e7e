"""What both editions start from: the site built for reading without its online address (the
offline variant, `OFFLINE=1`), and the guide's navigation in each language.

The offline variant already leaves out what contacts the online site (absolute language
alternates, which make Material fetch `<site_url>/sitemap.xml`), writes captions into the pages
and serves search without a worker from another origin: what a Kiwix reader needs too. The PDF
only reads the pages' content from it. No normal `mkdocs build` does any of this work.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from advocacy_guide.build.languages import load_project_config
from advocacy_guide.editions import EditionError
from advocacy_guide.offline import OFFLINE_ENV


@dataclass(frozen=True)
class Chapter:
    """One page of the guide, in the order of the navigation."""

    source: str  # "committee.md"
    part: str | None  # the navigation section it belongs to, translated; None at the top level

    @property
    def stem(self) -> str:
        return self.source.removesuffix(".md")

    @property
    def html(self) -> str:
        return self.stem + ".html"


@dataclass(frozen=True)
class Language:
    code: str  # "fr"
    name: str  # "Français"
    site_name: str
    site_description: str
    chapters: tuple[Chapter, ...]
    default: bool = False  # the site's default language (mkdocs.yml, plugins.i18n.languages)

    @property
    def prefix(self) -> str:
        """The language's folder in the site: "" for the default language, "fr/" otherwise."""
        return "" if self.default else f"{self.code}/"


@dataclass(frozen=True)
class Guide:
    """The built site and what the editions need to know about it."""

    project_dir: Path
    site_dir: Path
    site_url: str  # the online address, ends with "/"
    languages: dict[str, Language] = field(default_factory=dict)
    version: str = ""
    built: datetime.date = field(default_factory=datetime.date.today)

    def page_file(self, language: str, html: str) -> Path:
        return self.site_dir / self.languages[language].prefix / html

    def online_address(self, language: str, site_path: str = "") -> str:
        return self.site_url + self.languages[language].prefix + site_path


def _chapters(nav: list, translations: dict[str, str]) -> list[Chapter]:
    """Pages in navigation order; a section's title translated as the site's menu shows it."""
    found: list[Chapter] = []

    def walk(items: list, part: str | None) -> None:
        for item in items:
            if isinstance(item, str):
                found.append(Chapter(item, part))
            elif isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        found.append(Chapter(value, part))
                    else:
                        walk(value, translations.get(title, title))

    walk(nav, None)
    return found


def read_languages(project_dir: Path) -> dict[str, Language]:
    config = load_project_config(project_dir / "mkdocs.yml")
    i18n = config.plugins["i18n"].config
    languages = {}
    for entry in i18n.languages:
        code = entry.locale
        if not entry.build:
            continue
        languages[code] = Language(
            code=code,
            name=entry.name,
            site_name=entry.site_name or config.site_name,
            site_description=entry.site_description or config.site_description or "",
            chapters=tuple(_chapters(config.nav or [], dict(entry.nav_translations or {}))),
            default=bool(entry.default),
        )
    return languages


def guide_version(project_dir: Path) -> str:
    """The package's version, and the commit it was built from when the folder is a git clone."""
    try:
        version = metadata.version("advocacy-guide")
    except metadata.PackageNotFoundError:
        version = "0"
    commit = subprocess.run(
        ["git", "-C", str(project_dir), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return f"{version} ({commit})" if commit else version


def build_site(project_dir: Path, site_dir: Path, site_url: str | None = None) -> Guide:
    """Build the offline variant of the site strictly into `site_dir`. The build's messages go to
    the console; a failed build raises `EditionError` (its warnings name the file and line)."""
    env = {**os.environ, OFFLINE_ENV: "1", "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(project_dir / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project_dir,
        env=env,
        check=False,
    )
    if completed.returncode != 0:
        raise EditionError(f"the strict build of {project_dir} failed (exit {completed.returncode}); see its messages above")
    return read_guide(project_dir, site_dir, site_url)


def read_guide(project_dir: Path, site_dir: Path, site_url: str | None = None) -> Guide:
    url = site_url or os.environ.get("SITE_URL") or load_project_config(project_dir / "mkdocs.yml").site_url or ""
    if not url.endswith("/"):
        url += "/"
    return Guide(project_dir, site_dir, url, read_languages(project_dir), guide_version(project_dir))
