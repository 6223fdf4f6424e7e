"""YAML read with the line of every value, so that data-file errors can name the line to fix.

Every scalar stays the text the author wrote: YAML 1.1 would read `4:30` as the number 270 and
`no` as false, which is never what a translator meant in a data file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from advocacy_guide import yaml_parsing
from advocacy_guide.errors import LocatedError


class LocatedYamlError(LocatedError):
    """A YAML file that cannot be read, or a value in it that is not allowed."""


class YamlMap(dict):
    """A mapping that knows its own line and the line of each of its keys."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list):
    """A sequence that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]


def load_located_yaml(text: str, path: Path | str) -> object:
    """Parse `text` into YamlMap / YamlList / str (None for an empty document)."""
    try:
        node = yaml_parsing.compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or str(error)
        raise LocatedYamlError(path, line, f"not valid YAML ({problem}); check the indentation and quote text that contains ': '") from error
    except yaml.YAMLError as error:
        raise LocatedYamlError(path, 1, f"not valid YAML: {error}") from error
    return None if node is None else _convert(node, path)


def _convert(node: yaml.Node, path: Path | str) -> object:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping = YamlMap()
        mapping.line = line
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise LocatedYamlError(path, key_line, "a key must be plain text")
            key = key_node.value
            if key in mapping:
                raise LocatedYamlError(
                    path, key_line, f"'{key}' appears twice here (first on line {mapping.key_lines[key]}): keep one"
                )
            mapping[key] = _convert(value_node, path)
            mapping.key_lines[key] = key_line
        return mapping
    if isinstance(node, yaml.SequenceNode):
        sequence = YamlList(_convert(item, path) for item in node.value)
        sequence.line = line
        sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
        return sequence
    return str(node.value)
