"""Measurements shared by the benchmark (benchmarks/run.py) and the byte-budget test.

"Stock" is Material for MkDocs with the same docs, languages, navigation, theme settings,
Markdown extensions and plugins, but none of the project's own work: no hooks, no overrides, no
extra CSS or JavaScript, no project Markdown extension, and the i18n plugin's default search.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]

# Pages compared: the home page, a guide page and a training module page.
PAGES = {"home": "index.html", "guide": "follow-up.html", "module": "module-follow-up.html"}
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
GZIP_LEVEL = 6  # what nginx, Apache and most CDNs use for text


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


# -----------------------------------------------------------------------------
# The stock configuration
# -----------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` becomes its default; Python names stay names."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])  # type: ignore[arg-type]
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: f"!!python/name:{suffix}")


def stock_config(project_config: dict[str, Any], docs_dir: Path, site_url: str) -> dict[str, Any]:
    """The project's configuration with the project's own additions taken out."""
    config = {k: v for k, v in project_config.items() if k not in ("hooks", "extra_css", "extra_javascript", "validation", "extra")}
    config["docs_dir"] = str(docs_dir)
    config["site_url"] = site_url
    config["strict"] = False
    theme = dict(config["theme"])
    theme.pop("custom_dir", None)
    config["theme"] = theme
    config["markdown_extensions"] = [
        ext for ext in config.get("markdown_extensions", []) if not str(next(iter(ext)) if isinstance(ext, dict) else ext).startswith("advocacy_guide")
    ]
    plugins = []
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            options = dict(plugin["i18n"])
            options.pop("reconfigure_search", None)  # stock: the plugin's default, one multilingual index
            plugin = {"i18n": options}
        plugins.append(plugin)
    config["plugins"] = plugins
    return config


def write_stock_project(folder: Path, site_url: str, repo: Path = REPO) -> Path:
    """Write the stock mkdocs.yml into `folder` (the docs stay in the repository); its path."""
    project = yaml.load((repo / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    folder.mkdir(parents=True, exist_ok=True)
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(stock_config(project, repo / "docs", site_url), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


def write_single_language_stock(folder: Path, language: str, site_url: str, repo: Path = REPO) -> Path:
    """Plain Material on one language folder, without the i18n plugin."""
    project = yaml.load((repo / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config = stock_config(project, repo / "docs" / language, site_url)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "i18n" in p) and p != "i18n"]
    config["theme"] = {**config["theme"], "language": language}
    config.pop("nav", None)  # section titles of the nav are English; let MkDocs list the pages
    folder.mkdir(parents=True, exist_ok=True)
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


# -----------------------------------------------------------------------------
# Builds
# -----------------------------------------------------------------------------


@dataclass
class BuildRun:
    seconds: float
    peak_rss_mb: float
    ok: bool
    output: str


def build(config_file: Path, site_dir: Path, site_url: str, strict: bool = False, extra_env: dict[str, str] | None = None) -> BuildRun:
    """One `mkdocs build` in its own process: wall time and that process's peak memory."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config_file), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    log = site_dir.parent / f"{site_dir.name}.log"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w", encoding="utf-8") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=config_file.parent, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return BuildRun(seconds, usage.ru_maxrss / 1024, process.returncode == 0, log.read_text(encoding="utf-8"))


# -----------------------------------------------------------------------------
# What a first visit transfers
# -----------------------------------------------------------------------------


@dataclass
class Transfer:
    """Every same-origin response of a first visit (empty cache), gzip-compressed as a server would."""

    by_url: dict[str, int] = field(default_factory=dict)  # url -> bytes on the wire (gzip for text)
    kinds: dict[str, str] = field(default_factory=dict)  # url -> html, css, js, json, other

    @property
    def total(self) -> int:
        return sum(self.by_url.values())

    def of_kind(self, kind: str) -> int:
        return sum(size for url, size in self.by_url.items() if self.kinds[url] == kind)


