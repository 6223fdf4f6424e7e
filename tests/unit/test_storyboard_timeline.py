"""Narration chunks, their times, and the captions written from them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_guide.storyboards.captions import format_webvtt, timestamp, wrap_caption
from advocacy_guide.storyboards.timeline import Chunk, Pauses, build_timeline, narration_chunks, split_sentences
from advocacy_guide.webvtt import parse_webvtt

PAUSES = Pauses()
FRAME = 0.2


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Amina is a lawyer. She defends journalists.", ["Amina is a lawyer.", "She defends journalists."]),
        ("It links this to art. 19 of the Covenant.", ["It links this to art. 19 of the Covenant."]),
        ("Pourquoi ? Parce que l'État a accepté.", ["Pourquoi ?", "Parce que l'État a accepté."]),
        ("«Encore une réunion ?» Amina doute.", ["«Encore une réunion ?»", "Amina doute."]),
        ("¿Qué cambiará? ¡Mucho! Ya verás.", ["¿Qué cambiará?", "¡Mucho!", "Ya verás."]),
        ("Wait… then act.", ["Wait… then act."]),
        ("Article 19. 18 experts met.", ["Article 19. 18 experts met."]),
        ("No final stop", ["No final stop"]),
    ],
)
def test_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_a_long_sentence_is_cut_at_its_clauses() -> None:
    sentence = (
        "Civil society can act at three moments: before the Committee writes its questions, "
        "before the dialogue with the State, and during the follow-up."
    )
    chunks = narration_chunks(sentence, 84)
    assert [chunk.text for chunk in chunks] == [
        "Civil society can act at three moments: before the Committee writes its questions,",
        "before the dialogue with the State, and during the follow-up.",
    ]
    assert [chunk.ends_sentence for chunk in chunks] == [False, True]


@pytest.mark.parametrize(
    ("language", "sentence", "pieces"),
    [
        ("en", "A colleague tells her that the Human Rights Committee will soon review their country.",
         ["A colleague tells her that the Human Rights Committee", "will soon review their country."]),
        ("fr", "Un collègue lui annonce que leur pays sera bientôt examiné par le Comité des droits de l'homme.",
         ["Un collègue lui annonce", "que leur pays sera bientôt examiné par le Comité des droits de l'homme."]),
        ("fr", "Le Comité des droits de l'homme examinera bientôt le pays dont elle défend les journalistes.",
         ["Le Comité des droits de l'homme examinera bientôt le pays", "dont elle défend les journalistes."]),
        ("es", "Su colega le cuenta que el Comité de Derechos Humanos examinará pronto a su país este año.",
         ["Su colega le cuenta", "que el Comité de Derechos Humanos examinará pronto a su país este año."]),
        ("en", "It checks how each State party applies the International Covenant on Civil and Political Rights.",
         ["It checks how each State party applies", "the International Covenant on Civil and Political Rights."]),
        ("es", "El Comité preparará pronto su primera lista de cuestiones previa a la presentación de informes.",
         ["El Comité preparará pronto su primera lista de cuestiones", "previa a la presentación de informes."]),
        ("es", "Nadia trabaja en una organización de derechos de las mujeres en un país de Europa del Este.",
         ["Nadia trabaja en una organización de derechos de las mujeres", "en un país de Europa del Este."]),
    ],
)
def test_a_sentence_without_commas_is_cut_where_a_speaker_could_pause(language: str, sentence: str, pieces: list[str]) -> None:
    assert [chunk.text for chunk in narration_chunks(sentence, 84, language)] == pieces


_WORD = st.text(alphabet="abcdeéfghijklmnopqrstuvwxyz", min_size=1, max_size=14)
_SENTENCE = st.lists(st.tuples(_WORD, st.sampled_from(["", "", ",", ";"])), min_size=1, max_size=40).map(
    lambda words: " ".join(word + mark for word, mark in words).capitalize() + "."
)


@given(st.lists(_SENTENCE, min_size=1, max_size=6), st.integers(min_value=30, max_value=100))
def test_chunks_keep_every_word_in_order_and_fit_the_caption_size(sentences: list[str], limit: int) -> None:
    narration = " ".join(sentences)
    chunks = narration_chunks(narration, limit)
    assert " ".join(chunk.text for chunk in chunks) == narration
    assert all(len(chunk.text) <= limit for chunk in chunks)  # words are at most 15 characters
    assert sum(chunk.ends_sentence for chunk in chunks) == len(sentences)


def _timeline(durations: list[list[float]]):  # type: ignore[no-untyped-def]
    scenes = [[(Chunk(f"Chunk {s}.{c}.", c % 2 == 1), d) for c, d in enumerate(scene)] for s, scene in enumerate(durations)]
    return build_timeline(scenes, PAUSES, FRAME)


def test_timeline_places_chunks_with_their_measured_durations() -> None:
    timeline = _timeline([[2.5, 1.25], [3.1]])
    first, second, third = timeline.chunks
    assert (first.start, first.end) == (0.6, 3.1)  # after the scene's lead-in
    assert second.start == pytest.approx(3.1 + PAUSES.clause)  # chunk 0 did not end its sentence
    assert second.end - second.start == pytest.approx(1.25)
    assert timeline.scenes[1].start == timeline.scenes[0].end
    assert third.start == pytest.approx(timeline.scenes[1].start + PAUSES.scene_lead)


@given(st.lists(st.lists(st.floats(min_value=0.2, max_value=9.0), min_size=1, max_size=5), min_size=1, max_size=8))
def test_timeline_cues_are_ordered_inside_their_scene_and_end_just_before_the_media(durations: list[list[float]]) -> None:
    timeline = _timeline(durations)
    chunks = timeline.chunks
    assert all(a.end <= b.start for a, b in zip(chunks, chunks[1:]))
    for chunk in chunks:
        scene = timeline.scenes[chunk.scene]
        assert scene.start < chunk.start < chunk.end <= scene.end
    for scene in timeline.scenes:  # slide changes fall on whole frames
        assert scene.end / FRAME == pytest.approx(round(scene.end / FRAME), abs=1e-6)
    assert 0 < timeline.duration - chunks[-1].end <= PAUSES.final_tail + FRAME + 0.001


def test_captions_are_valid_webvtt_with_the_timeline_s_times() -> None:
    scenes = [
        [(Chunk("Amina is a lawyer in a country in North Africa, where journalists are arrested.", True), 4.0)],
        [(Chunk("Is <this> & that --> fine?", True), 2.0)],
    ]
    timeline = build_timeline(scenes, PAUSES, FRAME)
    text = format_webvtt(timeline, language="en", scene_ids=["doubt", "words"])
    assert text.startswith("WEBVTT")
    assert "NOTE scene doubt" in text and "NOTE scene words" in text
    cues = parse_webvtt(text)
    assert [(cue.start, cue.end) for cue in cues] == [(c.start, c.end) for c in timeline.chunks]
    assert [cue.text for cue in cues] == [c.text for c in timeline.chunks]


def test_caption_lines_are_balanced_and_short() -> None:
    lines = wrap_caption("Amina is a lawyer in a country in North Africa, where journalists are arrested.")
    assert len(lines) == 2
    assert all(len(line) <= 42 for line in lines)
    assert wrap_caption("Short.") == ["Short."]


def test_timestamps() -> None:
    assert timestamp(0) == "00:00:00.000"
    assert timestamp(83.4567) == "00:01:23.457"
    assert timestamp(3725.5) == "01:02:05.500"
