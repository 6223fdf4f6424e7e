"""The printed guide: one accessible PDF per language (`make pdf` -> dist/advocacy-guide-<lang>.pdf).

WeasyPrint lays out the site's own pages with CSS Paged Media (templates/pdf.css): a cover, a
table of contents whose page numbers come from `target-counter`, every page of the navigation as
a chapter with its title in the running header and page numbers in the footer, bookmarks from
the headings, hyphenation in the page's language. It writes a tagged PDF/UA-1 (structure,
headings, lists, tables, figures with their alternative text, the document's language) with its
fonts embedded. README ("The printed guide") says why WeasyPrint rather than Chromium's printing.

A page that cannot be laid out stops the build with the page and what to do: an image that is
missing, a link to a section that does not exist, a table wider than the paper.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import jinja2
from babel.dates import format_date

from advocacy_guide.editions import Edition, EditionError
from advocacy_guide.editions.pdf_content import ChapterHtml, ChapterMaker, Problems
from advocacy_guide.editions.site import Guide
from advocacy_guide.ui_strings import load_ui_strings, translate

TEMPLATES = Path(__file__).with_name("templates")
PAPER = {"a4": "A4", "letter": "letter"}
MAX_BYTES = 10_000_000  # per language: attached to an e-mail, sent over a mobile connection
AUTHOR = "Civil Society Advocacy Guide contributors"
# Paper is not a screen: images at 150 dpi are sharp when printed and keep the file small.
IMAGE_DPI = 150


def pdf_name(language: str) -> str:
    return f"advocacy-guide-{language}.pdf"


def _groups(chapters: list[ChapterHtml]) -> list[dict]:
    """Chapters grouped by navigation section, in order, for the table of contents."""
    groups: list[dict] = []
    for chapter in chapters:
        part = chapter.chapter.part
        if groups and groups[-1]["part"] == part and part is not None:
            groups[-1]["chapters"].append(chapter)
        else:
            groups.append({"part": part, "chapters": [chapter]})
    return groups


def book_html(guide: Guide, language: str, paper: str = "a4") -> str:
    """The whole guide of `language` as one HTML document, ready for WeasyPrint."""
    strings = load_ui_strings(guide.project_dir / "data" / "ui-strings.yml")

    def text(key: str, **values: str) -> str:
        return translate(strings, key, language).format(**values)

    problems = Problems()
    maker = ChapterMaker(guide, language, strings, problems)
    chapters = [made for chapter in guide.languages[language].chapters if (made := maker.make(chapter)) is not None]
    if problems.found:
        raise EditionError("the PDF cannot be made:\n  " + "\n  ".join(problems.found))
    page_before, rest = text("edition.page", page="\0", pages="\1").split("\0")
    page_between, page_after = rest.split("\1")
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    from weasyprint import __version__ as weasyprint_version

    online_label, _ = text("edition.online", address="\0").split("\0")
    return environment.get_template("pdf.html").render(
        language=guide.languages[language],
        paper=PAPER[paper],
        author=AUTHOR,
        keywords="ICCPR, Human Rights Committee, civil society, advocacy",
        generator=f"advocacy-guide {guide.version}, WeasyPrint {weasyprint_version}",
        built=guide.built,
        subtitle=text("edition.pdf.subtitle"),
        built_text=text("edition.built", date=format_date(guide.built, format="long", locale=language)),
        version_text=text("edition.version", version=guide.version),
        online_label=online_label.strip(),
        online=guide.online_address(language, "index.html"),
        contents=text("edition.contents"),
        groups=_groups(chapters),
        chapters=chapters,
        # CSS strings for the footer's `content:`, written into a <style> (see `_css_string`).
        page_before=_css_string(page_before),
        page_between=_css_string(page_between),
        page_after=_css_string(page_after),
    )


def _css_string(text: str) -> str:
    """`text` as the inside of a double-quoted CSS string that is safe in a <style> element: HTML
    entities mean nothing there, so anything but letters, digits and spaces is a CSS escape
    (`\\3C ` for `<`, which could otherwise close the element)."""
    return "".join(c if c.isalnum() or c == " " else f"\\{ord(c):X} " for c in text)


class _LocalFiles:
    """WeasyPrint's fetcher limited to the built site's files and data: addresses: the PDF
    never waits for, nor leaks anything to, another site."""

    def __init__(self, site_dir: Path) -> None:
        from weasyprint.urls import URLFetcher

        self.site = site_dir.resolve()
        self.templates = TEMPLATES.resolve()
        self.fetcher = URLFetcher(allowed_protocols={"file", "data"})

    def __call__(self, url: str, headers: dict | None = None):  # noqa: ANN204 - WeasyPrint's response type
        from urllib.parse import unquote, urlsplit

        from weasyprint.urls import FatalURLFetchingError

        if url.startswith("file:"):
            path = Path(unquote(urlsplit(url).path)).resolve()
            if self.site not in path.parents and self.templates not in path.parents:
                raise FatalURLFetchingError(f"{url} is outside the built site")
        return self.fetcher.fetch(url, headers)

    fetch = __call__


class _Warnings(logging.Handler):
    """WeasyPrint's messages while it lays out the book: a resource it could not load is an error."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.failed: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "Failed to load" in message or "is outside the built site" in message:
            self.failed.append(message.splitlines()[0])


