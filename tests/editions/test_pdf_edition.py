"""`make pdf`: one accessible PDF per language, checked against the guide's navigation.

The three PDFs are laid out once per session (`pdf_editions`, tests/conftest.py) from the site
built for the editions; each test reads them back with pypdf.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from advocacy_guide.editions import EditionError
from advocacy_guide.editions.pdf import MAX_BYTES, render_pdf
from advocacy_guide.editions.site import build_site
from tests.conftest import LANGUAGES
from tests.support.build import make_fixture_project
from tests.support.editions import Editions


@cache
def reader(path: Path) -> PdfReader:
    return PdfReader(path)


def chapter_titles(editions: Editions, language: str) -> list[str]:
    """The h1 of each page of the navigation, as the built site shows it."""
    titles = []
    for chapter in editions.guide.languages[language].chapters:
        html = editions.guide.page_file(language, chapter.html).read_text(encoding="utf-8")
        heading = re.search(r"<h1 id=\"[^\"]*\">(.*?)<a class=\"headerlink\"", html, re.S)
        assert heading, chapter.html
        titles.append(re.sub(r"<[^>]+>", "", heading.group(1)).replace("&#39;", "'").replace("&amp;", "&").strip())
    return titles


def outline(pdf: PdfReader) -> list[tuple[str, int, list]]:
    """(title, page index, children) for each top-level bookmark."""
    items: list[tuple[str, int, list]] = []
    for item in pdf.outline:
        if isinstance(item, list):
            items[-1][2].extend(item)
        else:
            items.append((item.title, pdf.get_destination_page_number(item), []))
    return items


def structure_types(pdf: PdfReader) -> dict[str, int]:
    """How many structure elements of each type the PDF's tag tree holds; figures without /Alt
    are counted as 'Figure without Alt'."""
    counts: dict[str, int] = {}
    stack = [pdf.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, DictionaryObject):
            kind = node.get("/S")
            if kind is not None:
                counts[str(kind)] = counts.get(str(kind), 0) + 1
                if kind == "/Figure" and not node.get("/Alt"):
                    counts["Figure without Alt"] = counts.get("Figure without Alt", 0) + 1
            kids = node.get("/K")
            if kids is not None:
                stack.extend(kids if isinstance(kids, list) else [kids])
        elif isinstance(node, list):
            stack.extend(node)
    return counts


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_pdf_has_a_bookmark_per_chapter_in_the_order_of_the_navigation_and_one_per_section(pdf_editions: Editions, language: str) -> None:
    edition = pdf_editions.pdfs[language]
    pdf = reader(edition.path)
    assert edition.path.name == f"advocacy-guide-{language}.pdf"
    bookmarks = outline(pdf)
    titles = chapter_titles(pdf_editions, language)
    assert [title for title, _, _ in bookmarks[1:]] == titles
    starts = [page for _, page, _ in bookmarks[1:]]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "every chapter starts on its own page, in order"
    # Sections: the review-cycle chapter's bookmarks are its ## headings.
    review = next(children for title, _, children in bookmarks if title == titles[3])
    assert len(review) >= 5
    assert edition.parts == len(pdf.pages) > len(titles) * 2, "the whole guide, not a summary"
    assert edition.bytes < MAX_BYTES


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_table_of_contents_lists_every_chapter_with_the_page_it_starts_on(pdf_editions: Editions, language: str) -> None:
    pdf = reader(pdf_editions.pdfs[language].path)
    bookmarks = outline(pdf)
    toc_page = bookmarks[0][1]
    text = pdf.pages[toc_page].extract_text()
    printed = [int(number) for number in re.findall(r"(\d+)\s*$", text, re.M)]
    assert printed == [page + 1 for _, page, _ in bookmarks[1:]]
    for title in chapter_titles(pdf_editions, language):
        assert title.split()[0] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_pdf_is_tagged_in_its_language_with_fonts_embedded(pdf_editions: Editions, language: str) -> None:
    pdf = reader(pdf_editions.pdfs[language].path)
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == language
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()
    types = structure_types(pdf)
    for kind in ("/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Table", "/TR", "/TH", "/TD", "/Figure", "/Link"):
        assert types.get(kind, 0) > 0, f"no {kind} in the structure tree: {sorted(types)}"
    assert "Figure without Alt" not in types
    fonts = set()
    for page in pdf.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert fonts


@pytest.mark.parametrize("language", LANGUAGES)
def test_internal_links_go_to_their_page_and_external_ones_are_clickable(pdf_editions: Editions, language: str) -> None:
    pdf = reader(pdf_editions.pdfs[language].path)
    destinations = pdf.named_destinations
    internal = external = 0
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annotation:
                assert str(annotation["/Dest"]) in destinations, annotation["/Dest"]
                internal += 1
            else:
                action = annotation["/A"]
                assert action["/S"] == "/URI"
                assert str(action["/URI"]).startswith(("https://", "http://", "mailto:"))
                external += 1
    assert internal > 100 and external > 10
    # A link to a section of another page lands on that section's page.
    review = destinations["review-cycle--predictable-review-cycle"]
    assert pdf.get_destination_page_number(review) > outline(pdf)[4][1]


def test_the_french_pdf_prints_what_a_screen_would_play_or_tick(pdf_editions: Editions) -> None:
    pdf = reader(pdf_editions.pdfs["fr"].path)
    bookmarks = outline(pdf)
    module = next(page for title, page, _ in bookmarks if title.startswith("Module 1"))
    text = "\n".join(pdf.pages[index].extract_text() for index in range(module, module + 4))
    # Video: duration, the address to watch it, its transcript.
    assert "Durée" in text and "Transcription" in text
    assert re.search(r"Regarder la vidéo\s*\u202f?:\s*http://\S+/fr/module-why-engage\.html#video-why-engage", text)
    # Trainer notes in their marked box, the checklist's steps.
    assert "POUR LES FORMATEURS" in text
    assert "Décider de s'engager ou non" in text
    # The screen's link to the checklist is not printed (partials/checklist-jump.html).
    assert not re.search(r"Liste de contrôle\s*\u202f?:\s*\d+ étapes", text)
    # Running header and footer in French.
    assert re.search(r"Page \d+ sur \d+", text)
    assert text.count("Module 1 : Pourquoi s'adresser au Comité".replace(" :", "\u202f:")) + text.count("Module 1 : Pourquoi") >= 2
    # External links printed in full.
    everything = "\n".join(page.extract_text() for page in pdf.pages[bookmarks[1][1]:])
    assert "https://www.ohchr.org/" in everything.replace("\n", "")
    # French typography: a narrow no-break space before : ; ? ! (never a space a line can break
    # at), and words hyphenated at the end of lines with the French dictionary. The templates'
    # chapter is left out: its outlines are code blocks to copy, kept as translators typed them.
    assert everything.count("\u202f:") > 100
    chapters = [chapter.source for chapter in pdf_editions.guide.languages["fr"].chapters]
    starts = [page for _, page, _ in bookmarks[1:]] + [len(pdf.pages)]
    templates = chapters.index("templates.md")
    prose = "\n".join(
        pdf.pages[index].extract_text()
        for number, (start, end) in enumerate(zip(starts, starts[1:]))
        if number != templates
        for index in range(start, end)
    )
    assert re.findall(r".{20}\w [:;?!](?=\s)", prose) == []  # "?present" in code is not punctuation
    assert len(re.findall(r"\w\u2010\n\w", everything)) > 50


def test_the_cover_says_title_language_date_and_version(pdf_editions: Editions) -> None:
    cover = " ".join(reader(pdf_editions.pdfs["es"].path).pages[0].extract_text().split())
    assert "Guía de incidencia para la sociedad civil" in cover
    assert "La guía completa, en español" in cover
    assert re.search(r"Edición del \d+ de \w+ de \d{4}", cover)
    assert re.search(r"Versión \d+\.\d+\.\d+", cover)


# -----------------------------------------------------------------------------
# Paper size and bad input: a small fixture site
# -----------------------------------------------------------------------------

PAGE = """---
description: {title}.
---

