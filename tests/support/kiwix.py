"""Debian's kiwix-serve, the server Kiwix apps and hotspots use, serving ZIM files for a test."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path

from tests.support.build import free_port

KIWIX_SERVE = "/usr/bin/kiwix-serve"


class KiwixServe:
    """`kiwix-serve` on 127.0.0.1 for the length of a `with` block; books by file name."""

    def __init__(self, zims: list[Path]) -> None:
        self.zims = zims
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process: subprocess.Popen | None = None

    def book(self, zim: Path) -> str:
        """The address of a book's root: kiwix-serve names books after their file."""
        return f"{self.url}{zim.stem}/"

    def __enter__(self) -> "KiwixServe":
        self.process = subprocess.Popen(
            [KIWIX_SERVE, "--address", "127.0.0.1", "--port", str(self.port), *map(str, self.zims)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.url + "catalog/v2/entries", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"kiwix-serve stopped: {self.process.stderr.read().decode(errors='replace')}") from None
                if time.monotonic() > deadline:
                    self.__exit__()
                    raise RuntimeError("kiwix-serve did not answer within 30 s") from None
                time.sleep(0.1)

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
