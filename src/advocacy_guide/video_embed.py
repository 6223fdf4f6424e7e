"""From a `![type:video](...)` line on a page to what the video template shows.

mkdocs-video's syntax places a video: `![type:video](why-engage)` names a video declared in
data/videos.yml, `![type:video](https://...)` an external one. This module takes those lines from the
page's reading (advocacy_guide.markdown.source), checks them against the declarations, and builds the
view the template renders: addresses relative to the page (so they work under /fr/ and /es/),
caption tracks, chapters, transcript, duration and download size, in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from mkdocs.utils import get_relative_url

from advocacy_guide.external_video import SUPPORTED, ExternalVideo, is_external_address, parse_external
from advocacy_guide.markdown.source import VIDEO_MARK, read_source
from advocacy_guide.videos import DECLARATIONS_FILE, MEDIA_FOLDER, VideoCatalog, VideoDeclaration
from advocacy_guide.webvtt import transcript

# Language names as readers of each language see them in a track menu: each in its own language.
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}
_DECIMAL_SEPARATOR = {"en": "."}


@dataclass(frozen=True)
class Marker:
    """A video placed on a page: one line holding only `![type:video](target)`."""

    index: int  # 0-based line index in the page's Markdown (after front matter)
    indent: str
    target: str


@dataclass(frozen=True)
class PageMarkers:
    markers: list[Marker]
    misplaced: list[int]  # 0-based indexes of lines with the syntax inside other text


def find_markers(markdown: str, mark: str = VIDEO_MARK) -> PageMarkers:
    """Every video line of a page's Markdown (as MkDocs hands it to hooks), outside code; and
    lines where the syntax is misused. Found by the page's reading (advocacy_guide.markdown.source)."""
    source = read_source(markdown, has_front_matter=False, mark=mark)
    return PageMarkers(
        [Marker(video.line - 1, video.indent, video.target) for video in source.placed_videos],
        sorted({video.line - 1 for video in source.misplaced_videos}),
    )


def external_addresses(markdown: str, mark: str = VIDEO_MARK) -> list[str]:
    """The external video addresses a page places directly (`![type:video](https://...)`).

    The Content-Security-Policy must allow their hosts as frames, like those of data/videos.yml.
    """
    return [m.target for m in find_markers(markdown, mark).markers if is_external_address(m.target)]


# -----------------------------------------------------------------------------
# The view the template renders
# -----------------------------------------------------------------------------


@dataclass
class Track:
    src: str
    language: str
    label: str
    default: bool


@dataclass
class ChapterLink:
    start: float
    time: str  # "1:10"
    title: str
    href: str  # a media fragment (`video.mp4#t=70`): it still works without JavaScript


@dataclass
class VideoView:
    kind: str  # "media", "external" or "planned"
    dom_id: str
    title: str
    language: str  # the language the video's words (chapters, transcript) are in
    media_url: str = ""
    media_type: str = ""
    media_format: str = ""  # "MP4", shown next to the download size
    poster_url: str = ""
    download_size: str = ""
    duration_iso: str = ""
    duration_text: str = ""
    tracks: list[Track] = field(default_factory=list)
    chapters: list[ChapterLink] = field(default_factory=list)
    transcript: list[dict[str, object]] = field(default_factory=list)
    transcript_language: str = ""
    external: ExternalVideo | None = None


@dataclass(frozen=True)
class PageVideo:
    """What the page gets for one marker: a view to render, or the problem to report."""

    view: VideoView | None
    problem: str | None


def resolve_marker(
    target: str,
    *,
    catalog: VideoCatalog,
    language: str,
    page_url: str,
    dom_id: str,
    ui: Callable[[str], str],
) -> PageVideo:
    """The view for `![type:video](target)` on a page in `language` at site address `page_url`."""
    if is_external_address(target):
        external = parse_external(target)
        if external is None:
            return PageVideo(None, f"'{target}' is not a video address this site can embed: use {SUPPORTED}, or declare the video in {DECLARATIONS_FILE}")
        title = ui("video.external.title").replace("{provider}", external.provider)
        return PageVideo(VideoView("external", dom_id, title, language, external=external), None)
    declaration = catalog.videos.get(target)
    if declaration is None:
        known = ", ".join(sorted(catalog.videos)) or "none yet"
        return PageVideo(None, f"no video '{target}' is declared in {DECLARATIONS_FILE} (declared: {known}): correct the id or declare the video")
    title = declaration.title.get(language)
    if not title:
        return PageVideo(None, f"video '{target}' has no title in '{language}': add '{language}: ...' under 'title' of '{target}' in {DECLARATIONS_FILE} (line {declaration.line})")
    return _declared_view(declaration, title, language=language, page_url=page_url, dom_id=dom_id, ui=ui)


