"""The site behind Debian's nginx, with the configuration the build wrote, on 127.0.0.1.

The site is built once more for nginx's own address: its absolute addresses (language
alternates, which Material follows to fetch a language's sitemap) must name the origin that
serves it, as SITE_URL does in production, or the policy's 'self' blocks them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from advocacy_guide.deploy.local_nginx import LocalNginx
from tests.support.build import REPO, build_strictly, free_port


@dataclass
class NginxSite:
    server: LocalNginx
    dir: Path

    @property
    def url(self) -> str:
        return self.server.url

    def pages(self) -> list[str]:
        """Every built page (404 pages included), as site paths."""
        return sorted(p.relative_to(self.dir).as_posix() for p in self.dir.rglob("*.html") if "assets" not in p.parts)


@pytest.fixture(scope="session")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NginxSite]:
    """The repository's site, built strictly for nginx's port and served by it: its own pid,
    logs and temporary files in a temporary folder."""
    root = tmp_path_factory.mktemp("nginx")
    port = free_port()
    site = root / "site"
    build_strictly(REPO, site, f"http://127.0.0.1:{port}/")
    with LocalNginx(site, root / "server", port) as server:
        yield NginxSite(server, site)
