"""Reading checklists from Markdown, and every mistake a writer or translator can make in one."""

from __future__ import annotations

import pytest

from advocacy_guide.checklists import (
    Checklist,
    Problem,
    SiteChecklistIds,
    Step,
    compare_with_english,
    parse_checklists,
    split_step_id,
)
from advocacy_guide.markdown.source import read_source

GOOD = """\
# Before you send {#before}

Some text.

/// checklist | Before you send your submission
    id: submission-ready

- [ ] Count the words and stay under the 10,000-word limit {#word-count}
- [ ] Ask every person you quote
  whether they agree to be named {#consent}
    - a detail under the step
///
"""


def test_a_checklist_is_read_with_its_title_id_steps_and_lines() -> None:
    scan = parse_checklists(GOOD)
    assert scan.problems == []
    assert scan.checklists == [
        Checklist(
            id="submission-ready",
            title="Before you send your submission",
            line=5,
            steps=[
                Step(id="word-count", text="Count the words and stay under the 10,000-word limit", line=8),
                Step(id="consent", text="Ask every person you quote\nwhether they agree to be named", line=9),
            ],
        )
    ]


def test_lines_count_from_the_top_of_the_file_when_front_matter_was_stripped() -> None:
    source = "---\ndescription: Steps.\n---\n\n" + GOOD
    offset = read_source(source).stripped_lines
    assert offset == 4
    assert parse_checklists(GOOD, first_line=offset + 1).checklists[0].line == 9
    assert read_source(GOOD).stripped_lines == 0


def test_loose_lists_indented_blocks_and_several_checklists_are_read() -> None:
    markdown = """\
!!! note

    /// checklist | Inside a note
        id: in-note

    - [ ] First {#first}

    - [ ] Second {: #second }
    ///

//// checklist | Four slashes
    id: four

- [ ] Only {#only}
////
"""
    scan = parse_checklists(markdown)
    assert scan.problems == []
    assert [(c.id, c.line, c.step_ids) for c in scan.checklists] == [("in-note", 3, ["first", "second"]), ("four", 11, ["only"])]


def test_checklists_shown_as_code_are_not_checked() -> None:
    markdown = "```markdown\n/// checklist | Example\n- [ ] no id\n///\n```\n\n~~~~\n/// checklist\n~~~~\n"
    assert parse_checklists(markdown).checklists == []
    assert parse_checklists(markdown).problems == []


def test_other_blocks_and_ordinary_task_lists_are_left_alone() -> None:
    markdown = "/// details | More\n- [ ] not a step\n///\n\n- [ ] an ordinary task\n"
    assert parse_checklists(markdown).checklists == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Count the words {#word-count}", ("Count the words", "word-count", None)),
        ("Count the words {: #word-count }", ("Count the words", "word-count", None)),
        ("Count the words {#Word_Count}", ("Count the words", "Word_Count", None)),
        ("Count the words {.important}", ("Count the words {.important}", None, ".important")),
        ("Count the words", ("Count the words", None, None)),
        ("Count {#a} the words", ("Count {#a} the words", None, None)),
    ],
)
def test_split_step_id(text: str, expected: tuple[str, str | None, str | None]) -> None:
    assert split_step_id(text) == expected


def _checklist(body: str, header: str = "/// checklist | Title\n    id: my-list\n") -> str:
    return header + "\n" + body + "///\n"


