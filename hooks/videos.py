"""Videos placed with mkdocs-video's `![type:video](...)` syntax, rendered accessible and private.

mkdocs-video stays the owner of the syntax (its `mark` option is read here), but its output
cannot be fixed afterwards: a `<div>` inside a `<p>`, a fixed height, no captions or poster, and an
iframe that contacts the host on page load. So this hook takes each video line before the plugin
sees it:

- on_page_markdown: find the lines, check them against data/videos.yml (errors name the page and
  line), and leave a placeholder paragraph;
- on_page_content, after mkdocs-video: swap the placeholder for overrides/partials/video.html;
- on_post_build: copy the declared media files once into `videos/` at the site's root, where
  every language's pages point with relative addresses.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from advocacy_guide import DEFAULT_LANGUAGE
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
class _BuildState:
    """What one `mkdocs build` (all languages) has read; rebuilt for each new configuration."""

    config: MkDocsConfig
    catalog: VideoCatalog
    strings: dict[str, dict[str, str]]
    template: Template
    views: dict[str, list[VideoView]] = field(default_factory=dict)  # page key -> views
    reported: set[str] = field(default_factory=set)

    def warn_once(self, message: str) -> None:
        if message not in self.reported:
            self.reported.add(message)
            log.warning(message)


_state: _BuildState | None = None


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read data/videos.yml once per configuration (the i18n plugin calls this per language)."""
    global _state
    if _state is not None and _state.config is config:
        return config
    root = _root(config)
    catalog = load_catalog(root)
    strings = load_ui_strings(root / "data" / "ui-strings.yml")
    template = config.theme.get_env().get_template(TEMPLATE)
    _state = _BuildState(config, catalog, strings, template)
    for problem in catalog.problems:
        _state.warn_once(str(problem))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check each video line of the page and leave a placeholder where the video goes."""
    state = _require_state(config)
    found = find_markers(markdown, _mark(config))
    if not found.markers and not found.misplaced:
        return markdown
    source_path, offset = _source_position(page, config)
    language = _page_language(page, config)
    for index in found.misplaced:
        state.warn_once(
            f"{source_path}:{index + offset + 1}: a video must be alone on its line, "
            f"as '![type:video](why-engage)' with a blank line before and after"
        )
    lines = markdown.split("\n")
    views: list[VideoView] = []
    used_ids: dict[str, int] = {}
    for marker in found.markers:
        base_id = "video-" + _slug(_external_name(marker.target) or marker.target)
        used_ids[base_id] = used_ids.get(base_id, 0) + 1
        dom_id = base_id if used_ids[base_id] == 1 else f"{base_id}-{used_ids[base_id]}"
        result = resolve_marker(
            marker.target,
            catalog=state.catalog,
            language=language,
            page_url=page.url,
            dom_id=dom_id,
            ui=lambda key: translate(state.strings, key, language),
        )
        if result.problem or result.view is None:
            state.warn_once(f"{source_path}:{marker.index + offset + 1}: {result.problem}")
            lines[marker.index] = ""
            continue
        lines[marker.index] = marker.indent + _PLACEHOLDER.format(number=len(views))
        views.append(result.view)
    state.views[_page_key(page, config)] = views
    return "\n".join(lines)


@event_priority(-50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the rendered videos in place; runs after mkdocs-video (priority 0) re-serialises the page."""
    state = _require_state(config)
    views = state.views.pop(_page_key(page, config), None)
    if not views:
        return html
    language = _page_language(page, config)

    def ui(key: str) -> str:
        return translate(state.strings, key, language)

    def render(match: re.Match[str]) -> str:
        view = views[int(match.group(1))]
        return state.template.render(video=view, ui=ui, language=language)

    return _PLACEHOLDER_HTML.sub(render, html)


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Copy the declared media once, after the last language is built (i18n runs at -100)."""
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return
    state = _require_state(config)
    source = _root(config) / MEDIA_FOLDER
    target = Path(config.site_dir) / MEDIA_FOLDER
    for name in sorted(state.catalog.published_files):
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, destination)


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


def _require_state(config: MkDocsConfig) -> _BuildState:
    if _state is None or _state.config is not config:
        on_config(config)
    assert _state is not None
    return _state


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _mark(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("mkdocs-video")
    return plugin.config.get("mark", "type:video") if plugin is not None else "type:video"


def _page_language(page: Page, config: MkDocsConfig) -> str:
    """The language of the page's words (English for an untranslated page under /fr/)."""
    return getattr(page.file, "locale", None) or config.theme.get("language") or DEFAULT_LANGUAGE


def _page_key(page: Page, config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return f"{getattr(i18n, 'current_language', '')}:{page.file.src_uri}"


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
