"""Compiled Jinja templates shared by every environment of one build process.

MkDocs gives each build a new Jinja environment, and mkdocs-static-i18n builds each language in
turn, so Material's templates were parsed and compiled to Python three times (and once more for
every snippet renderer the hooks create). Compiling them is about a fifth of the build. Jinja's
bytecode cache lets environments reuse one compilation: a template is found by its name and file,
and used only while its source is unchanged (Jinja compares a checksum of the source), so an
edited template is compiled again under `mkdocs serve`.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # discarded by Jinja if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._compiled.clear()


SHARED_CACHE = MemoryBytecodeCache()


def share_compiled_templates(env: Environment) -> Environment:
    """`env`, reusing the templates other environments of this process already compiled."""
    env.bytecode_cache = SHARED_CACHE
    return env
