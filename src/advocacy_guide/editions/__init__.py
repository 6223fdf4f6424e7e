"""Editions to hand over: the whole guide as a PDF per language (`pdf`) and as a Kiwix file per
language (`zim`), both made from one strict build of the site (`site`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class EditionError(Exception):
    """An edition cannot be made; the message names the page (or file) and what to do."""


@dataclass(frozen=True)
class Edition:
    """One file made for one language: `parts` counts its pages (PDF) or entries (ZIM)."""

    language: str
    path: Path
    parts: int
    bytes: int
    seconds: float
