"""The offline copy: the whole site, three languages, in a zip that works from `file://`.

Trainers share it where the internet is slow, costly, watched or absent: on a USB stick, over a
local network, in a messaging app. Opened from disk, a page can load nothing but files next to
it. What the online site does differently, and what this build changes:

- Search: Material fetches `search/search_index.json`, which a `file://` page cannot; it loads
  `search/search_index.js` instead (a script setting `__index`). One is written next to each
  language's index. Its worker cannot start from disk either: the iframe-worker shim, vendored
  in offline/iframe-worker/, stands in for it (see `iframe_worker`).
- Language alternates: the `<link rel="alternate" hreflang>` addresses are absolute (search
  engines want them so), and Material fetches a sitemap next to each one: from the copy that
  would contact the online site. The offline build leaves them out; the language switcher still
  leads to the same page in the other language.
- Captions: Chromium refuses `<track src>` files from `file://` ("'file:' URLs are treated as
  unique security origins"), while the video itself plays. The offline build writes each
  caption file into its page as a `data:` address, which any origin may load.

The build is `OFFLINE=1 mkdocs build` (hooks/offline.py reads the variable).
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from advocacy_guide.html_tags import attribute, start_tag, substitute_in_markup
from advocacy_guide.iframe_worker import SHIM_SITE_PATH

TRACK = start_tag("track")

REPO = Path(__file__).resolve().parents[2]
SHIM_SOURCE = REPO / "offline" / "iframe-worker" / "shim.js"
OFFLINE_ENV = "OFFLINE"
ZIP_NAME = "advocacy-guide-offline.zip"
TOP_FOLDER = "advocacy-guide"  # the folder the zip unpacks into

OPEN_ME = """\
Civil Society Advocacy Guide - offline copy
Guide de plaidoyer pour la société civile - copie hors ligne
Guía de incidencia para la sociedad civil - copia sin conexión

Open index.html in a web browser (English), fr/index.html (français) or es/index.html (español).
Ouvrez fr/index.html dans un navigateur web. / Abra es/index.html en un navegador web.

Nothing in this copy connects to the internet.
"""


def is_offline_build(environ: dict[str, str] | None = None) -> bool:
    return (environ if environ is not None else os.environ).get(OFFLINE_ENV, "") not in ("", "0")


def write_search_scripts(site_dir: Path) -> list[Path]:
    """A `search_index.js` next to every `search_index.json` of the site (one per language)."""
    written = []
    for index in sorted(site_dir.rglob("search/search_index.json")):
        script = index.with_suffix(".js")
        script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
        written.append(script)
    return written


def install_worker_shim(site_dir: Path, shim_source: Path = SHIM_SOURCE) -> Path:
    target = site_dir / SHIM_SITE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim_source, target)
    return target


def inline_captions(document: str, page: Path, site_dir: Path) -> str:
    """`document` with each `<track src="x.vtt">` of the site replaced by a `data:` address."""

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        src = attribute(match.group("attrs"), "src")
        if not src or not src.endswith(".vtt") or ":" in src:
            return tag
        file = (page.parent / src).resolve()
        if not file.is_file() or site_dir.resolve() not in file.parents:
            return tag  # the link checker reports it
        data = "data:text/vtt;base64," + base64.b64encode(file.read_bytes()).decode("ascii")
        return re.sub(r"""\bsrc\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)""", f'src="{data}"', tag, count=1)

    return substitute_in_markup(document, TRACK, replace)


def inline_site_captions(site_dir: Path) -> int:
    """Inline the captions of every page of the site; returns how many pages changed."""
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        original = page.read_text(encoding="utf-8")
        updated = inline_captions(original, page, site_dir)
        if updated != original:
            page.write_text(updated, encoding="utf-8")
            changed += 1
    return changed


# Files a reader never loads, left out of the copy to keep it small: compressed duplicates,
# source maps (developer tools only), lunr's word segmenters for Thai and Japanese (0.7 MB).
LEFT_OUT_SUFFIXES = (".gz", ".map")
LEFT_OUT_PATHS = ("assets/javascripts/lunr/wordcut.js", "assets/javascripts/lunr/tinyseg.js")


def _left_out(site_path: str) -> bool:
    return site_path.endswith(LEFT_OUT_SUFFIXES) or site_path in LEFT_OUT_PATHS


def zip_site(site_dir: Path, zip_path: Path, top_folder: str = TOP_FOLDER) -> Path:
    """Zip `site_dir` under `top_folder/`, with a short multilingual note at the top, in a
    stable order (the same site gives the same list of entries)."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{top_folder}/OPEN-ME.txt", OPEN_ME)
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and not _left_out(path.relative_to(site_dir).as_posix()):
                archive.write(path, f"{top_folder}/{path.relative_to(site_dir).as_posix()}")
    partial.replace(zip_path)
    return zip_path


def build_offline(project_dir: Path, zip_path: Path, site_dir: Path | None = None) -> Path:
    """Build the site for `file://` (strictly) and zip it into `zip_path`."""
    with tempfile.TemporaryDirectory(prefix="offline-") as scratch:
        target = site_dir or Path(scratch) / "site"
        env = {**os.environ, OFFLINE_ENV: "1", "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(project_dir / "mkdocs.yml"), "-d", str(target)],
            cwd=project_dir,
            env=env,
            check=True,
        )
        return zip_site(target, zip_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m advocacy_guide.offline", description="Build the offline copy of the guide.")
    parser.add_argument("zip", type=Path, nargs="?", default=REPO / "dist" / ZIP_NAME, help=f"where to write it (default: dist/{ZIP_NAME})")
    args = parser.parse_args(argv)
    try:
        path = build_offline(REPO, args.zip)
    except subprocess.CalledProcessError as error:
        print(f"error: the offline build failed (exit {error.returncode}); see the messages above", file=sys.stderr)
        return 1
    size = path.stat().st_size
    print(f"Offline copy written to {path} ({size / 1_000_000:.1f} MB). Unzip it and open {TOP_FOLDER}/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
