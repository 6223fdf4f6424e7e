"""Compiled Jinja templates shared by every environment of a build, and kept between builds.

MkDocs gives each build a new Jinja environment, and mkdocs-static-i18n builds each language in
turn, so Material's templates were parsed and compiled to Python three times (and once more for
every snippet renderer the hooks create). Compiling the fifty templates a build uses takes about
half a second. Jinja's bytecode cache lets environments reuse one compilation: a template is
found by its name and file, and used only while its source is unchanged (Jinja compares a
checksum of the source, and the bytecode carries Jinja's and Python's versions), so an edited
template is compiled again under `mkdocs serve`.

The compiled templates are also written to `.cache/templates/` next to mkdocs.yml (like Python's
`__pycache__`), so the next build, or the next `mkdocs serve`, compiles nothing that did not
change. A folder that cannot be written only costs that speed.

Each language build also lists the theme's files to copy its static files. Material has some
14,500, of which 14,000 are icons in its hidden `.icons/` folder, which MkDocs never copies (its
filter drops every path with a part that starts with a dot). The listing skips hidden folders and
is made once per theme object, that is once per build (`mkdocs serve` loads the configuration, and
so the theme, again for each rebuild).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader
from jinja2.bccache import Bucket
from mkdocs.theme import Theme


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process, and in a folder on disk
    between processes once `keep_in` names one."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}
        self._disk: FileSystemBytecodeCache | None = None

    def keep_in(self, folder: Path | None) -> None:
        """Also read and write compiled templates in `folder` (None: memory only)."""
        self._disk = None
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # a read-only checkout: compile in memory only
        self._disk = FileSystemBytecodeCache(str(folder))

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # discarded by Jinja if the source changed
        if bucket.code is None and self._disk is not None:
            self._disk.load_bytecode(bucket)  # discarded likewise, and if Jinja or Python changed
            if bucket.code is not None:
                self._compiled[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            try:
                self._disk.dump_bytecode(bucket)  # written to a temporary file, then renamed
            except OSError:
                pass  # full or read-only disk: the build goes on without it

    def clear(self) -> None:
        self._compiled.clear()


SHARED_CACHE = MemoryBytecodeCache()


def share_compiled_templates(env: Environment) -> Environment:
    """`env`, reusing the templates other environments of this process already compiled."""
    env.bytecode_cache = SHARED_CACHE
    return env


class _ListedOnceLoader(FileSystemLoader):
    """A theme's loader whose file listing is made once and shared by the theme's environments.

    Its listing leaves out hidden folders (`.icons/`): MkDocs, the only caller, would filter them
    out name by name. Templates in them still load by name (`{% include ".icons/..." %}`).
    """

    def __init__(self, searchpath: list[str], listing: list[str]) -> None:
        super().__init__(searchpath)
        self._listing = listing

    def list_templates(self) -> list[str]:
        if not self._listing:
            self._listing.extend(self._visible_files())
        return list(self._listing)

    def _visible_files(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, filenames in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath).replace(os.path.sep, "/")
                prefix = "" if relative == "." else relative + "/"
                found.update(prefix + name for name in filenames)
        return sorted(found)


def share_theme_environments(theme: Theme) -> None:
    """Every environment `theme.get_env()` makes from now on shares compiled templates and the
    listing of the theme's files. Idempotent (the i18n plugin runs `on_config` per language)."""
    if getattr(theme, "_guide_shares_environments", False):
        return
    make_environment: Callable[[], Environment] = theme.get_env
    listing: list[str] = []

    def get_env() -> Environment:
        env = make_environment()
        assert isinstance(env.loader, FileSystemLoader)  # MkDocs' own loader, over theme.dirs
        env.loader = _ListedOnceLoader(list(env.loader.searchpath), listing)
        return share_compiled_templates(env)

    theme.get_env = get_env  # type: ignore[method-assign]
    theme._guide_shares_environments = True  # type: ignore[attr-defined]
