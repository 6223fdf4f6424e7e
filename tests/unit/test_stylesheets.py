"""The project's stylesheets joined into one (hooks/stylesheets.py)."""

from __future__ import annotations

import pytest

from advocacy_guide.stylesheets import StylesheetError, bundle, strip_comments


def test_stylesheets_are_joined_in_order_without_comments() -> None:
    css = bundle([
        ("assets/site.css", "/* why */\n.a { color: red; }\n\n"),
        ("assets/video.css", ".b::before { content: \"/* kept */\"; }\n/* gone */\n.a { color: blue; }"),
    ])
    assert css == '.a { color: red; }\n.b::before { content: "/* kept */"; }\n.a { color: blue; }\n'
    assert css.index("red") < css.index("blue")  # the later file still wins


def test_relative_urls_only_from_the_bundles_folder() -> None:
    assert "url(icon.svg)" in bundle([("assets/a.css", ".x { background: url(icon.svg) }")])
    assert "data:" in bundle([("extra/a.css", ".x { background: url('data:image/png;base64,AA') }")])
    with pytest.raises(StylesheetError, match="extra/a.css uses a relative url"):
        bundle([("extra/a.css", ".x { background: url(icon.svg) }")])


def test_imports_cannot_be_bundled() -> None:
    with pytest.raises(StylesheetError, match="@import"):
        bundle([("assets/a.css", "@import 'b.css';")])


def test_strip_comments_keeps_strings_with_comment_marks() -> None:
    assert strip_comments("a { content: '/*' } /* x */ b { content: '*/' }") == "a { content: '/*' }  b { content: '*/' }"
