"""A site built strictly and served on 127.0.0.1 for the length of a `with` block."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.build import BuildResult, build_strictly, free_port
from tests.support.server import StaticHost


@dataclass
class ServedSite:
    url: str  # ends with "/"
    dir: Path
    build: BuildResult


@contextmanager
def served_build(project_dir: Path, site_dir: Path) -> Iterator[ServedSite]:
    """Build `project_dir` with `--strict` into `site_dir` for a free port, then serve it there.

    The port is chosen before the build because the site's address (SITE_URL) is built in.
    """
    port = free_port()
    result = build_strictly(project_dir, site_dir, f"http://127.0.0.1:{port}/")
    with StaticHost(site_dir, port) as host:
        yield ServedSite(host.url, site_dir, result)
