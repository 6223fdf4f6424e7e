"""The editions' building blocks without a build: navigation order, ZIM page edits, CSS strings,
the ZIM's illustration and metadata checks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from advocacy_guide.csp import sha256_source
from advocacy_guide.editions.pdf import _css_string
from advocacy_guide.editions.site import Chapter, _chapters
from advocacy_guide.editions.zim import ZimPlan, illustration_png, png_size, problems
from advocacy_guide.editions.zim_pages import resolve, zim_page

PAGE = """<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'">
<link rel="canonical" href="https://guide.example.org/fr/committee.html">
<script>var a = "<div>";</script></head><body>
<div class="md-header__option">
  <div class="md-select">
    <div class="md-select__inner"><ul><li><a href="../committee.html" hreflang="en">English</a></li></ul></div>
  </div>
</div>
<div class="keep">Search</div>
<p>See <a href="follow-up.html#plan">the plan</a>, <a href="../es/committee.html">the Spanish page</a>,
<a href="translation-status.html">the status</a>, <a href="https://guide.example.org/fr/">the site</a>
and <a href="https://www.ohchr.org/">OHCHR</a>.</p>
<p class="present-address" lang="fr">Version en ligne : https://guide.example.org/fr/committee.html</p>
</body></html>"""


def test_chapters_follow_the_navigation_with_translated_section_titles() -> None:
    nav = ["index.md", {"Understanding the system": ["committee.md", {"Deep": "deep.md"}]}, {"Safety": "safety.md"}]
    chapters = _chapters(nav, {"Understanding the system": "Comprendre le système"})
    assert chapters == [
        Chapter("index.md", None),
        Chapter("committee.md", "Comprendre le système"),
        Chapter("deep.md", "Comprendre le système"),
        Chapter("safety.md", None),
    ]
    assert chapters[1].html == "committee.html" and chapters[1].stem == "committee"


def test_a_zim_page_keeps_its_language_and_loses_what_names_the_online_site() -> None:
    holds = {"fr/committee.html", "fr/follow-up.html"}.__contains__
    page = zim_page(PAGE, "fr/committee.html", holds, "https://guide.example.org/")
    assert "md-select" not in page and '<div class="keep">Search</div>' in page
    assert "canonical" not in page and "guide.example.org" not in page
    assert '<a href="follow-up.html#plan">the plan</a>' in page
    assert "<span>the Spanish page</span>" in page and "<span>the status</span>" in page and "<span>the site</span>" in page
    assert '<a href="https://www.ohchr.org/">OHCHR</a>' in page  # other sites are links a reader may follow
    assert '<script>var a = "<div>";</script>' in page  # scripts byte for byte: their hashes still hold
    assert f"script-src 'self' 'unsafe-hashes' '{sha256_source('t')}' 'sha256-abc='" in page


def test_addresses_resolve_inside_the_file() -> None:
    assert resolve("fr/committee.html", "../assets/guide.css") == "assets/guide.css"
    assert resolve("fr/committee.html", "#x") == "fr/committee.html"
    assert resolve("index.html", "videos/a.en.mp4?x=1#t=3") == "videos/a.en.mp4"
    assert resolve("index.html", "https://x.org/") is None and resolve("index.html", "//x.org/a.js") is None


@given(st.text(max_size=40))
def test_footer_words_cannot_leave_their_css_string_or_the_style_element(text: str) -> None:
    escaped = _css_string(text)
    assert not set(escaped) & set("\"'<>&;{}\n\r")


def test_the_illustration_is_a_48_pixel_png() -> None:
    assert png_size(illustration_png()) == (48, 48)
    assert png_size(b"GIF89a") is None


def test_metadata_checks_name_what_to_fix() -> None:
    plan = ZimPlan(language="fr", main_path="fr/index.html", metadata={"Name": "Guide FR", "Language": "fr", "Date": "1/12/2026"}, illustration=b"")
    found = "\n".join(problems(plan))
    for expected in ("main page fr/index.html", "'Title' is missing", "'Creator' is missing", "project_language_selection", "ISO 639-3", "YYYY-MM-DD", "48x48 PNG"):
        assert expected in found, expected
