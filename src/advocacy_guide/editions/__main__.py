"""`python -m advocacy_guide.editions pdf|zim`: the editions to hand over (README, "Editions").

Both build the site once (its offline variant, strictly) into a temporary folder, then write one
file per language into dist/ (or `--out`). `--site DIR` reuses a folder already built with
`OFFLINE=1 mkdocs build` (the tests and `make bench` do).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from advocacy_guide.build.languages import project_languages
from advocacy_guide.editions import EditionError
from advocacy_guide.editions.site import build_site, read_guide

REPO = Path(__file__).resolve().parents[3]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m advocacy_guide.editions", description=__doc__)
    parser.add_argument("edition", choices=("pdf", "zim"), help="pdf: the printed guide; zim: the Kiwix file")
    parser.add_argument("--language", "-l", action="append", metavar="LANG", help="only this language (repeatable; default: every language of mkdocs.yml)")
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="folder to write into (default: dist/)")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default: a4)")
    parser.add_argument("--site", type=Path, help="an offline build of the site to use instead of building one")
    parser.add_argument("--project", type=Path, default=REPO, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    site_languages = project_languages(args.project)
    for code in args.language or []:
        if code not in site_languages:
            parser.error(f"argument --language: '{code}' is not a language of the site (use {', '.join(site_languages.codes)})")
    languages = args.language or list(site_languages.codes)
    try:
        with tempfile.TemporaryDirectory(prefix="editions-") as scratch:
            started = time.perf_counter()
            if args.site:
                guide = read_guide(args.project, args.site)
            else:
                guide = build_site(args.project, Path(scratch) / "site")
                print(f"Site built for the editions in {time.perf_counter() - started:.1f} s")
            for language in languages:
                if args.edition == "pdf":
                    from advocacy_guide.editions.pdf import pdf_name, render_pdf

                    made = render_pdf(guide, language, args.out / pdf_name(language), args.paper)
                    print(f"{made.path}: {made.parts} pages, {made.bytes / 1e6:.1f} MB, {made.seconds:.1f} s")
                else:
                    from advocacy_guide.editions.zim import write_zim

                    written = write_zim(guide, language, args.out)
                    print(f"{written.path}: {written.parts} entries, {written.bytes / 1e6:.1f} MB, {written.seconds:.1f} s")
    except EditionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
