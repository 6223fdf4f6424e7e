"""Which English edits `translations skip` accepts: one row per kind of edit, accepted or refused."""

from __future__ import annotations

import textwrap

import pytest

from advocacy_guide.translations.trivial import MAX_WORDS_PER_EDIT, RULES, substantive_changes

PAGE = textwrap.dedent(
    """\
    ---
    description: How to follow up on the recommendations.
    ---

    # Follow-up {#follow-up}

    The Committee picks two to four priority recommendations. It asks for information within two years.
    Reviews took place on 26 March 2025 and on 2025-07-14.

    ## Plan your follow-up {#plan}

    Read [the mandate](committee.md#mandate) and the [OHCHR page](https://www.ohchr.org/en/treaty-bodies/ccpr).
    [Learn more][ref] about it.

    ![type:video](follow-up)

    /// checklist | After the review
        id: after-review

    - [ ] Read the concluding observations {#read}
    - [ ] Pick your priorities {#priorities}
    ///

    !!! note "Good to know"
        About 174 States are parties.

    [ref]: faq.md#follow-up
    """
)

# (what the edit is, text replaced, replacement, None if accepted or the rule that refuses it)
EDITS = [
    ("a typo", "recommendations. It", "recomendations. It", None),
    ("a typo fixed in the description", "the recommendations.", "the recommandations.", None),
    ("punctuation", "within two years.", "within two years!", None),
    ("a comma and a word's case", "Read [the mandate]", "Read, [The mandate]", None),
    ("the target of a link to another site fixed", "https://www.ohchr.org/en/treaty-bodies/ccpr", "https://www.ohchr.org/en/treaty-bodies/ccpr/", None),
    ("a link's text", "[the mandate]", "[its mandate]", None),
    ("line breaks", "recommendations. It asks", "recommendations.\nIt asks", None),
    ("a word added", "The Committee picks", "The Committee then picks", None),
    ("two words changed in one place", "The Committee picks two", "The Comittee chooses two", None),
    ("'may' added: a change of meaning, not a date", "It asks for", "It may ask for", "meaning"),
    ("a negation added", "The Committee picks", "The Committee never picks", "meaning"),
    ("two words merged", "priority recommendations", "priority-recommendations", None),
    ("a heading's text", "## Plan your follow-up {#plan}", "## Plan the follow-up {#plan}", "heading"),
    ("a heading's id", "{#plan}", "{#planning}", "heading"),
    ("a new heading", "Read [the mandate]", "### Read first {#read-first}\n\nRead [the mandate]", "heading"),
    ("a checklist's title", "/// checklist | After the review", "/// checklist | Once the review is over", "checklist"),
    ("a checklist's id", "    id: after-review", "    id: after-the-review", "checklist"),
    ("a step's text", "Pick your priorities {#priorities}", "Pick your two priorities {#priorities}", "step"),
    ("a step's id", "{#priorities}", "{#choose}", "step"),
    ("a new step", "- [ ] Pick your priorities {#priorities}", "- [ ] Pick your priorities {#priorities}\n- [ ] Tell partners {#tell}", "step"),
    ("a video", "![type:video](follow-up)", "![type:video](why-engage)", "video"),
    ("a link's target page", "committee.md#mandate", "review-cycle.md#mandate", "link"),
    ("a link's anchor", "committee.md#mandate", "committee.md#members", "link"),
    ("a reference link's target", "[ref]: faq.md#follow-up", "[ref]: faq.md#safety", "link"),
    ("a box's kind", "!!! note", "!!! warning", "box"),
    ("a date's day", "26 March 2025", "27 March 2025", "date"),
    ("a date's month", "26 March 2025", "26 April 2025", "date"),
    ("an ISO date", "2025-07-14", "2025-07-15", "date"),
    ("a figure", "About 174 States", "About 175 States", "number"),
    ("a number word", "within two years", "within three years", "number"),
    ("a figure inside a heading", "## Plan your follow-up {#plan}", "## Plan your 2 follow-ups {#plan}", "heading"),
    ("a new sentence", "within two years.", "within two years. It then sends a reminder to the State.", "wording"),
    ("a reworded sentence", "It asks for information", "The State reports back", "wording"),
    ("three words changed in one place", "It asks for information within", "It requests data by", "wording"),
]


@pytest.mark.parametrize(("what", "old", "new", "refused_by"), EDITS, ids=[row[0] for row in EDITS])
def test_each_english_edit_is_accepted_or_refused_by_its_rule(what: str, old: str, new: str, refused_by: str | None) -> None:
    assert old in PAGE, what
    changes = substantive_changes(PAGE, PAGE.replace(old, new, 1))
    if refused_by is None:
        assert changes == [], what
    else:
        assert changes, what
        assert changes[0].rule == refused_by, (what, changes)


def test_every_rule_has_a_row_in_the_table() -> None:
    assert {rule.name for rule in RULES} == {row[3] for row in EDITS if row[3]}


def test_the_refusal_names_what_changed_and_its_line() -> None:
    [change] = substantive_changes(PAGE, PAGE.replace("About 174 States", "About 175 States"))
    assert change.message == "a number changed: '174' -> '175'"
    assert change.line == PAGE.splitlines().index("    About 174 States are parties.") + 1
    [change] = substantive_changes(PAGE, PAGE.replace("{#plan}", "{#planning}"))
    assert change.message == "a heading or its id changed: '## Plan your follow-up {#plan}' -> '## Plan your follow-up {#planning}'"
    removed = substantive_changes(PAGE, PAGE.replace("![type:video](follow-up)\n", ""))
    assert [c.message for c in removed] == ["a video removed: 'follow-up'"]


def test_many_small_edits_across_the_page_are_not_a_typo_fix() -> None:
    edited = PAGE
    for old, new in [("picks", "chooses"), ("asks", "requests"), ("Reviews", "Sessions"), ("took", "had"),
                     ("Read", "See"), ("about it", "on this"), ("Good to", "Useful to"), ("States are", "countries are"),
                     ("parties", "members"), ("place on", "place in")]:
        edited = edited.replace(old, new, 1)
    [change] = substantive_changes(PAGE, edited)
    assert change.rule == "wording" and "words changed across the page" in change.message
    assert MAX_WORDS_PER_EDIT == 2


def test_code_and_comments_do_not_count() -> None:
    page = PAGE + "\n<!-- 12 notes for editors -->\n"
    assert substantive_changes(page, page.replace("12 notes", "13 notes")) == []
