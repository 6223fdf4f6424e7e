"""The editions of the repository's guide, built once per test session (tests/conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from advocacy_guide.editions.pdf import PdfEdition
from advocacy_guide.editions.site import Guide
from advocacy_guide.editions.zim import ZimEdition


@dataclass
class Editions:
    guide: Guide
    pdfs: dict[str, PdfEdition] = field(default_factory=dict)
    zims: dict[str, ZimEdition] = field(default_factory=dict)

    def zim_paths(self) -> list[Path]:
        return [edition.path for edition in self.zims.values()]
