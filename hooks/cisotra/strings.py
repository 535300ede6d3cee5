"""Interface words the generated pages use, one YAML file per language in `data/strings/`.

The default language's file is the reference: every other language must define exactly
the same keys, so a partner sees at build time which words of their language are missing.

A text that counts something is written once per plural category of its language
(CLDR's categories, which Babel knows: English has `one` and `other`, Slovenian `one`,
`two`, `few` and `other`), so "1 activity" and "5 activities" both read right:

    participants:
      one: "{count} participant planned"
      other: "{count} participants planned"

These files are not described in cisotra.fields like the other data files: their structure
is the default language's file itself (whatever keys it has, the others must have), so a
description would only repeat it. They get no JSON Schema and no editor form of their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.numbers import format_decimal

from .errors import DataError, Problem
from .yamlfile import Located, load_file

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_NAMED = re.compile(r"\{([a-z_]+)\}")  # what a translator would write for a placeholder

Text = str | dict[str, str]  # a plain text, or one text per plural category


@dataclass(frozen=True)
class Strings:
    by_language: dict[str, dict[str, Text]]
    locales: dict[str, Locale]  # folder code → the locale whose plural rules and numbers apply

    def get(self, code: str, key: str, **values: object) -> str:
        """The text of `key` in language `code`, placeholders filled; `count` picks the plural form."""
        return fill(self.by_language[code][key], self.locales[code], values)

    def table(self, code: str) -> dict[str, Text]:
        return self.by_language[code]


def fill(text: Text, locale: Locale, values: dict[str, object]) -> str:
    """`text` with its placeholders filled; `count` is written the language's way (1.065, 1,065)
    and picks the plural form (CLDR plural rules) when the text has several. Other numbers
    (years, issue and page numbers) stay as they are."""
    if isinstance(text, dict):
        count = values.get("count")
        if not isinstance(count, int):
            raise TypeError("a text with plural forms needs a whole number 'count'")
        text = text.get(locale.plural_form(count), text["other"])
    shown = dict(values)
    if isinstance(shown.get("count"), int):
        shown["count"] = format_decimal(shown["count"], locale=locale)
    # Only the placeholders given are filled: any other brace a partner writes stays as written.
    return _PLACEHOLDER.sub(lambda found: str(shown.get(found.group(1), found.group(0))), text)


def load_strings(folder: Path, codes: list[str], tags: dict[str, str], default_code: str, shown_root: Path) -> Strings:
    """Every language's words; `tags` maps folder codes to language tags (for plural rules)."""
    problems: list[Problem] = []
    tables: dict[str, dict[str, Text]] = {}
    key_lines: dict[str, dict[str, int]] = {}
    locales = {code: Locale.parse(tags[code], sep="-") for code in codes}
    for code in codes:
        path = folder / f"{code}.yml"
        shown = _shown(path, shown_root)
        if not path.exists():
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"missing: every language needs its interface strings (copy {default_code}.yml and translate it)",
                )
            )
            continue
        data = load_file(path, shown)
        if not isinstance(data, Mapping):
            problems.append(Problem(shown, 1, None, "expected a mapping of interface strings"))
            continue
        tables[code], key_lines[code] = {}, {}
        _flatten(data, shown, "", tables[code], key_lines[code], problems, locales[code])
    if default_code in tables:
        expected = set(tables[default_code])
        for code, table in tables.items():
            shown = _shown(folder / f"{code}.yml", shown_root)
            for key in sorted(expected - set(table)):
                problems.append(
                    Problem(
                        shown,
                        None,
                        key,
                        f"missing (the {default_code} text is: {_example(tables[default_code][key])!r})",
                    )
                )
            for key in sorted(set(table) - expected):
                problems.append(Problem(shown, key_lines[code][key], key, f"unknown key (not in {default_code}.yml)"))
            for key in sorted(expected & set(table)):
                known = _names(tables[default_code][key])
                unknown = sorted(_names(table[key]) - known)
                if unknown:
                    problems.append(
                        Problem(
                            shown,
                            key_lines[code][key],
                            key,
                            f"{{{unknown[0]}}} is not a placeholder of this text: write the placeholders as "
                            f"{default_code}.yml has them ({', '.join('{' + name + '}' for name in sorted(known)) or 'none'}), "
                            "untranslated; the site puts the value there",
                        )
                    )
                if isinstance(tables[default_code][key], dict) != isinstance(table[key], dict):
                    problems.append(
                        Problem(
                            shown,
                            key_lines[code][key],
                            key,
                            f"expected one text per plural form (one:, other: …), as in {default_code}.yml"
                            if isinstance(tables[default_code][key], dict)
                            else f"expected a single text, as in {default_code}.yml",
                        )
                    )
    if problems:
        raise DataError(problems)
    return Strings(tables, locales)