def _kind(url: str, content_type: str) -> str:
    path = url.split("?", 1)[0].split("#", 1)[0]
    for suffix, kind in ((".html", "html"), (".css", "css"), (".js", "js"), (".json", "json"), (".xml", "xml")):
        if path.endswith(suffix):
            return kind
    if "html" in content_type:
        return "html"
    return "other"


def first_visit(browser: Any, url: str, origin: str) -> Transfer:
    """Open `url` in a fresh context (empty cache) and add up what the site sent, until the
    network is idle. Responses with an error status (404) are left out; other origins are
    aborted and not counted."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.route(lambda u: not u.startswith((origin, "data:", "blob:")), lambda route: route.abort())
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    transfer = Transfer()
    for response in responses:
        if not response.url.startswith(origin) or response.status >= 400:
            continue
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a response without a body (redirect) weighs nothing here
            continue
        content_type = (response.headers.get("content-type") or "").lower()
        size = gzip_size(body) if content_type.startswith(TEXT_TYPES) else len(body)
        transfer.by_url[response.url] = size
        transfer.kinds[response.url] = _kind(response.url, content_type)
    context.close()
    return transfer


# -----------------------------------------------------------------------------
# Files
# -----------------------------------------------------------------------------


def added_assets(site: Path, stock_site: Path) -> dict[str, int]:
    """The JavaScript and CSS files the project adds to stock Material (gzip bytes each):
    every .js and .css of the site that the stock build does not have."""
    added = {}
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".js", ".css") or not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("search/", "fr/search/", "es/search/")):
            continue  # search indexes, reported on their own
        if not (stock_site / relative).exists():
            added[relative] = gzip_size(path.read_bytes())
    return added


def assets_pages_load(site: Path) -> set[str]:
    """Site paths of the stylesheets and scripts that the built pages reference themselves
    (what a reader's browser loads; files a feature loads later on request are not in it)."""
    from html.parser import HTMLParser
    from urllib.parse import urlsplit

    class References(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
                self.found.append(values["href"] or "")
            elif tag == "script" and values.get("src"):
                self.found.append(values["src"] or "")

    loaded: set[str] = set()
    for page in site.rglob("*.html"):
        parser = References()
        parser.feed(page.read_text(encoding="utf-8"))
        for address in parser.found:
            parts = urlsplit(address)
            if parts.scheme or parts.netloc:
                continue
            path = (site / parts.path.lstrip("/")) if parts.path.startswith("/") else (page.parent / parts.path)
            try:
                loaded.add(path.resolve().relative_to(site.resolve()).as_posix())
            except ValueError:
                continue
    return loaded


def search_index_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """{index path: (raw bytes, gzip bytes)} for every search index of a built site."""
    return {
        path.relative_to(site).as_posix(): (path.stat().st_size, gzip_size(path.read_bytes()))
        for path in sorted(site.rglob("search_index.json"))
    }


# -----------------------------------------------------------------------------
# A static host that compresses, as production hosts do
# -----------------------------------------------------------------------------


def gzip_host(root: Path, port: int = 0) -> Any:
    """tests.support.server.StaticHost, plus gzip for text responses when the browser asks for it
    (nginx, Apache, Netlify, Cloudflare and GitHub Pages all do): Lighthouse then measures the
    bytes a reader's phone really receives."""
    import io

    from tests.support.server import StaticHost, StaticHostHandler

    class GzipHandler(StaticHostHandler):
        def send_head(self):  # type: ignore[no-untyped-def]
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            content_type = self.guess_type(str(path))
            wants_gzip = "gzip" in (self.headers.get("Accept-Encoding") or "")
            if not (wants_gzip and path.is_file() and content_type.startswith(TEXT_TYPES) and not self.headers.get("Range")):
                return super().send_head()
            body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return io.BytesIO(body)

    host = StaticHost(root, port)
    from functools import partial

    host.httpd.RequestHandlerClass = partial(GzipHandler, directory=os.fspath(root))  # type: ignore[assignment]
    return host
