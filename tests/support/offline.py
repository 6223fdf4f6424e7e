"""The offline copy (`make offline`), unzipped as a reader would, for tests that open it from disk."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from advocacy_guide.offline import TOP_FOLDER, build_offline


@dataclass
class OfflineCopy:
    zip: Path
    root: Path  # the unzipped top folder

    def url(self, path: str) -> str:
        """The file:// address of a path inside the copy ('fr/committee.html')."""
        return (self.root / path).as_uri()


def unzip(archive: Path, into: Path) -> OfflineCopy:
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(into)
    return OfflineCopy(archive, into / TOP_FOLDER)


def make_offline_copy(project_dir: Path, tmp: Path, name: str = "advocacy-guide-offline.zip") -> OfflineCopy:
    """Build the offline copy of `project_dir` into `tmp`/dist and unzip it into `tmp`/unzipped."""
    return unzip(build_offline(project_dir, tmp / "dist" / name), tmp / "unzipped")
