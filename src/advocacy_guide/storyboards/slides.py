"""Slides in the site's look: HTML from templates/slide.html, captured by headless Chromium.

HTML gives real text layout (wrapping, accents, bullets) in the same fonts and colours as the
site. The same page also measures whether the on-screen text fits the slide, so a translation
that runs longer than the English one fails with the scene's line instead of being cut off.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from advocacy_guide.storyboards.model import Storyboard, StoryboardError
from advocacy_guide.errors import Problem

TEMPLATES = Path(__file__).parent / "templates"
SLIDE_TEMPLATE = "slide.html"
ILLUSTRATIONS = TEMPLATES / "illustrations"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Headless, and no connection of its own: a slide is rendered from local HTML only.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--font-render-hinting=none",
]
# A number never breaks from its next group of digits ("19 000") nor from the word after it,
# its unit or what it counts ("19 000 mots"), unless that word is a conjunction ("9 and 14").
# French writes a narrow no-break space, as the site does (hooks/typography.py).
NO_BREAK = {"fr": "\u202f"}
_DIGIT_GROUP = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")
_NUMBER_WORD = re.compile(r"(?<=\d)[ \u00a0](?=([^\W\d_]+))")
_NOT_UNITS = {"and", "or", "to", "et", "ou", "à", "y", "o", "e", "u", "a"}
_OVERFLOWS = "el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1"


def keep_numbers(text: str, language: str) -> str:
    """`text` with no-break spaces inside numbers and between a number and its unit."""
    text = _DIGIT_GROUP.sub(NO_BREAK.get(language, "\u00a0"), text)
    return _NUMBER_WORD.sub(lambda match: match.group(0) if match.group(1).lower() in _NOT_UNITS else "\u00a0", text)


def available_illustrations() -> frozenset[str]:
    """The illustration keywords a storyboard may use: the SVG files shipped with the renderer."""
    return frozenset(path.stem for path in ILLUSTRATIONS.glob("*.svg"))


def template_fingerprint() -> str:
    """A hash of the slide template and illustrations: a new look makes every rendering stale."""
    digest = hashlib.sha256()
    for path in [TEMPLATES / SLIDE_TEMPLATE, *sorted(ILLUSTRATIONS.glob("*.svg"))]:
        digest.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


class SlideRenderer:
    """One Chromium for every slide of a run (starting it costs more than a slide)."""

    def __init__(self, width: int, height: int, caption_band: int = 0) -> None:
        self.width = width
        self.height = height
        self.caption_band = caption_band
        environment = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True)
        environment.filters["keep_numbers"] = keep_numbers
        self.template = environment.get_template(SLIDE_TEMPLATE)
        self._playwright: Any = None
        self._browser: Any = None
        self._page: Any = None

    def __enter__(self) -> SlideRenderer:
        from playwright.sync_api import sync_playwright  # only rendering needs Playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            self._page = self._browser.new_page(viewport={"width": self.width, "height": self.height}, device_scale_factor=1)
            self._page.route("**/*", lambda route: route.abort())
        except Exception:
            self._playwright.stop()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._browser is not None:
            self._browser.close()
        self._playwright.stop()

    @property
    def version(self) -> str:
        return str(self._browser.version)

    def scene(self, storyboard: Storyboard, index: int, target: Path) -> None:
        """Capture scene `index` as a PNG; raise StoryboardError if its text does not fit."""
        scene = storyboard.scenes[index]
        html = self.template.render(
            card=False, language=storyboard.language, title=storyboard.title, subtitle=storyboard.subtitle,
            scene=scene, illustration=_illustration(scene.illustration), position=index + 1,
            count=len(storyboard.scenes), width=self.width, height=self.height, caption_band=self.caption_band,
        )
        self._capture(html, target, Problem(
            storyboard.path, scene.line,
            f"the on-screen text of scene '{scene.id}' does not fit on the slide: shorten the title or the '>' lines",
        ))

    def card(self, storyboard: Storyboard, target: Path) -> None:
        """Capture the title card as a PNG: the poster shown before the video plays."""
        first_illustration = next((s.illustration for s in storyboard.scenes if s.illustration), None)
        html = self.template.render(
            card=True, language=storyboard.language, title=storyboard.title, subtitle=storyboard.subtitle,
            illustration=_illustration(first_illustration), width=self.width, height=self.height,
            caption_band=self.caption_band,
        )
        self._capture(html, target, Problem(
            storyboard.path, 2, "the title and subtitle do not fit on the title card: shorten them",
        ))

    def _capture(self, html: str, target: Path, overflow: Problem) -> None:
        page = self._page
        page.set_content(html, wait_until="load")
        if any(page.eval_on_selector_all("[data-fit]", f"els => els.map({_OVERFLOWS})")):
            raise StoryboardError([overflow])
        page.screenshot(path=str(target), type="png")


def _illustration(name: str | None) -> str | None:
    return (ILLUSTRATIONS / f"{name}.svg").read_text(encoding="utf-8") if name else None
