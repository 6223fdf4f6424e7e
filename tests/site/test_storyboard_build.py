"""The site build warns about module videos older than their storyboards (strict mode fails).

A fixture site gets storyboards but no renderings of them: the build must name each one, with
its file, line and the command that fixes it, as `advocacy-guide videos --check` does.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.build import free_port, make_fixture_project, mkdocs_build

PAGES = {
    "en/index.md": "---\ndescription: Home.\n---\n\n# Home {#home}\n\nWelcome.\n",
    "fr/index.md": "---\ndescription: Accueil.\n---\n\n# Accueil {#home}\n\nBienvenue.\n",
    "es/index.md": "---\ndescription: Inicio.\n---\n\n# Inicio {#home}\n\nBienvenida.\n",
}

# Only the hooks this feature needs: a site that builds without storyboards needs no other.
HOOKS = {"hooks": ["hooks/build.py", "hooks/i18n_site.py", "hooks/storyboards.py"]}

STORYBOARD = """\
---
title: Pourquoi s'adresser au Comité des droits de l'homme
---

## Amina doute {#doubt}

> Une histoire fictive

Cette histoire est fictive.
"""


def test_a_storyboard_without_its_rendering_fails_the_strict_build(tmp_path: Path) -> None:
    """With the site's own configuration (every hook of mkdocs.yml): the check is part of the site."""
    project = make_fixture_project(
        tmp_path,
        PAGES,
        extra_files={
            "storyboards/why-engage/fr.md": STORYBOARD,
            "storyboards/coalition/es.md": STORYBOARD.replace("## Amina doute {#doubt}", "## Tomás {#Tomás}"),
        },
    )
    result = mkdocs_build(project, tmp_path / "site", f"http://127.0.0.1:{free_port()}/")
    assert not result.ok, result.replicate()
    assert (
        "storyboards/why-engage/fr.md:1: why-engage (fr): has no rendering yet: "
        "run `.venv/bin/advocacy-guide videos --module why-engage --language fr`"
    ) in result.output
    assert "storyboards/coalition/es.md:5: 'Tomás' is not a valid scene id" in result.output


def test_a_site_without_storyboards_builds(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, PAGES, config_changes=HOOKS)
    result = mkdocs_build(project, tmp_path / "site", f"http://127.0.0.1:{free_port()}/")
    assert result.ok, f"{result.output}\n{result.replicate()}"
    assert "storyboards" not in result.output
