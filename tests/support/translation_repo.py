"""Small guide repositories with git history, for the translator workflow's tests.

Commits carry fixed dates so that "the English page changed on ..." is known in advance.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from advocacy_guide.cli import main
from tests.support.build import REPO
from tests.support.languages import TRILINGUAL_MKDOCS_YML

ENGLISH_PAGES = {
    "index.md": """\
---
description: Home.
---

# Welcome {#welcome}

Start with [the Committee](committee.md#mandate) and the [follow-up](follow-up.md).
""",
    "committee.md": """\
---
description: The Committee.
---

# The Committee {#committee}

## Its mandate {#mandate}

The Committee monitors the ICCPR.
""",
    "follow-up.md": """\
---
description: Follow-up.
---

# Follow-up {#follow-up}

The Committee picks a few priority recommendations.

## Plan your follow-up {#plan}

Read [the mandate](committee.md#mandate) first.

/// checklist | After the review
    id: after-review

- [ ] Read the concluding observations {#read}
- [ ] Pick your priorities {#priorities}
///
""",
}

FRENCH_PAGES = {
    "index.md": """\
---
description: Accueil.
---

# Bienvenue {#welcome}

Commencez par [le Comité](committee.md#mandate) et le [suivi](follow-up.md).
""",
    "committee.md": """\
---
description: Le Comité.
---

# Le Comité {#committee}

## Son mandat {#mandate}

Le Comité surveille le PIDCP.
""",
    "follow-up.md": """\
---
description: Le suivi.
---

# Le suivi {#follow-up}

Le Comité choisit quelques recommandations prioritaires.

## Planifier le suivi {#plan}

Lisez [le mandat](committee.md#mandate) d'abord.

/// checklist | Après l'examen
    id: after-review

- [ ] Lire les observations finales {#read}
- [ ] Choisir vos priorités {#priorities}
///
""",
}

SPANISH_PAGES = {
    "index.md": """\
---
description: Inicio.
---

# Bienvenida {#welcome}

Empiece por [el Comité](committee.md#mandate) y el [seguimiento](follow-up.md).
""",
    "committee.md": """\
---
description: El Comité.
---

# El Comité {#committee}

## Su mandato {#mandate}

El Comité supervisa el PIDCP.
""",
    "follow-up.md": """\
---
description: Seguimiento.
---

# Seguimiento {#follow-up}

El Comité elige algunas recomendaciones prioritarias.

## Planificar el seguimiento {#plan}

Lea [el mandato](committee.md#mandate) primero.

/// checklist | Después del examen
    id: after-review

- [ ] Leer las observaciones finales {#read}
- [ ] Elegir sus prioridades {#priorities}
///
""",
}


def git(repo: Path, *args: str, day: str = "2026-10-01") -> str:
    """Run git in `repo` with a fixed identity and commit date (`day`, noon UTC)."""
    stamp = f"{day}T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Translator",
        "GIT_AUTHOR_EMAIL": "translator@example.org",
        "GIT_COMMITTER_NAME": "Translator",
        "GIT_COMMITTER_EMAIL": "translator@example.org",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    completed = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, f"git {' '.join(args)} failed:\n{completed.stderr}"
    return completed.stdout


def commit_all(repo: Path, message: str, day: str) -> None:
    git(repo, "add", "-A", day=day)
    git(repo, "commit", "-q", "-m", message, day=day)


def write_pages(root: Path, language: str, pages: dict[str, str]) -> None:
    for name, text in pages.items():
        path = root / "docs" / language / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def init_repo(project: Path, day: str = "2026-10-01") -> None:
    git(project, "init", "-q", "-b", "main", day=day)
    commit_all(project, "Guide", day)


def make_translation_repo(tmp_path: Path) -> Path:
    """A minimal project (mkdocs.yml, the real glossary, three pages in three languages) in git."""
    project = tmp_path / "guide"
    (project / "data").mkdir(parents=True)
    shutil.copy2(REPO / "data" / "glossary.yml", project / "data" / "glossary.yml")
    (project / "mkdocs.yml").write_text(TRILINGUAL_MKDOCS_YML, encoding="utf-8")
    write_pages(project, "en", ENGLISH_PAGES)
    write_pages(project, "fr", FRENCH_PAGES)
    write_pages(project, "es", SPANISH_PAGES)
    init_repo(project)
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_number(path: Path, fragment: str) -> int:
    """The 1-based line of the first line of `path` that contains `fragment`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in {path}")


# -----------------------------------------------------------------------------
# A fixture site with history: stamped on 2026-10-02, English follow-up changed on 2026-11-15
# -----------------------------------------------------------------------------

SITE_NAV = ["index.md", "committee.md", "follow-up.md", "glossary.md"]


def make_translated_site_project(tmp_path: Path) -> Path:
    """A fixture site (the real configuration) in git, in the state the site tests describe.

    - Translations stamped from the English of 2026-10-01, committed on 2026-10-02.
    - The English follow-up page changed on 2026-11-15 (new wording and a new section), so its
      French and Spanish translations are outdated and lag behind its structure.
    - No Spanish committee page: readers of /es/committee.html get the English page.
    """
    from advocacy_guide.glossary import load_glossary
    from advocacy_guide.translations.project import Project
    from advocacy_guide.translations.status import Checker
    from tests.support.build import make_fixture_project

    pages: dict[str, str] = {}
    for language, texts in (("en", ENGLISH_PAGES), ("fr", FRENCH_PAGES), ("es", SPANISH_PAGES)):
        for name, text in texts.items():
            if (language, name) != ("es", "committee.md"):
                pages[f"{language}/{name}"] = text
        for name in ("glossary.md", "translation-status.md"):
            pages[f"{language}/{name}"] = (REPO / "docs" / language / name).read_text(encoding="utf-8")
    project = make_fixture_project(tmp_path, pages, nav=SITE_NAV)
    init_repo(project, "2026-10-01")
    checker = Checker(Project.from_config(project / "mkdocs.yml"), load_glossary(project / "data" / "glossary.yml"))
    for language in ("fr", "es"):
        for name in checker.project.pages(language):
            checker.stamp(language, name)
    commit_all(project, "Stamp the translations", "2026-10-02")
    edit(
        project / "docs/en/follow-up.md",
        "The Committee picks a few priority recommendations.",
        "The Committee picks two to four priority recommendations.\n\n## Assess progress {#assess}\n\nCompare.",
    )
    commit_all(project, "Follow-up: how many recommendations; assess progress", "2026-11-15")
    return project


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`advocacy-guide translations ARGS` in this process: (exit code, stdout, stderr)."""
    code = main(["translations", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def statuses(capsys: pytest.CaptureFixture[str], repo: Path, *args: str) -> dict[tuple[str, str], dict]:
    """The JSON report of `repo`, keyed by (language, page)."""
    code, out, err = run(capsys, "--root", str(repo), "--format", "json", *args)
    assert code == 0, err
    return {(entry["language"], entry["page"]): entry for entry in json.loads(out)}
