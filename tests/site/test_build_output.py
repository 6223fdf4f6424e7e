"""A clean build of the real site prints nothing that looks like a problem to a translator."""

from __future__ import annotations

import re

# What a translator reads as "something is wrong" in a line of the build's output.
LOOKS_LIKE_A_PROBLEM = re.compile(r"\b(?:WARNING|ERROR|should|missing|not found|deprecated|invalid|failed|contains)\b", re.I)


def test_a_clean_build_prints_no_warning_looking_line(built_site) -> None:  # type: ignore[no-untyped-def]
    lines = [line for line in built_site.build.output.splitlines() if line.strip()]
    assert lines, "the build printed nothing at all: its output was not captured"
    assert [line for line in lines if LOOKS_LIKE_A_PROBLEM.search(line)] == []


def test_the_filter_keeps_notes_about_a_hand_written_alternate_link() -> None:
    import logging

    from tests.support.build import REPO
    import importlib.util

    spec = importlib.util.spec_from_file_location("i18n_site_hook", REPO / "hooks" / "i18n_site.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    note = module.AlternateLinkNoteFilter.NOTE + " '/' and end with a trailing '/' in {}"

    def kept(link: str) -> bool:
        record = logging.LogRecord("x", logging.INFO, "", 0, note.format("{'name': 'Français', 'link': '" + link + "', 'lang': 'fr'}"), None, None)
        return module.AlternateLinkNoteFilter().filter(record)

    assert not kept("/fr/index.html")  # the plugin's own link (use_directory_urls: false)
    assert not kept("/guide/fr/index.html")  # the same under a site path
    assert kept("fr")  # written by hand: still reported
