"""A static file server for tests that behaves like common static hosts.

- Unknown addresses get the nearest `404.html` up the folder tree (as Cloudflare Pages does, and
  as the README tells nginx, Apache and Netlify to do), with status 404.
- Byte ranges (`Range: bytes=a-b`), which browsers need to seek in a video.
- Correct types for WebVTT captions and video files.
"""

from __future__ import annotations

import http.server
import os
import re
import threading
from functools import partial
from pathlib import Path

EXTRA_TYPES = {
    ".vtt": "text/vtt",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".webp": "image/webp",
    ".js": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
}
RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output quiet

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self._send_not_found()
        range_header = self.headers.get("Range")
        if not range_header:
            return super().send_head()
        match = RANGE.match(range_header.strip())
        size = path.stat().st_size
        if not match:
            return super().send_head()
        start_text, end_text = match.groups()
        if start_text:
            start = int(start_text)
            end = int(end_text) if end_text else size - 1
        else:  # suffix range: the last N bytes
            start = max(0, size - int(end_text or 0))
            end = size - 1
        end = min(end, size - 1)
        if start > end or start >= size:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        handle = open(path, "rb")  # noqa: SIM115 - closed by copyfile's caller
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self._remaining = end - start + 1
        return handle

    def copyfile(self, source, outputfile):  # type: ignore[override]
        remaining = getattr(self, "_remaining", None)
        if remaining is None:
            return super().copyfile(source, outputfile)
        while remaining > 0:
            chunk = source.read(min(64 * 1024, remaining))
            if not chunk:
                break
            outputfile.write(chunk)
            remaining -= len(chunk)
        self._remaining = None

    def end_headers(self) -> None:
        if not self.headers.get("Range"):
            self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def _send_not_found(self):
        root = Path(self.directory)
        folder = Path(self.translate_path(self.path)).parent
        page = None
        while True:
            candidate = folder / "404.html"
            if candidate.is_file():
                page = candidate
                break
            if folder == root or root not in folder.parents:
                break
            folder = folder.parent
        body = page.read_bytes() if page else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


class StaticHost:
    """Serve `root` on 127.0.0.1:`port` in a background thread."""

    def __init__(self, root: Path, port: int = 0) -> None:
        handler = partial(StaticHostHandler, directory=os.fspath(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "StaticHost":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
