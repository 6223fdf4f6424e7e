"""The build step of the saved copy: per language, the list of files a phone keeps, its version,
the web app manifest and the offline page; the control's size text written into the pages.

Why it runs where it does (a step of the finishing list, advocacy_guide.build.finishing):
after the security pass, because the offline page is made from the language's 404 page with its
Content-Security-Policy already in place, and because the list's hashes must be of the pages as
served; before the deployment files, which precompress every file and read the policy back from
every page, the offline page included. It adds no inline script, so the policy is unchanged.

Why a list, not a worker per build: the worker (`overrides/saved-copy-worker.js`) is a static
file, byte for byte the same in every build, so the browser never swaps workers under an open
page. The version lives in `saved-copy.json` (one per language, fetched only by the worker). The
version is a hash of that language's files (paths and contents): a build that changes nothing a
language's reader sees gives the same version, and their phone downloads nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from advocacy_guide.ui_strings import translate
from advocacy_guide.video_embed import file_size

LIST_NAME = "saved-copy.json"
STRINGS_NAME = "saved-copy-strings.json"  # what assets/saved-copy-app.js says, in the language
MANIFEST_NAME = "manifest.webmanifest"
OFFLINE_PAGE = "saved-copy-offline.html"
ICONS = {192: "assets/images/app-icon-192.png", 512: "assets/images/app-icon-512.png"}
APPLE_TOUCH_ICON = "assets/images/apple-touch-icon.png"
# Material's indigo, the site's primary colour (mkdocs.yml palette): the phone's title bar.
THEME_COLOR = "#4051b5"
BACKGROUND_COLOR = "#ffffff"

# Never kept: host files and precompressed copies (the worker stores what the browser received),
# source maps, other sites' files. Videos are kept one by one (their own button).
_SKIPPED_SUFFIXES = (".gz", ".br", ".map", ".mp4", ".webm", ".htaccess")
_SKIPPED_NAMES = {"_headers", "_redirects", ".htaccess"}
# lunr's languages: the search worker loads only the page's language and the stemmer support.
_LUNR_MIN = "assets/javascripts/lunr/min/"
_LUNR_EXTRAS = ("assets/javascripts/lunr/wordcut.js", "assets/javascripts/lunr/tinyseg.js")
# What pages load by themselves (stylesheets, scripts, images, posters, captions).
_LOADED = re.compile(r"""<(?:link|script|img|source|track|video)\b[^>]*?\s(?:href|src|poster)\s*=\s*["']([^"'#?]+)""", re.I)
# The control's markers (overrides/partials/saved-copy.html), filled in here.
_SIZE_MARK = re.compile(r"(<span data-offline-size>)[^<]*(</span>)")
_PAGES_MARK = re.compile(r"(<span data-offline-pages>)[^<]*(</span>)")
_BYTES_MARK = re.compile(r'data-offline-bytes="[^"]*"')
# The 404 page's own content (overrides/404.html), replaced by the offline text.
_NOT_FOUND_CONTENT = re.compile(r'<h1 id="not-found">.*?(?=</article>)', re.S)
_TITLE = re.compile(r"<title>.*?</title>", re.S)

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    keep_trailing_newline=True,
)


@dataclass
class LanguageCopy:
    language: str
    version: str
    files: int
    bytes: int
    pages: int


@dataclass
class SavedCopyReport:
    languages: dict[str, LanguageCopy] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def language_root(language: str, default_language: str) -> str:
    """The folder of a language's pages, relative to the site root: "" or "fr/"."""
    return "" if language == default_language else f"{language}/"


def write_saved_copy(
    site_dir: Path,
    languages: Sequence[str],
    default_language: str,
    site_names: Mapping[str, str],
    ui_strings: dict[str, dict[str, str]],
    base_path: str = "/",
) -> SavedCopyReport:
    """Write, for each language of `site_dir`: its offline page, manifest and `saved-copy.json`
    (version, files with size and hash), and the saved copy's size into the control of its pages.

    `site_names`: each language's site name (mkdocs.yml, i18n `site_name`); `ui_strings`: data/ui-strings.yml
    as `advocacy_guide.ui_strings.load_ui_strings` reads it; `base_path`: the site's path on its host (the
    path of `site_url`), for the offline page's links, which must work at any address.
    """
    report = SavedCopyReport()
    # The shared assets are in every language's list: each file is read and hashed once. Safe,
    # because a language's pages are rewritten (_fill_control) before its list is hashed, and no
    # file is in two languages' lists but the shared ones, which nothing rewrites.
    hashes: dict[str, str] = {}

    def file_hash(path: str) -> str:
        if path not in hashes:
            hashes[path] = _file_hash(site_dir / path)
        return hashes[path]

    def ui(key: str, language: str) -> str:
        return translate(ui_strings, key, language)

    for language in languages:
        root = language_root(language, default_language)
        offline = _write_offline_page(site_dir, root, language, ui, base_path)
        if offline is None:
            report.problems.append(f"{root}404.html is missing: the saved copy of '{language}' has no offline page")
        _write_manifest(site_dir, root, language, site_names.get(language) or site_names[default_language], ui)
        _write_strings(site_dir, root, language, ui_strings)
        files = language_files(site_dir, language, languages, default_language)
        pages = [path for path in files if path.endswith(".html") and path.startswith(root)]
        readable = [path for path in pages if path.rsplit("/", 1)[-1] not in ("404.html", OFFLINE_PAGE)]
        estimate = sum((site_dir / path).stat().st_size for path in files)
        _fill_control(site_dir, pages, file_size(estimate, language, lambda key: ui(key, language)), len(readable), estimate)
        listed = [[path, (site_dir / path).stat().st_size, file_hash(path)] for path in files]
        version = hashlib.sha256(json.dumps(listed, separators=(",", ":")).encode()).hexdigest()[:16]
        total = sum(size for _, size, _ in listed)
        document = {
            "format": "advocacy-guide-saved-copy",
            "language": language,
            "version": version,
            "root": root,
            "offline": f"{root}{OFFLINE_PAGE}",
            "bytes": total,
            "files": listed,
        }
        (site_dir / root / LIST_NAME).write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
        report.languages[language] = LanguageCopy(language, version, len(listed), total, len(readable))
    return report


