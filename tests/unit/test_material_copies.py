"""Templates copied from Material for MkDocs stay copies of the pinned version's originals.

Where an override cannot extend Material's template (`{% extends %}` and `super()`), it is a copy
whose first comment names the original and its SHA-256: "A copy of Material for MkDocs 9.8.2's
partials/search.html (sha256 ...)". When a new Material version changes an original, the copy
must be taken again with the project's changes re-applied; these tests say which file.
"""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

REPO = Path(__file__).resolve().parents[2]
OVERRIDES = REPO / "overrides"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
DECLARATION = re.compile(
    r"\A\{#-\s*A copy of Material for MkDocs (?P<version>[\d.]+)'s (?P<original>\S+)\s+\(sha256 (?P<sha256>[0-9a-f]{64})"
)


def declared_copies() -> dict[str, re.Match[str]]:
    found = {}
    for path in sorted(OVERRIDES.rglob("*.html")):
        match = DECLARATION.match(path.read_text(encoding="utf-8"))
        if match:
            found[path.relative_to(OVERRIDES).as_posix()] = match
    return found


def test_the_known_copies_declare_their_original() -> None:
    assert set(declared_copies()) >= {"partials/search.html", "partials/javascripts/base.html"}


@pytest.mark.parametrize("copy", sorted(declared_copies()))
def test_each_copy_was_taken_from_the_installed_materials_original(copy: str) -> None:
    declaration = declared_copies()[copy]
    original = MATERIAL_TEMPLATES / declaration["original"]
    assert original.is_file(), f"overrides/{copy}: Material {version('mkdocs-material')} has no {declaration['original']} any more"
    installed = hashlib.sha256(original.read_bytes()).hexdigest()
    assert installed == declaration["sha256"], (
        f"overrides/{copy} is a copy of Material {declaration['version']}'s {declaration['original']}, which "
        f"Material {version('mkdocs-material')} changed: copy the new original, re-apply the changes its "
        f"first comment lists, and write the new version and sha256 {installed} in that comment"
    )


def test_every_override_named_as_a_material_template_extends_it_or_declares_the_copy() -> None:
    """A template that replaces Material's own without `{% extends %}` is a copy: it must say so."""
    copies = declared_copies()
    for path in sorted(OVERRIDES.rglob("*.html")):
        relative = path.relative_to(OVERRIDES).as_posix()
        if not (MATERIAL_TEMPLATES / relative).is_file():
            continue  # the project's own partial
        text = path.read_text(encoding="utf-8")
        assert relative in copies or "{% extends" in text, (
            f"overrides/{relative} replaces Material's template of that name: extend it, or declare the copy "
            "in its first comment (\"A copy of Material for MkDocs <version>'s <path> (sha256 <hash>) ...\")"
        )
