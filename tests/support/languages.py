"""The smallest mkdocs.yml of a trilingual project: the languages are read from it (as from
the guide's own), by `advocacy_guide.build.languages`; and a language added to a fixture site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.support.build import _EnvDumper, _EnvLoader, make_fixture_project

TRILINGUAL_MKDOCS_YML = """site_name: test
docs_dir: docs
site_url: !ENV [SITE_URL, 'http://x/']
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {locale: en, name: English, default: true}
        - {locale: fr, name: Français}
        - {locale: es, name: Español}
"""


def add_language(project: Path, entry: dict[str, Any]) -> None:
    """Add one language to a fixture project's mkdocs.yml (plugins.i18n.languages), as a
    translator adding a language does: nothing else in the configuration changes."""
    config_file = project / "mkdocs.yml"
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_EnvLoader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["languages"].append(entry)
            break
    else:
        raise AssertionError(f"{config_file} has no i18n plugin")
    config_file.write_text(yaml.dump(config, Dumper=_EnvDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


# The files of a project with no pages of its own but a valid configuration (MkDocs' loader wants
# docs_dir to exist).
TRILINGUAL_PROJECT = {"mkdocs.yml": TRILINGUAL_MKDOCS_YML, "docs/en/index.md": "# Test\n"}


# A fourth language, right to left: one entry in mkdocs.yml and its folder under docs/.
ARABIC = {"locale": "ar", "name": "العربية", "build": True, "site_name": "دليل المناصرة"}

HOME_EN = "---\ndescription: Home.\n---\n\n# Home {#home}\n\nThe guide for defenders.\n"
HOME_FR = "---\ndescription: Accueil.\n---\n\n# Accueil {#home}\n\nLe guide des défenseurs.\n"
HOME_ES = "---\ndescription: Inicio.\n---\n\n# Inicio {#home}\n\nLa guía para defensores.\n"
HOME_AR = "---\ndescription: الصفحة الرئيسية.\n---\n\n# الصفحة الرئيسية {#home}\n\nدليل المدافعين عن حقوق الإنسان.\n"
# Never translated: under /ar/ it is the English page, with its checklist and its video.
STEPS_EN = """\
---
description: Steps.
---

# Steps {#steps}

/// checklist | Before you send
    id: before-sending

- [ ] Count the words {#word-count}
- [ ] Ask for consent {#consent}
///

![type:video](why-engage)
"""
ARABIC_PAGES = {
    "en/index.md": HOME_EN,
    "fr/index.md": HOME_FR,
    "es/index.md": HOME_ES,
    "ar/index.md": HOME_AR,
    "en/steps.md": STEPS_EN,
}


def make_arabic_project(tmp_path: Path, pages: dict[str, str] | None = None) -> Path:
    """A fixture site in English, French, Spanish and Arabic: a translated home page, and a page
    with a checklist and a video that only English has."""
    project = make_fixture_project(tmp_path, pages if pages is not None else ARABIC_PAGES)
    add_language(project, ARABIC)
    return project
