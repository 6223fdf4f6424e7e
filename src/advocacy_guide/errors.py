"""The error every data-file reader raises: a message located at a file and line."""

from __future__ import annotations

from pathlib import Path


class LocatedError(ValueError):
    """`path:line: message`, with each part kept for callers that report it their own way."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message
