"""The link checker on small hand-written sites: what it finds broken, and what it lists."""

from __future__ import annotations

from pathlib import Path

from advocacy_guide.links import check_site, main, site_url_of

SITE_URL = "https://guide.example.org/"


def write_site(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_links_that_resolve_are_not_reported(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": page(
                '<h1 id="top">Guide</h1><a href="#top">top</a> <a href="fr/follow-up.html#plan">suivi</a>'
                '<a href="https://guide.example.org/fr/follow-up.html">absolute</a><a href="fr/">folder</a>'
                '<a href="mailto:x@example.org">mail</a><img src="data:image/png;base64,AA==" alt="">',
                head='<link rel="canonical" href="https://guide.example.org/index.html"><link rel="stylesheet" href="assets/site.css?v=1">',
            ),
            "fr/index.html": page("<p>accueil</p>"),
            "fr/follow-up.html": page('<h2 id="plan">Plan</h2><a href="../index.html#top">home</a><video poster="../media/p%20x.webp"><track src="../media/c.vtt"></video>'),
            "assets/site.css": "",
            "media/p x.webp": "",
            "media/c.vtt": "",
            "404.html": page('<a href="/fr/index.html">fr</a><script src="/assets/site.css"></script>'),
        },
    )
    report = check_site(site, SITE_URL)
    assert report.pages == 4
    assert report.broken == []


def test_missing_files_anchors_and_escapes_are_reported_with_their_page(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": page('<a href="missing.html">a</a><a href="fr/follow-up.html#nowhere">b</a><a href="#also-missing">c</a>'),
            "fr/follow-up.html": page('<h2 id="plan">Plan</h2><img src="../../outside.png" alt=""><script src="https://guide.example.org/assets/gone.js"></script>'),
        },
    )
    broken = {(b.page, b.address): b.reason for b in check_site(site, SITE_URL).broken}
    assert broken == {
        ("index.html", "missing.html"): "no file missing.html",
        ("index.html", "fr/follow-up.html#nowhere"): "fr/follow-up.html has no element with id 'nowhere'",
        ("index.html", "#also-missing"): "index.html has no element with id 'also-missing'",
        ("fr/follow-up.html", "../../outside.png"): "leads outside the site",
        ("fr/follow-up.html", "https://guide.example.org/assets/gone.js"): "no file assets/gone.js",
    }


def test_external_links_are_listed_with_their_pages_and_not_checked(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": page('<a href="https://www.ohchr.org/en/treaty-bodies/ccpr">OHCHR</a><a href="//treaties.un.org/">UNTC</a>'),
            "fr/index.html": page('<a href="https://www.ohchr.org/en/treaty-bodies/ccpr">HCDH</a>'),
        },
    )
    report = check_site(site, SITE_URL)
    assert report.broken == []
    assert report.external == {
        "https://www.ohchr.org/en/treaty-bodies/ccpr": ["fr/index.html", "index.html"],
        "//treaties.un.org/": ["index.html"],
    }
    markdown = report.external_markdown()
    assert "- <https://www.ohchr.org/en/treaty-bodies/ccpr>: fr/index.html, index.html" in markdown


def test_site_address_comes_from_the_home_pages_canonical_link(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": page("", head='<link rel="canonical" href="https://x.org/guide/index.html">')})
    assert site_url_of(site) == "https://x.org/guide/"
    # under /guide/, an absolute /guide/ address is the site's own
    write_site(tmp_path, {"fr/index.html": page('<a href="/guide/index.html">home</a><a href="https://x.org/guide/nope.html">x</a>')})
    report = check_site(site)
    assert [(b.page, b.address) for b in report.broken] == [("fr/index.html", "https://x.org/guide/nope.html")]


def test_command_exits_non_zero_on_a_broken_link_and_writes_the_report(tmp_path: Path, capsys) -> None:
    site = write_site(tmp_path / "site", {"index.html": page('<a href="gone.html">x</a><a href="https://www.un.org/">UN</a>')})
    report_file = tmp_path / "dist" / "external-links.md"
    assert main([str(site), "--site-url", SITE_URL, "--report", str(report_file)]) == 1
    printed = capsys.readouterr().out
    assert "BROKEN index.html: gone.html: no file gone.html" in printed
    assert "<https://www.un.org/>: index.html" in report_file.read_text(encoding="utf-8")
