"""Reading a storyboard: Markdown a translator edits, checked line by line.

The format (storyboards/README.md):

    ---
    title: Why engage with the Human Rights Committee
    subtitle: Module 1 · A fictional story
    ---

    ## Amina has doubts {#doubt}

    illustration: person

    > Another UN meeting in Geneva?
    > - What will it change?

    Amina is a lawyer in North Africa. She defends journalists.

Every problem is collected (not only the first), each with the file, the line and what to write
instead, so that one run of the check tells a translator everything to fix.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from pathlib import Path

from advocacy_guide.located_yaml import LocatedYamlError, YamlMap, load_located_yaml
from advocacy_guide.storyboards.model import Scene, ScreenLine, Storyboard, StoryboardError
from advocacy_guide.errors import Problem

FRONT_MATTER_KEYS = ("title", "subtitle", "voice", "speed")
SPEED_RANGE = (80, 260)  # words per minute espeak-ng speaks clearly
MAX_SCREEN_LINES = 6
# A slide is read on a phone while the narrator speaks: a few words, not the narration again.
MAX_SCREEN_CHARACTERS = 200
MAX_SCENE_TITLE_CHARACTERS = 70

_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_HEADING_ID = re.compile(r"^(.*?)[ \t]*\{#([^}]*)\}$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A trainer's recording of the scene's narration, in the storyboard's folder (recording.py).
RECORDING_SUFFIXES = (".wav", ".flac", ".opus")
_RECORDING = re.compile(r"^recording[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_ILLUSTRATION = re.compile(r"^illustration[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_QUOTE = re.compile(r"^>[ \t]?(.*?)[ \t]*$")
_BULLET = re.compile(r"^[-*][ \t]+(.*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|`+)")
_VOICE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]+)*(?:\+[a-z0-9_-]+)?$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def read_storyboard(
    path: Path, *, shown_path: str, video_id: str, language: str, illustrations: Collection[str], languages: Collection[str] | None = None
) -> Storyboard:
    """Read and check a storyboard file (see parse_storyboard)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StoryboardError([Problem(shown_path, 1, "is not UTF-8 text: save the storyboard as UTF-8")]) from error
    return parse_storyboard(
        text, path=shown_path, video_id=video_id, language=language, illustrations=illustrations, folder=path.parent, languages=languages
    )


def parse_storyboard(
    text: str,
    *,
    path: str,
    video_id: str,
    language: str,
    illustrations: Collection[str],
    folder: Path | None = None,
    languages: Collection[str] | None = None,
) -> Storyboard:
    """Parse a storyboard; raise StoryboardError listing every problem, each at its line.

    `folder` holds the storyboard's recordings; without it, a `recording:` line is not checked.
    `languages` are the site's (by default, the project's the storyboard is in).
    """
    if languages is None:
        from advocacy_guide.build.languages import known_languages

        languages = known_languages(folder or Path.cwd()).codes
    reader = _Reader(path, language, illustrations, folder, tuple(languages))
    return reader.read(text.replace("\r\n", "\n").replace("\r", "\n"), video_id)