def language_files(site_dir: Path, language: str, languages: Sequence[str], default_language: str) -> list[str]:
    """Every file a reader of `language` needs offline, as site paths: the language's pages and
    files, its search index, the shared assets its pages and search load, the images, posters and
    captions its pages name. Not the videos, nor other languages' pages."""
    root = language_root(language, default_language)
    others = [f"{other}/" for other in languages if other != default_language and other != language]
    chosen: set[str] = set()
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        site_path = path.relative_to(site_dir).as_posix()
        if _skipped(site_path) or site_path == f"{root}{LIST_NAME}":
            continue
        if site_path.startswith("assets/"):
            if _wanted_asset(site_path, language):
                chosen.add(site_path)
        elif site_path.startswith("videos/"):
            continue  # only what the pages name (below)
        elif root and site_path.startswith(root):
            chosen.add(site_path)
        elif not root and not any(site_path.startswith(other) for other in [*others, *(f"{l}/" for l in languages)]):
            chosen.add(site_path)
    for page in [p for p in list(chosen) if p.endswith(".html")]:
        for address in _LOADED.findall((site_dir / page).read_text(encoding="utf-8")):
            target = _site_path(page, address)
            if target and not _skipped(target) and (site_dir / target).is_file():
                chosen.add(target)
    return sorted(chosen)


def _skipped(site_path: str) -> bool:
    name = site_path.rsplit("/", 1)[-1]
    return name in _SKIPPED_NAMES or site_path.endswith(_SKIPPED_SUFFIXES) or name == "sitemap.xml.gz"


def _wanted_asset(site_path: str, language: str) -> bool:
    if site_path in _LUNR_EXTRAS:
        return False
    if site_path.startswith(_LUNR_MIN):
        name = site_path[len(_LUNR_MIN) :]
        return name in ("lunr.stemmer.support.min.js", "lunr.multi.min.js", f"lunr.{language}.min.js")
    return True


def _site_path(page: str, address: str) -> str | None:
    """`address` as written in `page`, as a site path; None for another site's address."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    if parts.path.startswith("/"):
        joined = parts.path.lstrip("/")
    else:
        folder = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
        joined = normpath(folder + parts.path)
    joined = unquote(joined)
    return None if joined.startswith("..") else joined


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill_control(site_dir: Path, pages: Sequence[str], size_text: str, page_count: int, size: int) -> None:
    """The control says what saving stores; the pages are built before their size is known."""
    for page in pages:
        path = site_dir / page
        html = path.read_text(encoding="utf-8")
        if "data-offline-size" not in html:
            continue
        filled = _SIZE_MARK.sub(lambda m: m.group(1) + escape(size_text) + m.group(2), html)
        filled = _PAGES_MARK.sub(lambda m: m.group(1) + str(page_count) + m.group(2), filled)
        filled = _BYTES_MARK.sub(f'data-offline-bytes="{size}"', filled)
        if filled != html:
            path.write_text(filled, encoding="utf-8")


def _write_offline_page(site_dir: Path, root: str, language: str, ui: Callable[[str, str], str], base_path: str) -> Path | None:
    """The language's 404 page with the offline text in its place: same look, same policy."""
    not_found = site_dir / root / "404.html"
    if not not_found.is_file():
        return None
    html = not_found.read_text(encoding="utf-8")
    content = _templates.get_template("offline.html").render(
        title=ui("saved_copy.offline_title", language),
        text=ui("saved_copy.offline_text", language),
        home=f"{base_path.rstrip('/')}/{root}index.html",
        home_label=ui("saved_copy.offline_home", language),
    )
    html = _NOT_FOUND_CONTENT.sub(lambda _: content, html, count=1)
    html = _TITLE.sub(lambda _: f"<title>{escape(ui('saved_copy.offline_title', language))}</title>", html, count=1)
    target = site_dir / root / OFFLINE_PAGE
    target.write_text(html, encoding="utf-8")
    return target


def _write_manifest(site_dir: Path, root: str, language: str, site_name: str, ui: Callable[[str, str], str]) -> None:
    up = "../" * root.count("/")
    manifest = {
        "name": site_name,
        "short_name": ui("saved_copy.short_name", language),
        "description": ui("saved_copy.app_description", language),
        "lang": language,
        "dir": "ltr",
        "id": "./index.html",
        "start_url": "./index.html",
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND_COLOR,
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": f"{up}{path}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"}
            for size, path in ICONS.items()
        ],
    }
    (site_dir / root / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def _write_strings(site_dir: Path, root: str, language: str, ui_strings: dict[str, dict[str, str]]) -> None:
    """The `saved_copy.*` strings for assets/saved-copy-app.js, which loads them only on use."""
    prefix = "saved_copy."
    texts = {key[len(prefix) :]: translate(ui_strings, key, language) for key in ui_strings if key.startswith(prefix)}
    (site_dir / root / STRINGS_NAME).write_text(json.dumps(texts, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
