"""Storyboards: what a valid one gives, and the message each translator's mistake produces."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy_guide.storyboards.model import ScreenLine, StoryboardError
from advocacy_guide.storyboards.parser import parse_storyboard
from advocacy_guide.storyboards.project import find_storyboard_files, load_storyboards
from advocacy_guide.storyboards.slides import available_illustrations

ILLUSTRATIONS = available_illustrations()
PATH = "storyboards/demo/en.md"

VALID = """\
---
title: Why engage with the Committee
subtitle: Module 1 · A fictional story
---

<!-- Translators: keep the ids in braces.
     This note spans two lines. -->

## Amina has doubts {#doubt}

illustration: person

> Another UN meeting in *Geneva*?
> - What will it change?
> - Who will listen?

Amina is a lawyer. She defends **journalists**
who were arrested, as [the Committee](https://example.org) noted.

She is sceptical.

## The Committee's words {#words}

> 18 independent experts

The Committee is a group of 18 independent experts.
"""


def parse(text: str, language: str = "en"):  # type: ignore[no-untyped-def]
    return parse_storyboard(text, path=PATH, video_id="demo", language=language, illustrations=ILLUSTRATIONS)


def problems_of(text: str, language: str = "en") -> list[tuple[int, str]]:
    with pytest.raises(StoryboardError) as caught:
        parse(text, language)
    assert all(problem.path == PATH for problem in caught.value.problems)
    return [(problem.line, problem.message) for problem in caught.value.problems]


def test_a_valid_storyboard_gives_its_scenes_in_order() -> None:
    storyboard = parse(VALID)
    assert storyboard.title == "Why engage with the Committee"
    assert storyboard.subtitle == "Module 1 · A fictional story"
    assert storyboard.voice is None and storyboard.speed is None
    assert [scene.id for scene in storyboard.scenes] == ["doubt", "words"]
    first = storyboard.scenes[0]
    assert first.title == "Amina has doubts"
    assert first.line == 9
    assert first.illustration == "person"
    assert first.screen == (
        ScreenLine("Another UN meeting in Geneva?"),
        ScreenLine("What will it change?", bullet=True),
        ScreenLine("Who will listen?", bullet=True),
    )
    # Paragraphs join; emphasis marks and link targets are not read aloud.
    assert first.narration == "Amina is a lawyer. She defends journalists who were arrested, as the Committee noted. She is sceptical."
    assert storyboard.scenes[1].illustration is None


def test_front_matter_voice_and_speed() -> None:
    text = VALID.replace("subtitle: Module 1 · A fictional story", "voice: fr-fr+f3\nspeed: \"140\"")
    storyboard = parse(text.replace("title: Why", "title: Pourquoi"), language="fr")
    assert storyboard.voice == "fr-fr+f3"
    assert storyboard.speed == 140


SCENE = "## Scene {#scene}\n\n> On screen\n\nSpoken words.\n"

# (what the translator wrote, the line reported, words the message must contain)
MISTAKES = [
    pytest.param("## Scene {#scene}\n\nWords.\n", 1, "starts with front matter", id="no-front-matter"),
    pytest.param("---\ntitle: T\n\n## Scene {#scene}\n\nWords.\n", 1, "front matter is not closed", id="front-matter-not-closed"),
    pytest.param("---\ntitle: T\nvoix: fr\n---\n\n" + SCENE, 3, "'voix' is not a storyboard field: use title, subtitle, voice, speed", id="unknown-field"),
    pytest.param("---\nsubtitle: S\n---\n\n" + SCENE, 1, "has no title: add 'title: ...'", id="no-title"),
    pytest.param("---\ntitle:\n---\n\n" + SCENE, 2, "'title' is empty", id="empty-title"),
    pytest.param("---\ntitle: T: the sequel\n---\n\n" + SCENE, 2, "not valid YAML", id="yaml-colon"),
    pytest.param("---\ntitle: T\nspeed: 500\n---\n\n" + SCENE, 3, "speed '500' must be words per minute, a whole number from 80 to 260", id="speed-out-of-range"),
    pytest.param("---\ntitle: T\nvoice: fr-fr\n---\n\n" + SCENE, 3, "voice 'fr-fr' does not speak this storyboard's language (en)", id="voice-of-another-language"),
    pytest.param("---\ntitle: T\nvoice: English please\n---\n\n" + SCENE, 3, "is not an espeak-ng voice name", id="voice-not-a-name"),
    pytest.param("---\ntitle: T\n---\n\nIntro text.\n\n" + SCENE, 5, "text before the first scene", id="text-before-scene"),
    pytest.param("---\ntitle: T\n---\n\n## Scene\n\nWords.\n", 5, "the scene heading needs an id after its title, such as '## Amina has doubts {#doubt}'", id="heading-without-id"),
    pytest.param("---\ntitle: T\n---\n\n## Scène {#Scène}\n\nWords.\n", 5, "'Scène' is not a valid scene id: use lowercase English words and hyphens", id="translated-id"),
    pytest.param("---\ntitle: T\n---\n\n## {#scene}\n\nWords.\n", 5, "the scene has no title", id="heading-without-title"),
    pytest.param("---\ntitle: T\n---\n\n" + SCENE + "\n## Again {#scene}\n\nWords.\n", 11, "the scene id 'scene' is already used on line 5", id="duplicate-id"),
    pytest.param("---\ntitle: T\n---\n\n### Scene {#scene}\n\nWords.\n", 5, "scenes start with a level-2 heading (two #)", id="level-3-heading"),
    pytest.param("---\ntitle: T\n---\n\n## " + "Long " * 15 + "{#scene}\n\nWords.\n", 5, "the scene title is 74 characters: keep it under 70", id="long-title"),
    pytest.param("---\ntitle: T\n---\n\n## Scene {#scene}\n\nillustration: balance\n\nWords.\n", 7, "'balance' is not an illustration of the renderer: keep the English keyword, one of ", id="unknown-illustration"),
    pytest.param("---\ntitle: T\n---\n\n## Scene {#scene}\n\nillustration: person\nillustration: globe\n\nWords.\n", 8, "a scene has one illustration; this one already has 'person' (line 7)", id="two-illustrations"),
    pytest.param("---\ntitle: T\n---\n\n## Scene {#scene}\n\nWords.\n\n> Late screen text\n", 9, "put all the on-screen text of a scene in one block of '>' lines, before the narration", id="screen-after-narration"),
    pytest.param("---\ntitle: T\n---\n\n## Scene {#scene}\n\n> One\n\n> Two\n\nWords.\n", 9, "one block of '>' lines", id="two-screen-blocks"),
    pytest.param("---\ntitle: T\n---\n\n## Scene {#scene}\n\n> Only on screen\n", 5, "the scene 'Scene' has no narration", id="no-narration"),
    pytest.param("---\ntitle: T\n---\n\n## Scene {#scene}\n\n" + "> line\n" * 7 + "\nWords.\n", 13, "the on-screen text has 7 lines: keep 6 or fewer", id="too-many-screen-lines"),
    pytest.param("---\ntitle: T\n---\n\n## Scene {#scene}\n\n> " + "word " * 50 + "\n\nWords.\n", 7, "the on-screen text is 249 characters: keep it under 200", id="screen-too-long"),
    pytest.param("---\ntitle: T\n---\n\n## Scene {#scene}\n\n<!-- a note\n\nWords.\n", 7, "this comment is not closed: end it with '-->'", id="unclosed-comment"),
    pytest.param("---\ntitle: T\n---\n\n## Scene {#scene}\n\nWords <b>loud</b>.\n", 7, "the narration is read aloud: remove the HTML tags", id="html-in-narration"),
    pytest.param("---\ntitle: T\n---\n\n<!-- nothing yet -->\n", 4, "the storyboard has no scenes", id="no-scenes"),
]


@pytest.mark.parametrize(("text", "line", "message"), MISTAKES)
def test_each_mistake_is_reported_at_its_line_with_the_fix(text: str, line: int, message: str) -> None:
    found = problems_of(text)
    assert any(found_line == line and message in found_message for found_line, found_message in found), found


def test_every_problem_is_reported_not_only_the_first() -> None:
    text = "---\ntitle: T\ncolour: red\n---\n\n## Scene {#Bad}\n\nWords.\n\n## Other\n\nWords.\n"
    assert [line for line, _ in problems_of(text)] == [3, 6, 10]


def test_a_language_outside_the_site_is_refused() -> None:
    assert any("'de' is not a language of the site" in message for _, message in problems_of(VALID, language="de"))


def test_the_fingerprint_follows_what_the_video_shows_not_comments_or_layout() -> None:
    original = parse(VALID).fingerprint()
    assert parse(VALID.replace("<!-- Translators:", "<!-- Note for translators:")).fingerprint() == original
    assert parse(VALID.replace("She is sceptical.", "\nShe is sceptical.\n")).fingerprint() == original
    assert parse(VALID.replace("She is sceptical.", "She is doubtful.")).fingerprint() != original
    assert parse(VALID.replace("illustration: person", "illustration: globe")).fingerprint() != original
    assert parse(VALID.replace("- Who will listen?", "Who will listen?")).fingerprint() != original


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def test_translations_keep_the_english_scene_ids_in_order(tmp_path: Path) -> None:
    french = VALID.replace("{#words}", "{#mots}").replace("title: Why", "title: Pourquoi")
    write(tmp_path, {"storyboards/demo/en.md": VALID, "storyboards/demo/fr.md": french, "storyboards/demo/es.md": VALID})
    loaded = load_storyboards(tmp_path)
    assert sorted(loaded.parsed) == ["demo/en", "demo/es"]
    [problem] = loaded.problems
    assert (problem.path, problem.line) == ("storyboards/demo/fr.md", 22)
    assert "expected the ids doubt, words; found doubt, mots" in problem.message
    assert "Keep the English ids and their order" in problem.message


def test_files_that_are_not_storyboards_are_named(tmp_path: Path) -> None:
    write(tmp_path, {
        "storyboards/demo/en.md": VALID,
        "storyboards/demo/french.md": VALID,
        "storyboards/Demo Video/en.md": VALID,
        "storyboards/notes.txt": "",
        "storyboards/README.md": "# How to write storyboards",
    })
    files, problems = find_storyboard_files(tmp_path)
    assert [file.key for file in files] == ["demo/en"]
    messages = {problem.path: problem.message for problem in problems}
    assert "'french.md' is not named after a language of the site: use en.md, fr.md, es.md" in messages["storyboards/demo/french.md"]
    assert "'Demo Video' is not a video id" in messages["storyboards/Demo Video/en.md"]
    assert "not a storyboard" in messages["storyboards/notes.txt"]


def test_storyboards_use_the_official_un_terms_of_the_glossary(tmp_path: Path) -> None:
    glossary = Path(__file__).resolve().parents[2] / "data" / "glossary.yml"
    french = VALID.replace("title: Why", "title: Pourquoi").replace("She is sceptical.", "Le Comité des droits humains examine le pays.")
    write(tmp_path, {"data/glossary.yml": glossary.read_text(encoding="utf-8"), "storyboards/demo/fr.md": french})
    [problem] = load_storyboards(tmp_path).problems
    assert (problem.path, problem.line) == ("storyboards/demo/fr.md", 20)
    assert problem.message.startswith('"Comité des droits humains" is not the official UN term: write "Comité des droits de l\'homme"')
