"""Hostile input to what hooks and templates write into HTML: it comes out escaped.

A translator's description, an interface string, a link or a script in a page may hold quotes,
markup or script. Property-based (hypothesis): whatever the text, the HTML written keeps it as
text, never as markup, and the browser would read back exactly the text given.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.theme import Theme

from advocacy_guide.csp import CSP_META, inline_scripts, insert_policy, policy, sources_for
from advocacy_guide.external_links import is_external, secure_external_links
from advocacy_guide.page_security import secure_page
from tests.support.build import REPO

# Text a translator or an attacker could write: quotes, angle brackets, ampersands, entities,
# script, non-Latin letters.
HOSTILE_PIECES = st.sampled_from(
    ['"', "'", "<", ">", "&", "&amp;", "&lt;", "</script>", "<script>alert(1)</script>", "\" onmouseover=\"x()",
     "<!--", "-->", "`", "=", "é", "ñ", "\u202e", "\\", "/", "{{ 7*7 }}", "{% raw %}", " "]
)
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=5)), max_size=8).map("".join).filter(
    lambda t: "\x00" not in t and "\r" not in t and not any(0xD800 <= ord(c) <= 0xDFFF for c in t)
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


class Collector(HTMLParser):
    """Every element and its attributes, as a browser's parser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    return collector


def _load_hook(name: str):
    spec = importlib.util.spec_from_file_location(f"hook_{name}", REPO / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


i18n_site = _load_hook("i18n_site")


@pytest.fixture(scope="module")
def theme_env():
    """The site's template environment, as hooks/i18n_site.py sets it up for a build."""

    def make(root: Path, site_url: str = "https://guide.example.org/"):
        env = Theme(name="material", custom_dir=str(REPO / "overrides"), language="en").get_env()
        config = SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), plugins={}, theme={"language": "en"}, site_url=site_url)
        return i18n_site.on_env(env, config=config, files=None)

    return make


# -----------------------------------------------------------------------------
# Templates of hooks/i18n_site.py
# -----------------------------------------------------------------------------


@SETTINGS
@given(link=HOSTILE_TEXT, lang=HOSTILE_TEXT)
def test_hreflang_links_keep_hostile_addresses_as_attribute_values(theme_env, tmp_path: Path, link: str, lang: str) -> None:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "ui-strings.yml").write_text("{}", encoding="utf-8")
    env = theme_env(tmp_path)
    html = env.get_template("partials/hreflang.html").render(config={"extra": {"alternate": [{"link": link, "lang": lang}]}})
    links = [attrs for tag, attrs in parse(html).elements]
    assert [tag for tag, _ in parse(html).elements] == ["link"]
    assert links[0]["href"] == i18n_site.absolute_url("https://guide.example.org/", link)
    assert links[0]["hreflang"] == lang


@SETTINGS
@given(description=HOSTILE_TEXT.filter(bool))
def test_meta_description_keeps_hostile_front_matter_as_text(theme_env, tmp_path: Path, description: str) -> None:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "ui-strings.yml").write_text("{}", encoding="utf-8")
    env = theme_env(tmp_path)
    template = env.get_template("main.html")
    page = SimpleNamespace(meta={"description": description}, canonical_url=None, previous_page=None, next_page=None, url="x.html")
    context = template.new_context(
        {
            "page": page,
            "base_url": ".",
            "mkdocs_version": "1.6.1",
            "config": {"extra": {"alternate": None}, "theme": {"favicon": "assets/favicon.png"}, "site_description": "x"},
        }
    )
    html = "".join(template.blocks["site_meta"](context))
    metas = [attrs for tag, attrs in parse(html).elements if tag == "meta" and attrs.get("name") == "description"]
    assert metas and metas[0]["content"] == description
    assert [tag for tag, _ in parse(html).elements].count("script") == 0


