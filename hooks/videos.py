"""Videos placed with `![type:video](...)` lines, rendered accessible and private.

The syntax is mkdocs-video's, but the plugin is not used: its element (a `<div>` inside a `<p>`,
a fixed height, no captions or poster, an iframe that contacts the host on page load) would have
to be replaced anyway, and its address must be a file or a URL, where this site names videos
declared in data/videos.yml (MkDocs' link check rejects `why-engage` as a link). So this hook
reads the lines itself:

- on_page_markdown: find the lines (advocacy_guide.markdown.source), check them against
  data/videos.yml (errors name the page and line), and leave a placeholder paragraph; the syntax
  misplaced inside other text is reported and taken out, so that no image address reaches a host;
- on_page_content: swap the placeholder for overrides/partials/video.html;
- the declared media files are copied once into `videos/` at the site's root, where every
  language's pages point with relative addresses, by the finishing list
  (advocacy_guide.build.finishing.copy_media).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from advocacy_guide.build.context import build_context
from advocacy_guide.external_video import is_external_address, parse_external
from advocacy_guide.markdown.source import read_source
from advocacy_guide.ui_strings import load_ui_strings, translate
from advocacy_guide.video_embed import VideoView, find_markers, resolve_marker
from advocacy_guide.videos import DECLARATIONS_FILE, MEDIA_FOLDER, VideoCatalog, load_catalog

log = get_plugin_logger(__name__)

TEMPLATE = "partials/video.html"
# A paragraph of letters and digits only, which no Markdown extension rewrites.
_PLACEHOLDER = "AGVIDEOEMBED{number}Z"
_PLACEHOLDER_HTML = re.compile(r"(?:<p>)?AGVIDEOEMBED(\d+)Z(?:</p>)?")


@dataclass
class _VideoData:
    """What one `mkdocs build` (all languages) has read, kept on its build context."""

    catalog: VideoCatalog | None = None
    strings: dict[str, dict[str, str]] = field(default_factory=dict)
    template: Template | None = None
    views: dict[str, list[VideoView]] = field(default_factory=dict)  # page key -> views


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read data/videos.yml once per build (the i18n plugin calls this once per language)."""
    _require_state(config)
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check each video line of the page and leave a placeholder where the video goes."""
    ctx = build_context(config)
    state = _require_state(config)
    found = find_markers(markdown)
    if not found.markers and not found.misplaced:
        return markdown
    source_path, offset = _source_position(page, config)
    language = ctx.page_language(page)
    for index in found.misplaced:
        ctx.warn_once(
            log,
            f"{source_path}:{index + offset + 1}: a video must be alone on its line, "
            f"as '![type:video](why-engage)' with a blank line before and after"
        )
    lines = markdown.split("\n")
    for index, start, end in found.misplaced_spans:
        lines[index] = lines[index][:start] + lines[index][end:]
    views: list[VideoView] = []
    used_ids: dict[str, int] = {}
    for marker in found.markers:
        base_id = "video-" + _slug(_external_name(marker.target) or marker.target)
        used_ids[base_id] = used_ids.get(base_id, 0) + 1
        dom_id = base_id if used_ids[base_id] == 1 else f"{base_id}-{used_ids[base_id]}"
        assert state.catalog is not None
        result = resolve_marker(
            marker.target,
            catalog=state.catalog,
            language=language,
            page_url=page.url,
            dom_id=dom_id,
            ui=lambda key: translate(state.strings, key, language),
            language_names={site_language.code: site_language.name for site_language in ctx.languages},
        )
        if result.problem or result.view is None:
            ctx.warn_once(log, f"{source_path}:{marker.index + offset + 1}: {result.problem}")
            lines[marker.index] = ""
            continue
        lines[marker.index] = marker.indent + _PLACEHOLDER.format(number=len(views))
        views.append(result.view)
    state.views[_page_key(page, config)] = views
    return "\n".join(lines)


@event_priority(-50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the rendered videos in place; before hooks/typography.py (-90), which spaces their French text."""
    state = _require_state(config)
    views = state.views.pop(_page_key(page, config), None)
    if not views:
        return html
    language = build_context(config).page_language(page)
    template = state.template
    assert template is not None

    def ui(key: str) -> str:
        return translate(state.strings, key, language)

    def render(match: re.Match[str]) -> str:
        view = views[int(match.group(1))]
        return template.render(video=view, ui=ui, language=language)

    return _PLACEHOLDER_HTML.sub(render, html)


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:  # type: ignore[no-untyped-def]
    """Rebuild when a declaration or a media file changes."""
    root = _root(config)
    server.watch(str(root / DECLARATIONS_FILE))
    if (root / MEDIA_FOLDER).is_dir():
        server.watch(str(root / MEDIA_FOLDER))
    return server


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _require_state(config: MkDocsConfig) -> _VideoData:
    """The build's video data, read at its first event. The declared media files are copied
    once every language is built (advocacy_guide.build.finishing.copy_media)."""
    ctx = build_context(config)
    state = ctx.feature(_VideoData)
    if state.catalog is None:
        state.catalog = load_catalog(ctx.root, ctx.languages)
        state.strings = load_ui_strings(ctx.root / "data" / "ui-strings.yml")
        state.template = config.theme.get_env().get_template(TEMPLATE)
        ctx.media_files.update(state.catalog.published_files)
        for problem in state.catalog.problems:
            ctx.warn_once(log, str(problem))
    return state


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent




def _page_key(page: Page, config: MkDocsConfig) -> str:
    return f"{build_context(config).current_language}:{page.file.src_uri}"


def _source_position(page: Page, config: MkDocsConfig) -> tuple[str, int]:
    """The page's path as the author knows it, and how many front matter lines MkDocs removed."""
    path = Path(page.file.abs_src_path or "")
    try:
        source = path.read_text(encoding="utf-8-sig")
        shown = path.relative_to(_root(config)).as_posix()
    except (OSError, ValueError):
        return f"docs/{page.file.src_uri}", 0
    return shown, read_source(source.replace("\r\n", "\n")).stripped_lines


def _external_name(target: str) -> str | None:
    """"vimeo" for a Vimeo address: element ids stay short and readable."""
    video = parse_external(target) if is_external_address(target) else None
    return video.provider if video else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "video"
