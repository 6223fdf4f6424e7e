"""Debian's nginx serving a built site with the configuration the build wrote, on 127.0.0.1.

For a local check (`make serve-nginx`) and for the test suite: nginx runs as the current user
with its own pid file, logs and temporary folders in a work folder, on a port of its own, and
includes the generated `conf.d/` and `snippets/` files unchanged; only the address and the
site's folder are its own (the generated `sites-available/` server names the production ones).

    python -m advocacy_guide.deploy.local_nginx site [--port 8080]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from advocacy_guide.deploy.hosts import NGINX_HTTP, NGINX_RULES, _environment, deploy_dir_for

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
INSTALL_HINT = "install Debian's nginx and its Brotli module: apt-get install nginx libnginx-mod-http-brotli-static (scripts/system-deps.sh)"


class NginxError(RuntimeError):
    pass


class LocalNginx:
    """`with LocalNginx(site_dir, work_dir, port) as server:` serves `site_dir` at `server.url`."""

    def __init__(
        self,
        site_dir: Path,
        work_dir: Path,
        port: int,
        deploy_dir: Path | None = None,
        tls: tuple[Path, Path] | None = None,
    ) -> None:
        """`tls`: a certificate and its key, to serve HTTPS (as a production server does)."""
        self.site_dir = site_dir.resolve()
        self.deploy_dir = (deploy_dir or deploy_dir_for(self.site_dir)).resolve()
        self.work_dir = work_dir.resolve()
        self.port = port
        self.tls = tls
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{port}/"
        self.config = self.work_dir / "nginx.conf"
        self.process: subprocess.Popen[bytes] | None = None

    def write_config(self) -> Path:
        if not Path(NGINX).exists() or not BROTLI_MODULE.exists():
            raise NginxError(INSTALL_HINT)
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.work_dir / name).mkdir(parents=True, exist_ok=True)
        for generated in (NGINX_HTTP, NGINX_RULES):
            if not (self.deploy_dir / generated).is_file():
                raise NginxError(f"{self.deploy_dir / generated} is missing: build the site first (make site)")
        text = _environment().get_template("nginx-local.conf.j2").render(
            as_root=os.geteuid() == 0,  # workers must read the site, in a folder only we can read
            work=str(self.work_dir),
            brotli_module=str(BROTLI_MODULE),
            http_conf=str(self.deploy_dir / NGINX_HTTP),
            rules_conf=str(self.deploy_dir / NGINX_RULES),
            site=str(self.site_dir),
            port=self.port,
            tls=[str(path) for path in self.tls] if self.tls else None,
        )
        self.config.write_text(text, encoding="utf-8")
        return self.config

    def command(self, *extra: str) -> list[str]:
        # -e: the error log before the configuration is read (else /var/log/nginx/error.log).
        return [NGINX, "-p", str(self.work_dir), "-c", str(self.config), "-e", str(self.work_dir / "error.log"), *extra]

    def check(self) -> None:
        """`nginx -t`: the configuration as nginx reads it, with its message on failure."""
        completed = subprocess.run(self.command("-t"), capture_output=True, text=True, timeout=60)
        if completed.returncode != 0:
            raise NginxError(f"nginx -t failed:\n{completed.stderr}")

    def start(self, timeout: float = 20.0) -> None:
        self.write_config()
        self.check()
        self.process = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # -e: errors go to error.log
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise NginxError(f"nginx stopped at once:\n{self.error_log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise NginxError(f"nginx did not answer on port {self.port} within {timeout:.0f} s:\n{self.error_log()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGQUIT)  # graceful: workers finish their answers
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def error_log(self) -> str:
        log = self.work_dir / "error.log"
        return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""

    def __enter__(self) -> "LocalNginx":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m advocacy_guide.deploy.local_nginx", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="advocacy-guide-nginx-") as work:
        server = LocalNginx(args.site, Path(work), args.port)
        try:
            server.start()
        except NginxError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"nginx serves {server.site_dir} at {server.url} (French at {server.url}fr/) with {server.deploy_dir}/nginx; Ctrl-C stops it.")
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops nginx too, as Ctrl-C does
        try:
            server.process.wait()  # type: ignore[union-attr]
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
