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
                None,
                None,
                f"duplicate key {key!r} (first on line {mapping.key_lines[key]}): a field is written once; "
                "delete one of the two lines, keeping the right value",
                key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class DateText(str):
    """A date written without quotation marks in front matter (title: 2020-01-01): text to the site,
    but a date to the site engine, which reads the front matter again by the YAML standard. A field
    whose value the engine uses as text refuses it (`Text(only_text=True)`)."""


class _FrontMatterLoader(_LineLoader):
    pass


_FrontMatterLoader.yaml_implicit_resolvers = yaml.SafeLoader.yaml_implicit_resolvers
_FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: DateText(loader.construct_scalar(node))
)


def load_text(text: str, file: Path, first_line: int = 1, front_matter: bool = False) -> Any:
    """Parse YAML text; a syntax error becomes a `DataError` naming file, line and likely cause.

    `first_line` is the file line the text starts on (front matter starts on line 2). In
    `front_matter`, a date written without quotation marks comes as a `DateText`.
    """
    # Blank lines in front make every mark, and so every reported line, the file's own.
    loader = (_FrontMatterLoader if front_matter else _LineLoader)("\n" * (first_line - 1) + text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise DataError([_diagnose(text, first_line, line, error, file)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(file, None, None, f"this is not valid YAML ({error})")]) from None
    except (TypeError, ValueError) as error:  # a list as a key, '0b_' as a number: PyYAML's constructors give up
        raise DataError([Problem(file, None, None, f"this is not YAML the site can read ({error})")]) from None
    finally:
        loader.dispose()


def _diagnose(text: str, first_line: int, line: int | None, error: yaml.MarkedYAMLError, file: Path) -> Problem:
    """The parser reports where it gave up, which is often lines after the mistake. The usual
    mistakes of people editing by hand have a recognisable cause: name it, on its own line."""
    lines = text.split("\n")
    last = len(lines) if line is None else min(len(lines), line - first_line + 1)
    for number, content in enumerate(lines[:last], start=first_line):
        if "\t" in content.split('"')[0].split("'")[0]:
            above = next((text for text in reversed(lines[: number - first_line]) if text.strip()), "")
            spaces = len(above) - len(above.lstrip(" "))
            return Problem(
                file,
                number,
                None,
                "this line contains a tab character; YAML indents with spaces only: replace the tab with spaces, "
                "as many as the lines around it are indented "
                + (f"(the line above has {spaces})" if spaces else "(the line above has none)"),
            )
    for number, content in enumerate(lines[:last], start=first_line):
        quote = _unclosed_quote(content)
        if quote:
            return Problem(
                file,
                number,
                None,
                f"the quotation mark {quote} opened on this line is not closed: add {quote} at the end of the text",
            )
    for number, content in enumerate(lines[:last], start=first_line):
        early = _closed_early(content)
        if early:
            return Problem(file, number, None, early)
    emptied = _empty_marker(lines, first_line)
    if emptied is not None:
        number, marker = emptied
        return Problem(
            file,
            number,
            None,
            f"this line is {marker}, which means the file has no entries yet, but entries are written in it too: "
            f"delete the line {marker} when you add the first entry (a file with no entries is its comments alone)",
        )
    problem = str(error.problem or error.context)
    if (
        "mapping values are not allowed" in problem
        and line is not None
        and _indented_under_a_value(lines, line - first_line)
    ):
        problem = "expected <block end>"  # a field indented under another that already has its value
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return Problem(
            file,
            line,
            None,
            "this line is indented differently from the lines above it: fields start at the beginning of the line, "
            "and what belongs to a field is indented by two spaces under it",
        )
    if "mapping values are not allowed" in problem:
        return Problem(
            file,
            line,
            None,
            'this value contains a colon followed by a space, which YAML reads as a new field: put the whole text in double quotes, like title: "Meeting: Naples"',
        )
    return Problem(file, line, None, f"this is not valid YAML ({problem})")


def _empty_marker(lines: list[str], first_line: int) -> tuple[int, str] | None:
    """(line, `{}` or `[]`) when a line says the file is empty and other lines hold entries: a partner who
    adds the first entry to such a file keeps the marker, and the parser reports a missing document start."""
    found = None
    entries = 0
    for number, content in enumerate(lines, start=first_line):
        value = content.split("#", 1)[0].strip()
        if value in ("{}", "[]") and not content.startswith((" ", "\t")):
            found = found or (number, value)
        elif value and value != "---":
            entries += 1
    return found if found and entries else None


def _indented_under_a_value(lines: list[str], index: int) -> bool:
    """Whether line `index` is indented although the field above it already has its value on its own line."""
    if not 0 < index < len(lines) or not lines[index].startswith((" ", "\t")):
        return False
    above = next((text for text in reversed(lines[:index]) if text.strip() and not text.strip().startswith("#")), "")
    key, colon, value = above.partition(":")
    return bool(colon) and bool(value.strip()) and not above.strip().startswith("- ")


def _unclosed_quote(line: str) -> str | None:
    """The quote that opens a value on this line (after 'key:' or '- ') and is not closed on it."""
    stripped = line.strip()
    if stripped.startswith("#"):
        return None
    value = stripped[2:] if stripped.startswith("- ") else stripped.partition(": ")[2] if ": " in stripped else ""
    value = value.strip()
    if not value or value[0] not in "\"'":
        return None
    quote, rest = value[0], value[1:]
    if quote == '"':
        position = 0
        while position < len(rest):
            if rest[position] == "\\":
                position += 2
                continue
            if rest[position] == '"':
                return None
            position += 1
        return '"'
    return None if rest.replace("''", "").count("'") else "'"


def _closed_early(line: str) -> str | None:
    """Why a quoted value ends before its text does ('title: "The "model" meeting"'), or None.

    A partner quoting a name inside a title is the usual cause; the parser then reports
    something about indentation, which sends them the wrong way."""
    stripped = line.strip()
    value = stripped[2:] if stripped.startswith("- ") else stripped.partition(": ")[2] if ": " in stripped else ""
    value = value.strip()
    if not value or value[0] not in "\"'":
        return None
    quote, position = value[0], 1
    while position < len(value):
        if quote == '"' and value[position] == "\\":
            position += 2
            continue
        if value[position] == quote:
            if quote == "'" and value[position + 1 : position + 2] == "'":
                position += 2  # '' is an apostrophe inside single quotes
                continue
            break
        position += 1
    after = value[position + 1 :].strip()
    if position >= len(value) or not after or after.startswith("#"):
        return None
    if quote == '"':
        return (
            f'the quotation mark " before “{after[:20]}” ends the text early: inside a text in double quotes write '
            'a quotation mark as \\" (title: "The \\"CiSoTRA model\\" meeting"), or use typographic quotes “…” or «…»'
        )
    return (
        f"the apostrophe before “{after[:20]}” ends the text early: inside single quotes write an apostrophe twice "
        "(title: 'The project''s plan'), or put the text in double quotes"
    )


def load_file(path: Path, shown_as: Path | None = None) -> Any:
    """Parse a YAML file; `shown_as` is the path printed in messages (relative to the project)."""
    return load_text(path.read_text(encoding="utf-8"), shown_as or path)