def too_wide(document) -> list[str]:  # noqa: ANN001 - weasyprint.document.Document
    """Tables that stick out of the paper's text area, named by the page's source file."""
    from weasyprint.formatting_structure.boxes import TableBox

    found = []
    for number, page in enumerate(document.pages, start=1):
        box = page._page_box
        right = box.content_box_x() + box.width
        for child in box.descendants():
            if isinstance(child, TableBox) and child.position_x + child.margin_width() > right + 1:
                source = child.element.get("data-source") if child.element is not None else None
                found.append(
                    f"{source or 'a page'}: a table is {child.margin_width() - box.width:.0f}px wider than the paper "
                    f"(PDF page {number}): give it fewer columns, shorten its longest words or addresses, or split it in two"
                )
    return sorted(set(found))


def render_pdf(guide: Guide, language: str, target: Path, paper: str = "a4") -> Edition:
    """Lay out the guide of `language` and write it to `target` (only when it is all right)."""
    from pypdf import PdfReader
    from weasyprint import CSS, HTML

    started = time.perf_counter()
    document_html = book_html(guide, language, paper)
    watcher = _Warnings()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(watcher)
    try:
        fetcher = _LocalFiles(guide.site_dir)
        html = HTML(string=document_html, base_url=guide.site_dir.resolve().as_uri() + "/", url_fetcher=fetcher)
        stylesheet = CSS(filename=str(TEMPLATES / "pdf.css"), url_fetcher=fetcher)
        document = html.render(stylesheets=[stylesheet], pdf_variant="pdf/ua-1", pdf_tags=True)
    finally:
        logger.removeHandler(watcher)
    problems = watcher.failed + too_wide(document)
    if problems:
        raise EditionError(f"the {language} PDF cannot be made:\n  " + "\n  ".join(problems))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".pdf.part")
    document.write_pdf(
        partial,
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        custom_metadata=True,
        optimize_images=True,
        jpeg_quality=80,
        dpi=IMAGE_DPI,
    )
    size = partial.stat().st_size
    if size > MAX_BYTES:
        partial.unlink()
        raise EditionError(
            f"the {language} PDF would be {size / 1e6:.1f} MB, over {MAX_BYTES / 1e6:.0f} MB: "
            "make the pictures in docs/ and the video posters in videos/ smaller"
        )
    partial.replace(target)
    pages = len(PdfReader(target).pages)
    return Edition(language, target, pages, size, time.perf_counter() - started)