class _Reader:
    def __init__(self, path: str, language: str, illustrations: Collection[str], folder: Path | None, languages: tuple[str, ...]) -> None:
        self.path = path
        self.languages = languages
        self.folder = folder
        self.language = language
        self.illustrations = sorted(illustrations)
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def read(self, text: str, video_id: str) -> Storyboard:
        if self.language not in self.languages:
            self.problem(1, f"'{self.language}' is not a language of the site: name the file after one of {', '.join(self.languages)} (fr.md)")
        lines = text.split("\n")
        front, body_start = self.front_matter(lines)
        scenes = self.scenes(lines, body_start)
        if self.problems:
            raise StoryboardError(self.problems)
        return Storyboard(
            video_id=video_id,
            language=self.language,
            path=self.path,
            title=front["title"],
            subtitle=front.get("subtitle"),
            voice=front.get("voice"),
            speed=int(front["speed"]) if front.get("speed") else None,
            scenes=tuple(scenes),
        )

    # -- front matter ---------------------------------------------------------------------------

    def front_matter(self, lines: list[str]) -> tuple[dict[str, str], int]:
        """The front matter's fields, and the index of the first line after it."""
        example = "'---', then 'title: ...', then '---'"
        if not lines or lines[0].strip() != "---":
            self.problem(1, f"a storyboard starts with front matter holding the video's title: {example}")
            return {"title": ""}, 0
        try:
            end = next(index for index in range(1, len(lines)) if lines[index].strip() == "---")
        except StopIteration:
            self.problem(1, "the front matter is not closed: add a line '---' after the title")
            return {"title": ""}, len(lines)
        try:
            data = load_located_yaml("\n".join(lines[1:end]), self.path)
        except LocatedYamlError as error:
            self.problem(error.line + 1, error.message)
            return {"title": ""}, end + 1
        fields: dict[str, str] = {}
        if not isinstance(data, YamlMap):
            self.problem(2, f"the front matter holds fields such as 'title: Why engage': {example}")
            return {"title": ""}, end + 1
        for key, value in data.items():
            line = data.line_of(key) + 1
            if key not in FRONT_MATTER_KEYS:
                self.problem(line, f"'{key}' is not a storyboard field: use {', '.join(FRONT_MATTER_KEYS)}")
            elif not isinstance(value, str) or not value.strip():
                self.problem(line, f"'{key}' is empty: write its value after '{key}:' on the same line")
            else:
                fields[key] = value.strip()
        if "title" not in fields and "title" not in data:
            self.problem(1, "the front matter has no title: add 'title: ...' (the video's title in this language)")
        if "voice" in fields:
            self.check_voice(fields["voice"], data.line_of("voice") + 1)
        if "speed" in fields:
            low, high = SPEED_RANGE
            if not fields["speed"].isdigit() or not low <= int(fields["speed"]) <= high:
                self.problem(data.line_of("speed") + 1, f"speed '{fields['speed']}' must be words per minute, a whole number from {low} to {high} (150 is calm)")
                del fields["speed"]
        fields.setdefault("title", "")
        return fields, end + 1

    def check_voice(self, voice: str, line: int) -> None:
        if not _VOICE.match(voice):
            self.problem(line, f"voice '{voice}' is not an espeak-ng voice name: write one such as '{self.language}' (see espeak-ng --voices={self.language})")
        elif voice.split("+")[0].split("-")[0].lower() != self.language:
            self.problem(line, f"voice '{voice}' does not speak this storyboard's language ({self.language}): use a '{self.language}' voice, or remove the line for the default")

    # -- scenes ---------------------------------------------------------------------------------

    def scenes(self, lines: list[str], start: int) -> list[Scene]:
        body = self.without_comments(lines, start)
        scenes: list[Scene] = []
        current: _SceneLines | None = None
        seen: dict[str, int] = {}
        for index in range(start, len(lines)):
            line_number = index + 1
            text = body[index]
            heading = _HEADING.match(text)
            if heading:
                if current is not None:
                    scenes.extend(self.finish(current))
                current = self.scene_heading(heading, line_number, seen)
                continue
            if not text.strip():
                if current is not None:
                    current.blank()
                continue
            if current is None:
                self.problem(line_number, "text before the first scene: start each scene with a heading such as '## Amina has doubts {#doubt}'")
                continue
            current.add(text, line_number, self)
        if current is not None:
            scenes.extend(self.finish(current))
        if not scenes and not self.problems:
            self.problem(start + 1 if start < len(lines) else len(lines), "the storyboard has no scenes: add one with '## Scene title {#scene-id}', its on-screen text ('> ...') and its narration")
        return scenes

    def without_comments(self, lines: list[str], start: int) -> list[str]:
        """The lines with `<!-- ... -->` notes blanked out, line numbers unchanged."""
        text = "\n".join(lines)
        offset = len("\n".join(lines[:start])) + (1 if start else 0)
        body = text[offset:]
        body = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), body)
        unclosed = body.find("<!--")
        if unclosed >= 0:
            self.problem(start + body[:unclosed].count("\n") + 1, "this comment is not closed: end it with '-->'")
            body = body[:unclosed] + "\n" * body[unclosed:].count("\n")
        return lines[:start] + body.split("\n")

    def scene_heading(self, heading: re.Match[str], line: int, seen: dict[str, int]) -> _SceneLines:
        level, content = len(heading.group(1)), heading.group(2) or ""
        example = "'## Amina has doubts {#doubt}'"
        if level != 2:
            self.problem(line, f"scenes start with a level-2 heading (two #), such as {example}")
        with_id = _HEADING_ID.match(content)
        if not with_id:
            self.problem(line, f"the scene heading needs an id after its title, such as {example}: lowercase English words and hyphens, the same in every language")
            return _SceneLines(content.strip(), "", line)
        title, scene_id = with_id.group(1).strip(), with_id.group(2).strip()
        if not _ID.match(scene_id):
            self.problem(line, f"'{scene_id}' is not a valid scene id: use lowercase English words and hyphens, such as {{#doubt}} or {{#first-meeting}}")
        elif scene_id in seen:
            self.problem(line, f"the scene id '{scene_id}' is already used on line {seen[scene_id]}: give each scene its own id")
        else:
            seen[scene_id] = line
        if not title:
            self.problem(line, f"the scene has no title: write it before the id, as in {example}")
        elif len(title) > MAX_SCENE_TITLE_CHARACTERS:
            self.problem(line, f"the scene title is {len(title)} characters: keep it under {MAX_SCENE_TITLE_CHARACTERS}, it is shown on the slide and in the chapter list")
        return _SceneLines(title, scene_id, line)

    def finish(self, scene: _SceneLines) -> list[Scene]:
        narration = plain_text(" ".join(scene.narration))
        if not narration:
            self.problem(scene.line, f"the scene '{scene.title}' has no narration: write what the narrator says as a paragraph after the on-screen text")
        if len(scene.screen) > MAX_SCREEN_LINES:
            self.problem(scene.screen_lines[MAX_SCREEN_LINES], f"the on-screen text has {len(scene.screen)} lines: keep {MAX_SCREEN_LINES} or fewer and say the rest in the narration")
        characters = sum(len(line.text) for line in scene.screen)
        if characters > MAX_SCREEN_CHARACTERS:
            self.problem(scene.screen_lines[0], f"the on-screen text is {characters} characters: keep it under {MAX_SCREEN_CHARACTERS} (a few words per line) and say the rest in the narration")
        if not scene.id or not narration:
            return []
        digest = self.recording_digest(scene) if scene.recording else None
        return [Scene(scene.id, scene.title, scene.line, scene.illustration, tuple(scene.screen), narration,
                      scene.recording if digest else None, digest)]

    def recording_digest(self, scene: _SceneLines) -> str | None:
        """The SHA-256 of the scene's recording, or None (and a problem) when it cannot be used."""
        name, line = scene.recording or "", scene.recording_line
        folder_name = self.path.rsplit("/", 1)[0]
        if "/" in name or "\\" in name or name.startswith("."):
            self.problem(line, f"'{name}' must be a file name in {folder_name}/, next to the storyboard, such as '{scene.id}.{self.language}.flac'")
            return None
        if not name.lower().endswith(RECORDING_SUFFIXES):
            self.problem(line, f"the recording '{name}' is not a WAV, FLAC or Opus file: save it as '{name.rsplit('.', 1)[0]}.flac' (or .wav, .opus)")
            return None
        if self.folder is None:
            return "unchecked"
        file = self.folder / name
        if not file.is_file():
            self.problem(line, f"the recording '{folder_name}/{name}' is missing: put the file next to the storyboard, or remove the 'recording:' line to use the synthetic voice")
            return None
        return hashlib.sha256(file.read_bytes()).hexdigest()


