"""The finishing list: the work done once, on the whole site, after every language is built.

hooks/build.py runs `finish_site` from its outermost `on_post_build` (priority -200, after the
i18n plugin's -100, which builds every other language from inside its own). The steps run in
the order of `STEPS`; each says why it is there and why at that place. A step that does not
apply to a kind of build (`mkdocs serve`, the offline copy) says so in its `Step` entry, and
`applies` is the one place that decides.

To add a step (a service worker for the saved offline copy, say): write one function
`step(ctx: BuildContext) -> None` with a docstring, and add one `Step(...)` to `STEPS` where it
belongs, after the pages it reads are final and before the steps that read what it writes.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.plugins import get_plugin_logger

from advocacy_guide.build.context import BuildContext
from advocacy_guide.search_index import split_search_index
from advocacy_guide.sitemaps import absolute_url, language_sitemap

log = get_plugin_logger("build")
# The policy's findings keep the name translators know from the Markdown findings (hooks/security.py).
security_log = get_plugin_logger("hooks/security")


@dataclass(frozen=True)
class Step:
    run: Callable[[BuildContext], None]
    serve: bool = True  # also for `mkdocs serve` (a preview: nothing deployed, live reload)
    online: bool = True  # also for the site that is deployed
    offline: bool = True  # also for the offline copy (OFFLINE=1)

    @property
    def name(self) -> str:
        return self.run.__name__


def applies(step: Step, ctx: BuildContext) -> bool:
    """Whether `step` runs in this build: the one place the kinds of build are told apart."""
    if ctx.serving and not step.serve:
        return False
    return step.offline if ctx.offline else step.online


def finish_site(ctx: BuildContext) -> None:
    for step in STEPS:
        if applies(step, ctx):
            step.run(ctx)
    if ctx.serving:
        log.info("mkdocs serve: pages are served without their Content-Security-Policy (live reload)")


# -----------------------------------------------------------------------------
# The steps, in order
# -----------------------------------------------------------------------------


def write_not_found_pages(ctx: BuildContext) -> None:
    """A 404 page per language (/404.html, /fr/404.html...): every language build renders the
    same `404.html` and the last one wins, so hooks/i18n_site.py keeps each language's in
    `ctx.not_found_pages`. First: the later steps (policy, deployment) read every page."""
    for language in ctx.languages.codes:
        html = ctx.not_found_pages.get(language)
        if html is None:
            continue
        target = ctx.site_dir / ctx.languages.folder(language) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def write_search_indexes(ctx: BuildContext) -> None:
    """One search index per language (fr/search/search_index.json), stemmed in its language:
    the i18n plugin stacks every language into the root index, which it has finished writing
    when its `on_post_build` returns (overrides/main.html points each page at its language's).
    Before the offline copy, which turns each index into a script."""
    combined = ctx.site_dir / "search" / "search_index.json"
    if not combined.exists():
        return
    index = json.loads(combined.read_text(encoding="utf-8"))
    for language, part in split_search_index(index, list(ctx.languages.codes), ctx.languages.default).items():
        folder = ctx.site_dir / ctx.languages.folder(language) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_sitemaps(ctx: BuildContext) -> None:
    """A sitemap in each language folder: Material's language switcher fetches the one next to
    the page it switches to. Made from the i18n plugin's site-wide sitemap, written by then.
    Before deployment, whose .gz copies include it."""
    sitemap = ctx.site_dir / "sitemap.xml"
    if not sitemap.exists():
        return
    full = sitemap.read_text(encoding="utf-8")
    site_url = ctx.config.site_url or "/"
    for language in ctx.languages.translations:
        root_url = absolute_url(site_url, ctx.languages.folder(language))
        (ctx.site_dir / language / "sitemap.xml").write_text(language_sitemap(full, root_url), encoding="utf-8")


def copy_media(ctx: BuildContext) -> None:
    """The declared video files (data/videos.yml), copied once into `videos/` at the site's
    root, where every language's pages point: after the last language, so that none of the
    language builds copies them again. Before the offline copy, which inlines their captions."""
    from advocacy_guide.videos import MEDIA_FOLDER

    source = ctx.root / MEDIA_FOLDER
    target = ctx.site_dir / MEDIA_FOLDER
    for name in sorted(ctx.media_files):
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, destination)


def write_offline_copy(ctx: BuildContext) -> None:
    """OFFLINE=1 only: what makes the site work from file:// (advocacy_guide.offline): the
    iframe-worker shim, a search_index.js next to each language's index (written above), the
    captions inlined into the pages. Before the security pass, which hashes the shim's inline
    script into each page's policy."""
    from advocacy_guide.offline import inline_site_captions, install_worker_shim, write_search_scripts

    install_worker_shim(ctx.site_dir)
    scripts = write_search_scripts(ctx.site_dir)
    captioned = inline_site_captions(ctx.site_dir)
    log.info(f"Offline build: {len(scripts)} search_index.js files, the iframe-worker shim, captions inlined into {captioned} pages")


def secure_pages(ctx: BuildContext) -> None:
    """Every page's Content-Security-Policy and rel=noopener (advocacy_guide.page_security):
    the hashes are of the inline scripts as served, so this reads the final HTML, after every
    step that writes pages. Not for `mkdocs serve`: its live reload injects an inline script."""
    from advocacy_guide.page_security import NO_CONTENT_REGION, secure_site
    from advocacy_guide.video_origins import frame_origins, frame_origins_from_file

    # One frame policy for the whole site: the hosts of every external video, declared in
    # data/videos.yml or placed on a page. They load only after a reader's click.
    frames = sorted({*frame_origins_from_file(ctx.root / "data" / "videos.yml"), *frame_origins(sorted(ctx.placed_video_addresses))})
    report = secure_site(ctx.site_dir, ctx.config.site_url, frames)
    for page in report.without_content:
        security_log.warning(f"{page}: {NO_CONTENT_REGION}")
    for page, findings in report.findings.items():
        if page in ctx.pages_reported_by_source:
            continue  # already named by its source file and line
        for finding in findings:
            security_log.warning(f"{page}: the page's Content-Security-Policy blocks {finding}")
    security_log.info(f"Content-Security-Policy written into {report.pages} pages")


def write_saved_copy(ctx: BuildContext) -> None:
    """The saved copy a phone keeps (advocacy_guide.saved_copy): per language, the list of its
    files and their version, the web app manifest and the offline page. After the security pass:
    the offline page keeps the policy that pass wrote, and the version hashes the pages as served.
    Before the deployment files, which precompress what this writes and read the policy back. Not
    for `mkdocs serve` (pages change on every edit and carry no policy: the control stays hidden)
    nor the offline copy (read from disk, where no service worker runs)."""
    from urllib.parse import urlsplit

    from advocacy_guide.saved_copy import write_saved_copy as write_copy
    from advocacy_guide.ui_strings import load_ui_strings

    i18n = ctx.config.plugins["i18n"]
    site_names = {
        language.locale: language.site_name or ctx.config.site_name for language in i18n.config.languages if language.build
    }
    strings = load_ui_strings(ctx.root / "data" / "ui-strings.yml")
    base_path = urlsplit(ctx.config.site_url or "/").path or "/"
    report = write_copy(ctx.site_dir, list(ctx.languages.codes), ctx.languages.default, site_names, strings, base_path)
    for problem in report.problems:
        log.warning(problem)
    sizes = ", ".join(f"{c.language} {c.bytes // 1024} KiB in {c.files} files" for c in report.languages.values())
    log.info(f"Saved copy: {sizes}")


def write_deployment_files(ctx: BuildContext) -> None:
    """_headers, _redirects, .htaccess, the nginx configuration and the .gz/.br copies
    (advocacy_guide.deploy). After the security pass, not before it although the issue asked
    for that pass last: the headers send the policy that pass wrote, read back from the pages,
    and the compressed copies must be of the pages as served. Last, then. Not for the offline
    copy (opened from disk) nor `mkdocs serve` (nothing deployed). ONION_URL, when set, adds
    an Onion-Location header."""
    from advocacy_guide.deploy import DeployError, deploy_dir_for, write_deployment

    site = ctx.site_dir
    try:
        report = write_deployment(
            site, ctx.config.site_url, onion_url=os.environ.get("ONION_URL"), cache_dir=ctx.root / ".cache" / "precompressed"
        )
    except DeployError as error:
        log.warning(f"deployment files: {error}")
        return
    compressed = report.precompressed
    log.info(
        f"Deployment files: _headers, _redirects, .htaccess in {site.name}/, nginx in {deploy_dir_for(site).name}/nginx/; "
        f"{compressed.files} files precompressed ({compressed.original_bytes // 1024} KiB -> "
        f"{compressed.gzip_bytes // 1024} KiB gzip, {compressed.brotli_bytes // 1024} KiB Brotli)"
    )


STEPS: list[Step] = [
    Step(write_not_found_pages),
    Step(write_search_indexes),
    Step(write_sitemaps),
    Step(copy_media),
    Step(write_offline_copy, online=False),
    Step(secure_pages, serve=False),
    Step(write_saved_copy, serve=False, offline=False),
    Step(write_deployment_files, serve=False, offline=False),
]
