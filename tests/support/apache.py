"""Debian's Apache serving a built site through the `.htaccess` files the build wrote."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

APACHE = "/usr/sbin/apache2"
# What a Debian Apache enables by default that the .htaccess files use, and mod_deflate, which
# they must keep from compressing the precompressed copies again.
MODULES = ("mpm_event", "authz_core", "mime", "headers", "rewrite", "dir", "filter", "deflate")
TEMPLATES = Path(__file__).parent / "templates"


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


class LocalApache:
    """`with LocalApache(site_dir, port) as server:` serves a copy of `site_dir` at `server.url`.

    The copy (hard links, in a folder every user can read) is for Apache's workers, which run as
    www-data when the tests run as root and cannot enter pytest's private temporary folders.
    """

    def __init__(self, site_dir: Path, port: int) -> None:
        self.source = site_dir
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"
        self.work = Path(tempfile.mkdtemp(prefix="advocacy-guide-apache-"))
        self.process: subprocess.Popen[bytes] | None = None

    def _publish(self) -> Path:
        site = self.work / "site"
        shutil.copytree(self.source, site, copy_function=_link_or_copy)
        for folder in (self.work, *[p for p in site.rglob("*") if p.is_dir()], site):
            folder.chmod(0o755)
        return site

    def __enter__(self) -> "LocalApache":
        site = self._publish()
        env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        config = self.work / "httpd.conf"
        config.write_text(
            env.get_template("apache-local.conf.j2").render(
                work=self.work, port=self.port, site=site, modules=MODULES, as_root=os.geteuid() == 0
            ),
            encoding="utf-8",
        )
        self.process = subprocess.Popen(
            [APACHE, "-f", str(config), "-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"apache2 stopped at once:\n{self.error_log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.__exit__()
        raise RuntimeError(f"apache2 did not answer on port {self.port}:\n{self.error_log()}")

    def error_log(self) -> str:
        log = self.work / "error.log"
        return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: Apache stops its workers and exits
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.work, ignore_errors=True)
