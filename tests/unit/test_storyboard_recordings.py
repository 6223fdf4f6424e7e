"""Recorded narration (parser, captions spread over the speech), numbers kept whole on slides, the QR code."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy_guide.qr import qr_svg
from advocacy_guide.storyboards.model import StoryboardError
from advocacy_guide.storyboards.parser import read_storyboard
from advocacy_guide.storyboards.project import find_storyboard_files
from advocacy_guide.storyboards.recording import place_chunks
from advocacy_guide.storyboards.slides import available_illustrations, keep_numbers
from advocacy_guide.storyboards.timeline import Chunk, Pauses, RecordedScene, build_timeline

SCENE = """\
---
title: A module
---

## Amina has doubts {{#doubt}}

{line}

> Another meeting?

Amina is a lawyer. She doubts.
"""


def storyboard(tmp_path: Path, line: str, files: dict[str, bytes] | None = None):  # type: ignore[no-untyped-def]
    folder = tmp_path / "storyboards" / "tiny"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    (folder / "en.md").write_text(SCENE.format(line=line), encoding="utf-8")
    return read_storyboard(folder / "en.md", shown_path="storyboards/tiny/en.md", video_id="tiny", language="en",
                           illustrations=available_illustrations())


def test_a_scene_names_its_recording_and_the_recording_is_part_of_the_fingerprint(tmp_path: Path) -> None:
    first = storyboard(tmp_path, "recording: doubt.en.flac", {"doubt.en.flac": b"one take"})
    assert first.scenes[0].recording == "doubt.en.flac"
    second = storyboard(tmp_path, "recording: doubt.en.flac", {"doubt.en.flac": b"another take"})
    assert first.fingerprint() != second.fingerprint()
    plain = storyboard(tmp_path, "")
    assert plain.scenes[0].recording is None
    assert plain.fingerprint() != first.fingerprint()
    # a recording next to a storyboard is no stray file
    files, problems = find_storyboard_files(tmp_path)
    assert [file.shown for file in files] == ["storyboards/tiny/en.md"] and problems == []


@pytest.mark.parametrize(("line", "message"), [
    ("recording: doubt.en.flac", "storyboards/tiny/en.md:7: the recording 'storyboards/tiny/doubt.en.flac' is missing: put the file next to the storyboard"),
    ("recording: doubt.en.mp3", "storyboards/tiny/en.md:7: the recording 'doubt.en.mp3' is not a WAV, FLAC or Opus file: save it as 'doubt.en.flac'"),
    ("recording: ../doubt.en.flac", "storyboards/tiny/en.md:7: '../doubt.en.flac' must be a file name in storyboards/tiny/, next to the storyboard"),
])
def test_a_recording_that_is_not_there_or_not_audio_is_reported_at_its_line(tmp_path: Path, line: str, message: str) -> None:
    with pytest.raises(StoryboardError) as error:
        storyboard(tmp_path, line)
    assert message in str(error.value)


def test_captions_spread_over_the_speech_and_move_to_the_pauses() -> None:
    chunks = [Chunk("Amina is a lawyer.", True), Chunk("She defends journalists who were arrested.", True)]
    # a short sentence, a pause, a long one (with a short dip inside it)
    speech = ((0.5, 1.6), (2.4, 3.9), (4.1, 5.2))
    placed = place_chunks(chunks, speech)
    assert [(start, end) for _, start, end in placed] == [(0.5, 1.6), (2.4, 5.2)]
    # no pause near the point where the words divide: the cut falls inside the speech
    one = place_chunks(chunks, ((1.0, 7.0),))
    assert one[0][1] == 1.0 and one[1][2] == 7.0 and one[0][2] == one[1][1]
    assert 2.0 < one[0][2] < 3.5


def test_a_recorded_scene_lasts_as_long_as_its_recording() -> None:
    recorded = RecordedScene(6.0, ((Chunk("Words.", True), 0.5, 5.0),))
    spoken = [(Chunk("More words.", True), 1.5)]
    timeline = build_timeline([recorded, spoken], Pauses(), 0.2)
    first, second = timeline.scenes
    assert first.speech_start == 0.6 and first.end >= 0.6 + 6.0
    assert [(c.start, c.end) for c in timeline.chunks] == [(1.1, 5.6), (second.start + 0.6, second.start + 2.1)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Premier projet : 19 000 mots", "fr", "Premier projet : 19\u202f000\u00a0mots"),
    ("Primer borrador: 19 000 palabras", "es", "Primer borrador: 19\u00a0000\u00a0palabras"),
    ("First draft: 19,000 words", "en", "First draft: 19,000\u00a0words"),
    ("Artículos 9 y 14", "es", "Artículos 9 y 14"),
    ("San José Guidelines, 2016", "en", "San José Guidelines, 2016"),
])
def test_numbers_and_their_units_never_break_across_lines_on_slides(text: str, language: str, expected: str) -> None:
    assert keep_numbers(text, language) == expected


def test_the_qr_code_is_an_svg_with_an_escaped_name() -> None:
    svg = qr_svg("https://guide.example.org/fr/module-why-engage.html", 'QR "code" <b>')
    assert svg.startswith('<svg role="img" aria-label="QR &#34;code&#34; &lt;b&gt;" viewBox=')
    assert "<title>QR &#34;code&#34; &lt;b&gt;</title>" in svg or "<title>QR \"code\" &lt;b&gt;</title>" in svg
    assert "style=" not in svg and "<script" not in svg
