"""WebVTT captions: what is read, what is refused (with its line), and the transcript made from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy_guide.webvtt import Cue, WebVTTError, parse_webvtt, read_webvtt, transcript


def test_reads_cues_with_names_settings_notes_and_markup() -> None:
    text = (
        "\ufeffWEBVTT - French narration\nKind: captions\n\n"
        "NOTE written by the translator\nacross two lines\n\n"
        "STYLE\n::cue { color: yellow }\n\n"
        "intro\n00:00.000 --> 00:01.500 line:90% align:start\n<v.loud Amina>Another <i>UN</i> meeting?\n\n"
        "1:02:03.250 --> 1:02:04.000\r\nTwo &amp; a half &lt;lines&gt;\r\nhere\n"
    )
    cues = parse_webvtt(text)
    assert cues == [
        Cue(0.0, 1.5, "Another UN meeting?", "Amina", 11),
        Cue(3723.25, 3724.0, "Two & a half <lines> here", None, 14),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, 'must start with the line "WEBVTT"'),
        ("WEBVTTX\n", 1, 'must start with the line "WEBVTT"'),
        ("Hello\n\n00:00.000 --> 00:01.000\nHi\n", 1, 'must start with the line "WEBVTT"'),
        ("WEBVTT\n00:00.000 --> 00:01.000\nHi\n", 2, "leave a blank line"),
        ("WEBVTT\n\n00:00,000 --> 00:01.000\nHi\n", 3, "malformed timing line"),
        ("WEBVTT\n\n0:00.000 --> 00:01.000\nHi\n", 3, "malformed timing line"),
        ("WEBVTT\n\n00:00.000 -> 00:01.000\nHi\n", 3, "expected a timing line"),
        ("WEBVTT\n\n00:00.000 --> 00:61.000\nHi\n", 3, "malformed timing line"),
        ("WEBVTT\n\nintro\nHi there\n", 4, "expected a timing line"),
        ("WEBVTT\n\n00:02.000 --> 00:01.000\nHi\n", 3, "ends before it starts"),
        ("WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n", 6, "starts before the previous one (line 3)"),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nA\n00:01.000 --> 00:02.000\nB\n", 5, 'cannot contain "-->"'),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nA\n\nSTYLE\n::cue {}\n", 6, "must come before the first cue"),
    ],
)
def test_invalid_webvtt_names_the_line_and_the_fix(text: str, line: int, message: str) -> None:
    with pytest.raises(WebVTTError) as caught:
        parse_webvtt(text, "videos/x.vtt")
    assert caught.value.line == line
    assert message in caught.value.message
    assert str(caught.value).startswith(f"videos/x.vtt:{line}: ")


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.vtt"
    path.write_bytes("WEBVTT\n\n00:00.000 --> 00:01.000\nréunion\n".encode("latin-1"))
    with pytest.raises(WebVTTError) as caught:
        read_webvtt(path)
    assert caught.value.line == 4
    assert "UTF-8" in caught.value.message


def test_transcript_breaks_at_speakers_pauses_and_chapters() -> None:
    cues = [
        Cue(0.0, 1.0, "One.", "Amina", 3),
        Cue(1.0, 2.0, "Two.", None, 6),
        Cue(2.1, 3.0, "Three.", "Karim", 9),
        Cue(6.0, 7.0, "After a pause.", None, 12),  # 3 s of silence before it
        Cue(7.0, 8.0, "Same paragraph.", None, 15),
        Cue(8.0, 9.0, "New chapter.", None, 18),
        Cue(9.0, 9.5, "", None, 21),  # an empty cue adds nothing
    ]
    paragraphs = transcript(cues, breaks=(0.0, 8.0))
    assert [(p.start, p.speaker, p.text) for p in paragraphs] == [
        (0.0, "Amina", "One. Two."),
        (2.1, "Karim", "Three."),
        (6.0, None, "After a pause. Same paragraph."),
        (8.0, None, "New chapter."),
    ]


def test_hostile_cue_text_comes_out_as_plain_text() -> None:
    cues = parse_webvtt('WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert("x")</script> &lt;b&gt; "quoted"\n')
    # markup is removed and references decoded: escaping is the template's job, not the parser's
    assert cues[0].text == 'alert("x") <b> "quoted"'
