"""Reading YAML with PyYAML's safe loader while keeping the line of every key.

Editors are told the line of a mistake, so mappings are loaded as `Located`
dictionaries that remember where they and each of their keys stood.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem


class Located(dict):
    """A YAML mapping that knows the line it starts on and the line of each key."""

    line: int
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML has it (the wheels do): the pure-Python one is ten times slower.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# Dates stay text: the site parses them itself, so "2018-13-01" gets a message naming
# the field instead of a bare error from deep inside PyYAML, and "2018-06" and
# "2018-06-15" arrive in the same form.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {mapping.key_lines[key]})", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_text(text: str, file: Path, first_line: int = 1) -> Any:
    """Parse YAML text; a syntax error becomes a `DataError` naming file and line.

    `first_line` is the file line the text starts on (front matter starts on line 2).
    """
    # Blank lines in front make every mark, and so every reported line, the file's own.
    loader = _LineLoader("\n" * (first_line - 1) + text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        message = f"this is not valid YAML ({error.problem or error.context})"
        raise DataError([Problem(file, line, None, message)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(file, None, None, f"this is not valid YAML ({error})")]) from None
    finally:
        loader.dispose()


def load_file(path: Path, shown_as: Path | None = None) -> Any:
    """Parse a YAML file; `shown_as` is the path printed in messages (relative to the project)."""
    return load_text(path.read_text(encoding="utf-8"), shown_as or path)
