"""Pure functions of the translator workflow: structure, comparison, stamps, glossary matching."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from advocacy_guide.glossary import GlossaryError, fold, load_glossary, variant_pattern
from advocacy_guide.markdown.source import read_source
from advocacy_guide.translations.compare import compare_structures
from advocacy_guide.translations.stamp import StampError, read_stamp, source_hash, translation_hash, without_stamp, write_stamp
from advocacy_guide.translations.structure import NO_ID, extract_structure, internal_link
from tests.support.build import REPO

ENGLISH = textwrap.dedent(
    """\
    ---
    description: Follow up.
    ---

    # Follow-up {#follow-up}

    Read [the cycle](review-cycle.md#timing) and [below](#plan).

    ## Plan your follow-up {#plan}

    ![type:video](follow-up)

    /// checklist | After the review
        id: after-review

    - [ ] Read the concluding observations {#read}
    - [x] Pick priorities {: #priorities }
    ///

    !!! note "Good to know"
        See [the committee](committee.md).

    ??? facilitator "For trainers"
        Ten minutes.

    /// details | More
    ///

    ```markdown
    ## Not a heading {#inside-code}
    [not a link](inside-code.md)
    ```

    [ref]: safety.md#risks
    """
)


def test_extract_structure_finds_every_part_with_its_real_line() -> None:
    structure = extract_structure(ENGLISH)
    assert [(p.value, p.line) for p in structure.headings] == [("follow-up", 5), ("plan", 9)]
    assert [(p.value, p.line) for p in structure.checklists] == [("after-review", 14)]
    assert [(p.value, p.context, p.line) for p in structure.steps] == [("read", "after-review", 16), ("priorities", "after-review", 17)]
    assert [(p.value, p.line) for p in structure.videos] == [("follow-up", 11)]
    assert [(p.value, p.line) for p in structure.blocks] == [("!!! note", 20), ("??? facilitator", 23), ("/// details", 26)]
    assert sorted((p.value, p.line) for p in structure.links) == [
        ("#plan", 7), ("committee.md", 21), ("review-cycle.md#timing", 7), ("safety.md#risks", 34)
    ]
    # parts know the section they are in, to place a missing part in the translation
    assert structure.videos[0].section == "plan"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("follow-up.md", "follow-up.md"),
        ("./follow-up.md#plan", "follow-up.md#plan"),
        ("#plan", "#plan"),
        ("https://www.ohchr.org/en/treaty-bodies/ccpr", None),
        ("mailto:someone@example.org", None),
        ("//example.org/x.md", None),
        ("files/template.docx", None),
        ("", None),
    ],
)
def test_internal_link_keeps_only_links_to_pages_and_anchors(target: str, expected: str | None) -> None:
    assert internal_link(target) == expected


def test_headings_without_explicit_id_and_closing_hashes() -> None:
    structure = extract_structure("# Title #\n\n## Other {: #other .wide } ##\n")
    assert [p.value for p in structure.headings] == [NO_ID, "other"]


def test_mask_keeps_offsets_and_hides_code_and_comments() -> None:
    text = "a `liste des questions` b\n<!-- liste des\nquestions -->\n~~~\nliste des questions\n~~~\nend"
    masked = read_source(text).prose
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert "liste" not in masked
    assert masked.endswith("end")


def test_front_matter_line_count() -> None:
    assert read_source(ENGLISH).front_matter.line_count == 3
    assert read_source("# No front matter\n").front_matter.line_count == 0


def _compare(english: str, translation: str) -> list[str]:
    problems = compare_structures(extract_structure(english), extract_structure(translation), "docs/en/p.md", "docs/fr/p.md")
    return [str(p) for p in problems]


def test_identical_structure_has_no_problem() -> None:
    french = ENGLISH.replace("Read the concluding observations", "Lire les observations finales").replace("# Follow-up", "# Le suivi")
    assert _compare(ENGLISH, french) == []


def test_a_renamed_anchor_is_reported_at_its_line_with_the_english_id() -> None:
    french = ENGLISH.replace("## Plan your follow-up {#plan}", "## Planifier le suivi {#planifier}")
    problems = _compare(ENGLISH, french)
    assert len(problems) == 1
    assert problems[0].startswith("docs/fr/p.md:9: heading id {#planifier} differs from the English {#plan} (docs/en/p.md:9)")
    assert "keep the English id" in problems[0]


def test_a_changed_checklist_id_and_step_id_are_reported_at_their_lines() -> None:
    french = ENGLISH.replace("    id: after-review", "    id: apres-examen").replace("{#read}", "{#lire}")
    problems = _compare(ENGLISH, french)
    assert any(p.startswith("docs/fr/p.md:14: checklist id 'apres-examen' differs from the English 'after-review'") for p in problems), problems
    assert any(p.startswith("docs/fr/p.md:16: checklist step {#lire} (checklist 'apres-examen') differs from the English {#read}") for p in problems), problems
    assert len(problems) == 2, problems  # the other step is unchanged


def test_missing_and_extra_parts_are_located() -> None:
    french = ENGLISH.replace("![type:video](follow-up)\n", "").replace("??? facilitator", "!!! facilitator")
    french = french.replace("[below](#plan)", "[below](#plan) [extra](faq.md)")
    problems = _compare(ENGLISH, french)
    assert any("the English video 'follow-up' (docs/en/p.md:11) is missing here" in p for p in problems), problems
    assert any("block '!!! facilitator' differs from the English '??? facilitator'" in p for p in problems), problems
    assert any(p.startswith("docs/fr/p.md:7: link to 'faq.md' is not in the English page") for p in problems), problems


def test_a_missing_link_is_placed_under_its_section_heading() -> None:
    french = ENGLISH.replace("See [the committee](committee.md).", "Voir le comité.")
    problems = _compare(ENGLISH, french)
    assert problems == [
        "docs/fr/p.md:9: the English page links to 'committee.md' (docs/en/p.md:21) and this translation does not: "
        "keep the link, with the same file name and anchor"
    ]


# -----------------------------------------------------------------------------
# Stamps
# -----------------------------------------------------------------------------


def test_source_hash_ignores_line_endings_and_trailing_blank_lines() -> None:
    assert source_hash("a\nb\n") == source_hash("a\r\nb\r\n\n\n")
    assert source_hash("a\nb\n") != source_hash("a\nc\n")
    assert source_hash("x").startswith("sha256:") and len(source_hash("x")) == len("sha256:") + 64


def test_write_stamp_keeps_every_other_line_and_replaces_an_old_stamp() -> None:
    text = "---\ndescription: Le suivi.\nsearch:\n  boost: 2\n---\n\n# Le suivi {#follow-up}\n"
    once = write_stamp(text, source_hash("v1"), date(2026, 11, 1))
    assert once.startswith("---\ndescription: Le suivi.\nsearch:\n  boost: 2\ntranslation:\n")
    assert once.endswith("---\n\n# Le suivi {#follow-up}\n")
    twice = write_stamp(once, source_hash("v2"), date(2026, 11, 29))
    assert twice.count("translation:") == 1
    stamp = read_stamp(twice)
    assert stamp is not None
    assert stamp.source_hash == source_hash("v2")
    assert stamp.source_date == date(2026, 11, 29)
    assert stamp.line == 5
    assert "boost: 2" in twice


def test_write_stamp_adds_front_matter_when_there_is_none() -> None:
    stamped = write_stamp("# Titre {#title}\n", source_hash("v1"), None)
    assert read_stamp(stamped) == read_stamp(stamped)
    assert read_stamp(stamped).source_hash == source_hash("v1")  # type: ignore[union-attr]
    assert stamped.endswith("# Titre {#title}\n")


@pytest.mark.parametrize(
    ("front_matter", "line", "message"),
    [
        ("translation: yes\n", 2, "must hold `source_hash:` and `source_date:`"),
        ("translation:\n  source_hash: md5:abc\n", 2, "must look like 'sha256:'"),
        (f"translation:\n  source_hash: {source_hash('x')}\n  source_date: soon\n", 2, "must be a date such as 2026-11-29"),
        ("description: [unclosed\n", 3, "not valid YAML"),
    ],
)
def test_malformed_stamps_name_the_line_and_the_fix(front_matter: str, line: int, message: str) -> None:
    with pytest.raises(StampError) as error:
        read_stamp(f"---\n{front_matter}---\n# T\n")
    assert error.value.line == line
    assert message in error.value.message


def test_translation_hash_ignores_the_stamp_and_sees_every_other_change() -> None:
    text = "---\ndescription: Le suivi.\n---\n\n# Le suivi {#follow-up}\n"
    stamped = write_stamp(text, source_hash("v1"), date(2026, 11, 1), translation_hash(text))
    restamped = write_stamp(stamped, source_hash("v2"), None, translation_hash(stamped))
    assert translation_hash(text) == translation_hash(stamped) == translation_hash(restamped)
    assert without_stamp(stamped) == without_stamp(text)
    stamp = read_stamp(stamped)
    assert stamp is not None and stamp.translation_hash == translation_hash(text)
    assert "  translation_hash: sha256:" in stamped
    assert translation_hash(text.replace("Le suivi.", "Le suivi !")) != translation_hash(text)
    assert translation_hash(text.replace("\n", "\r\n")) == translation_hash(text)
    # A page without front matter gets one with the stamp: the same text for the hash.
    bare = "# Titre {#title}\n"
    assert translation_hash(write_stamp(bare, source_hash("v1"), None, translation_hash(bare))) == translation_hash(bare)


def test_a_malformed_translation_hash_names_the_line() -> None:
    with pytest.raises(StampError) as error:
        read_stamp(f"---\ntranslation:\n  source_hash: {source_hash('x')}\n  translation_hash: nope\n---\n")
    assert error.value.line == 2
    assert "`translation_hash` must look like 'sha256:'" in error.value.message


def test_no_stamp_is_none() -> None:
    assert read_stamp("---\ndescription: x\n---\n") is None
    assert read_stamp("# x\n") is None


# -----------------------------------------------------------------------------
# Glossary
# -----------------------------------------------------------------------------


def _glossary(tmp_path: Path, yaml_text: str):
    path = tmp_path / "glossary.yml"
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    return load_glossary(path)


TERM = """\
terms:
  - id: list-of-issues
    en: {term: list of issues, abbreviation: LOI, definition: Questions.}
    fr:
      term: liste de points
      definition: Des questions.
      wrong: [liste(s) des questions]
      allow: [liste des questions à poser]
    es: {term: lista de cuestiones, definition: Preguntas.}
  - id: session
    en: {term: session, definition: Weeks.}
    fr: {term: session, definition: Semaines.}
    es: {term: período de sesiones, definition: Semanas., wrong: ["período(s) de sesión"]}
"""


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("fr", "La liste des questions arrive.", ["liste des questions"]),
        ("fr", "Les Listes des Questions arrivent.", ["Listes des Questions"]),
        ("fr", "la liste des\n  questions", ["liste des questions"]),
        ("fr", "La liste de points et une liste de questions.", []),
        ("fr", "Préparez la liste des questions à poser.", []),
        ("fr", "`liste des questions` in code", []),
        ("fr", "sous-liste des questionsX", []),
        ("es", "El periodo de sesión y los períodos de sesión.", ["periodo de sesión", "períodos de sesión"]),
        ("es", "El período de sesiones y la 4118ª sesión.", []),
        ("en", "The liste des questions in English is not checked.", []),
    ],
)
def test_wrong_variants_are_found_whatever_the_case_accents_plural_or_line_break(
    tmp_path: Path, language: str, text: str, found: list[str]
) -> None:
    glossary = _glossary(tmp_path, TERM)
    assert [w.found for w in glossary.find_wrong_terms(text, language)] == found


def test_a_wrong_term_is_located_and_names_the_official_term(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path, TERM)
    [wrong] = glossary.find_wrong_terms("---\ndescription: x\n---\n\nUne ligne.\nLa liste des questions.\n", "fr")
    assert wrong.line == 6
    assert wrong.official == "liste de points"
    assert wrong.message() == (
        '"liste des questions" is not the official UN term: write "liste de points" (see \'list-of-issues\' in data/glossary.yml)'
    )


def test_fold_and_variant_pattern() -> None:
    assert fold("État’s")[0] == "etat's"
    assert variant_pattern("observation(s) conclusive(s)").search(fold("Observations conclusives")[0])
    assert not variant_pattern("période de session").search("periode de sessions")


def test_abbreviations_and_entries_are_per_language(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path, TERM)
    assert glossary.abbreviations("en") == {"LOI": "list of issues"}
    assert glossary.abbreviations("fr") == {}
    assert [t.id for t in glossary.entries("es")] == ["list-of-issues", "session"]
    assert [t.id for t in glossary.entries("fr")] == ["list-of-issues", "session"]


def test_abbreviations_used_are_whole_words_longest_first() -> None:
    glossary = load_glossary(REPO / "data" / "glossary.yml")
    english = glossary.abbreviations("en")
    assert {"ICCPR", "NGO"} <= set(english)
    text = "The ICCPR binds States; NGOs and an NGO-led coalition; ICCPRx is not a word; OHCHR."
    used = glossary.abbreviations_used(text, "en")
    assert "ICCPR" in used and "OHCHR" in used
    assert "NGO" not in used  # only in "NGOs" and "NGO-led"
    assert glossary.abbreviations_used("Le PIDCP et le HCDH.", "fr") == {"PIDCP", "HCDH"}
    assert glossary.abbreviations_used("nothing here", "es") == set()


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("items: []\n", "glossary.yml:1: the file must start with `terms:`"),
        ("terms:\n  - en: {term: a, definition: b}\n", "glossary.yml:2: every term needs an `id:`"),
        ("terms:\n  - id: Bad Id\n", "glossary.yml:2: the id 'Bad Id' must be lowercase words and hyphens"),
        (
            "terms:\n  - id: a\n    en: {term: a, definition: b}\n    fr: {term: a, definition: b}\n"
            "  - id: c\n    en: {term: c, definition: d}\n    fr: {term: c, definition: d}\n    es: {term: c, definition: d}\n",
            "term 'a' has no es text",
        ),
        (
            "terms:\n  - id: a\n    en: {term: a, definition: b}\n    fr: {term: a}\n    es: {term: a, definition: b}\n",
            "glossary.yml:4: term 'a' (fr) has no `definition:`",
        ),
        (
            "terms:\n  - id: a\n    en: {term: a, definition: b, status: sure}\n    fr: {term: a, definition: b}\n    es: {term: a, definition: b}\n",
            "status 'sure' is not one of verified, ngo, unverified",
        ),
        (
            "terms:\n  - id: a\n    en: {term: a, definition: b}\n    fr: {term: liste de points, definition: b, wrong: [liste(s)]}\n    es: {term: a, definition: b}\n",
            "the wrong variant 'liste(s)' also matches the correct form 'liste de points'",
        ),
        (
            "terms:\n  - id: a\n    en: {term: a, definition: b, abbreviation: X}\n    fr: {term: a, definition: b}\n    es: {term: a, definition: b}\n"
            "  - id: b\n    en: {term: b, definition: b, abbreviation: X}\n    fr: {term: a, definition: b}\n    es: {term: a, definition: b}\n",
            "glossary.yml:6: the en abbreviation 'X' is already used by 'a'",
        ),
        ("terms:\n  - id: a\n  - id: a\n", "term 'a' has no en, fr, es text"),
        ("terms: [\n", "not valid YAML"),
        ("terms:\n  - id: a\n    id: b\n", "glossary.yml:3: 'id' appears twice here (first on line 2): keep one"),
        (
            "terms:\n  - id: a\n    en: {term: a, definition: b}\n    fr: {term: a, definition: b}\n"
            "    es:\n      term: a\n      definition: b\n      status: sure\n",
            "glossary.yml:8: term 'a' (es): status 'sure' is not one of verified, ngo, unverified",
        ),
    ],
)
def test_glossary_errors_name_the_line_and_the_fix(tmp_path: Path, yaml_text: str, message: str) -> None:
    with pytest.raises(GlossaryError) as error:
        _glossary(tmp_path, yaml_text)
    assert message in str(error.value)


def test_the_shipped_glossary_is_valid_and_catches_the_known_traps() -> None:
    glossary = load_glossary(REPO / "data" / "glossary.yml")
    assert {"iccpr", "list-of-issues", "list-of-issues-prior-to-reporting", "ohchr", "national-human-rights-institution"} <= glossary.ids
    assert glossary.abbreviations("fr")["HCDH"].startswith("Haut-Commissariat")
    assert glossary.abbreviations("es")["ACNUDH"].startswith("Oficina del Alto Comisionado")
    assert glossary.abbreviations("en")["ICCPR"] == "International Covenant on Civil and Political Rights"
    assert glossary.abbreviations("fr")["PIDCP"].startswith("Pacte international")
    assert [w.official for w in glossary.find_wrong_terms("Envoyez vos réponses à la liste des questions.", "fr")] == ["liste de points"]
    assert [w.official for w in glossary.find_wrong_terms("Durante el período de sesión de julio.", "es")] == ["período de sesiones"]
    # The official terms themselves, in every language, never count as wrong.
    for term in glossary.terms:
        for language, text in term.texts.items():
            for correct in (text.term, *text.also):
                assert glossary.find_wrong_terms(correct, language) == [], (term.id, language, correct)


def test_a_link_whose_text_wraps_onto_the_next_line_is_still_a_link() -> None:
    english = "# T {#t}\n\nSee [the follow-up\nprocedure](follow-up.md#procedure) and [x](\n  faq.md).\n\nNot [a\n\nlink](nowhere.md).\n"
    structure = extract_structure(english)
    assert [(p.value, p.line, p.section) for p in structure.links] == [("follow-up.md#procedure", 3, "t"), ("faq.md", 4, "t")]
    french = "# T {#t}\n\nVoir [la procédure de suivi](follow-up.md#procedure) et [x](faq.md).\n"
    assert _compare(english, french) == []
