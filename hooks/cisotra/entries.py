"""Data files that are a list of entries, each named by a unique `id` (data/cities.yml, data/tags.yml).

The browser editor stores a file as a list of entries with their fields (as data/partners.yml
is written); it cannot store a mapping of free keys whose values have fields. Such files were
written as `naples: {country: IT, …}` until they became lists: a file still in that form is
told, once, how to write it now.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .errors import DataError, Problem
from .fields import IDENTIFIER, INVALID, ListOf, Record, Where
from .yamlfile import Located, load_file


def load_entries(path: Path, description: ListOf, codes: tuple[str, ...], shown_root: Path) -> dict[str, dict]:
    """The checked entries of the file at `path` by id, in the file's order; `DataError` with every
    problem (an entry against its description, an id used twice, the file in the old form of keys)."""
    shown = path.relative_to(shown_root) if path.is_relative_to(shown_root) else path
    data = load_file(path, shown)
    problems: list[Problem] = []
    entries = check_entries(data, description, Where(shown, 1, "", problems, codes))
    if problems:
        raise DataError(problems)
    return entries


def check_entries(data: object, description: ListOf, where: Where) -> dict[str, dict]:
    """The entries of `data` (a list of records, as `description` says) that are sound, by id;
    every problem is added to `where`. An empty file is an empty list."""
    if data is None:
        return {}
    if isinstance(data, Mapping):
        where.problem(_old_form(data, where.file), getattr(data, "line", None))
        return {}
    if not isinstance(data, list):
        where.problem(f"expected {description.expected}")
        return {}
    record = description.item
    assert isinstance(record, Record)
    entries: dict[str, dict] = {}
    seen: dict[str, int] = {}
    for item in data:
        if not isinstance(item, Located):
            where.problem(f"expected {record.what} (a mapping of fields, starting with '- id:'), found {item!r}")
            continue
        raw_id = item.get("id")
        ident = raw_id if isinstance(raw_id, str) and IDENTIFIER.match(raw_id) else None
        place = where.item(f"{ident}: " if ident else "", item.line)
        before = len(where.problems)
        checked = record.check(item, place)
        if not unique_id(ident, item, place, seen) or len(where.problems) > before or checked is INVALID:
            continue
        entries[ident] = checked
    return entries


def unique_id(ident: str | None, item: Located, where: Where, seen: dict[str, int]) -> bool:
    """Whether the entry's id (None: malformed, already reported) is sound and its first use; a second
    use is reported on its line with the line of the first. `seen` holds the ids so far and their lines."""
    if ident is None:
        return False
    if ident in seen:
        where.field("id", item.line_of("id")).problem(f"used twice (first on line {seen[ident]})")
        return False
    seen[ident] = item.line_of("id")
    return True


def _old_form(data: Mapping, file: Path) -> str:
    """What to write instead of the mapping of keys the file held before it was a list."""
    key = next((key for key in data if isinstance(key, str) and IDENTIFIER.match(key)), None)
    instead = f"`- id: {key}` instead of `{key}:`" if key else "each entry as `- id:` and its id"
    return (
        f"{file.as_posix()} is now a list: write {instead}, and the entry's fields under it, indented by "
        "two spaces; see the example at the top of the file"
    )
