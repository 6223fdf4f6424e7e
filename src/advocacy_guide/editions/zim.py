"""The Kiwix edition: one ZIM file per language (`make zim` -> dist/advocacy-guide_<lang>_all_<YYYY-MM>.zim).

Kiwix reads ZIM files on Android, iOS, desktops and Raspberry-Pi hotspots, with no connection.
The file is written with openZIM's own library (libzim), following openZIM's metadata
conventions (name, title of at most 30 characters, description of at most 80, ISO 639-3
language, creator, publisher, date, a 48x48 PNG illustration, tags), with the main page and
the full-text index Kiwix searches in.

It holds one language's pages of the offline build (see `site`), the files they load (styles,
scripts, search, the videos of that language) and nothing else; `zim_pages` makes each page fit
(no language switcher, nothing that names the online site). Before anything is written, the
plan is checked: a main page that is missing, metadata that is missing or breaks the
conventions, a page that loads a file the ZIM does not hold, or a page that still names the
online site stops the build with what to do.
"""

from __future__ import annotations

import datetime
import io
import mimetypes
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from advocacy_guide.editions import Edition, EditionError
from advocacy_guide.editions.site import Guide
from advocacy_guide.editions.zim_pages import resolve, zim_page
from advocacy_guide.html_tags import ANY_START_TAG, attributes, find_in_markup
from advocacy_guide.offline import LEFT_OUT_PATHS, LEFT_OUT_SUFFIXES
from advocacy_guide.ui_strings import load_ui_strings, translate

# Kiwix wants ISO 639-3 codes; a language added to mkdocs.yml needs its code here for `make zim`.
ISO_639_3 = {"en": "eng", "fr": "fra", "es": "spa"}
CREATOR = "Civil Society Advocacy Guide contributors"
LICENSE = "CC BY 4.0 (content), MIT (code)"
TAGS = ("_category:other", "_ftindex:yes", "_pictures:yes", "_videos:yes", "_details:yes", "human rights", "ICCPR", "civil society")
# Pages of the site that are not the guide's: "page not found" (never opened in a reader) and the
# translators' status page (not in the navigation).
NOT_IN_EDITION = ("404.html", "translation-status.html")
TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".vtt": "text/vtt",
    ".woff2": "font/woff2",
    ".xml": "application/xml",
}
ALREADY_COMPRESSED = (".png", ".webp", ".jpg", ".mp4", ".webm", ".woff2", ".gz")
REQUIRED_METADATA = ("Name", "Title", "Description", "Language", "Creator", "Publisher", "Date", "Tags")
NAME = re.compile(r"^[a-z0-9-]+_[a-z]{2,3}(?:-[a-z]+)?_[a-z0-9-]+$")
LOADED_BY = {"src", "poster", "data"}  # and <link href> for stylesheets and icons


@dataclass
class Entry:
    path: str  # inside the ZIM: "fr/committee.html", "assets/guide.css"
    content: bytes
    mimetype: str
    title: str = ""

    @property
    def is_page(self) -> bool:
        return self.mimetype == "text/html"


@dataclass
class ZimPlan:
    """Everything a ZIM file will hold, checked by `problems` before it is written."""

    language: str
    main_path: str
    metadata: dict[str, str]
    illustration: bytes  # PNG, 48x48
    entries: dict[str, Entry] = field(default_factory=dict)
    site_url: str = ""


def zim_name(language: str) -> str:
    return f"advocacy-guide_{language}_all"


def zim_file_name(language: str, built: datetime.date) -> str:
    """openZIM's file name: the book's name and the month it was made."""
    return f"{zim_name(language)}_{built:%Y-%m}.zim"


