"""Issue 18 on fixture repositories with git history: safe stamps, skip for trivial English edits,
--fail-on, the diff by section, paths as translators type them, dates of uncommitted changes,
sentence figures in the report."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.support.translation_repo import commit_all, edit, line_number, make_translation_repo, run, statuses



@pytest.fixture
def stamped_repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Every translation stamped from the English of 2026-10-01, committed on 2026-10-02."""
    repo = make_translation_repo(tmp_path)
    for language in ("fr", "es"):
        code, _, err = run(capsys, "--root", str(repo), "stamp", language, "--all")
        assert code == 0, err
    commit_all(repo, "Stamp the translations", "2026-10-02")
    return repo


def change_english_follow_up(repo: Path) -> None:
    edit(repo / "docs/en/follow-up.md", "a few priority recommendations.", "two to four priority recommendations.")
    commit_all(repo, "Follow-up: how many recommendations", "2026-11-15")


# -----------------------------------------------------------------------------
# stamp refuses an untouched translation; --force
# -----------------------------------------------------------------------------


def test_stamp_refuses_a_translation_not_touched_since_english_changed(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change_english_follow_up(stamped_repo)
    page = stamped_repo / "docs/fr/follow-up.md"
    before = page.read_text(encoding="utf-8")
    code, out, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr", "follow-up.md")
    assert (code, out) == (1, "")
    assert err.startswith("not stamped: fr/follow-up.md was not updated after the English page changed:\n")
    assert (
        f"docs/fr/follow-up.md:{line_number(page, 'translation:')}: the translation has not changed since the English page "
        "changed on 2026-11-15 (commit "
    ) in err
    assert "update it first (see `.venv/bin/advocacy-guide translations diff fr follow-up.md`)" in err
    assert "run `.venv/bin/advocacy-guide translations stamp --force fr follow-up.md`" in err
    assert page.read_text(encoding="utf-8") == before
    assert statuses(capsys, stamped_repo)[("fr", "follow-up.md")]["status"] == "outdated"

    # --all refuses it too, and stamps nothing else wrongly
    code, _, err = run(capsys, "--root", str(stamped_repo), "stamp", "es", "--all")
    assert code == 1 and "not stamped: es/follow-up.md was not updated" in err

    # --force stamps it, and says so
    code, out, err = run(capsys, "--root", str(stamped_repo), "stamp", "--force", "fr", "follow-up.md")
    assert (code, err) == (0, "")
    assert out.startswith("stamped with --force: fr/follow-up.md is up-to-date, although its text did not change (since the English page changed on 2026-11-15")
    assert "you checked that nothing needed translating" in out
    assert statuses(capsys, stamped_repo)[("fr", "follow-up.md")]["status"] == "up-to-date"


def test_stamp_accepts_an_updated_translation_committed_or_not(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change_english_follow_up(stamped_repo)
    edit(stamped_repo / "docs/fr/follow-up.md", "quelques recommandations", "deux à quatre recommandations")
    code, out, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr", "follow-up.md")
    assert (code, out, err) == (0, "stamped: fr/follow-up.md is up-to-date\n", "")
    # The Spanish translator commits the update first, then stamps.
    edit(stamped_repo / "docs/es/follow-up.md", "algunas recomendaciones", "de dos a cuatro recomendaciones")
    commit_all(stamped_repo, "Spanish follow-up updated", "2026-11-16")
    code, out, err = run(capsys, "--root", str(stamped_repo), "stamp", "es", "follow-up.md")
    assert (code, out, err) == (0, "stamped: es/follow-up.md is up-to-date\n", "")


def test_untouched_is_known_in_a_shallow_clone_and_for_an_uncommitted_english_change(
    stamped_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change_english_follow_up(stamped_repo)
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{stamped_repo}", str(clone)], check=True)
    code, _, err = run(capsys, "--root", str(clone), "stamp", "fr", "follow-up.md")
    assert code == 1 and "the translation has not changed since it was stamped" in err  # from the stamp's translation_hash

    # An English change not committed yet: the translation is compared with its committed text.
    edit(stamped_repo / "docs/en/committee.md", "monitors the ICCPR.", "monitors how States apply the ICCPR.")
    code, _, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr", "committee.md")
    assert code == 1 and "the translation has not changed since the English page changed (changes not yet committed)" in err


def test_untouched_is_dated_from_the_first_english_change_no_skip_covers(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(stamped_repo / "docs/en/follow-up.md", "first.", "first!")
    run(capsys, "--root", str(stamped_repo), "skip", "follow-up.md")
    commit_all(stamped_repo, "Punctuation, skipped", "2026-11-10")
    change_english_follow_up(stamped_repo)  # 2026-11-15
    code, _, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr", "follow-up.md")
    assert code == 1 and "has not changed since the English page changed on 2026-11-15" in err


def test_an_old_stamp_without_translation_hash_is_checked_with_git(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = stamped_repo / "docs/fr/follow-up.md"
    text = page.read_text(encoding="utf-8")
    page.write_text("".join(line for line in text.splitlines(keepends=True) if "translation_hash" not in line), encoding="utf-8")
    commit_all(stamped_repo, "A stamp written before translation_hash", "2026-10-03")
    change_english_follow_up(stamped_repo)
    code, _, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr", "follow-up.md")
    assert code == 1 and "has not changed since the English page changed on 2026-11-15" in err


# -----------------------------------------------------------------------------
# skip
# -----------------------------------------------------------------------------


def test_skip_keeps_translations_up_to_date_after_a_typo_fix(stamped_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = stamped_repo / "docs/en/follow-up.md"
    edit(english, "Read [the mandate](committee.md#mandate) first.", "Read [the mandate](committee.md#mandate), first.")
    commit_all(stamped_repo, "Follow-up: punctuation", "2026-11-20")
    assert statuses(capsys, stamped_repo)[("fr", "follow-up.md")]["status"] == "outdated"

    code, out, err = run(capsys, "--root", str(stamped_repo), "skip", "docs/en/follow-up.md", "--reason", "punctuation")
    assert (code, err) == (0, "")
    assert out.startswith("recorded in data/translation-skips.yml: the latest change of follow-up.md needs no translation "
                          "(punctuation); it keeps up to date: fr/follow-up.md, es/follow-up.md\n")
    [record] = yaml.safe_load((stamped_repo / "data/translation-skips.yml").read_text(encoding="utf-8"))
    assert set(record) == {"page", "from", "to", "date", "reason"}
    assert (record["page"], record["reason"]) == ("follow-up.md", "punctuation")
    found = statuses(capsys, stamped_repo)
    for language in ("fr", "es"):
        assert found[(language, "follow-up.md")]["status"] == "up-to-date"
        assert found[(language, "follow-up.md")]["skipped"] == ["punctuation"]
    code, out, _ = run(capsys, "--root", str(stamped_repo), "diff", "fr", "follow-up.md")
    assert (code, out) == (0, "Since fr/follow-up.md was stamped, the English page only changed in ways recorded as "
                              "needing no translation (data/translation-skips.yml).\n")

    # A second typo fix, not committed yet, with the default reason: the records chain.
    edit(english, "Pick your priorities", "Pick your priorities")  # no change: nothing to skip yet
    edit(english, "The Committee picks", "The  Committee picks")
    code, out, _ = run(capsys, "--root", str(stamped_repo), "skip", "follow-up.md")
    assert code == 0 and "needs no translation (no translation needed: line breaks or spacing)" in out
    commit_all(stamped_repo, "Follow-up: spacing, with its skip", "2026-11-21")
    assert {e["status"] for e in statuses(capsys, stamped_repo).values()} == {"up-to-date"}
    code, _, _ = run(capsys, "--root", str(stamped_repo), "--check")
    assert code == 0

    # The record needs no git history: a shallow clone says the same.
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{stamped_repo}", str(clone)], check=True)
    assert statuses(capsys, clone)[("fr", "follow-up.md")]["status"] == "up-to-date"


def test_skip_does_not_make_an_already_outdated_translation_up_to_date(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change_english_follow_up(stamped_repo)  # substantive: both translations outdated
    edit(stamped_repo / "docs/fr/follow-up.md", "quelques recommandations", "deux à quatre recommandations")
    run(capsys, "--root", str(stamped_repo), "stamp", "fr", "follow-up.md")
    commit_all(stamped_repo, "French updated", "2026-11-16")
    edit(stamped_repo / "docs/en/follow-up.md", "first.", "first!")
    code, out, _ = run(capsys, "--root", str(stamped_repo), "skip", "follow-up.md")
    assert code == 0 and "it keeps up to date: fr/follow-up.md\n" in out
    found = statuses(capsys, stamped_repo)
    assert found[("fr", "follow-up.md")]["status"] == "up-to-date"
    assert found[("es", "follow-up.md")]["status"] == "outdated"


def test_skip_is_refused_for_a_substantive_change_naming_it_at_its_line(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = stamped_repo / "docs/en/follow-up.md"
    edit(english, "Read [the mandate](committee.md#mandate) first.", "Read [the mandate](committee.md#membership) first.")
    code, out, err = run(capsys, "--root", str(stamped_repo), "skip", "follow-up.md")
    assert (code, out) == (1, "")
    assert err == (
        "not skipped: the latest change of docs/en/follow-up.md needs translating:\n"
        f"    docs/en/follow-up.md:{line_number(english, 'membership')}: the target page or anchor of a link changed: "
        "'committee.md#mandate' -> 'committee.md#membership': the translations need this change, so it cannot be skipped; "
        "commit it, and the translators will update their pages\n"
    )
    assert not (stamped_repo / "data/translation-skips.yml").exists()


def test_skip_explains_when_there_is_no_change_or_no_history(stamped_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(stamped_repo), "skip", "follow-up.md")
    assert code == 1 and "has not changed since it was first committed" in err
    edit(stamped_repo / "docs/en/follow-up.md", "first.", "first!")
    commit_all(stamped_repo, "Punctuation", "2026-11-20")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{stamped_repo}", str(clone)], check=True)
    code, _, err = run(capsys, "--root", str(clone), "skip", "follow-up.md")
    assert code == 1 and "this is a shallow clone" in err and "git fetch --unshallow" in err


def test_a_malformed_skips_file_is_named_at_its_line(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (stamped_repo / "data/translation-skips.yml").write_text("- page: follow-up.md\n  from: sha256:abc\n  to: x\n", encoding="utf-8")
    code, _, err = run(capsys, "--root", str(stamped_repo))
    assert code == 2
    assert "data/translation-skips.yml:2: `from` must look like 'sha256:' and 64 hexadecimal digits" in err


# -----------------------------------------------------------------------------
# --fail-on
# -----------------------------------------------------------------------------


def test_fail_on_broken_passes_with_outdated_and_missing_pages_and_fails_with_a_broken_one(
    stamped_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change_english_follow_up(stamped_repo)
    (stamped_repo / "docs/es/index.md").unlink()
    code, out, _ = run(capsys, "--root", str(stamped_repo), "--check", "--fail-on", "broken")
    assert code == 0
    assert "fr  follow-up.md  outdated\n" in out and "es  index.md      missing\n" in out  # still listed
    assert run(capsys, "--root", str(stamped_repo), "--check")[0] == 1  # the default: anything not up to date
    assert run(capsys, "--root", str(stamped_repo), "--check", "--fail-on", "missing")[0] == 1
    assert run(capsys, "--root", str(stamped_repo), "--check", "--fail-on", "broken", "--fail-on", "outdated")[0] == 1

    edit(stamped_repo / "docs/fr/committee.md", "## Son mandat {#mandate}", "## Son mandat {#mandat}")
    code, out, _ = run(capsys, "--root", str(stamped_repo), "--check", "--fail-on", "broken")
    assert code == 1
    assert "fr  committee.md  broken\n    docs/fr/committee.md:" in out
    assert out.endswith("failing (--fail-on broken): 1 broken\n")


def test_the_makefile_fails_only_on_broken_translations() -> None:
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    test_target = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "advocacy-guide translations --check --fail-on broken" in test_target


# -----------------------------------------------------------------------------
# diff: the French section next to each English change
# -----------------------------------------------------------------------------


def test_diff_shows_each_changed_added_and_removed_section_with_the_french_lines(
    stamped_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = stamped_repo / "docs/en/follow-up.md"
    french = stamped_repo / "docs/fr/follow-up.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(
        text.split("The Committee picks")[0]
        + "The Committee picks two to four priority recommendations.\n\n## Assess progress {#assess}\n\nCompare.\n",
        encoding="utf-8",
    )  # the first section changed, {#assess} new, {#plan} (and its checklist) removed
    commit_all(stamped_repo, "Follow-up: new section, plan removed", "2026-11-15")

    code, out, err = run(capsys, "--root", str(stamped_repo), "diff", "fr", "follow-up.md")
    assert code == 0, err
    sections = out.split("\n=== ")
    assert sections[0].startswith("--- docs/en/follow-up.md (translated version, 2026-10-01, commit ")

    changed = next(s for s in sections if s.startswith("section {#follow-up}: changed in English"))
    assert "-The Committee picks a few priority recommendations.\n+The Committee picks two to four priority recommendations.\n" in changed
    start, end = line_number(french, "# Le suivi"), line_number(french, "Le Comité choisit")
    assert f"French now, docs/fr/follow-up.md:{start}-{end} (make the same change in these lines):\n" in changed
    assert f"{end:>6} | Le Comité choisit quelques recommandations prioritaires.\n" in changed
    assert f"@@ -{line_number(english, '# Follow-up')}," in changed  # English line numbers

    added = next(s for s in sections if s.startswith("section {#assess}: new in English"))
    assert f"@@ -0,0 +{line_number(english, '## Assess progress')},3 @@\n+## Assess progress {{#assess}}\n+\n+Compare.\n" in added
    plan = line_number(french, "## Planifier le suivi")
    assert (f"French: docs/fr/follow-up.md has no section {{#assess}} yet: translate it and put it in docs/fr/follow-up.md "
            f"after line {end} (the end of section {{#follow-up}})\n") in added

    removed = next(s for s in sections if s.startswith("section {#plan}: removed from English"))
    assert "-## Plan your follow-up {#plan}\n" in removed
    plan_end = len(french.read_text(encoding="utf-8").splitlines())  # the checklist's closing line, the last of the page
    assert f"French now, docs/fr/follow-up.md:{plan}-{plan_end} (remove these lines):\n" in removed
    assert f"{plan:>6} | ## Planifier le suivi {{#plan}}\n" in removed
    assert out.endswith("Once the translation has the same changes: .venv/bin/advocacy-guide translations stamp fr follow-up.md\n")
    # The sections come in the page's order, a removed one where it was: right after {#follow-up}.
    assert [s.split(":")[0] for s in sections[1:]] == ["section {#follow-up}", "section {#plan}", "section {#assess}"]

    code, out, _ = run(capsys, "--root", str(stamped_repo), "diff", "fr", "follow-up.md", "--format", "json")
    report = json.loads(out)
    assert report["translation_file"] == "docs/fr/follow-up.md" and report["translated_version"]["date"] == "2026-10-01"
    by_id = {s["section"]: s for s in report["sections"]}
    assert [s["change"] for s in report["sections"]] == ["changed", "removed", "added"]
    assert by_id["follow-up"]["translation"]["start"] == start
    assert {"line": end, "text": "Le Comité choisit quelques recommandations prioritaires."} in by_id["follow-up"]["translation"]["lines"]
    assert by_id["assess"]["translation"] is None and by_id["assess"]["insert_after_line"] == end
    assert by_id["assess"]["insert_before_line"] is None
    assert by_id["plan"]["translation"]["start"] == plan
    assert "+The Committee picks two to four priority recommendations." in by_id["follow-up"]["english"]["diff"]


def test_a_new_section_between_two_is_placed_before_the_next_one(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(stamped_repo / "docs/en/follow-up.md", "## Plan your follow-up {#plan}", "## Why follow up {#why}\n\nBecause.\n\n## Plan your follow-up {#plan}")
    commit_all(stamped_repo, "Follow-up: why", "2026-11-15")
    french = stamped_repo / "docs/es/follow-up.md"
    code, out, _ = run(capsys, "--root", str(stamped_repo), "diff", "es", "docs/es/follow-up.md")
    assert code == 0
    assert "=== section {#follow-up}" not in out  # unchanged sections are not shown
    assert (f"Spanish: docs/es/follow-up.md has no section {{#why}} yet: translate it and put it in docs/es/follow-up.md after "
            f"line {line_number(french, 'El Comité elige')} (the end of section {{#follow-up}}), before line "
            f"{line_number(french, '## Planificar')} (## Planificar el seguimiento {{#plan}})\n") in out


def test_diff_of_the_description_shows_the_front_matter(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(stamped_repo / "docs/en/committee.md", "description: The Committee.", "description: Who the Committee is.")
    commit_all(stamped_repo, "Committee: description", "2026-11-15")
    code, out, _ = run(capsys, "--root", str(stamped_repo), "diff", "es", "committee.md")
    assert code == 0
    assert "=== section (front matter): changed in English ===\n" in out
    assert "     2 | description: El Comité.\n" in out


# -----------------------------------------------------------------------------
# paths as translators type them
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given",
    ["follow-up.md", "fr/follow-up.md", "docs/fr/follow-up.md", "docs/en/follow-up.md", "./docs/fr/follow-up.md", "follow-up", "en/follow-up.md"],
)
def test_every_way_of_naming_a_page_names_the_same_page(stamped_repo: Path, capsys: pytest.CaptureFixture[str], given: str) -> None:
    change_english_follow_up(stamped_repo)
    code, out, err = run(capsys, "--root", str(stamped_repo), "diff", "fr", given)
    assert code == 0, err
    assert "+The Committee picks two to four priority recommendations.\n" in out
    edit(stamped_repo / "docs/fr/follow-up.md", "quelques recommandations", "deux à quatre recommandations")
    code, out, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr", given)
    assert (code, out, err) == (0, "stamped: fr/follow-up.md is up-to-date\n", "")


def test_an_absolute_path_names_the_page(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change_english_follow_up(stamped_repo)
    code, out, err = run(capsys, "--root", str(stamped_repo), "diff", "es", str(stamped_repo / "docs/es/follow-up.md"))
    assert code == 0, err


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("folow-up.md", "error: no page folow-up.md in docs/en/: did you mean follow-up.md?\n"),
        ("fr/folow-up.md", "error: no page folow-up.md in docs/en/: did you mean follow-up.md?\n"),
        ("docs/fr/comittee.md", "error: no page comittee.md in docs/en/: did you mean committee.md?\n"),
        ("nothing-like-it.md", "error: no page nothing-like-it.md in docs/en/: the English pages are the files in docs/en/\n"),
        ("docs/es/follow-up.md", "error: docs/es/follow-up.md is a page of docs/es/, not docs/fr/: name the page alone (follow-up.md), or use the language es\n"),
    ],
)
def test_a_wrong_path_gets_the_close_matches(stamped_repo: Path, capsys: pytest.CaptureFixture[str], given: str, message: str) -> None:
    for action in ("diff", "stamp"):
        code, out, err = run(capsys, "--root", str(stamped_repo), action, "fr", given)
        assert (code, out, err) == (1, "", message)


def test_stamping_a_translation_that_does_not_exist_says_how_to_start(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (stamped_repo / "docs/es/index.md").unlink()
    code, _, err = run(capsys, "--root", str(stamped_repo), "stamp", "es", "index.md")
    assert code == 1
    assert err == "error: docs/es/index.md does not exist: to translate the page, copy it first (cp docs/en/index.md docs/es/index.md)\n"


# -----------------------------------------------------------------------------
# hints that work in a fresh shell; dates of changes not committed yet
# -----------------------------------------------------------------------------


def test_hints_print_a_command_that_works_without_activating_the_environment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_translation_repo(tmp_path)
    entry = statuses(capsys, repo)[("fr", "follow-up.md")]
    assert "run `.venv/bin/advocacy-guide translations stamp fr follow-up.md`" in entry["problems"][0]["message"]


def test_an_english_change_not_yet_committed_says_so_instead_of_a_date(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(stamped_repo / "docs/en/index.md", "Start with", "Begin with")
    entry = statuses(capsys, stamped_repo)[("fr", "index.md")]
    assert entry["status"] == "outdated"
    assert (entry["english_changed"], entry["english_uncommitted"]) == (None, True)
    assert entry["problems"][0]["message"].startswith(
        "the English page has changes not yet committed (translated from the English of 2026-10-01): see what changed"
    )
    # Stamped against it, the stamp records no day rather than a guess, and says why.
    edit(stamped_repo / "docs/fr/index.md", "Commencez par", "Débutez par")
    code, out, _ = run(capsys, "--root", str(stamped_repo), "stamp", "fr", "index.md")
    assert code == 0
    assert out == ("stamped: fr/index.md is up-to-date\n    note: the English page has changes not yet committed, so the stamp "
                   "records no source_date; commit the English change with the translation\n")
    assert "source_date" not in (stamped_repo / "docs/fr/index.md").read_text(encoding="utf-8")
    assert statuses(capsys, stamped_repo)[("fr", "index.md")]["translated_from"] is None


# -----------------------------------------------------------------------------
# sentence figures in the report
# -----------------------------------------------------------------------------


def test_sentence_figures_are_reported_per_page_without_breaking_it(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = stamped_repo / "docs/fr/committee.md"
    edit(page, "Le Comité surveille le PIDCP.",
         "Le Comité, qui se réunit trois fois par an à Genève pendant plusieurs semaines, surveille la manière dont les "
         "États qui ont ratifié le PIDCP appliquent chacun des droits civils et politiques qu'il garantit à toute personne.")
    run(capsys, "--root", str(stamped_repo), "stamp", "fr", "committee.md")
    entry = statuses(capsys, stamped_repo)[("fr", "committee.md")]
    assert entry["status"] == "up-to-date"
    figures = entry["sentences"]
    assert figures["within_limits"] is False
    assert figures["english"]["sentences"] == 1 and figures["translation"]["long"] == 1
    assert any("sentences of 30 words or more against 0 in English" in p for p in figures["problems"])
    assert statuses(capsys, stamped_repo)[("fr", "index.md")]["sentences"]["within_limits"] is True  # always in JSON

    code, out, _ = run(capsys, "--root", str(stamped_repo), "--language", "fr")
    assert code == 0
    lines = out.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("fr  committee.md")))
    assert lines[at].endswith("up-to-date")
    paragraph = line_number(page, "Le Comité, qui se réunit")
    assert lines[at + 1].startswith(f"    docs/fr/committee.md:{paragraph}: sentence length, not an error: sentences average ")
    assert lines[at + 1].endswith(f"split them where the English does (the longest, 37 words, is in the paragraph at line {paragraph})")
    assert entry["sentences"]["longest"] == {"line": paragraph, "words": 37}
    assert not any("sentence length" in line for line in lines if "index.md" in line)
    assert sum("sentence length" in line for line in lines) == 1
    assert run(capsys, "--root", str(stamped_repo), "--check")[0] == 0


def test_the_console_script_shows_the_hints_it_prints(stamped_repo: Path) -> None:
    """The bare command from the README's setup is `.venv/bin/advocacy-guide`: it runs from the project's root."""
    change_english_follow_up(stamped_repo)
    venv_bin = Path(__file__).resolve().parents[2] / ".venv" / "bin"
    (stamped_repo / ".venv").mkdir()
    (stamped_repo / ".venv" / "bin").symlink_to(venv_bin, target_is_directory=True)
    completed = subprocess.run(".venv/bin/advocacy-guide translations diff fr follow-up.md", shell=True, cwd=stamped_repo,
                               capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert completed.returncode == 0, completed.stderr
    assert "=== section {#follow-up}: changed in English ===" in completed.stdout
