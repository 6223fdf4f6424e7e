"""Finding the storyboards of a project and checking them against each other.

Storyboards live in `storyboards/<video-id>/<language>.md`. A translation keeps the English
storyboard's scene ids, in the same order: they are the video's chapters in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from advocacy_guide.build.languages import known_languages
from advocacy_guide.glossary import Glossary, GlossaryError, load_glossary
from advocacy_guide.storyboards import STORYBOARD_FOLDER
from advocacy_guide.storyboards.model import Storyboard, StoryboardError
from advocacy_guide.storyboards.parser import RECORDING_SUFFIXES, read_storyboard
from advocacy_guide.storyboards.slides import available_illustrations
from advocacy_guide.errors import Problem

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
IGNORED_NAMES = {"README.md", "manifest.json"}
GLOSSARY_FILE = "data/glossary.yml"


@dataclass(frozen=True)
class StoryboardFile:
    video_id: str
    language: str
    path: Path
    shown: str  # relative to the project: storyboards/why-engage/fr.md

    @property
    def key(self) -> str:
        return f"{self.video_id}/{self.language}"


@dataclass
class Storyboards:
    """Every storyboard that parsed, and the problems of those that did not."""

    files: list[StoryboardFile]
    parsed: dict[str, Storyboard]  # key: "why-engage/fr"
    problems: list[Problem]


def find_storyboard_files(root: Path) -> tuple[list[StoryboardFile], list[Problem]]:
    languages = known_languages(root).codes
    folder = root / STORYBOARD_FOLDER
    files: list[StoryboardFile] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return files, problems
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or (path.name in IGNORED_NAMES and path.parent == folder):
            continue
        shown = path.relative_to(root).as_posix()
        parts = path.relative_to(folder).parts
        if len(parts) == 2 and path.suffix.lower() in RECORDING_SUFFIXES:
            continue  # a scene's recording, checked where its storyboard names it
        if len(parts) != 2 or path.suffix != ".md":
            problems.append(Problem(shown, 1, f"not a storyboard: storyboards are {STORYBOARD_FOLDER}/<video-id>/<language>.md, such as {STORYBOARD_FOLDER}/why-engage/fr.md"))
            continue
        video_id, language = parts[0], path.stem
        if not _ID.match(video_id):
            problems.append(Problem(shown, 1, f"'{video_id}' is not a video id: name the folder after the id in data/videos.yml, such as why-engage"))
        elif language not in languages:
            problems.append(Problem(shown, 1, f"'{path.name}' is not named after a language of the site: use {', '.join(f'{code}.md' for code in languages)}"))
        else:
            files.append(StoryboardFile(video_id, language, path, shown))
    files.sort(key=lambda file: (file.video_id, languages.index(file.language)))
    return files, problems


def load_storyboards(root: Path) -> Storyboards:
    """Parse every storyboard, then check that translations keep the English scene ids.

    Storyboards also use the official UN terms: a known wrong variant from data/glossary.yml is
    reported at its line, as on the pages.
    """
    languages = known_languages(root)
    files, problems = find_storyboard_files(root)
    illustrations = available_illustrations()
    glossary = _glossary(root)
    parsed: dict[str, Storyboard] = {}
    for file in files:
        try:
            parsed[file.key] = read_storyboard(
                file.path, shown_path=file.shown, video_id=file.video_id, language=file.language, illustrations=illustrations, languages=languages.codes
            )
        except StoryboardError as error:
            problems.extend(error.problems)
        if glossary is not None:
            text = file.path.read_text(encoding="utf-8-sig", errors="replace")
            for wrong in glossary.find_wrong_terms(text, file.language):
                problems.append(Problem(file.shown, wrong.line, wrong.message(GLOSSARY_FILE)))
    for key, storyboard in list(parsed.items()):
        original = parsed.get(f"{storyboard.video_id}/{languages.default}")
        if original is None or storyboard is original:
            continue
        mismatch = scene_mismatch(original, storyboard)
        if mismatch:
            problems.append(mismatch)
            del parsed[key]
    return Storyboards(files, parsed, problems)


def _glossary(root: Path) -> Glossary | None:
    """The project's glossary; None without one (its own errors are the glossary hook's to report)."""
    path = root / GLOSSARY_FILE
    if not path.is_file():
        return None
    try:
        return load_glossary(path)
    except GlossaryError:
        return None


def scene_mismatch(original: Storyboard, translation: Storyboard) -> Problem | None:
    """A problem when the translation's scene ids are not the original's, in the same order."""
    expected = [scene.id for scene in original.scenes]
    found = [scene.id for scene in translation.scenes]
    if expected == found:
        return None
    for position, scene in enumerate(translation.scenes):
        if position >= len(expected) or scene.id != expected[position]:
            line = scene.line
            break
    else:
        line = translation.scenes[-1].line if translation.scenes else 1
    return Problem(
        translation.path, line,
        f"the scenes are not those of {original.path}: expected the ids {', '.join(expected)}; found {', '.join(found)}. "
        "Keep the English ids and their order; translate only the titles, on-screen text and narration",
    )