def illustration_png(size: int = 48) -> bytes:
    """The guide's icon: a white tick in an indigo square (the colour of the site's header)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=(63, 81, 181, 255))
    scale = size / 48
    draw.line([(12 * scale, 25 * scale), (21 * scale, 34 * scale), (37 * scale, 15 * scale)], fill=(255, 255, 255, 255), width=round(5 * scale), joint="curve")
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def png_size(data: bytes) -> tuple[int, int] | None:
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _type(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)


def _page_title(document: str, site_name: str) -> str:
    import html

    match = TITLE.search(document)
    title = html.unescape(match.group(1).strip()) if match else ""
    return title.removesuffix(f" - {site_name}") or site_name


def loaded_addresses(document: str) -> list[str]:
    """Addresses the page loads by itself: src, poster, stylesheets and icons (not links)."""
    found = []
    for match in find_in_markup(document, ANY_START_TAG):
        values = {item.name: item.value for item in attributes(match.group("attrs"))}
        tag = match.group("name").lower()
        if tag == "link" and (values.get("rel") or "") in ("stylesheet", "icon", "preload", "modulepreload", "manifest"):
            found.append(values.get("href") or "")
        elif tag != "a":
            found += [values[name] or "" for name in LOADED_BY if values.get(name)]
    return [address for address in found if address and not address.startswith(("data:", "blob:"))]


def plan_zim(guide: Guide, language: str) -> ZimPlan:
    """What the ZIM of `language` will hold: its pages, and the files they load."""
    strings = load_ui_strings(guide.project_dir / "data" / "ui-strings.yml")
    info = guide.languages[language]
    site = guide.site_dir
    prefix = info.prefix
    page_files = sorted(
        p for p in (site / prefix).glob("*.html") if p.name not in NOT_IN_EDITION
    )
    page_paths = {prefix + p.name for p in page_files}
    shared = [
        p for p in sorted((site / "assets").rglob("*"))
        if p.is_file() and not p.relative_to(site).as_posix().endswith(LEFT_OUT_SUFFIXES)
        and p.relative_to(site).as_posix() not in LEFT_OUT_PATHS
    ]
    search = [p for p in sorted((site / prefix / "search").glob("*")) if p.is_file()]
    # Videos: only the ones this language's pages use (they are most of the file's size).
    candidates = {p.relative_to(site).as_posix(): p for p in [*shared, *search, *sorted((site / "videos").rglob("*"))] if p.is_file()}
    holds = lambda path: path in page_paths or path in candidates  # noqa: E731 - a small predicate
    plan = ZimPlan(
        language=language,
        main_path=prefix + "index.html",
        metadata={
            "Name": zim_name(language),
            "Title": translate(strings, "edition.zim.title", language),
            "Description": translate(strings, "edition.zim.description", language),
            "LongDescription": info.site_description,
            "Language": iso_639_3(language),
            "Creator": CREATOR,
            "Publisher": CREATOR,
            "Date": guide.built.isoformat(),
            "Tags": ";".join(TAGS),
            "License": LICENSE,
            "Scraper": f"advocacy-guide {guide.version}",
        },
        illustration=illustration_png(),
        site_url=guide.site_url,
    )
    used: set[str] = set()
    for file in page_files:
        path = prefix + file.name
        document = zim_page(file.read_text(encoding="utf-8"), path, holds, guide.site_url)
        for address in loaded_addresses(document):
            target = resolve(path, address)
            if target is not None:
                used.add(target)
        plan.entries[path] = Entry(path, document.encode("utf-8"), "text/html", _page_title(document, info.site_name))
    for path, file in candidates.items():
        if path.startswith("videos/") and path not in used:
            continue
        plan.entries[path] = Entry(path, file.read_bytes(), _type(path))
    return plan


def problems(plan: ZimPlan) -> list[str]:
    """What stops the plan from being written, each with what to do."""
    found = []
    main = plan.entries.get(plan.main_path)
    if main is None or not main.is_page:
        found.append(f"the main page {plan.main_path} is not in the file: build the site with docs/{plan.language}/index.md")
    for key in REQUIRED_METADATA:
        if not (plan.metadata.get(key) or "").strip():
            found.append(f"the metadata '{key}' is missing or empty (openZIM requires it)")
    title, description = plan.metadata.get("Title", ""), plan.metadata.get("Description", "")
    if len(title) > 30:
        found.append(f"the title '{title}' has {len(title)} characters; openZIM allows 30: shorten edition.zim.title in data/ui-strings.yml")
    if len(description) > 80:
        found.append(f"the description has {len(description)} characters; openZIM allows 80: shorten edition.zim.description in data/ui-strings.yml")
    if len(plan.metadata.get("LongDescription", "")) > 4000:
        found.append("the long description has more than 4000 characters (openZIM's limit)")
    if plan.metadata.get("Name") and not NAME.match(plan.metadata["Name"]):
        found.append(f"the name '{plan.metadata['Name']}' does not follow openZIM's project_language_selection form")
    if plan.metadata.get("Language") and not re.fullmatch(r"[a-z]{3}(,[a-z]{3})*", plan.metadata["Language"]):
        found.append(f"the language '{plan.metadata['Language']}' is not an ISO 639-3 code (eng, fra, spa)")
    if plan.metadata.get("Date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", plan.metadata["Date"]):
        found.append(f"the date '{plan.metadata['Date']}' is not YYYY-MM-DD")
    if png_size(plan.illustration) != (48, 48):
        found.append("the illustration is not a 48x48 PNG")
    online = plan.site_url.split("://", 1)[-1] if plan.site_url else ""
    for entry in plan.entries.values():
        if not entry.is_page:
            continue
        text = entry.content.decode("utf-8")
        if online and online in text:
            found.append(f"{entry.path} names the online site ({plan.site_url}): the reader serves the file from its own address")
        for address in loaded_addresses(text):
            target = resolve(entry.path, address)
            if target is None:
                found.append(f"{entry.path} loads {address} from another site: only the file's own entries can be read")
            elif target not in plan.entries:
                found.append(f"{entry.path} loads {address}, which the file does not hold")
    return found


def write_plan(plan: ZimPlan, target: Path) -> Path:
    """Check the plan, then write it to `target` with its full-text index."""
    from libzim.writer import Creator, Hint, Item, StringProvider

    found = problems(plan)
    if found:
        raise EditionError(f"the {plan.language} ZIM is refused:\n  " + "\n  ".join(found))

    class _Item(Item):
        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

        def get_path(self) -> str:
            return self.entry.path

        def get_title(self) -> str:
            return self.entry.title

        def get_mimetype(self) -> str:
            return self.entry.mimetype

        def get_contentprovider(self) -> StringProvider:
            return StringProvider(self.entry.content)

        def get_hints(self) -> dict:
            return {
                Hint.FRONT_ARTICLE: self.entry.is_page,
                Hint.COMPRESS: not self.entry.path.endswith(ALREADY_COMPRESSED),
            }

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    with Creator(str(partial)).config_verbose(False).config_indexing(True, plan.metadata["Language"]) as creator:
        creator.set_mainpath(plan.main_path)
        for entry in plan.entries.values():
            creator.add_item(_Item(entry))
        for key, value in plan.metadata.items():
            creator.add_metadata(key, value)
        creator.add_illustration(48, plan.illustration)
    partial.replace(target)
    return target


def write_zim(guide: Guide, language: str, folder: Path) -> Edition:
    started = time.perf_counter()
    plan = plan_zim(guide, language)
    path = write_plan(plan, folder / zim_file_name(language, guide.built))
    return Edition(language, path, len(plan.entries), path.stat().st_size, time.perf_counter() - started)


def iso_639_3(language: str) -> str:
    """The ZIM's `Language` (ISO 639-3, 'fra'), or a clear error for a language not listed yet."""
    if language not in ISO_639_3:
        raise EditionError(f"the {language} ZIM needs its ISO 639-3 code: add '{language}': '...' to ISO_639_3 in src/advocacy_guide/editions/zim.py")
    return ISO_639_3[language]
