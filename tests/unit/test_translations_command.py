"""`advocacy-guide translations` on small guide repositories with git history (no site build)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.translation_repo import commit_all, edit, git, line_number, make_translation_repo, run, statuses

CLI = Path(sys.executable).with_name("advocacy-guide")



@pytest.fixture
def stamped_repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Every translation stamped from the English of 2026-10-01, committed."""
    repo = make_translation_repo(tmp_path)
    for language in ("fr", "es"):
        code, out, err = run(capsys, "--root", str(repo), "stamp", language, "--all")
        assert code == 0, err
        assert out.count("is up-to-date") == 3, out
    commit_all(repo, "Stamp the translations", "2026-10-02")
    return repo


def test_new_translations_are_outdated_until_stamped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_translation_repo(tmp_path)
    found = statuses(capsys, repo)
    assert set(found) == {(lang, page) for lang in ("fr", "es") for page in ("committee.md", "follow-up.md", "index.md")}
    entry = found[("fr", "follow-up.md")]
    assert entry["status"] == "outdated"
    assert entry["problems"][0]["message"].startswith("this translation has no stamp")
    assert "advocacy-guide translations stamp fr follow-up.md" in entry["problems"][0]["message"]


def test_stamped_translations_are_up_to_date_and_check_passes(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = statuses(capsys, stamped_repo)
    assert {entry["status"] for entry in found.values()} == {"up-to-date"}
    assert found[("fr", "follow-up.md")]["translated_from"] == "2026-10-01"
    text = (stamped_repo / "docs/fr/follow-up.md").read_text(encoding="utf-8")
    assert text.startswith("---\ndescription: Le suivi.\ntranslation:\n  source_hash: sha256:")
    assert "  source_date: 2026-10-01\n---\n" in text
    code, out, _ = run(capsys, "--root", str(stamped_repo), "--check")
    assert code == 0
    assert "fr: 3 up-to-date" in out and "es: 3 up-to-date" in out


def test_a_changed_english_page_makes_its_translations_outdated(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(stamped_repo / "docs/en/follow-up.md", "a few priority recommendations.", "two to four priority recommendations.")
    commit_all(stamped_repo, "Follow-up: how many recommendations", "2026-11-15")
    found = statuses(capsys, stamped_repo)
    for language in ("fr", "es"):
        entry = found[(language, "follow-up.md")]
        assert entry["status"] == "outdated"
        assert entry["english_changed"] == "2026-11-15"
        [problem] = entry["problems"]
        assert problem["file"] == f"docs/{language}/follow-up.md"
        assert problem["line"] == line_number(stamped_repo / f"docs/{language}/follow-up.md", "translation:")
        assert problem["message"].startswith("the English page changed on 2026-11-15 (translated from the English of 2026-10-01)")
        assert found[(language, "committee.md")]["status"] == "up-to-date"
    code, out, _ = run(capsys, "--root", str(stamped_repo), "--check")
    assert code == 1
    assert "fr  follow-up.md  outdated\n    docs/fr/follow-up.md:3: the English page changed on 2026-11-15" in out

    # diff shows what changed in English since the translation was made
    code, out, err = run(capsys, "--root", str(stamped_repo), "diff", "fr", "follow-up.md")
    assert code == 0, err
    assert "--- docs/en/follow-up.md (translated version, 2026-10-01, commit " in out
    assert "+++ docs/en/follow-up.md (now)" in out
    assert "-The Committee picks a few priority recommendations.\n" in out
    assert "+The Committee picks two to four priority recommendations.\n" in out

    # stamp records that the French translation is up to date again; Spanish stays outdated
    edit(stamped_repo / "docs/fr/follow-up.md", "quelques recommandations", "deux à quatre recommandations")
    code, out, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr", "follow-up.md")
    assert (code, out, err) == (0, "stamped: fr/follow-up.md is up-to-date\n", "")
    found = statuses(capsys, stamped_repo)
    assert found[("fr", "follow-up.md")]["status"] == "up-to-date"
    assert found[("fr", "follow-up.md")]["translated_from"] == "2026-11-15"
    assert found[("es", "follow-up.md")]["status"] == "outdated"
    code, out, _ = run(capsys, "--root", str(stamped_repo), "diff", "fr", "follow-up.md")
    assert (code, out) == (0, "The English page has not changed since fr/follow-up.md was stamped.\n")


def test_a_removed_translation_is_missing(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (stamped_repo / "docs/es/committee.md").unlink()
    found = statuses(capsys, stamped_repo)
    assert found[("es", "committee.md")]["status"] == "missing"
    assert found[("es", "committee.md")]["problems"] == []
    assert found[("fr", "committee.md")]["status"] == "up-to-date"


def test_a_renamed_anchor_is_broken_at_its_line(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = stamped_repo / "docs/fr/committee.md"
    edit(page, "## Son mandat {#mandate}", "## Son mandat {#mandat}")
    entry = statuses(capsys, stamped_repo)[("fr", "committee.md")]
    assert entry["status"] == "broken"
    [problem] = entry["problems"]
    assert (problem["file"], problem["line"], problem["part"]) == ("docs/fr/committee.md", line_number(page, "{#mandat}"), "heading")
    assert problem["message"].startswith("heading id {#mandat} differs from the English {#mandate} (docs/en/committee.md:7)")


def test_a_changed_checklist_id_is_broken_at_its_line(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = stamped_repo / "docs/es/follow-up.md"
    edit(page, "{#priorities}", "{#prioridades}")
    entry = statuses(capsys, stamped_repo)[("es", "follow-up.md")]
    assert entry["status"] == "broken"
    [problem] = entry["problems"]
    assert (problem["line"], problem["part"]) == (line_number(page, "{#prioridades}"), "step")
    assert "checklist step {#prioridades} (checklist 'after-review') differs from the English {#priorities}" in problem["message"]


def test_a_wrong_term_is_broken_at_its_line_with_the_official_term(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = stamped_repo / "docs/fr/follow-up.md"
    edit(page, "Le Comité choisit quelques", "Dans la liste des\nquestions, le Comité choisit quelques")
    commit_all(stamped_repo, "A wrong term", "2026-10-03")
    code, out, _ = run(capsys, "--root", str(stamped_repo), "--check", "--language", "fr")
    assert code == 1
    expected = (
        f"    docs/fr/follow-up.md:{line_number(page, 'liste des')}: \"liste des questions\" is not the official UN term: "
        "write \"liste de points\" (see 'list-of-issues' in data/glossary.yml)\n"
    )
    assert "fr  follow-up.md  broken\n" + expected in out
    assert "es  " not in out  # --language narrows the report


def test_stamp_refuses_a_translation_that_differs_from_english(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = stamped_repo / "docs/fr/follow-up.md"
    edit(stamped_repo / "docs/en/follow-up.md", "## Plan your follow-up {#plan}", "## Plan your follow-up {#plan}\n\n## Assess {#assess}")
    before = page.read_text(encoding="utf-8")
    code, out, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr", "follow-up.md")
    assert code == 1
    assert out == ""
    assert err.startswith("not stamped: fr/follow-up.md still differs from the English page:\n")
    assert "the English heading id {#assess} (docs/en/follow-up.md:11) is missing here" in err
    assert page.read_text(encoding="utf-8") == before


def test_outdated_detection_survives_a_shallow_clone_and_a_rewritten_history(
    stamped_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(stamped_repo / "docs/en/committee.md", "monitors the ICCPR.", "monitors how States apply the ICCPR.")
    commit_all(stamped_repo, "Committee: wording", "2026-11-20")
    expected = {key: entry["status"] for key, entry in statuses(capsys, stamped_repo).items()}
    assert expected[("fr", "committee.md")] == "outdated"

    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{stamped_repo}", str(clone)], check=True)
    assert {key: entry["status"] for key, entry in statuses(capsys, clone).items()} == expected
    code, out, err = run(capsys, "--root", str(clone), "diff", "fr", "committee.md")
    assert code == 1 and out == ""
    assert "this is a shallow clone" in err and "git fetch --unshallow" in err

    # Squash the whole history into one new commit, as a rebase could: nothing changes.
    git(stamped_repo, "checkout", "-q", "--orphan", "rewritten", day="2026-12-01")
    commit_all(stamped_repo, "Everything, squashed", "2026-12-01")
    git(stamped_repo, "branch", "-q", "-D", "main", day="2026-12-01")
    assert {key: entry["status"] for key, entry in statuses(capsys, stamped_repo).items()} == expected
    code, _, err = run(capsys, "--root", str(stamped_repo), "diff", "fr", "committee.md")
    assert code == 1
    assert "no commit has the English text the translation was stamped from" in err


def test_diff_outside_git_and_without_stamp_explains_why(stamped_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "no-git"
    shutil.copytree(stamped_repo, copy, ignore=shutil.ignore_patterns(".git"))
    edit(copy / "docs/en/index.md", "Start with", "Begin with")
    assert statuses(capsys, copy)[("fr", "index.md")]["status"] == "outdated"
    code, _, err = run(capsys, "--root", str(copy), "diff", "fr", "index.md")
    assert code == 1
    assert "is not a git repository" in err

    (copy / "docs/es/index.md").write_text("# Bienvenida {#welcome}\n", encoding="utf-8")
    code, _, err = run(capsys, "--root", str(copy), "diff", "es", "index.md")
    assert code == 1
    assert "docs/es/index.md has no stamp" in err


def test_a_translation_without_english_page_and_bad_input(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (stamped_repo / "docs/fr/old-page.md").write_text("# Ancienne page {#old}\n", encoding="utf-8")
    entry = statuses(capsys, stamped_repo)[("fr", "old-page.md")]
    assert entry["status"] == "broken"
    assert entry["problems"][0]["message"].startswith("there is no English page docs/en/old-page.md")
    code, _, err = run(capsys, "--root", str(stamped_repo), "--language", "de")
    assert code == 2 and "unknown language 'de'" in err
    code, _, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr")
    assert code == 2 and "name the pages to stamp" in err
    code, _, err = run(capsys, "--root", str(stamped_repo), "stamp", "fr", "nothing.md")
    assert code == 1 and "no page nothing.md in docs/en/" in err


def test_english_pages_are_listed_when_asked_for_or_when_a_term_is_wrong(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = statuses(capsys, stamped_repo, "--language", "en")
    assert {key: entry["status"] for key, entry in english.items()} == {
        ("en", "committee.md"): "up-to-date", ("en", "follow-up.md"): "up-to-date", ("en", "index.md"): "up-to-date"
    }


def test_the_console_script_runs_in_the_project_folder(stamped_repo: Path) -> None:
    completed = subprocess.run([str(CLI), "translations", "--check"], cwd=stamped_repo / "docs" / "fr", capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert "fr: 3 up-to-date" in completed.stdout
    edit(stamped_repo / "docs/en/index.md", "Start with", "Begin with")
    completed = subprocess.run([str(CLI), "translations", "--check", "--format", "json"], cwd=stamped_repo, capture_output=True, text=True)
    assert completed.returncode == 1
    report = json.loads(completed.stdout)
    assert {"language", "page", "status", "problems"} <= set(report[0])
    assert [(e["language"], e["page"]) for e in report if e["status"] == "outdated"] == [("fr", "index.md"), ("es", "index.md")]


def test_check_lists_only_the_pages_that_need_work(stamped_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(stamped_repo), "--check")
    assert (code, out) == (0, "fr: 3 up-to-date\nes: 3 up-to-date\n")
    (stamped_repo / "docs/es/index.md").unlink()
    code, out, _ = run(capsys, "--root", str(stamped_repo), "--check")
    assert (code, out) == (1, "es  index.md      missing\nfr: 3 up-to-date\nes: 2 up-to-date, 1 missing\n")
