"""Trainer mode's build-time rules (advocacy_guide.present), without a build."""

from __future__ import annotations

import pytest

from advocacy_guide.markdown.source import read_source
from advocacy_guide.present import (
    Problem,
    check_notes,
    fill_missing_titles,
    find_notes,
    flag_problem,
    presentable,
)

TITLES = {"en": "For trainers", "fr": "Pour les formateurs", "es": "Para las personas formadoras"}


@pytest.mark.parametrize(
    ("name", "meta", "expected"),
    [
        ("module-why-engage.md", {}, True),
        ("module-why-engage.md", {"present": False}, False),
        ("committee.md", {}, False),
        ("committee.md", {"present": True}, True),
        ("modules.md", {}, False),  # the overview of modules is no module
        ("committee.md", {"present": "yes please"}, False),  # reported by flag_problem
    ],
)
def test_which_pages_offer_the_present_button(name: str, meta: dict, expected: bool) -> None:
    assert presentable(name, meta) is expected


def test_a_present_flag_that_is_not_true_or_false_is_reported_on_its_line() -> None:
    source = "---\ndescription: A page.\npresent: maybe\n---\n\n# Title\n"
    problem = flag_problem(source, {"description": "A page.", "present": "maybe"})
    assert problem == Problem(3, "'present: maybe' must be 'present: true' (show the Present button) or 'present: false' (hide it)")
    assert flag_problem(source, {"present": True}) is None
    assert flag_problem(source, {}) is None


def test_front_matter_lines_count_what_mkdocs_removes() -> None:
    assert read_source("---\ndescription: x\n---\n\n\n# Title\n").stripped_lines == 5
    assert read_source("# Title\n").stripped_lines == 0


def test_notes_are_found_outside_code_only() -> None:
    markdown = (
        "# Title\n\n"
        '??? facilitator "For trainers"\n    Notes.\n\n'
        "```markdown\n??? facilitator \"For trainers\"\n```\n\n"
        "- item\n\n"
        "    !!! facilitator\n        Nested notes.\n\n"
        '??? note "Not for trainers"\n    Text.\n'
        '???+ facilitator inline "Pour les formateurs"\n    Text.\n'
    )
    blocks = find_notes(markdown)
    assert [(b.index, b.marker, b.title, b.indent, b.classes) for b in blocks] == [
        (2, "???", "For trainers", "", "facilitator"),
        (11, "!!!", None, "    ", "facilitator"),
        (16, "???+", "Pour les formateurs", "", "facilitator inline"),
    ]


def test_a_title_in_another_language_is_reported_with_the_fix() -> None:
    blocks = find_notes('# Titre\n\n??? facilitator "For trainers"\n    Notes.\n')
    problems = check_notes(blocks, "fr", TITLES, first_line=5)
    assert problems == [
        Problem(7, "the facilitator notes' title \"For trainers\" is the English one; on a French page write "
                   "'??? facilitator \"Pour les formateurs\"'")
    ]


def test_an_open_box_is_reported_and_a_custom_title_is_allowed() -> None:
    blocks = find_notes('!!! facilitator "Para las personas formadoras"\n\n??? facilitator "Plan de la sesión"\n')
    problems = check_notes(blocks, "es", TITLES)
    assert [p.line for p in problems] == [1]
    assert "write '??? facilitator \"Para las personas formadoras\"' (not '!!!')" in problems[0].message


def test_the_right_title_passes() -> None:
    for language, title in TITLES.items():
        assert check_notes(find_notes(f'??? facilitator "{title}"\n    Notes.\n'), language, TITLES) == []


def test_a_missing_title_is_filled_in_the_page_language() -> None:
    markdown = "# Título\n\n??? facilitator\n    Notas.\n\n  ??? facilitator   \n      Más.\n"
    filled = fill_missing_titles(markdown, find_notes(markdown), TITLES["es"])
    assert filled == (
        '# Título\n\n??? facilitator "Para las personas formadoras"\n    Notas.\n\n'
        '  ??? facilitator "Para las personas formadoras"\n      Más.\n'
    )
    # nothing to fill: the text is returned as it was
    titled = '??? facilitator "For trainers"\n'
    assert fill_missing_titles(titled, find_notes(titled), "For trainers") is titled


# -----------------------------------------------------------------------------
# Templates: what a translator writes stays text
# -----------------------------------------------------------------------------

HOSTILE = ['Slide {n} " onmouseover="x()', "</template><script>alert(1)</script>", "L'atelier & <b>moi</b>"]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_templates_keep_hostile_strings_as_text(text: str) -> None:
    from html.parser import HTMLParser

    from markupsafe import escape
    from mkdocs.theme import Theme

    from advocacy_guide.qr import qr_svg

    from tests.support.build import REPO

    env = Theme(name="material", custom_dir=str(REPO / "overrides"), language="en").get_env()
    env.globals["ui"] = lambda key: escape(text)  # as hooks/i18n_site.py gives them
    env.globals["reader_language"] = lambda: "en"
    env.globals["qr_svg"] = qr_svg  # as hooks/present.py gives it
    page = type("Page", (), {"canonical_url": "https://guide.example.org/a\"b<c>.html", "url": ""})()
    html = env.get_template("partials/present.html").render(page=page)
    html += env.get_template("partials/present-button.html").render(presentable=True)

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[tuple[str, dict]] = []
            self.text = ""

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.tags.append((tag, dict(attrs)))

        def handle_data(self, data: str) -> None:
            self.text += data

    reader = Reader()
    reader.feed(html)
    assert [tag for tag, _ in reader.tags if tag in ("script", "b")] == []
    template = next(attrs for tag, attrs in reader.tags if attrs.get("id") == "present-ui")
    assert template["data-counter"] == text and template["data-window-title"] == text
    assert next(attrs for tag, attrs in reader.tags if tag == "nav")["aria-label"] == text
    assert reader.text.count(text) >= 10
    assert 'https://guide.example.org/a"b<c>.html' in reader.text
    assert next(attrs for tag, attrs in reader.tags if tag == "svg")["aria-label"] == text  # the handout's QR code
