"""YAML parsed with libyaml when PyYAML has it, with PyYAML's own error messages.

The data files and front matter are read several times per build; libyaml parses them about ten
times faster than the pure-Python parser. Its error messages are worded differently, though, and
translators are told exactly what PyYAML says: a document libyaml refuses is parsed again by the
pure-Python parser, which raises the usual error (and, were the two parsers ever to disagree, the
pure-Python result is the one used).
"""

from __future__ import annotations

from typing import Any

import yaml

_FAST_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML document, each node with its line (`start_mark.line`)."""
    try:
        return yaml.compose(text, Loader=_FAST_SAFE_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, faster."""
    try:
        return yaml.load(text, Loader=_FAST_SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)
