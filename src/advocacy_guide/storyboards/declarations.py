"""Writing a rendering's version into data/videos.yml, and checking that the file uses it.

data/videos.yml is edited by hand (titles, comments), so it is changed as text: only the
`versions:` language blocks of rendered languages are rewritten, a `status: planned` line is
dropped, and every other line, comment included, stays as it was. The result is parsed again
before it is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from advocacy_guide.build.languages import known_languages
from advocacy_guide.located_yaml import LocatedYamlError, YamlMap, load_located_yaml
from advocacy_guide.storyboards.manifest import Rendering
from advocacy_guide.videos import DECLARATIONS_FILE, VideoCatalog, parse_time

_FIELD = re.compile(r"^  ([A-Za-z_][\w-]*)[ \t]*:")
_LANGUAGE_BLOCK = re.compile(r"^    ([A-Za-z_][\w-]*)[ \t]*:")
_PLANNED = re.compile(r"^  status[ \t]*:[ \t]*planned[ \t]*(#.*)?$")


class DeclarationError(ValueError):
    pass


@dataclass(frozen=True)
class Mismatch:
    line: int
    what: str


def format_time(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def declared_duration(rendering: Rendering) -> str:
    return format_time(round(rendering.duration))


def version_lines(language: str, rendering: Rendering) -> list[str]:
    """The version block of one language, indented as AUTHORING.md shows it."""
    lines = [
        f"    {language}:",
        f"      media: {rendering.files['media'].name}",
        f"      poster: {rendering.files['poster'].name}",
        f"      duration: \"{declared_duration(rendering)}\"",
        "      captions:",
        f"        {language}: {rendering.files['captions'].name}",
        "      chapters:",
    ]
    # JSON strings are valid YAML double-quoted scalars: titles with ': ' or quotes stay text.
    lines += [f"        - {json.dumps(f'{format_time(c.start)} {c.title}', ensure_ascii=False)}" for c in rendering.chapters]
    return lines


def update_declarations(text: str, video_id: str, renderings: dict[str, Rendering], languages: tuple[str, ...] = ()) -> str:
    """`text` with the versions of `video_id` in `renderings` (by language) written in, in the
    order of `languages` (the site's); languages not among them after, alphabetically."""
    lines = text.split("\n")
    entry = _entry_range(lines, video_id)
    if entry is None:
        raise DeclarationError(f"{DECLARATIONS_FILE}: '{video_id}' is not declared: add '{video_id}:' with its title in each language, then render again")
    start, end = entry
    body = [line for line in lines[start + 1 : end] if not _PLANNED.match(line)]
    versions_at = next((index for index, line in enumerate(body) if _FIELD.match(line) and _FIELD.match(line).group(1) == "versions"), None)
    if versions_at is None:
        blocks: dict[str, list[str]] = {}
        before, after = body, []
    else:
        stop = versions_at + 1
        last = versions_at
        while stop < len(body) and (not body[stop].strip() or body[stop].startswith("   ")):
            if body[stop].strip():
                last = stop
            stop += 1
        blocks = _language_blocks(body[versions_at + 1 : last + 1])
        before, after = body[:versions_at], body[last + 1 :]
    for language, rendering in renderings.items():
        blocks[language] = version_lines(language, rendering)
    ordered = sorted(blocks, key=lambda code: (languages.index(code) if code in languages else len(languages), code))
    versions = ["  versions:"] + [line for code in ordered for line in blocks[code]]
    new_lines = lines[: start + 1] + before + versions + after + lines[end:]
    result = "\n".join(new_lines)
    _verify(result, video_id, renderings)
    return result


def _entry_range(lines: list[str], video_id: str) -> tuple[int, int] | None:
    """The entry's first line and the index after its last indented line."""
    head = re.compile(rf"^{re.escape(video_id)}[ \t]*:[ \t]*(#.*)?$")
    start = next((index for index, line in enumerate(lines) if head.match(line)), None)
    if start is None:
        return None
    end = start + 1
    index = start + 1
    while index < len(lines) and (not lines[index].strip() or lines[index].startswith((" ", "\t"))):
        if lines[index].strip():
            end = index + 1
        index += 1
    return start, end


def _language_blocks(lines: list[str]) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        match = _LANGUAGE_BLOCK.match(line)
        if match:
            current = blocks.setdefault(match.group(1), [])
        if current is None:
            raise DeclarationError(f"{DECLARATIONS_FILE}: the versions block is not indented as AUTHORING.md shows (two spaces per level): fix it by hand, then render again")
        current.append(line)
    return blocks


def _verify(text: str, video_id: str, renderings: dict[str, Rendering]) -> None:
    try:
        data = load_located_yaml(text, DECLARATIONS_FILE)
    except LocatedYamlError as error:
        raise DeclarationError(f"writing the versions of '{video_id}' would break {DECLARATIONS_FILE} ({error}): check its indentation (two spaces per level)") from error
    entry = data.get(video_id) if isinstance(data, YamlMap) else None
    versions = entry.get("versions") if isinstance(entry, YamlMap) else None
    for language, rendering in renderings.items():
        version = versions.get(language) if isinstance(versions, YamlMap) else None
        if not isinstance(version, YamlMap) or version.get("media") != rendering.files["media"].name:
            raise DeclarationError(f"{DECLARATIONS_FILE}: the entry '{video_id}' is not indented as AUTHORING.md shows (two spaces per level): fix it by hand, then render again")


def declaration_mismatches(catalog: VideoCatalog, video_id: str, language: str, rendering: Rendering) -> list[Mismatch]:
    """How the declared version of `video_id` in `language` differs from its rendering."""
    declaration = catalog.videos.get(video_id)
    if declaration is None:
        return [Mismatch(1, f"'{video_id}' is not declared")]
    version = declaration.versions.get(language)
    if version is None:
        return [Mismatch(declaration.line, f"'{video_id}' has no {language} version")]
    found: list[Mismatch] = []
    expected_captions = {language: rendering.files["captions"].name}
    checks = [
        ("media", version.media, rendering.files["media"].name),
        ("poster", version.poster, rendering.files["poster"].name),
        ("duration", version.duration, parse_time(declared_duration(rendering))),
        ("captions", {code: captions.file for code, captions in version.captions.items()}, expected_captions),
        ("chapters", [(c.start, c.title) for c in version.chapters], [(c.start, c.title) for c in rendering.chapters]),
    ]
    for what, declared, expected in checks:
        if declared != expected:
            found.append(Mismatch(version.line, f"its {what} is not the rendering's"))
    return found


def write_declarations(root: Path, renderings: dict[str, dict[str, Rendering]]) -> bool:
    """Write every video's rendered versions; True when data/videos.yml changed."""
    path = root / DECLARATIONS_FILE
    original = path.read_text(encoding="utf-8")
    text = original
    languages = known_languages(root).codes
    for video_id in sorted(renderings):
        text = update_declarations(text, video_id, renderings[video_id], languages)
    if text != original:
        path.write_text(text, encoding="utf-8")
    return text != original