def _declared_view(declaration: VideoDeclaration, title: str, *, language: str, page_url: str, dom_id: str, ui: Callable[[str], str]) -> PageVideo:
    version = declaration.version_for(language)
    where = f"'{declaration.id}' in {DECLARATIONS_FILE}"
    if version is None and not declaration.planned:
        return PageVideo(None, f"video {where} has no '{language}' or 'en' version (line {declaration.line}): add one under 'versions'")
    captions = version.captions.get(language) if version else None
    if captions is None and not declaration.planned:
        assert version is not None
        return PageVideo(None, (
            f"video {where} has no '{language}' captions for this {language} page: under 'versions' > "
            f"'{version.language}' > 'captions' (line {version.line}), add '{language}: {declaration.id}.{language}.vtt' "
            f"and put that WebVTT file in {MEDIA_FOLDER}/"
        ))
    kind = "planned" if declaration.planned else ("external" if version and version.external else "media")
    view = VideoView(kind, dom_id, title, version.language if version else language)
    if captions is not None:
        breaks = tuple(chapter.start for chapter in version.chapters) if version else ()
        view.transcript = [
            {"speaker": p.speaker, "text": p.text, "start": p.start} for p in transcript(list(captions.cues), breaks)
        ]
        view.transcript_language = captions.language
    if version is None:
        return PageVideo(view, None)
    if version.duration is not None:
        view.duration_iso = iso_duration(version.duration)
        view.duration_text = duration_text(version.duration)
    if version.poster:
        view.poster_url = media_url(version.poster, page_url)
    if kind == "planned":
        return PageVideo(view, None)
    if version.external is not None:
        view.external = version.external
    else:
        assert version.media is not None
        view.media_url = media_url(version.media, page_url)
        view.media_type = version.media_type
        view.media_format = version.media_type.split("/")[1].upper().replace("WEBM", "WebM")
        view.download_size = file_size(version.media_size, language, ui)
        view.tracks = [
            Track(media_url(c.file, page_url), c.language, LANGUAGE_NAMES.get(c.language, c.language), c.language == language)
            for c in version.captions.values()
        ]
    view.chapters = [
        ChapterLink(c.start, clock(c.start), c.title, f"{view.media_url}#t={c.start:g}" if view.media_url else f"#{dom_id}")
        for c in version.chapters
    ]
    return PageVideo(view, None)


def media_url(file: str, page_url: str) -> str:
    """The address of a file of the media folder, relative to the page (works under /fr/, /es/)."""
    return get_relative_url(f"{MEDIA_FOLDER}/{quote(file)}", page_url)


def clock(seconds: float) -> str:
    """1:10, or 1:02:05 past an hour."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def duration_text(seconds: float) -> str:
    total = int(seconds)
    minutes, secs = divmod(total, 60)
    if not minutes:
        return f"{secs} s"
    return f"{minutes} min {secs} s" if secs else f"{minutes} min"


def iso_duration(seconds: float) -> str:
    total = int(seconds)
    minutes, secs = divmod(total, 60)
    return f"PT{minutes}M{secs}S"


def file_size(size: int, language: str, ui: Callable[[str], str]) -> str:
    """A download size as readers of `language` write it: 12.3 MB, 12,3 Mo."""
    if size >= 1_000_000:
        value, key = size / 1_000_000, "video.size.mb"
    else:
        value, key = max(size / 1000, 0.1), "video.size.kb"
    number = f"{value:.1f}".replace(".", _DECIMAL_SEPARATOR.get(language, ","))
    return ui(key).replace("{size}", number)
