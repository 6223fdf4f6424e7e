"""`make bench`: the guide against stock Material for MkDocs, written to benchmarks/RESULTS.md.

In one run, on this machine:
- build times: the full trilingual build vs stock Material with the i18n plugin, and vs three
  plain stock builds (one per language folder); median of several runs, peak memory;
- first-visit transfer (gzip, everything same-origin a page loads, empty cache) for a home page,
  a guide page and a module page, against the same pages built stock (Material + i18n, one
  index of all languages), and against stock built per language (one plain Material site per
  language folder, its own index: what a single-language site would cost);
- the JavaScript and CSS the project adds (gzip bytes);
- search index size per language;
- Lighthouse 12.2.3 mobile scores for the same pages (Debian's Chromium).

Times and Lighthouse scores vary from run to run and machine to machine: they are reported, never
asserted. The byte budgets are asserted by tests/browser/test_byte_budgets.py in `make test`.

    .venv/bin/python benchmarks/run.py [--runs 5] [--no-lighthouse]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.measure import (  # noqa: E402 - after the path set-up, so `python benchmarks/run.py` works
    PAGES,
    REPO,
    Transfer,
    added_assets,
    assets_pages_load,
    build,
    first_visit,
    gzip_host,
    search_index_sizes,
    write_single_language_stock,
    write_stock_project,
)
from tests.support.build import free_port  # noqa: E402

BENCH = REPO / "benchmarks"
WORK = BENCH / "work"
RESULTS = BENCH / "RESULTS.md"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET_ADDED_BYTES = 10 * 1024
BUDGET_GUIDE_RATIO = 1.10
BUDGET_GUIDE_RATIO_PER_LANGUAGE = 0.75
LANGUAGES = ("en", "fr", "es")
TEMPLATE_CACHE = REPO / ".cache" / "templates"  # hooks/template_cache.py


@dataclass
class BuildFigures:
    seconds: list[float]
    peak_mb: float

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def port_of(url: str) -> int:
    return int(url.rstrip("/").rsplit(":", 1)[1])


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KiB"


def timed_builds(runs: int, ours_url: str, stock_url: str, single_urls: dict[str, str]) -> dict[str, BuildFigures]:
    stock_config = write_stock_project(WORK / "stock", stock_url)
    singles = {lang: write_single_language_stock(WORK / f"stock-{lang}", lang, single_urls[lang]) for lang in LANGUAGES}
    figures = {name: BuildFigures([], 0.0) for name in ("ours", "ours-first", "stock", "stock-3")}
    for run in range(runs):
        print(f"build run {run + 1}/{runs}", flush=True)
        # A first build (fresh clone): no compiled templates kept from an earlier build.
        shutil.rmtree(TEMPLATE_CACHE, ignore_errors=True)
        first = build(REPO / "mkdocs.yml", WORK / "site-ours", ours_url, strict=True)
        if not first.ok:
            raise SystemExit(f"the site's strict build failed:\n{first.output}")
        figures["ours-first"].seconds.append(first.seconds)
        figures["ours-first"].peak_mb = max(figures["ours-first"].peak_mb, first.peak_rss_mb)
        ours = build(REPO / "mkdocs.yml", WORK / "site-ours", ours_url, strict=True)
        if not ours.ok:
            raise SystemExit(f"the site's strict build failed:\n{ours.output}")
        stock = build(stock_config, WORK / "site-stock", stock_url)
        if not stock.ok:
            raise SystemExit(f"the stock build failed:\n{stock.output}")
        three = [build(config, WORK / f"site-stock-{lang}", single_urls[lang]) for lang, config in singles.items()]
        figures["ours"].seconds.append(ours.seconds)
        figures["ours"].peak_mb = max(figures["ours"].peak_mb, ours.peak_rss_mb)
        figures["stock"].seconds.append(stock.seconds)
        figures["stock"].peak_mb = max(figures["stock"].peak_mb, stock.peak_rss_mb)
        figures["stock-3"].seconds.append(sum(b.seconds for b in three))
        figures["stock-3"].peak_mb = max(figures["stock-3"].peak_mb, *(b.peak_rss_mb for b in three))
    return figures


def hook_times(site_url: str) -> dict[str, float]:
    """Seconds spent in each hook module's events during one build under cProfile (which slows
    everything down about 2x: compare hooks with each other, not with the build times)."""
    import pstats

    profile = WORK / "build.prof"
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mkdocs", "build", "-q", "--strict",
         "-f", str(REPO / "mkdocs.yml"), "-d", str(WORK / "site-profile")],
        cwd=REPO, env=env, check=True,
    )
    times: dict[str, float] = {}
    for (filename, _line, function), (_cc, _nc, _tt, cumulative, _callers) in pstats.Stats(str(profile)).stats.items():  # type: ignore[attr-defined]
        path = Path(filename)
        if path.parent == REPO / "hooks" and function.startswith("on_"):
            times[path.name] = times.get(path.name, 0.0) + cumulative
    return dict(sorted(times.items(), key=lambda item: -item[1]))


@dataclass
class Visits:
    """First visits of the benchmark pages: against stock with i18n (English pages), and against
    stock built per language (each page name in each language, `(language, page name)`)."""

    stock: dict[str, tuple[Transfer, Transfer]]
    per_language: dict[tuple[str, str], tuple[Transfer, Transfer]]


def transfers(ours_url: str, stock_url: str, single_urls: dict[str, str]) -> Visits:
    from contextlib import ExitStack

    from playwright.sync_api import sync_playwright

    visits = Visits({}, {})
    with ExitStack() as hosts, sync_playwright() as playwright:
        hosts.enter_context(gzip_host(WORK / "site-ours", port_of(ours_url)))
        hosts.enter_context(gzip_host(WORK / "site-stock", port_of(stock_url)))
        for lang, url in single_urls.items():
            hosts.enter_context(gzip_host(WORK / f"site-stock-{lang}", port_of(url)))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name, page in PAGES.items():
            visits.stock[name] = (first_visit(browser, ours_url + page, ours_url), first_visit(browser, stock_url + page, stock_url))
        for lang, url in single_urls.items():
            prefix = "" if lang == "en" else f"{lang}/"
            for name, page in PAGES.items():
                if lang == "en" or name == "guide":
                    ours = visits.stock[name][0] if lang == "en" else first_visit(browser, ours_url + prefix + page, ours_url)
                    visits.per_language[(lang, name)] = (ours, first_visit(browser, url + page, url))
        browser.close()
    return visits


def ensure_lighthouse() -> bool:
    if LIGHTHOUSE.exists():
        return True
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: Lighthouse skipped (install Node.js 18.16 or newer)", file=sys.stderr)
        return False
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)
    return LIGHTHOUSE.exists()


def lighthouse(url: str, output: Path) -> dict[str, float]:
    """Lighthouse's default mobile run (simulated slow 4G, mid-range phone CPU): the four scores,
    and the machine's speed as Lighthouse measured it (`benchmarkIndex`)."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(
        [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        ],
        env=env,
        check=True,
        timeout=300,
    )
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {category: report["categories"][category]["score"] for category in CATEGORIES}
    return {**scores, "benchmark-index": report["environment"].get("benchmarkIndex", 0.0)}