# Bad input -> the line and the message the build prints (after "docs/en/page.md:").
BAD_INPUT = [
    pytest.param(
        "/// checklist\n    id: my-list\n\n- [ ] Step {#step}\n///\n",
        [Problem(1, "checklist has no title: write it after a bar, e.g. `/// checklist | Before you send your submission`")],
        id="no-title",
    ),
    pytest.param(
        "/// checklist | Title\n\n- [ ] Step {#step}\n///\n",
        [Problem(1, "checklist has no id: add an indented line under the title, e.g. `    id: submission-ready` (lowercase English words and hyphens, the same in all three languages)")],
        id="no-checklist-id",
    ),
    pytest.param(
        "/// checklist | Title\nid: my-list\n\n- [ ] Step {#step}\n///\n",
        [Problem(2, "the `id:` line must be indented by 4 spaces under the `/// checklist | ...` line, e.g. `    id: submission-ready`")],
        id="id-not-indented",
    ),
    pytest.param(
        "/// checklist | Title\n\n    id: my-list\n\n- [ ] Step {#step}\n///\n",
        [Problem(3, "remove the empty line between `/// checklist | ...` and `id:`: the options must come right under the title")],
        id="blank-line-before-id",
    ),
    pytest.param(
        "/// checklist | Title\n    id: My List\n\n- [ ] Step {#step}\n///\n",
        [Problem(2, "checklist id 'My List' is not valid: use lowercase letters, digits and hyphens, e.g. `id: my-list`")],
        id="checklist-id-invalid",
    ),
    pytest.param(
        "/// checklist | Title\n    id:\n\n- [ ] Step {#step}\n///\n",
        [Problem(2, "checklist id is empty: write one, e.g. `    id: submission-ready`")],
        id="checklist-id-empty",
    ),
    pytest.param(
        "/// checklist | Title\n    id: my-list\n    name: other\n\n- [ ] Step {#step}\n///\n",
        [Problem(2, "unknown checklist option 'name': the only option is `id:` (until this is fixed the checklist is shown as plain text)")],
        id="unknown-option",
    ),
    pytest.param(
        "/// checklist | Title\n    id: [my-list\n\n- [ ] Step {#step}\n///\n",
        [Problem(2, "cannot read the options under the title: write `    id: submission-ready`")],
        id="options-not-yaml",
    ),
    pytest.param(
        _checklist("- [ ] Count the words\n"),
        [Problem(4, "step 'Count the words' has no id: add one at the end of its text, e.g. `{#count-the-words}`, the same in all three languages")],
        id="step-without-id",
    ),
    pytest.param(
        _checklist("- [ ] Count the words {#Word_Count}\n"),
        [Problem(4, "step id 'Word_Count' is not valid: use lowercase letters, digits and hyphens, e.g. `{#word-count}`")],
        id="step-id-invalid",
    ),
    pytest.param(
        _checklist("- [ ] Count the words {.word-count}\n"),
        [Problem(4, "'{.word-count}' at the end of step 'Count the words {.word-count}' is not a step id: write it as `{#count-the-words}`")],
        id="braces-without-hash",
    ),
    pytest.param(
        _checklist("- [ ] Count the words {#count}\n- [ ] Count the pages {#count}\n"),
        [Problem(5, "step id 'count' is already used on line 4: give each step its own id")],
        id="duplicate-step-id",
    ),
    pytest.param(
        _checklist("- Count the words {#count}\n"),
        [Problem(4, "step 'Count the words {#count}' has no box: start it with `- [ ] `")],
        id="step-without-box",
    ),
    pytest.param(
        _checklist("- [x] Count the words {#count}\n"),
        [Problem(4, "step 'Count the words' is ticked in the Markdown: write `- [ ]`; readers tick steps themselves")],
        id="step-ticked",
    ),
    pytest.param(
        _checklist("Just a paragraph.\n"),
        [Problem(1, "checklist has no steps: add lines such as `- [ ] Count the words {#word-count}` before the closing `///`")],
        id="no-steps",
    ),
    pytest.param(
        "/// checklist | Title\n    id: my-list\n\n- [ ] Step {#step}\n",
        [Problem(1, "checklist is not closed: add a line `///` after its last step")],
        id="not-closed",
    ),
    pytest.param(
        "//// checklist | Title\n    id: my-list\n\n- [ ] Step {#step}\n///\n",
        [Problem(1, "checklist is not closed: add a line `///` after its last step")],
        id="closed-with-fewer-slashes",
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), BAD_INPUT)
def test_each_mistake_gives_its_line_and_how_to_fix_it(markdown: str, expected: list[Problem]) -> None:
    assert parse_checklists(markdown).problems == expected


def test_a_long_step_is_shortened_in_messages() -> None:
    step = "Ask every person you quote whether they agree to be named in the submission"
    problems = parse_checklists(_checklist(f"- [ ] {step}\n")).problems
    assert problems[0].message.startswith("step 'Ask every person you quote whether they…' has no id")


def test_a_checklist_id_may_be_used_once_per_language() -> None:
    ids = SiteChecklistIds()
    first = Checklist(id="submission-ready", title="A", line=3)
    again = Checklist(id="submission-ready", title="B", line=12)
    assert ids.claim(first, "docs/en/a.md:3") is None
    assert ids.claim(Checklist(id=None, title="C", line=1), "docs/en/c.md:1") is None
    assert ids.claim(again, "docs/en/b.md:12") == Problem(12, "checklist id 'submission-ready' is already used at docs/en/a.md:3: give each checklist its own id (progress is saved by id)")


def _steps(*ids: str | None, first_line: int = 10) -> list[Step]:
    return [Step(id=step_id, text=f"text {n}", line=first_line + n) for n, step_id in enumerate(ids)]


ENGLISH = [
    Checklist(id="submission-ready", title="Before you send", line=5, steps=_steps("word-count", "consent", "sources", first_line=8)),
    Checklist(id="follow-up", title="Follow up", line=20, steps=_steps("plan", first_line=23)),
]

