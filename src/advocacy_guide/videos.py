"""The video declarations of data/videos.yml: reading and checking them.

A video is declared once, by id, with a title per language and one *version* per narration
language (each narrated video is its own file, with its own poster, duration, chapters and
captions). Media files live in the `videos/` folder at the top of the repository, which the build
copies once into the site, whatever the number of languages. The format is documented in
AUTHORING.md.

Every problem is reported with the file and line to fix and what to do, so that a translator's
mistake fails the strict build with a message they can act on.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from advocacy_guide.build.languages import SiteLanguages, known_languages
from advocacy_guide.errors import Problem
from advocacy_guide.external_video import SUPPORTED, ExternalVideo, parse_external
from advocacy_guide.located_yaml import LocatedYamlError, YamlList, YamlMap, load_located_yaml
from advocacy_guide.webvtt import Cue, WebVTTError, read_webvtt

DECLARATIONS_FILE = "data/videos.yml"
MEDIA_FOLDER = "videos"
MEDIA_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
POSTER_TYPES = (".jpg", ".jpeg", ".png", ".webp")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TIME = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")
_CHAPTER = re.compile(r"^((?:\d+:)?\d{1,2}:\d{2})\s+(\S.*)$")
ENTRY_KEYS = ("title", "status", "versions")
VERSION_KEYS = ("media", "external", "poster", "duration", "captions", "chapters")
STATUSES = ("ready", "planned")


@dataclass(frozen=True)
class Chapter:
    start: float  # seconds
    title: str


@dataclass(frozen=True)
class Captions:
    language: str
    file: str  # relative to the media folder
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class VideoVersion:
    """One narration of a video: a file (or an external address) with what belongs to it."""

    language: str
    line: int
    media: str | None = None  # relative to the media folder
    media_size: int = 0  # bytes, for the download link
    external: ExternalVideo | None = None
    poster: str | None = None
    duration: float | None = None
    captions: dict[str, Captions] = field(default_factory=dict)
    chapters: tuple[Chapter, ...] = ()

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[PurePosixPath(self.media or "").suffix.lower()]


@dataclass(frozen=True)
class VideoDeclaration:
    id: str
    line: int
    title: dict[str, str]
    planned: bool
    versions: dict[str, VideoVersion]
    default_language: str  # the site's (mkdocs.yml): other languages fall back to its version

    def version_for(self, language: str) -> VideoVersion | None:
        """The version a page in `language` shows: its own narration, else the default one."""
        return self.versions.get(language) or self.versions.get(self.default_language)


@dataclass
class VideoCatalog:
    """Every declared video, the files the site must publish, and the problems found."""

    videos: dict[str, VideoDeclaration] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    published_files: set[str] = field(default_factory=set)  # relative to the media folder
    declarations_path: str = DECLARATIONS_FILE


def load_catalog(project_dir: Path, languages: SiteLanguages | None = None) -> VideoCatalog:
    """Read and check data/videos.yml and every file it names (media, posters, captions).

    The build reads it in two hooks (videos, storyboards): it is read once for each state of
    the declarations file and the media folder (names, sizes, modification times). The catalog
    returned is shared: do not change it. `languages` are the site's (by default, those of
    `project_dir`'s mkdocs.yml).
    """
    if languages is None:
        languages = known_languages(project_dir)
    return _load_catalog(project_dir, _files_state(project_dir), languages.codes, languages.default)


def _files_state(project_dir: Path) -> tuple[tuple[str, int, int], ...]:
    entries = []
    for path in (project_dir / DECLARATIONS_FILE, project_dir / MEDIA_FOLDER):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    try:
        with os.scandir(project_dir / MEDIA_FOLDER) as media:
            for entry in media:
                stat = entry.stat()
                entries.append((entry.path, stat.st_mtime_ns, stat.st_size))
    except OSError:
        pass
    return tuple(sorted(entries))


@functools.lru_cache(maxsize=4)
def _load_catalog(
    project_dir: Path, files_state: tuple[tuple[str, int, int], ...], languages: tuple[str, ...], default_language: str
) -> VideoCatalog:
    catalog = VideoCatalog()
    path = project_dir / DECLARATIONS_FILE
    if not path.exists():
        return catalog  # no videos declared: a page that places one gets the error
    try:
        data = load_located_yaml(path.read_text(encoding="utf-8"), DECLARATIONS_FILE)
    except LocatedYamlError as error:
        catalog.problems.append(Problem(error.path, error.line, error.message))
        return catalog
    if data is None:
        return catalog
    if not isinstance(data, YamlMap):
        catalog.problems.append(Problem(DECLARATIONS_FILE, 1, "expected video ids at the start of lines, such as 'why-engage:'"))
        return catalog
    reader = _DeclarationReader(project_dir, catalog, languages, default_language)
    for video_id, entry in data.items():
        declaration = reader.entry(video_id, entry, data.line_of(video_id))
        if declaration is not None:
            catalog.videos[video_id] = declaration
    return catalog


def parse_time(text: str) -> float | None:
    """Seconds in "m:ss" or "h:mm:ss", or None when the text is not such a time."""
    match = _TIME.match(text.strip())
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
        return None
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


class _DeclarationReader:
    """Turns one YAML entry into a VideoDeclaration, recording each problem with its line."""

    def __init__(self, project_dir: Path, catalog: VideoCatalog, languages: tuple[str, ...], default_language: str) -> None:
        self.media_dir = project_dir / MEDIA_FOLDER
        self.catalog = catalog
        self.languages = languages
        self.default_language = default_language

    def problem(self, line: int, message: str) -> None:
        self.catalog.problems.append(Problem(DECLARATIONS_FILE, line, message))

    def entry(self, video_id: str, entry: object, line: int) -> VideoDeclaration | None:
        if not _ID.match(video_id):
            self.problem(line, f"'{video_id}' is not a valid video id: use lowercase letters, digits and hyphens, such as 'why-engage'")
            return None
        if not isinstance(entry, YamlMap):
            self.problem(line, f"'{video_id}' needs indented fields under it (title, versions or status); see AUTHORING.md, 'Videos'")
            return None
        self._unknown_keys(entry, ENTRY_KEYS, f"video '{video_id}'")
        status = entry.get("status") or "ready"
        if status not in STATUSES:
            self.problem(entry.line_of("status"), f"status '{status}' is not known: write 'status: planned' for a video without media yet, or remove the line")
        planned = status == "planned"
        title = self._texts(entry.get("title"), entry.line_of("title"), f"the title of '{video_id}'")
        if "title" not in entry:
            self.problem(line, f"'{video_id}' has no title: add 'title:' with 'en: ...' (and fr, es) under it")
        versions: dict[str, VideoVersion] = {}
        raw_versions = entry.get("versions")
        if raw_versions is not None and not isinstance(raw_versions, YamlMap):
            self.problem(entry.line_of("versions"), "'versions' needs one indented block per narration language (en:, fr:, es:)")
            raw_versions = None
        for language, raw in (raw_versions or {}).items():
            version_line = raw_versions.line_of(language)
            if language not in self.languages:
                self.problem(version_line, f"'{language}' is not a language of the site: use one of {', '.join(self.languages)}")
                continue
            version = self.version(video_id, language, raw, version_line, planned)
            if version is not None:
                versions[language] = version
        if not planned and not versions and raw_versions is None:
            self.problem(line, f"'{video_id}' has no versions: add 'versions:' with a media file per language, or write 'status: planned' until the video exists")
        return VideoDeclaration(video_id, line, title, planned, versions, self.default_language)

    def version(self, video_id: str, language: str, raw: object, line: int, planned: bool) -> VideoVersion | None:
        where = f"the {language} version of '{video_id}'"
        if not isinstance(raw, YamlMap):
            self.problem(line, f"{where} needs indented fields: media (or external), poster, duration, captions")
            return None
        self._unknown_keys(raw, VERSION_KEYS, where)
        media = raw.get("media") or None
        external_text = raw.get("external") or None
        if planned and (media or external_text):
            self.problem(raw.line_of("media" if media else "external"), f"'{video_id}' is marked 'status: planned' but {where} has a video: remove the 'status: planned' line to publish it")
        if media and external_text:
            self.problem(raw.line_of("external"), f"{where} has both 'media' and 'external': keep one")
        if not planned and not media and not external_text:
            self.problem(line, f"{where} has no video: add 'media: {video_id}.{language}.mp4' (a file in {MEDIA_FOLDER}/), an 'external:' address, or mark the video 'status: planned'")
        media_size = 0
        if media:
            media = self._file(media, raw.line_of("media"), "media", MEDIA_TYPES, where)
            if media:
                media_size = (self.media_dir / media).stat().st_size
        external = None
        if external_text and not media:
            external = parse_external(external_text)
            if external is None:
                self.problem(raw.line_of("external"), f"'{external_text}' is not a video address this site can embed: use {SUPPORTED}")
        poster = raw.get("poster") or None
        if poster:
            poster = self._file(poster, raw.line_of("poster"), "poster", POSTER_TYPES, where)
        elif media:
            self.problem(line, f"{where} has no poster: add 'poster: {video_id}.{language}.jpg' (an image in {MEDIA_FOLDER}/ shown before the video plays)")
        duration = None
        if raw.get("duration"):
            duration = parse_time(raw["duration"])
            if duration is None:
                self.problem(raw.line_of("duration"), f"duration '{raw['duration']}' is not a time: write minutes and seconds in quotes, such as \"4:30\" (or \"1:02:05\")")
        elif media:
            self.problem(line, f"{where} has no duration: add 'duration: \"4:30\"' (minutes:seconds)")
        captions = self.captions(raw.get("captions"), raw.line_of("captions"), where)
        if media and not captions and "captions" not in raw:
            self.problem(line, f"{where} has no captions: add 'captions:' with '{language}: {video_id}.{language}.vtt' under it (a WebVTT file in {MEDIA_FOLDER}/)")
        chapters = self.chapters(raw.get("chapters"), raw.line_of("chapters"), duration, where)
        return VideoVersion(language, line, media, media_size, external, poster, duration, captions, chapters)

    def captions(self, raw: object, line: int, where: str) -> dict[str, Captions]:
        if raw is None:
            return {}
        if not isinstance(raw, YamlMap):
            self.problem(line, f"the captions of {where} need one line per language, such as 'en: why-engage.en.vtt'")
            return {}
        result: dict[str, Captions] = {}
        for language, name in raw.items():
            name_line = raw.line_of(language)
            if language not in self.languages:
                self.problem(name_line, f"'{language}' is not a language of the site: use one of {', '.join(self.languages)}")
                continue
            if not isinstance(name, str) or not name:
                self.problem(name_line, f"write the captions file's name after '{language}:', such as '{language}: why-engage.{language}.vtt'")
                continue
            file = self._file(name, name_line, "captions", (".vtt",), where)
            if not file:
                continue
            try:
                cues = read_webvtt(self.media_dir / file)
            except WebVTTError as error:
                self.catalog.problems.append(Problem(f"{MEDIA_FOLDER}/{file}", error.line, error.message))
                continue
            result[language] = Captions(language, file, tuple(cues))
        return result

    def chapters(self, raw: object, line: int, duration: float | None, where: str) -> tuple[Chapter, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, YamlList):
            self.problem(line, f"the chapters of {where} are a list: one line per chapter, such as '- \"1:10 What changes after a review\"'")
            return ()
        chapters: list[Chapter] = []
        for item, item_line in zip(raw, raw.item_lines):
            if not isinstance(item, str):
                self.problem(item_line, "put this chapter in double quotes, such as - \"1:10 Title: subtitle\" (a ': ' in the title makes YAML read it as a field)")
                continue
            match = _CHAPTER.match(item.strip())
            start = parse_time(match.group(1)) if match else None
            if not match or start is None:
                self.problem(item_line, f"chapter '{item}' must start with its time, then its title, such as \"1:10 What changes after a review\"")
                continue
            if chapters and start <= chapters[-1].start:
                self.problem(item_line, "chapters must be in time order, each starting after the previous one")
                continue
            if duration is not None and start >= duration:
                self.problem(item_line, "this chapter starts after the end of the video: check its time or the duration")
                continue
            chapters.append(Chapter(start, match.group(2).strip()))
        return tuple(chapters)

    def _texts(self, raw: object, line: int, what: str) -> dict[str, str]:
        if raw is None:
            return {}
        if isinstance(raw, str):
            self.problem(line, f"{what} needs one line per language under it, such as 'en: ...', 'fr: ...', 'es: ...'")
            return {}
        if not isinstance(raw, YamlMap):
            self.problem(line, f"{what} needs one line per language under it")
            return {}
        texts: dict[str, str] = {}
        for language, text in raw.items():
            if language not in self.languages:
                self.problem(raw.line_of(language), f"'{language}' is not a language of the site: use one of {', '.join(self.languages)}")
            elif not isinstance(text, str) or not text.strip():
                self.problem(raw.line_of(language), f"{what} in '{language}' is empty: write it after '{language}:'")
            else:
                texts[language] = text.strip()
        if self.default_language not in texts and raw:
            self.problem(line, f"{what} has no '{self.default_language}:' line: add the title in the site's default language")
        return texts

    def _file(self, name: object, line: int, kind: str, suffixes, where: str) -> str | None:  # type: ignore[no-untyped-def]
        if not isinstance(name, str):
            self.problem(line, f"the {kind} of {where} must be a file name")
            return None
        relative = PurePosixPath(name.strip())
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            self.problem(line, f"'{name}' must be a file name inside {MEDIA_FOLDER}/, such as 'why-engage.en.mp4'")
            return None
        if relative.suffix.lower() not in suffixes:
            self.problem(line, f"the {kind} '{name}' must be a {' or '.join(suffixes)} file")
            return None
        if not (self.media_dir / relative).is_file():
            self.problem(line, f"the {kind} file '{MEDIA_FOLDER}/{relative}' does not exist: add it to {MEDIA_FOLDER}/, or correct the name here")
            return None
        self.catalog.published_files.add(relative.as_posix())
        return relative.as_posix()

    def _unknown_keys(self, mapping: YamlMap, allowed: tuple[str, ...], where: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.problem(mapping.line_of(key), f"'{key}' is not a field of {where}: use {', '.join(allowed)}")
