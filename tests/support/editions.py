"""The editions of the repository's guide, built once per test session (tests/conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from advocacy_guide.editions import Edition
from advocacy_guide.editions.site import Guide


@dataclass
class Editions:
    guide: Guide
    pdfs: dict[str, Edition] = field(default_factory=dict)
    zims: dict[str, Edition] = field(default_factory=dict)

    def zim_paths(self) -> list[Path]:
        return [edition.path for edition in self.zims.values()]