# ---------------------------------------------------------------------------


def _flatten(
    mapping: Mapping,
    file: Path,
    prefix: str,
    out: dict[str, Text],
    lines: dict[str, int],
    problems: list[Problem],
    locale: Locale,
) -> None:
    for key, value in mapping.items():
        dotted = f"{prefix}{key}"
        line = mapping.line_of(key) if isinstance(mapping, Located) else None
        if isinstance(value, Mapping) and "other" in value:
            out[dotted] = _plural(value, file, dotted, line, problems, locale)
            lines[dotted] = line or 1
        elif isinstance(value, Mapping):
            _flatten(value, file, dotted + ".", out, lines, problems, locale)
        elif isinstance(value, str) and value.strip():
            out[dotted] = value.strip()
            lines[dotted] = line or 1
        else:
            problems.append(Problem(file, line, dotted, f"expected a non-empty text, found {value!r}"))


def _plural(
    value: Mapping, file: Path, key: str, line: int | None, problems: list[Problem], locale: Locale
) -> dict[str, str]:
    """One text per plural category the language's CLDR rules give whole numbers up to 1,000
    (Italian's `many` is for exact millions only), and no category the language lacks."""
    needed = _categories(locale)
    forms = {str(category): text.strip() for category, text in value.items() if isinstance(text, str) and text.strip()}
    missing = [category for category in PLURAL_CATEGORIES if category in needed and category not in forms]
    unknown = [str(category) for category in value if category not in set(locale.plural_form.tags) | {"other"}]
    if missing:
        problems.append(
            Problem(
                file,
                line,
                key,
                f"missing the plural form{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                f"({locale.english_name} needs {', '.join(c for c in PLURAL_CATEGORIES if c in needed)})",
            )
        )
    if unknown:
        problems.append(
            Problem(
                file,
                line,
                key,
                f"{', '.join(unknown)}: not a plural form of {locale.english_name} "
                f"(it uses {', '.join(c for c in PLURAL_CATEGORIES if c in needed)})",
            )
        )
    return forms


def plural_forms(
    value: Mapping, file: Path, key: str, line: int | None, problems: list[Problem], locale: Locale
) -> dict[str, str]:
    """The plural forms of a text that counts, checked as the strings' are: every form the language
    needs and none it lacks (for data files whose texts count, such as data/participant-groups.yml)."""
    return _plural(value, file, key, line, problems, locale)


@functools.cache  # a thousand plural rules evaluated per language, not per text
def _categories(locale: Locale) -> frozenset[str]:
    return frozenset({locale.plural_form(number) for number in range(1001)} | {"other"})


def _names(text: Text) -> set[str]:
    texts = text.values() if isinstance(text, dict) else [text]
    return {name for item in texts for name in _NAMED.findall(item)}


def _example(text: Text) -> str:
    return text if isinstance(text, str) else text["other"]


def _shown(path: Path, root: Path) -> Path:
    return path.relative_to(root) if path.is_relative_to(root) else path
