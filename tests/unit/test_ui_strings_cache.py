"""data/ui-strings.yml is parsed once per version of the file (the build reads it 13 times)."""

from __future__ import annotations

import os
from pathlib import Path

from advocacy_guide.ui_strings import load_ui_strings


def test_a_changed_file_is_read_again_and_callers_get_their_own_copy(tmp_path: Path) -> None:
    path = tmp_path / "ui-strings.yml"
    path.write_text("k:\n  en: One\n  fr: Un\n  es: Uno\n", encoding="utf-8")
    first = load_ui_strings(path)
    first["k"]["en"] = "changed by a caller"
    assert load_ui_strings(path)["k"]["en"] == "One"
    path.write_text("k:\n  en: Two\n  fr: Deux\n  es: Dos\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_ui_strings(path)["k"]["en"] == "Two"