def median_run(url: str, output: Path, runs: int) -> dict[str, float]:
    """The run with the median performance score, as Lighthouse's documentation advises: one run
    moves with the machine's load. Its report is kept at `output`."""
    results = []
    for run in range(runs):
        path = output.with_name(f"{output.stem}-{run + 1}.json")
        results.append((lighthouse(url, path), path))
    results.sort(key=lambda result: result[0]["performance"])
    chosen, path = results[len(results) // 2]
    shutil.copyfile(path, output)
    return {**chosen, "performance-runs": [scores["performance"] for scores, _ in results]}  # type: ignore[dict-item]


def lighthouse_scores(ours_url: str, stock_url: str, runs: int) -> dict[str, tuple[dict[str, float], dict[str, float]]]:
    scores = {}
    # Served with gzip, as every common static host serves text.
    with gzip_host(WORK / "site-ours", port_of(ours_url)), gzip_host(WORK / "site-stock", port_of(stock_url)):
        for name, page in PAGES.items():
            print(f"lighthouse: {page}", flush=True)
            scores[name] = (
                median_run(ours_url + page, WORK / f"lighthouse-ours-{name}.json", runs),
                median_run(stock_url + page, WORK / f"lighthouse-stock-{name}.json", runs),
            )
    return scores


def edition_figures() -> list[str]:
    """`make pdf` and `make zim` timed: the site built once for both, then each file."""
    from advocacy_guide import LANGUAGES
    from advocacy_guide.editions.pdf import pdf_name, render_pdf
    from advocacy_guide.editions.site import build_site
    from advocacy_guide.editions.zim import write_zim

    started = time.perf_counter()
    guide = build_site(REPO, WORK / "site-editions")
    site_seconds = time.perf_counter() - started
    lines = [
        "## Editions (`make pdf`, `make zim`)",
        "",
        f"The site's offline variant, built once for both editions: {site_seconds:.1f} s.",
        "",
        "| Language | PDF build | PDF pages | PDF size | ZIM build | ZIM size |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for language in LANGUAGES:
        pdf = render_pdf(guide, language, WORK / "editions" / pdf_name(language))
        zim = write_zim(guide, language, WORK / "editions")
        lines.append(
            f"| {language} | {pdf.seconds:.1f} s | {pdf.pages} | {pdf.bytes / 1e6:.2f} MB | {zim.seconds:.1f} s | {zim.bytes / 1e6:.2f} MB |"
        )
    lines += ["", "Target: each PDF under 10 MB (the build refuses a larger one).", ""]
    return lines


def saved_copy_figures(site: Path) -> list[str]:
    """What "Keep this guide on this phone" stores per language (advocacy_guide.saved_copy): the
    bytes kept on the phone, and the bytes downloaded from a host that sends the .gz copies."""
    lines = [
        "## Saved copy on a phone, per language (videos not included)",
        "",
        "| Language | Files | Stored on the phone | Download (gzip) |",
        "|---|---:|---:|---:|",
    ]
    for listing in sorted(site.glob("**/saved-copy.json")):
        listed = json.loads(listing.read_text(encoding="utf-8"))
        download = 0
        for path, size, _ in listed["files"]:
            compressed = site / f"{path}.gz"
            download += compressed.stat().st_size if compressed.is_file() else size
        lines.append(f"| {listed['language']} | {len(listed['files'])} | {kb(listed['bytes'])} | {kb(download)} |")
    return [*lines, ""]


def versions() -> str:
    from importlib.metadata import version

    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    packages = ", ".join(f"{name} {version(name)}" for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "mkdocs-video"))
    return f"{packages}; Python {platform.python_version()}; {chromium}; {os.cpu_count()} cores"


def report(
    runs: int,
    builds: dict[str, BuildFigures],
    hooks: dict[str, float],
    visits: Visits,
    scores: dict | None,
    editions: list[str] | None = None,
) -> str:
    ours_site, stock_site = WORK / "site-ours", WORK / "site-stock"
    added = added_assets(ours_site, stock_site)
    loaded = assets_pages_load(ours_site)
    added_loaded = {path: size for path, size in added.items() if path in loaded}
    today = dt.date.today().isoformat()
    lines = [
        "# Benchmark: the guide vs stock Material for MkDocs",
        "",
        f"Written by `make bench` (benchmarks/run.py) on {today}. {versions()}.",
        f"Load average (1 min) at the end of the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores;",
        "Lighthouse's performance score and the times drop when other work shares the machine.",
        "Stock: the same docs, languages, navigation, theme settings, Markdown extensions and plugins",
        "(search, i18n with its default search, mkdocs-video), without the project's hooks, overrides,",
        "extra CSS or JavaScript and Markdown extension. Times vary with the machine's load: compare",
        "rows of one run, not runs.",
        "",
        f"## Build (median of {runs} runs)",
        "",
        "| Build | Median | Runs | Peak memory |",
        "|---|---:|---|---:|",
    ]
    names = {
        "ours": "The guide (3 languages, strict), rebuilt",
        "ours-first": "The guide, first build (no compiled templates in .cache/)",
        "stock": "Stock Material + i18n (3 languages)",
        "stock-3": "Stock Material, 3 plain builds (one per language folder), summed",
    }
    for key, label in names.items():
        figures = builds[key]
        lines.append(f"| {label} | {figures.median:.1f} s | {', '.join(f'{s:.1f}' for s in figures.seconds)} | {figures.peak_mb:.0f} MB |")
    ratio = builds["ours"].median / builds["stock-3"].median
    first_ratio = builds["ours-first"].median / builds["stock-3"].median
    lines += [
        "",
        f"The guide's build takes {ratio:.2f}x the three plain stock builds (target: at most 1.00x);",
        "its first build after a fresh clone, before Jinja's compiled templates are kept in",
        f"`.cache/templates/`, {first_ratio:.2f}x.",
        "",
    ]
    lines += [
        "Time in each hook's events, one build under cProfile (profiling slows everything about 2x:",
        "compare the hooks with each other):",
        "",
        "| Hook | Seconds |",
        "|---|---:|",
        *(f"| `hooks/{name}` | {seconds:.2f} |" for name, seconds in hooks.items()),
        "",
    ]
    lines += [
        "## First visit (gzip, empty cache, everything same-origin the page loads)",
        "",
        "| Page | The guide | Stock | Ratio | HTML | CSS | JS | JSON (search index) | Other |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, (ours, stock) in visits.stock.items():
        lines.append(visit_row(PAGES[name], ours, stock))
    lines += [
        "",
        f"Columns by kind: the guide / stock. Target for the guide page: at most {BUDGET_GUIDE_RATIO:.2f}x stock.",
        "Stock loads its search worker and one index of all three languages on the first visit; the",
        "guide loads its language's index and the worker only when the reader opens search.",
        "",
        "### Against stock Material built per language",
        "",
        "One plain Material site per language folder (its own index, the same pages, no i18n plugin,",
        "no project assets), which loads its worker and its language's index on the first visit.",
        "",
        "| Page | The guide | Stock (that language) | Ratio | HTML | CSS | JS | JSON (search index) | Other |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (lang, name), (ours, stock) in visits.per_language.items():
        lines.append(visit_row(("" if lang == "en" else f"{lang}/") + PAGES[name], ours, stock))
    lines += [
        "",
        f"Target for the guide page in each language: at most {BUDGET_GUIDE_RATIO_PER_LANGUAGE:.2f}x stock per language.",
        "",
        "What the guide page's first visit loads (gzip bytes):",
        "",
        "| Address | The guide | Stock per language |",
        "|---|---:|---:|",
    ]
    ours_guide, stock_guide = visits.per_language[("en", "guide")]
    ours_paths, stock_paths = _by_path(ours_guide), _by_path(stock_guide)
    for path in sorted({*ours_paths, *stock_paths}, key=lambda p: -max(ours_paths.get(p, 0), stock_paths.get(p, 0))):
        lines.append(f"| `{path}` | {ours_paths.get(path, 0):,} B | {stock_paths.get(path, 0):,} B |")
    lines += [
        "",
        "## JavaScript and CSS the project adds (gzip)",
        "",
        "| File | gzip | Loaded by pages |",
        "|---|---:|---|",
    ]
    for path, size in added.items():
        lines.append(f"| `{path}` | {size:,} B | {'yes' if path in loaded else 'on request'} |")
    lines += [
        f"| **Loaded by the reading pages** | **{sum(added_loaded.values()):,} B** | target: at most {BUDGET_ADDED_BYTES:,} B |",
        f"| All added files | {sum(added.values()):,} B | |",
        "",
        "## Search index per language",
        "",
        "| Index | Raw | gzip |",
        "|---|---:|---:|",
    ]
    for path, (raw, gz) in search_index_sizes(ours_site).items():
        lines.append(f"| guide: `{path}` | {kb(raw)} | {kb(gz)} |")
    for path, (raw, gz) in search_index_sizes(stock_site).items():
        lines.append(f"| stock: `{path}` (all languages) | {kb(raw)} | {kb(gz)} |")
    lines += ["", *saved_copy_figures(ours_site)]
    lines += ["", *(editions or ["## Editions", "", "Not run in this benchmark (`--no-editions`).", ""])]
    lines += ["## Lighthouse 12.2.3, mobile (the guide / stock)", ""]
    if scores:
        lines += [
            "The run with the median performance score of each page (Lighthouse's advice: one run moves",
            "with the machine's load). Benchmark index: the machine's speed as Lighthouse measured it",
            "during that run (higher is faster).",
            "",
            "| Page | Performance | Accessibility | Best practices | SEO | Performance runs | Benchmark index |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, (ours, stock) in scores.items():
            cells = " | ".join(f"{ours[c]:.2f} / {stock[c]:.2f}" for c in CATEGORIES)
            runs_cell = " / ".join(", ".join(f"{value:.2f}" for value in side["performance-runs"]) for side in (ours, stock))  # type: ignore[union-attr]
            lines.append(f"| {PAGES[name]} | {cells} | {runs_cell} | {ours['benchmark-index']:.0f} / {stock['benchmark-index']:.0f} |")
        lines += ["", "Targets: performance at least 0.95; accessibility, best practices and SEO 1.00."]
    else:
        lines.append("Not run in this benchmark (`--no-lighthouse`, or npm missing).")
    return "\n".join(lines) + "\n"


def visit_row(label: str, ours: Transfer, stock: Transfer) -> str:
    cells = " | ".join(f"{kb(ours.of_kind(k))} / {kb(stock.of_kind(k))}" for k in ("html", "css", "js", "json"))
    other = kb(ours.of_kind("other") + ours.of_kind("xml")) + " / " + kb(stock.of_kind("other") + stock.of_kind("xml"))
    return f"| {label} | {kb(ours.total)} | {kb(stock.total)} | {ours.total / stock.total:.2f} | {cells} | {other} |"


def _by_path(transfer: Transfer) -> dict[str, int]:
    """Bytes by site path (the address without its origin), so that two sites' files line up."""
    from urllib.parse import urlsplit

    return {urlsplit(url).path: size for url, size in transfer.by_url.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (median reported)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs per page and site (median reported)")
    parser.add_argument("--no-editions", action="store_true", help="skip timing make pdf and make zim")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    ours_url, stock_url = f"http://127.0.0.1:{free_port()}/", f"http://127.0.0.1:{free_port()}/"
    single_urls = {lang: f"http://127.0.0.1:{free_port()}/" for lang in LANGUAGES}
    builds = timed_builds(args.runs, ours_url, stock_url, single_urls)
    hooks = hook_times(ours_url)
    visits = transfers(ours_url, stock_url, single_urls)
    scores = lighthouse_scores(ours_url, stock_url, args.lighthouse_runs) if not args.no_lighthouse and ensure_lighthouse() else None
    editions = None if args.no_editions else edition_figures()
    text = report(args.runs, builds, hooks, visits, scores, editions)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    print(f"Written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
