"""For the saved copy's tests: a host whose folder can be switched to a new build, that can refuse
chosen files (an interrupted download) or stop answering at all (no connection), and what the
browser holds (caches, registrations) read from a page."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from playwright.sync_api import Page

from tests.support.server import StaticHostHandler


class _Handler(StaticHostHandler):
    host: "SwitchableHost"

    def translate_path(self, path: str) -> str:
        self.directory = os.fspath(self.host.root)
        return super().translate_path(path)

    def send_head(self):  # type: ignore[override]
        self.directory = os.fspath(self.host.root)
        path = self.path.split("?", 1)[0]
        self.host.requested.append(path)
        if self.host.refuse(path):
            self.host.refused.append(path)
            self.send_error(503, "refused by the test")
            return None
        return super().send_head()


class SwitchableHost:
    """Serve `root` on 127.0.0.1:`port`; `serve(other)` switches to another build at once."""

    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        self.requested: list[str] = []
        self.refused: list[str] = []
        self.refuse: Callable[[str], bool] = lambda path: False
        handler = type("Handler", (_Handler,), {"host": self})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=os.fspath(root)))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.running = False

    def serve(self, root: Path) -> None:
        self.root = root

    def __enter__(self) -> "SwitchableHost":
        self.thread.start()
        self.running = True
        return self

    def stop(self) -> None:
        """No server any more: every request fails as without a connection."""
        if self.running:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.running = False

    def __exit__(self, *exc: object) -> None:
        self.stop()


def cache_names(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")


def registered(page: Page) -> bool:
    return page.evaluate("navigator.serviceWorker.getRegistration().then((r) => Boolean(r))")


def wait_for_caches(page: Page, predicate_js: str) -> None:
    """Wait until `predicate_js` (a function of the cache names) holds; caches change in the worker."""
    page.wait_for_function(
        f"""async () => {{ const names = await caches.keys(); return ({predicate_js})(names); }}""",
        polling=100,
    )
