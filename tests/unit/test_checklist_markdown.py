"""The `/// checklist` block's HTML, with the site's Markdown extensions, and the assets' weight."""

from __future__ import annotations

import difflib
import gzip

import markdown
import yaml

from tests.support.build import REPO

EXTENSION = "advocacy_guide.markdown.checklist"


def render(text: str) -> str:
    """Markdown -> HTML with the extensions and settings of mkdocs.yml."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    assert EXTENSION in names, "mkdocs.yml must list the checklist extension"
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(text)


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def assert_html(text: str, expected: str) -> None:
    actual = render(text)
    if actual != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected", "actual", lineterm=""))
        raise AssertionError(f"HTML differs:\n{diff}")


def test_steps_become_labelled_checkboxes_keyed_by_id() -> None:
    assert_html(
        """\
/// checklist | Before you send your submission
    id: submission-ready

- [ ] Count the words and stay under the [limit](rules.md) {#word-count}
- [ ] Ask every person you quote whether they agree to be *named* {#consent}
///
""",
        """\
<fieldset class="checklist" data-checklist="submission-ready" id="checklist-submission-ready">
<legend class="checklist__title">Before you send your submission</legend>
<ul class="checklist__steps">
<li class="checklist__step" data-step="word-count"><label class="checklist__label"><input class="checklist__box" type="checkbox" /><span class="checklist__text">Count the words and stay under the <a href="rules.md">limit</a></span></label></li>
<li class="checklist__step" data-step="consent"><label class="checklist__label"><input class="checklist__box" type="checkbox" /><span class="checklist__text">Ask every person you quote whether they agree to be <em>named</em></span></label></li>
</ul>
</fieldset>""",
    )


def test_loose_steps_and_nested_content_keep_the_text_inside_the_label() -> None:
    assert_html(
        """\
/// checklist | Loose
    id: loose

- [ ] First {: #first }

- [ ] Second {#second}

    More about the second step.
///
""",
        """\
<fieldset class="checklist" data-checklist="loose" id="checklist-loose">
<legend class="checklist__title">Loose</legend>
<ul class="checklist__steps">
<li class="checklist__step" data-step="first"><label class="checklist__label"><input class="checklist__box" type="checkbox" /><span class="checklist__text">First</span></label></li>
<li class="checklist__step" data-step="second"><label class="checklist__label"><input class="checklist__box" type="checkbox" /><span class="checklist__text">Second</span></label><p>More about the second step.</p>
</li>
</ul>
</fieldset>""",
    )


def test_html_in_titles_and_ids_is_escaped() -> None:
    html = render('/// checklist | A <b>"title"</b> & more\n    id: "x\\" onmouseover=\\"y"\n\n- [ ] Step {#step}\n///\n')
    assert 'data-checklist="x&quot; onmouseover=&quot;y"' in html
    assert "onmouseover=\"y\"" not in html
    assert "<legend" in html


def test_a_checklist_without_an_id_is_still_a_readable_list() -> None:
    html = render("/// checklist | No id\n\n- [ ] Step without id\n///\n")
    assert '<fieldset class="checklist">' in html
    assert "data-checklist" not in html and "data-step" not in html
    assert '<span class="checklist__text">Step without id</span>' in html


def test_ordinary_task_lists_are_still_rendered_by_tasklist() -> None:
    html = render("- [ ] An ordinary task\n")
    assert 'class="task-list-item"' in html
    assert "checklist" not in html


def test_javascript_and_css_stay_within_four_kilobytes_gzip() -> None:
    """3 KiB until the phone layout (issue 14): the checklist line atop stage pages, "Continue
    where you left off" and full-width steps on phones added about 0.6 KiB."""
    assets = REPO / "overrides" / "assets"
    sizes = {name: len(gzip.compress((assets / name).read_bytes(), 9)) for name in ("checklists.js", "checklists.css")}
    assert sum(sizes.values()) <= 4 * 1024, sizes