@SETTINGS
@given(text=HOSTILE_TEXT.filter(bool))
def test_interface_strings_are_written_as_text(theme_env, tmp_path: Path, text: str) -> None:
    import yaml

    (tmp_path / "data").mkdir(exist_ok=True)
    strings = {key: {"en": text, "fr": text, "es": text} for key in ("not_found.title", "not_found.text", "not_found.home", "not_found.search")}
    (tmp_path / "data" / "ui-strings.yml").write_text(yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8")
    env = theme_env(tmp_path)
    rendered = env.from_string('<p title="{{ ui("not_found.title") }}">{{ ui("not_found.text") }}</p>').render()
    collector = parse(rendered)
    written = yaml.safe_load((tmp_path / "data" / "ui-strings.yml").read_text(encoding="utf-8"))["not_found.text"]["en"]
    assert collector.elements == [("p", {"title": written})]  # YAML itself folds a few line breaks
    assert "".join(collector.text) == written


# -----------------------------------------------------------------------------
# The security pass (hooks/security.py)
# -----------------------------------------------------------------------------

ADDRESSES = st.one_of(
    HOSTILE_TEXT,
    st.builds(lambda host, path: f"https://{host}/{path}", st.sampled_from(["guide.example.org", "www.ohchr.org", "evil.example\"x"]), HOSTILE_TEXT),
    st.builds(lambda path: f"//tbinternet.ohchr.org/{path}", HOSTILE_TEXT),
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


@SETTINGS
@given(href=ADDRESSES, title=HOSTILE_TEXT, text=HOSTILE_TEXT, rel=st.one_of(st.none(), HOSTILE_TEXT))
def test_external_links_get_noopener_and_nothing_else_changes(href: str, title: str, text: str, rel: str | None) -> None:
    rel_attribute = "" if rel is None else f' rel="{_escape(rel)}"'
    document = f'<p>before <a href="{_escape(href)}" title="{_escape(title)}"{rel_attribute}>{_escape(text)}</a> after</p>'
    secured = secure_external_links(document, "https://guide.example.org/")
    before, after = parse(document), parse(secured)
    assert [tag for tag, _ in after.elements] == ["p", "a"]
    link = after.elements[1][1]
    assert link["href"] == href and link["title"] == title
    assert "".join(after.text) == "".join(before.text)
    tokens = (link.get("rel") or "").split()
    if is_external(href, "https://guide.example.org/"):
        assert {"noopener", "noreferrer"} <= set(tokens)
        assert tokens[: len((rel or "").split())] == (rel or "").split()  # existing tokens kept
    else:
        assert secured == document


@SETTINGS
@given(body=HOSTILE_TEXT.map(lambda t: t.replace("</script", "<\\/script")), title=HOSTILE_TEXT)
def test_policy_hashes_exactly_the_inline_scripts(body: str, title: str) -> None:
    document = (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{_escape(title)}</title>'
        f'<script>{body}</script><script type="application/json">{{"a": 1}}</script>'
        f'<script src="assets/x.js"></script></head><body><article class="md-content__inner md-typeset">'
        f'<p>{_escape(title)}</p></article></body></html>'
    )
    secured, findings = secure_page(document, "https://guide.example.org/")
    assert findings == []
    metas = [attrs for tag, attrs in parse(secured).elements if tag == "meta" and attrs.get("http-equiv")]
    assert len(metas) == 1
    policy_text = metas[0]["content"] or ""
    expected = "sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    script_src = next(d for d in policy_text.split("; ") if d.startswith("script-src "))
    assert script_src == f"script-src 'self' '{expected}'"
    assert "unsafe-inline" not in policy_text
    # the policy comes before every script, right after the charset
    assert secured.index("Content-Security-Policy") < secured.index("<script")
    assert secured.index("<meta charset") < secured.index("Content-Security-Policy")
    # a second pass gives the same page
    assert secure_page(secured, "https://guide.example.org/")[0] == secured


@SETTINGS
@given(body=HOSTILE_TEXT.map(lambda t: t.replace("</script", "<\\/script")))
def test_scripts_written_into_the_content_are_never_allowed(body: str) -> None:
    """Markdown passes raw HTML through: a script in a page's text must not get a hash."""
    document = (
        '<html><head><meta charset="utf-8"><script>template()</script></head><body><main>'
        f'<article class="md-content__inner md-typeset"><h1>T</h1><article><p>x</p></article><script>{body}</script></article>'
        "<script>after_content()</script></main></body></html>"
    )
    secured, findings = secure_page(document, None)
    policy_text = next(attrs for tag, attrs in parse(secured).elements if tag == "meta" and attrs.get("http-equiv"))["content"] or ""
    script_src = next(d for d in policy_text.split("; ") if d.startswith("script-src "))
    expected = {f"'sha256-{base64.b64encode(hashlib.sha256(t.encode()).digest()).decode()}'" for t in ("template()", "after_content()")}
    assert set(script_src.split()[1:]) == {"'self'", *expected}
    assert findings == ["an inline <script> in the page's content: put the script in a file in overrides/assets/"]


def test_a_page_whose_content_cannot_be_found_gets_no_script_allowed_and_is_reported() -> None:
    """Fail closed: without the content region, a script written into the page's text cannot be
    told from the templates' scripts, so none is allowed, and the page is named."""
    from advocacy_guide.page_security import NO_CONTENT_REGION

    document = '<html><head><meta charset="utf-8"><script>template()</script></head><body><main><p>x</p><script>written_into_the_page()</script></main></body></html>'
    secured, findings = secure_page(document, None)
    policy_text = next(attrs for tag, attrs in parse(secured).elements if tag == "meta" and attrs.get("http-equiv"))["content"] or ""
    assert next(d for d in policy_text.split("; ") if d.startswith("script-src ")) == "script-src 'self'"
    assert findings == [NO_CONTENT_REGION]
    assert "was not found" in NO_CONTENT_REGION and "container" in NO_CONTENT_REGION


def test_policy_allows_only_the_sites_own_origin_and_declared_video_hosts() -> None:
    text = policy(sources_for("<script>a()</script>", frame_origins=["https://player.vimeo.com"]))
    directives = dict(d.split(" ", 1) for d in text.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["frame-src"] == "'self' https://player.vimeo.com"
    assert directives["img-src"] == "'self' data:"
    assert directives["media-src"] == "'self' blob:"
    assert directives["worker-src"] == "'self' blob:"
    assert directives["connect-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["style-src"] == "'self'"
    assert all("unsafe" not in value for value in directives.values())
    assert "frame-ancestors" not in directives  # ignored in <meta>, with a console error


def test_inline_event_handlers_style_attributes_and_javascript_links_are_reported() -> None:
    document = (
        '<html><head></head><body><article class="md-content__inner"><p style="color:red">x</p>'
        '<button onclick="go()">b</button><a href="javascript:go()">j</a><code>&lt;p style="not markup"&gt;</code>'
        "</article><script>var s = '<p style=\"in a script\">';</script></body></html>"
    )
    _, findings = secure_page(document, None)
    assert len(findings) == 3
    assert any("style attribute on <p>" in f for f in findings)
    assert any("onclick=" in f for f in findings)
    assert any("javascript:" in f for f in findings)


@pytest.mark.parametrize(
    ("tag", "blocked"),
    [
        ('<P STYLE="color:red">', True),
        ('<b title="x"onmouseover="go()">', True),
        ("<img src=x\nONERROR='go()'>", True),
        ('<a HREF="JavaScript:go()">', True),
        ('<div data-md-component="content" data-caption="on=off">', False),
        ('<p class="lesson=1 stylesheet">', False),
    ],
)
def test_blocked_attributes_are_found_in_any_case_and_after_quotes_but_not_inside_words(tag: str, blocked: bool) -> None:
    _, findings = secure_page(f'<html><head></head><body><article class="md-content__inner">{tag}x</article></body></html>', None)
    assert bool(findings) is blocked, findings


def test_existing_policy_is_replaced_not_duplicated() -> None:
    document = '<html><head><meta http-equiv="Content-Security-Policy" content="default-src *"><script>x()</script></head></html>'
    secured = insert_policy(document, policy(sources_for(document)))
    assert len(CSP_META.findall(secured)) == 1
    assert "default-src *" not in secured


def test_scripts_in_comments_and_data_blocks_are_not_hashed() -> None:
    document = '<script type="application/json">{"x": 1}</script><script type="module">m()</script><script src="a.js">'
    assert inline_scripts(document + "</script>") == ["m()"]


def test_markdown_that_the_policy_blocks_is_found_by_line_outside_code() -> None:
    from advocacy_guide.csp import markdown_findings

    source = (
        "---\ndescription: x\n---\n# T {#t}\n\nA red paragraph.\n{ style=\"color: red\" }\n\n"
        '<button onclick="go()">x</button>\nUse `style="x"` and `<script>` in code. [bad](javascript:alert(1))\n\n'
        "```html\n<script>shown, not run</script>\n<p style=\"x\">\n```\n<script>alert(1)</script>\n"
        "The style = plain words, written on = paper.\n"
    )
    assert [line for line, _ in markdown_findings(source)] == [7, 9, 10, 16]


# -----------------------------------------------------------------------------
# Checklists (advocacy_guide.markdown.checklist)
# -----------------------------------------------------------------------------

# Ids as a translator could mistype them (the hook reports bad ones; the HTML must hold anyway).
HOSTILE_ID = st.lists(st.sampled_from(['"', "'", "<", ">", "&", "a", "-", "é", "=", "`", "/"]), min_size=1, max_size=8).map("".join)
# Titles and steps without raw HTML or Markdown syntax (Markdown passes raw HTML through by design).
PLAIN_TEXT = st.lists(st.sampled_from(['"', "'", "&", "&amp", "x", "é", "ñ", "=", "/", "?", "1"]), min_size=1, max_size=10).map("".join)


@SETTINGS
@given(checklist_id=HOSTILE_ID, step_id=HOSTILE_ID, title=PLAIN_TEXT, step=PLAIN_TEXT)
def test_checklist_ids_titles_and_steps_stay_attribute_values_and_text(checklist_id: str, step_id: str, title: str, step: str) -> None:
    import markdown

    source = f"/// checklist | {title}\n    id: '{checklist_id.replace(chr(39), chr(39) * 2)}'\n\n- [ ] {step} {{#{step_id}}}\n///\n"
    html = markdown.markdown(source, extensions=["advocacy_guide.markdown.checklist", "attr_list", "md_in_html", "pymdownx.tasklist"])
    collector = parse(html)
    tags = [tag for tag, _ in collector.elements]
    assert tags == ["fieldset", "legend", "ul", "li", "label", "input", "span"], html
    attrs = dict(collector.elements)
    assert attrs["fieldset"]["data-checklist"] == checklist_id
    assert attrs["li"]["data-step"] == step_id
    assert "".join(collector.text).split() == f"{title} {step}".split()


# -----------------------------------------------------------------------------
# Videos (overrides/partials/video.html, rendered by hooks/videos.py)
# -----------------------------------------------------------------------------


@SETTINGS
@given(title=HOSTILE_TEXT.filter(str.strip), chapter=HOSTILE_TEXT.filter(str.strip), cue=HOSTILE_TEXT.filter(str.strip), speaker=HOSTILE_TEXT.filter(str.strip), label=HOSTILE_TEXT)
def test_video_titles_chapters_and_transcripts_stay_text(theme_env, title: str, chapter: str, cue: str, speaker: str, label: str) -> None:
    from advocacy_guide.video_embed import ChapterLink, Track, VideoView

    env = theme_env(REPO)
    view = VideoView(
        kind="media", dom_id="video-x", title=title, language="en", media_url="videos/x.mp4", media_type="video/mp4",
        media_format="MP4", poster_url="videos/x.webp", download_size="1 MB", duration_iso="PT4S", duration_text="0:04",
        tracks=[Track("videos/x.vtt", "en", label, True)],
        chapters=[ChapterLink(0.0, "0:00", chapter, "videos/x.mp4#t=0")],
        transcript=[{"speaker": speaker, "text": cue}], transcript_language="en",
    )
    html = env.get_template("partials/video.html").render(video=view, language="en")
    collector = parse(html)
    tags = [tag for tag, _ in collector.elements]
    assert tags.count("script") == 0 and tags.count("figure") == 1 and tags.count("track") == 1
    assert dict(collector.elements)["track"]["label"] == label
    text = "".join(collector.text)
    for written in (title, chapter, cue, speaker):
        assert written in text
