"""The one reading of a Markdown source (advocacy_guide.markdown.source): what is prose, what is
code, and where each piece of the site's syntax is, by the line of the file."""

from __future__ import annotations

from advocacy_guide.markdown.source import read_source

PAGE = """\
---
description: A page
reviewed: 2026-11-01
---

# Title {#title}

````markdown
```html
<script>alert(1)</script>
```
````

Text with ``a `code` span`` and <!-- a
comment --> and ![type:video](inline) here.

/// checklist | Before you send
    id: before

- [ ] First step {#first}
- [x] Second step {#second}
///

!!! note "A box"

    ![type:video](why-engage)

~~~
## Not a heading
~~~
## Last {: #last .wide } ##
"""


def test_front_matter_is_read_with_its_lines() -> None:
    page = read_source(PAGE)
    assert page.front_matter.raw == "description: A page\nreviewed: 2026-11-01\n"
    assert page.front_matter.line_count == 4 and page.first_body_line == 5
    assert page.stripped_lines == 5  # the blank line after it too, as MkDocs strips it
    assert page.front_matter.error is None and page.front_matter.parsed[0]["description"] == "A page"


def test_front_matter_that_does_not_parse_keeps_its_error() -> None:
    page = read_source("---\ndescription: a: b\n---\n# T\n")
    assert page.front_matter.error is not None
    assert page.stripped_lines == 0  # MkDocs strips nothing then


def test_a_fence_closes_only_with_its_own_character_at_least_as_long() -> None:
    page = read_source(PAGE)
    assert [(f.line, f.end_line, f.marker, f.info) for f in page.fences] == [(8, 12, "````", "markdown"), (28, 30, "~~~", "")]
    assert "<script>" not in page.prose and "Not a heading" not in page.prose


def test_prose_blanks_code_spans_and_comments_keeping_every_offset() -> None:
    page = read_source(PAGE)
    assert len(page.prose) == len(PAGE) and page.prose.count("\n") == PAGE.count("\n")
    line = page.prose_lines[13]
    assert line.startswith("Text with ") and "code" not in line
    assert "comment" not in page.prose_lines[14] and page.prose_lines[14].endswith("here.")


def test_blocks_with_argument_options_and_closing_line() -> None:
    (block,) = read_source(PAGE).blocks
    assert (block.name, block.argument, block.line, block.end_line, block.content_line) == ("checklist", "Before you send", 17, 22, 19)
    assert [(o.line, o.key, o.value) for o in block.options] == [(18, "id", "before")]


def test_task_items_videos_admonitions_and_headings() -> None:
    page = read_source(PAGE)
    assert [(t.line, t.checked, t.text) for t in page.tasks] == [(20, False, "First step {#first}"), (21, True, "Second step {#second}")]
    assert [(v.line, v.target, v.alone) for v in page.videos] == [(15, "inline", False), (26, "why-engage", True)]
    misplaced = page.misplaced_videos[0]
    assert PAGE.split("\n")[14][slice(*misplaced.columns)] == "![type:video](inline)"
    assert [(a.line, a.marker, a.classes, a.title, a.well_formed) for a in page.admonitions] == [(24, "!!!", "note", "A box", True)]
    assert [(h.line, h.level, h.id) for h in page.headings] == [(6, 1, "title"), (31, 2, "last")]


def test_markdown_without_front_matter_counts_from_its_first_line() -> None:
    page = read_source("---\n\n![type:video](a)\n", has_front_matter=False)
    assert page.front_matter.raw is None and [v.line for v in page.placed_videos] == [3]


def test_a_page_is_read_once_per_text() -> None:
    assert read_source(PAGE) is read_source(PAGE)


def test_the_video_syntax_in_a_heading_is_misplaced() -> None:
    page = read_source("# Watch ![type:video](https://vimeo.com/1)\n", has_front_matter=False)
    assert [(v.line, v.target, v.alone) for v in page.videos] == [(1, "https://vimeo.com/1", False)]
    assert [h.line for h in page.headings] == [1]