# A translation's checklists -> what the build says about them (line in the translation).
TRANSLATIONS = [
    pytest.param(
        [Checklist(id="submission-ready", title="Avant", line=6, steps=_steps("word-count", "consent", "sources")), Checklist(id="follow-up", title="Suivi", line=30, steps=_steps("plan", first_line=33))],
        [],
        id="same-ids",
    ),
    pytest.param(
        [Checklist(id="submission-ready", title="Avant", line=6, steps=_steps("sources", "word-count", "consent")), Checklist(id="follow-up", title="Suivi", line=30, steps=_steps("plan"))],
        [],
        id="same-ids-other-order",
    ),
    pytest.param(
        [Checklist(id="pret-a-envoyer", title="Avant", line=6, steps=_steps("word-count", "consent", "sources")), Checklist(id="follow-up", title="Suivi", line=30, steps=_steps("plan"))],
        [Problem(6, "checklist id 'pret-a-envoyer' is not in the English page: the English checklist here is 'submission-ready' (docs/en/page.md:5); write `id: submission-ready`")],
        id="translated-checklist-id",
    ),
    pytest.param(
        [Checklist(id="follow-up", title="Suivi", line=30, steps=_steps("plan"))],
        [Problem(30, "the English page has checklist 'submission-ready' (docs/en/page.md:5) but this page does not: translate it, keeping `id: submission-ready`")],
        id="missing-checklist",
    ),
    pytest.param(
        [*[Checklist(id=c.id, title="x", line=c.line, steps=c.steps) for c in ENGLISH], Checklist(id="extra", title="En plus", line=40, steps=_steps("plan"))],
        [Problem(40, "checklist id 'extra' is not in the English page (docs/en/page.md): use the English page's ids, or add the checklist to the English page first")],
        id="extra-checklist",
    ),
    pytest.param(
        [Checklist(id="submission-ready", title="Avant", line=6, steps=_steps("word-count", "consentement", "sources")), Checklist(id="follow-up", title="Suivi", line=30, steps=_steps("plan"))],
        [Problem(11, "step id 'consentement' is not in the English checklist 'submission-ready': the English step here is 'consent' (docs/en/page.md:9); write `{#consent}`")],
        id="translated-step-id",
    ),
    pytest.param(
        [Checklist(id="submission-ready", title="Avant", line=6, steps=_steps("word-count", "sources")), Checklist(id="follow-up", title="Suivi", line=30, steps=_steps("plan"))],
        [Problem(6, "step 'consent' of the English checklist (docs/en/page.md:9) is missing here: translate it as `- [ ] ... {#consent}`")],
        id="missing-step",
    ),
    pytest.param(
        [Checklist(id="submission-ready", title="Avant", line=6, steps=_steps("word-count", "consent", "sources", "bonus")), Checklist(id="follow-up", title="Suivi", line=30, steps=_steps("plan"))],
        [Problem(13, "step id 'bonus' is not in the English checklist 'submission-ready' (docs/en/page.md:5): use one of its ids (word-count, consent, sources) or add the step to the English page first")],
        id="extra-step",
    ),
    pytest.param(
        [Checklist(id="submission-ready", title="Avant", line=6, steps=_steps("word-count", None, "sources")), Checklist(id="follow-up", title="Suivi", line=30, steps=_steps("plan"))],
        [Problem(6, "step 'consent' of the English checklist (docs/en/page.md:9) is missing here: translate it as `- [ ] ... {#consent}`")],
        id="step-without-id-names-the-english-id",
    ),
]


@pytest.mark.parametrize(("translation", "expected"), TRANSLATIONS)
def test_a_translation_must_keep_the_english_ids(translation: list[Checklist], expected: list[Problem]) -> None:
    assert compare_with_english(translation, ENGLISH, "docs/en/page.md") == expected


def test_the_whole_guide_is_checked_in_one_pass_with_each_files_own_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from advocacy_guide.checklists import Finding, check_docs

    docs = tmp_path / "docs"
    files = {
        "en/a.md": "---\ndescription: A.\n---\n\n" + _checklist("- [ ] One {#one}\n- [ ] Two {#two}\n"),
        "en/b.md": _checklist("- [ ] Three {#three}\n"),
        "en/.draft.md": _checklist("- [ ] no id\n"),  # hidden: MkDocs does not build it
        "fr/a.md": _checklist("- [ ] Un {#un}\n- [ ] Deux {#two}\n"),
        "es/a.md": "---\ndescription: A.\ntitle: A\n---\n" + _checklist("- [ ] Uno {#one}\n"),
        "es/only-here.md": _checklist("- [ ] Solo {#solo}\n", header="/// checklist | Título\n    id: solo\n"),
    }
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    findings = check_docs(docs, ["en", "fr", "es"], "en", shown_from=tmp_path)
    assert [str(f) for f in findings] == [
        "docs/en/b.md:1: checklist id 'my-list' is already used at docs/en/a.md:5: give each checklist its own id (progress is saved by id)",
        "docs/fr/a.md:4: step id 'un' is not in the English checklist 'my-list': the English step here is 'one' (docs/en/a.md:8); write `{#one}`",
        "docs/es/a.md:5: step 'two' of the English checklist (docs/en/a.md:9) is missing here: translate it as `- [ ] ... {#two}`",
    ]
    assert findings[0] == Finding("docs/en/b.md", Problem(1, findings[0].problem.message))
