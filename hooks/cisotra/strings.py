"""Interface words the generated pages use, one YAML file per language in `data/strings/`.

English is the reference: every other language must define exactly the same keys,
so a partner sees at build time which words of their language are missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .yamlfile import Located, load_file


@dataclass(frozen=True)
class Strings:
    by_language: dict[str, dict[str, str]]

    def get(self, code: str, key: str, **values: object) -> str:
        text = self.by_language[code][key]
        return text.format(**values) if values else text

    def table(self, code: str) -> dict[str, str]:
        return self.by_language[code]


def _flatten(
    mapping: Mapping, file: Path, prefix: str, out: dict[str, str], lines: dict[str, int], problems: list[Problem]
) -> None:
    for key, value in mapping.items():
        dotted = f"{prefix}{key}"
        line = mapping.line_of(key) if isinstance(mapping, Located) else None
        if isinstance(value, Mapping):
            _flatten(value, file, dotted + ".", out, lines, problems)
        elif isinstance(value, str) and value.strip():
            out[dotted] = value.strip()
            lines[dotted] = line or 1
        else:
            problems.append(Problem(file, line, dotted, f"expected a non-empty text, found {value!r}"))


def load_strings(folder: Path, codes: list[str], reference: str, shown_root: Path) -> Strings:
    problems: list[Problem] = []
    tables: dict[str, dict[str, str]] = {}
    key_lines: dict[str, dict[str, int]] = {}
    for code in codes:
        path = folder / f"{code}.yml"
        shown = path.relative_to(shown_root) if path.is_relative_to(shown_root) else path
        if not path.exists():
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"missing: every language needs its interface strings (copy {reference}.yml and translate it)",
                )
            )
            continue
        data = load_file(path, shown)
        if not isinstance(data, Mapping):
            problems.append(Problem(shown, 1, None, "expected a mapping of interface strings"))
            continue
        tables[code], key_lines[code] = {}, {}
        _flatten(data, shown, "", tables[code], key_lines[code], problems)
    if reference in tables:
        expected = set(tables[reference])
        for code, table in tables.items():
            shown = (
                Path(folder.relative_to(shown_root) if folder.is_relative_to(shown_root) else folder) / f"{code}.yml"
            )
            for key in sorted(expected - set(table)):
                problems.append(
                    Problem(shown, None, key, f"missing (the {reference} text is: {tables[reference][key]!r})")
                )
            for key in sorted(set(table) - expected):
                problems.append(Problem(shown, key_lines[code][key], key, f"unknown key (not in {reference}.yml)"))
    if problems:
        raise DataError(problems)
    return Strings(tables)