# {title} {{#top}}

Text of the page about the Committee.

## A section {{#section}}

{body}
"""


def fixture_guide(tmp_path: Path, body: str = "Read [the other page](other.md#section).", extra_files: dict | None = None):  # type: ignore[no-untyped-def]
    pages = {}
    for language in LANGUAGES:
        pages[f"{language}/index.md"] = PAGE.format(title="Home", body=body)
        pages[f"{language}/other.md"] = PAGE.format(title="Other", body="Back [home](index.md).")
    project = make_fixture_project(tmp_path, pages, extra_files=extra_files)
    return build_site(project, tmp_path / "site")


def test_letter_paper_on_request(tmp_path: Path) -> None:
    guide = fixture_guide(tmp_path)
    edition = render_pdf(guide, "en", tmp_path / "letter.pdf", paper="letter")
    box = reader(edition.path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    a4 = reader(render_pdf(guide, "en", tmp_path / "a4.pdf").path).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)


def test_a_missing_image_fails_with_the_page_and_what_to_do(tmp_path: Path) -> None:
    guide = fixture_guide(tmp_path, body="![A map of the region](map.png)", extra_files={"docs/en/map.png": b"\x89PNG\r\n\x1a\n", "docs/fr/map.png": b"\x89PNG\r\n\x1a\n", "docs/es/map.png": b"\x89PNG\r\n\x1a\n"})
    (guide.site_dir / "fr" / "map.png").unlink()  # the picture went missing after the build
    target = tmp_path / "fr.pdf"
    with pytest.raises(EditionError) as raised:
        render_pdf(guide, "fr", target)
    message = str(raised.value)
    assert "docs/fr/index.md" in message and "map.png" in message and "add the file" in message
    assert not target.exists()


def test_a_table_too_wide_for_the_paper_fails_with_the_page_and_what_to_do(tmp_path: Path) -> None:
    header = "| " + " | ".join(f"Column{n}" for n in range(8)) + " |"
    rule = "|" + "---|" * 8
    row = "| " + " | ".join("CCPR/C/000000000000000000000" for _ in range(8)) + " |"  # nothing to break a line at
    guide = fixture_guide(tmp_path, body="\n".join([header, rule, row]))
    target = tmp_path / "en.pdf"
    with pytest.raises(EditionError) as raised:
        render_pdf(guide, "en", target)
    message = str(raised.value)
    assert "docs/en/index.md" in message and "wider than the paper" in message and "fewer columns" in message
    assert not target.exists()


def test_the_command_builds_the_site_and_writes_each_edition_into_the_folder(tmp_path: Path) -> None:
    """`make pdf` and `make zim` run this command from a fresh clone."""
    import subprocess
    import sys

    pages = {f"{language}/index.md": PAGE.format(title="Home", body="Some text.") for language in LANGUAGES}
    project = make_fixture_project(tmp_path, pages)
    out = tmp_path / "dist"
    printed = {}
    for edition in ("pdf", "zim"):
        completed = subprocess.run(
            [sys.executable, "-m", "advocacy_guide.editions", edition, "--project", str(project), "--out", str(out), "-l", "fr"],
            capture_output=True, text=True, timeout=600,
        )
        assert completed.returncode == 0, completed.stderr
        printed[edition] = completed.stdout
    assert (out / "advocacy-guide-fr.pdf").is_file()
    assert re.search(r"advocacy-guide-fr\.pdf: \d+ pages, [\d.]+ MB", printed["pdf"])
    zims = list(out.glob("*.zim"))
    assert len(zims) == 1 and zims[0].name.startswith("advocacy-guide_fr_all_"), zims
