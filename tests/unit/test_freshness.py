"""The `reviewed:` date rule (advocacy_guide.freshness): each mistake, its line and its fix."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from advocacy_guide.freshness import review_problem
from advocacy_guide.translations.stamp import source_hash

TODAY = date(2026, 12, 1)


def problem(source: str) -> str | None:
    meta = yaml.safe_load(source.split("---\n")[1]) or {}
    found = review_problem("docs/fr/follow-up.md", source, meta, TODAY)
    return str(found) if found else None


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ndescription: Suivi.\nreviewed: 2026-12-01\n---\n\n# Suivi\n", None),
        ("---\nreviewed: 2024-03-31\n---\n", None),
        ('---\nreviewed: "2026-11-30"\n---\n', None),
        (
            "---\ndescription: Suivi.\n---\n\n# Suivi\n",
            "docs/fr/follow-up.md:3: the front matter has no 'reviewed:' date: add a line such as "
            "'reviewed: 2026-12-01', the day you last checked this page's facts against its sources",
        ),
        (
            "---\ndescription: Suivi.\nreviewed: 1 décembre\n---\n",
            "docs/fr/follow-up.md:3: 'reviewed: 1 décembre' is not a date: write it as YYYY-MM-DD, "
            "for example 'reviewed: 2026-12-01'",
        ),
        (
            "---\ndescription: Suivi.\ntranslation:\n  source_date: 2026-11-29\nreviewed: 2027-01-15\n---\n",
            "docs/fr/follow-up.md:5: 'reviewed: 2027-01-15' is in the future (today is 2026-12-01): "
            "write the day you last checked this page's facts",
        ),
        (
            "---\nreviewed:\n---\n",
            "docs/fr/follow-up.md:2: 'reviewed:' is empty: write it as YYYY-MM-DD, for example 'reviewed: 2026-12-01'",
        ),
    ],
)
def test_each_reviewed_date_mistake_names_its_line_and_fix(source: str, expected: str | None) -> None:
    assert problem(source) == expected


def test_front_matter_that_is_not_yaml_is_named_first() -> None:
    source = "---\ndescription: Going to Geneva: what to plan\nreviewed: 2026-12-01\n---\n\n# Geneva\n"
    found = review_problem("docs/en/geneva.md", source, {}, TODAY)
    assert str(found) == (
        "docs/en/geneva.md:2: the front matter is not valid YAML (mapping values are not allowed here): put a "
        'value that contains \': \' or starts with a quote in double quotes, for example description: "Geneva: what to plan"'
    )


def test_a_new_review_date_alone_does_not_outdate_translations() -> None:
    before = "---\ndescription: Follow-up.\nreviewed: 2026-12-01\n---\n\n# Follow-up\n\nText.\n"
    rechecked = before.replace("2026-12-01", "2027-03-02")
    edited = before.replace("Text.", "New text.")
    assert source_hash(rechecked) == source_hash(before)
    assert source_hash(edited) != source_hash(before)
    # a `reviewed` line in the text, outside the front matter, is text like any other
    assert source_hash(before + "reviewed: yes\n") != source_hash(before)
