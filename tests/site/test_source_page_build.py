"""One reader of a Markdown source (advocacy_guide.markdown.source) on a fixture site: what it
calls code is shown, never checked as if it ran; what it calls prose is checked, with its line."""

from __future__ import annotations

from pathlib import Path

from tests.support.build import build_strictly, make_fixture_project, mkdocs_build


def page(title: str, body: str) -> str:
    return f"---\ndescription: {title}.\n---\n\n# {title} {{#top}}\n\n{body}\n"


# A documentation example: a four-backtick fence that shows a three-backtick fence holding a script.
FOUR_BACKTICK_EXAMPLE = """\
Write a code block like this:

````markdown
```html
<script>alert(1)</script>
```
````

Then carry on."""


def test_a_script_shown_in_a_four_backtick_fence_builds_strictly(tmp_path: Path) -> None:
    pages = {"en/index.md": page("Home", FOUR_BACKTICK_EXAMPLE), "fr/index.md": page("Accueil", "Bien.")}
    project = make_fixture_project(tmp_path, pages)
    build_strictly(project, tmp_path / "site", "http://127.0.0.1:8000/")
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    # shown as code (highlighted, escaped), not run
    assert '<span class="nx">alert</span>' in html and "<script>alert" not in html


def test_a_script_in_prose_after_a_four_backtick_fence_fails_naming_its_line(tmp_path: Path) -> None:
    body = FOUR_BACKTICK_EXAMPLE + "\n\n<script>alert(2)</script>"
    pages = {"en/index.md": page("Home", body), "fr/index.md": page("Accueil", "Bien.")}
    project = make_fixture_project(tmp_path, pages)
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert not result.ok
    assert "docs/en/index.md:17: the page's Content-Security-Policy blocks a <script>" in result.output
    assert result.output.count("docs/en/index.md:") == 1, result.output  # the example is not reported
