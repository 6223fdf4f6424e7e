"""Each page of the built site made into a chapter of the printed guide.

The pages' content (Material's `<article>`) is taken as the site shows it, then changed for
paper: ids made unique across the book and links between pages turned into links inside the
PDF; what only a screen can do replaced by what a reader needs on paper (a video becomes its
poster, duration, transcript and the address to watch it; a checkbox becomes a box to tick with
a pen; a folded box, trainer notes included, is printed open); buttons, templates and hidden
widgets removed. What cannot be printed (an image that is missing, a link to a section that does
not exist) is collected as a problem naming the page and what to do.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml.html import HtmlElement

from advocacy_guide.editions.site import Chapter, Guide
from advocacy_guide.ui_strings import translate

CONTENT = re.compile(r"<article\s+class=\"md-content__inner\b[^>]*>(?P<body>.*)</article>", re.S)
EXTERNAL = re.compile(r"^(?:https?:|mailto:|tel:)", re.I)
# What a page holds for screens only.
SCREEN_ONLY = (
    ".//a[@class='headerlink']",
    ".//*[@hidden]",
    ".//template",
    ".//script",
    ".//button",
    *(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" for name in ("present-open", "present-address", "video__download", "checklist-jump")),
)


def with_class(root: HtmlElement, name: str, tag: str = "*") -> list[HtmlElement]:
    """The elements under `root` that have the class `name` (and the tag `tag`)."""
    return root.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


@dataclass
class ChapterHtml:
    chapter: Chapter
    html: str
    source: str  # "docs/fr/committee.md" (docs/en/... for a page not translated yet)
    title: str
    sections: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, title)


@dataclass
class Problems:
    """Everything that stops a page from being printed, named by source file."""

    found: list[str] = field(default_factory=list)

    def add(self, source: str, what: str) -> None:
        self.found.append(f"{source}: {what}")


def anchor(stem: str, fragment: str = "") -> str:
    """The id, unique in the whole book, of a page (`committee`) or of a section in it."""
    return f"{stem}--{fragment}" if fragment else stem


def source_of(guide: Guide, language: str, chapter: Chapter) -> str:
    translated = guide.project_dir / "docs" / language / chapter.source
    default = next((code for code, info in guide.languages.items() if info.default), language)
    return f"docs/{language if translated.is_file() else default}/{chapter.source}"


def read_article(guide: Guide, language: str, chapter: Chapter, problems: Problems) -> HtmlElement | None:
    page = guide.page_file(language, chapter.html)
    source = source_of(guide, language, chapter)
    if not page.is_file():
        problems.add(source, f"the built page {page} is missing: is {chapter.source} in the navigation and the docs folder?")
        return None
    match = CONTENT.search(page.read_text(encoding="utf-8"))
    if match is None:
        problems.add(source, f"{page} has no page content (<article class=\"md-content__inner\">)")
        return None
    return lxml.html.fragment_fromstring(match.group("body"), create_parent="div")


def page_ids(root: HtmlElement) -> set[str]:
    return {element.get("id") for element in root.iter() if isinstance(element.tag, str) and element.get("id")}


class ChapterMaker:
    """Turns the pages of one language into chapters; `ids` maps each chapter's page (html file
    name) to the ids it holds, so that links between chapters can be checked."""

    def __init__(self, guide: Guide, language: str, strings: dict[str, dict[str, str]], problems: Problems) -> None:
        self.guide = guide
        self.language = language
        self.strings = strings
        self.problems = problems
        self.chapters = {chapter.html: chapter for chapter in guide.languages[language].chapters}
        self.articles: dict[str, HtmlElement] = {}
        for chapter in guide.languages[language].chapters:
            article = read_article(guide, language, chapter, problems)
            if article is not None:
                self.articles[chapter.html] = article
        self.ids = {html: page_ids(article) for html, article in self.articles.items()}

    def text(self, key: str, **values: str) -> str:
        return translate(self.strings, key, self.language).format(**values)

    def make(self, chapter: Chapter) -> ChapterHtml | None:
        root = self.articles.get(chapter.html)
        if root is None:
            return None
        source = source_of(self.guide, self.language, chapter)
        page_language = source.split("/")[1]
        for path in SCREEN_ONLY:
            for element in root.xpath(path):
                element.drop_tree()
        for figure in with_class(root, "video", "figure"):
            self._video(figure, chapter)
        for element in root.iter("video", "audio", "iframe"):
            element.drop_tree()
        for details in list(root.iter("details")):
            self._open_box(details)
        for fieldset in with_class(root, "checklist", "fieldset"):
            self._checklist(fieldset)
        for box in root.xpath(".//input[@type='checkbox']"):
            self._tick_box(box)
        for image in root.iter("img"):
            self._image(image, chapter, source)
        for table in root.iter("table"):
            table.set("data-source", source)
        for element in root.iter():
            if isinstance(element.tag, str) and element.get("id"):
                element.set("id", anchor(chapter.stem, element.get("id")))
        for link in root.iter("a"):
            self._link(link, chapter, source)
        heading = next(root.iter("h1"), None)
        title = heading.text_content().strip() if heading is not None else chapter.stem
        sections = [
            (int(h.tag[1]), h.get("id", ""), h.text_content().strip())
            for h in root.iter("h2", "h3")
        ]
        wrapper = lxml.html.Element("section", {"class": "chapter", "id": anchor(chapter.stem), "lang": page_language, "data-source": source})
        wrapper.extend(list(root))
        if root.text and root.text.strip():
            wrapper.text = root.text
        return ChapterHtml(chapter, lxml.html.tostring(wrapper, encoding="unicode"), source, title, sections)

    # --- links ------------------------------------------------------------------------------

    def _link(self, link: HtmlElement, chapter: Chapter, source: str) -> None:
        href = (link.get("href") or "").strip()
        if not href:
            return
        link.attrib.pop("download", None)
        if EXTERNAL.match(href):
            self._mark_external(link, href)
            return
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            self._mark_external(link, href)
            return
        fragment = unquote(parts.fragment)
        if not parts.path:
            target_page = chapter.html
        else:
            target_page = posixpath.normpath(posixpath.join(posixpath.dirname(chapter.html), unquote(parts.path)))
        if target_page in self.chapters:
            target = self.chapters[target_page]
            if fragment and fragment not in self.ids.get(target_page, set()):
                self.problems.add(source, f"the link '{href}' goes to a section that does not exist; correct its #id")
            link.set("href", "#" + anchor(target.stem, fragment))
            return
        # A page or file that is not a chapter (a video, the translation status): its online address.
        online = self.guide.online_address(self.language, target_page) + (f"#{parts.fragment}" if parts.fragment else "")
        link.set("href", online)
        self._mark_external(link, online)

    @staticmethod
    def _mark_external(link: HtmlElement, href: str) -> None:
        # Printed after the link text, unless the text already is the address.
        if link.text_content().strip().rstrip("/") not in (href.rstrip("/"), href.split(":", 1)[-1].lstrip("/").rstrip("/")):
            link.set("class", ((link.get("class") or "") + " edition-external").strip())
        link.attrib.pop("rel", None)
        link.attrib.pop("target", None)

    # --- images -----------------------------------------------------------------------------

    def _image(self, image: HtmlElement, chapter: Chapter, source: str) -> None:
        src = image.get("src") or ""
        if src.startswith("data:"):
            return
        if EXTERNAL.match(src) or urlsplit(src).netloc:
            self.problems.add(source, f"the image {src} is on another site: put the file in docs/ and link to it")
            return
        folder = self.guide.page_file(self.language, chapter.html).parent
        file = (folder / unquote(urlsplit(src).path)).resolve()
        if not file.is_file():
            self.problems.add(source, f"the image '{src}' is missing: add the file, or correct its path in the page")
            return
        image.set("src", file.as_uri())
        if image.get("alt") is None:
            self.problems.add(source, f"the image '{src}' has no alternative text: write it between the brackets of ![...]({src})")
        for attribute in ("loading", "decoding", "srcset"):
            image.attrib.pop(attribute, None)

    # --- videos, boxes, checklists ------------------------------------------------------------

    def _video(self, figure: HtmlElement, chapter: Chapter) -> None:
        title_element = next(iter(with_class(figure, "video__title")), None)
        title = title_element.text_content().strip() if title_element is not None else ""
        video = next(figure.iter("video"), None)
        poster = video.get("poster") if video is not None else None
        if poster:
            image = lxml.html.Element("img", {"class": "video__poster", "src": poster, "alt": self.text("edition.video.poster", title=title)})
            video.addprevious(image)
        if video is not None:
            video.drop_tree()
        address = self.guide.online_address(self.language, chapter.html) + "#" + (figure.get("id") or "")
        watch = lxml.html.Element("p", {"class": "video__watch"})
        label = self.text("edition.video.watch")
        watch.text = label + " "
        link = lxml.html.Element("a", {"href": address})
        link.text = address
        watch.append(link)
        meta = next(iter(with_class(figure, "video__meta")), None)
        if meta is not None:
            meta.addnext(watch)
        else:
            figure.append(watch)
        for chapter_link in with_class(figure, "video__chapters", "div"):
            for link in list(chapter_link.iter("a")):
                link.tag = "span"
                link.attrib.clear()

    def _open_box(self, details: HtmlElement) -> None:
        classes = details.get("class") or ""
        details.tag = "aside" if "facilitator" in classes.split() else "div"
        details.set("class", f"edition-box {classes}".strip())
        details.attrib.pop("open", None)
        for summary in details.findall("summary"):
            summary.tag = "p"
            summary.set("class", "edition-box__title")

    def _checklist(self, fieldset: HtmlElement) -> None:
        fieldset.tag = "section"
        fieldset.set("class", "edition-checklist")
        for legend in fieldset.findall("legend"):
            legend.tag = "p"
            legend.set("class", "edition-checklist__title")

    @staticmethod
    def _tick_box(box: HtmlElement) -> None:
        # An empty square drawn by CSS: a pen ticks it; readers of the tagged PDF hear the step.
        mark = lxml.html.Element("span", {"class": "edition-tick", "aria-hidden": "true"})
        mark.tail = box.tail
        box.getparent().replace(box, mark)
        label = mark.getparent()
        if label is not None and label.tag == "label":
            label.tag = "span"
            label.set("class", "edition-step")