class _SceneLines:
    """The lines of one scene while they are read."""

    def __init__(self, title: str, scene_id: str, line: int) -> None:
        self.title = title
        self.id = scene_id
        self.line = line
        self.illustration: str | None = None
        self.illustration_line = 0
        self.recording: str | None = None
        self.recording_line = 0
        self.screen: list[ScreenLine] = []
        self.screen_lines: list[int] = []
        self.screen_state = "before"  # before, inside, after: the on-screen block is one block
        self.narration: list[str] = []

    def blank(self) -> None:
        if self.screen_state == "inside":
            self.screen_state = "after"

    def add(self, text: str, line: int, reader: _Reader) -> None:
        quote = _QUOTE.match(text)
        illustration = _ILLUSTRATION.match(text)
        recording = _RECORDING.match(text)
        if quote:
            self.add_screen(quote.group(1), line, reader)
        elif recording:
            if self.recording is not None:
                reader.problem(line, f"a scene has one recording; this one already names '{self.recording}' (line {self.recording_line}): keep one")
            else:
                self.recording, self.recording_line = recording.group(1), line
            if self.screen_state == "inside":
                self.screen_state = "after"
        elif illustration:
            self.set_illustration(illustration.group(1), line, reader)
            if self.screen_state == "inside":
                self.screen_state = "after"
        else:
            if self.screen_state == "inside":
                self.screen_state = "after"
            if _HTML_TAG.search(text):
                reader.problem(line, "the narration is read aloud: remove the HTML tags (notes for translators go in <!-- ... -->)")
                return
            self.narration.append(text.strip())

    def add_screen(self, content: str, line: int, reader: _Reader) -> None:
        if self.screen_state == "after" or self.narration:
            reader.problem(line, "put all the on-screen text of a scene in one block of '>' lines, before the narration")
            return
        self.screen_state = "inside"
        if not content.strip():
            return
        bullet = _BULLET.match(content)
        text = plain_text(bullet.group(1) if bullet else content)
        if _HTML_TAG.search(text):
            reader.problem(line, "on-screen text is plain text: remove the HTML tags")
            return
        self.screen.append(ScreenLine(text, bullet is not None))
        self.screen_lines.append(line)

    def set_illustration(self, keyword: str, line: int, reader: _Reader) -> None:
        choices = ", ".join(reader.illustrations)
        if self.illustration is not None:
            reader.problem(line, f"a scene has one illustration; this one already has '{self.illustration}' (line {self.illustration_line}): keep one")
        elif keyword.lower() not in reader.illustrations:
            reader.problem(line, f"'{keyword}' is not an illustration of the renderer: keep the English keyword, one of {choices} (or remove the line)")
        else:
            self.illustration = keyword.lower()
            self.illustration_line = line


def plain_text(markdown: str) -> str:
    """Text as spoken and captioned: links keep their words, emphasis marks go, spaces collapse."""
    text = _LINK.sub(r"\1", markdown)
    text = _EMPHASIS.sub("", text)
    return _SPACES.sub(" ", text).strip()
