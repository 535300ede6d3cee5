"""The vocabulary in which each data file is described once: its fields, their kinds, which are
translated, which are required, and the help partners read.

A data file's description (`ACTIVITIES` in cisotra.activities, `PARTNERS` in
cisotra.consortium, …) is a tree of the kinds below. Everything about the file is made
from it:

- the checks: `check(value, description, file)` finds every value of the wrong kind, every
  missing required field, every value not allowed and every unknown field, each as a
  `Problem` with its file, line and field, what was found and what is expected;
- the JSON Schema that editors such as VS Code use while typing (`json_schema`);
- the browser editor's form fields (`editor_fields`: the field definitions Sveltia and
  Decap CMS read).

The loaders then build the site's objects from values already checked, and check only
what ties fields or files together (an end after its start, a city that data/cities.yml
has, ids used once).
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from babel import Locale

from .errors import Problem
from .yamlfile import DateText, Located

INVALID = object()  # what a check gives back for a value it found wrong (its problem is recorded)
IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_URL = re.compile(r"^https?://[^\s/]+\S*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$")
COUNTRIES = frozenset(code for code in Locale("en").territories if len(code) == 2 and code.isalpha())


# ---------------------------------------------------------------------------
# Where a value stands, and what is wrong with it


@dataclass
class Where:
    """A value's place: its file, line and field ('meeting-1-naples: report.status'), and the problems found so far."""

    file: Path
    line: int | None
    label: str
    problems: list[Problem]
    languages: tuple[str, ...] = ()  # the site's language codes, the default first

    def problem(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.file, line or self.line, self.label or None, message))

    def field(self, name: str, line: int | None) -> Where:
        """The place of field `name` of the mapping here."""
        label = f"{self.label}.{name}" if self.label and not self.label.endswith(": ") else f"{self.label}{name}"
        return Where(self.file, line or self.line, label, self.problems, self.languages)

    def item(self, prefix: str, line: int | None) -> Where:
        """The place of an item of a list, labelled by `prefix` ('meeting-1-naples: ')."""
        return Where(self.file, line or self.line, prefix, self.problems, self.languages)


def _line_of(mapping: object, key: str) -> int | None:
    return mapping.line_of(key) if isinstance(mapping, Located) else None


def _found(value: object) -> str:
    return (
        f"{value!r}"
        if not isinstance(value, Located | list)
        else ("a mapping" if isinstance(value, Mapping) else "a list")
    )


def _suggest(value: object, allowed: Sequence[str]) -> str:
    close = difflib.get_close_matches(str(value).lower(), [str(choice) for choice in allowed], n=1, cutoff=0.6)
    return f"did you mean {close[0]}? " if close else ""


# ---------------------------------------------------------------------------
# Kinds of value


class Kind:
    """A kind of value: how it is checked, what a partner is told to write, its JSON Schema, its form widget."""

    expected: str = "a value"

    def check(self, value: Any, where: Where) -> Any:
        raise NotImplementedError

    def schema(self, languages: tuple[str, ...]) -> dict:
        raise NotImplementedError

    def widget(self, languages: tuple[str, ...]) -> dict:
        raise NotImplementedError

    def wrong(self, value: Any, where: Where) -> object:
        where.problem(f"expected {self.expected}, found {_found(value)}")
        return INVALID


@dataclass(frozen=True)
class Text(Kind):
    """A text on one line, or several (`multiline`); `pattern` with `expected` says what it must look like."""

    multiline: bool = False
    pattern: str | None = None
    expected: str = "a text"
    # Front matter the site engine uses as text (a page's title): the engine reads the YAML itself,
    # so what YAML reads as a number, a date or true/false must be written in quotation marks.
    only_text: bool = False

    def check(self, value, where):
        if self.only_text and (isinstance(value, DateText) or not isinstance(value, str)):
            return self._not_text(value, where)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return self.wrong(value, where)
        text = str(value).strip()
        if not text:
            where.problem(f"empty (expected {self.expected})")
            return INVALID
        if self.pattern and not re.fullmatch(self.pattern, text):
            return self.wrong(value, where)
        return text

    def _not_text(self, value, where):
        if isinstance(value, Located | list):
            brackets = "{ }" if isinstance(value, Mapping) else "[ ]"
            where.problem(
                f"expected {self.expected}, found {_found(value)}: YAML reads a value in {brackets} or on "
                "indented lines as one; write the text on one line, in quotation marks"
            )
            return INVALID
        kind = "a date" if isinstance(value, DateText) else "true or false" if isinstance(value, bool) else "a number"
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        name = where.label.rsplit(".", 1)[-1] or "title"
        where.problem(
            f"expected {self.expected}, found {shown}, which YAML reads as {kind}: "
            f'put it in quotation marks, like  {name}: "{shown}"'
        )
        return INVALID

    def schema(self, languages):
        found = {"type": "string", "minLength": 1}
        if self.pattern:
            found["pattern"] = f"^(?:{self.pattern})$"
        return found

    def widget(self, languages):
        found = {"widget": "text" if self.multiline else "string"}
        if self.pattern:
            found["pattern"] = [f"^(?:{self.pattern})$", f"Write {self.expected}"]
        return found


def Identifier(example: str = "meeting-1-naples") -> Text:  # noqa: N802 - a kind, named like the others
    """An id or key: lower-case letters, digits and hyphens, as in addresses."""
    return Text(
        pattern=IDENTIFIER.pattern[1:-1],
        expected=f"lower-case letters, digits and hyphens (like {example})",
    )


@dataclass(frozen=True)
class Url(Text):
    expected: str = "a web address starting with https://"

    def check(self, value, where):
        if not isinstance(value, str) or not _URL.match(value.strip()):
            return self.wrong(value, where)
        return value.strip()

    def schema(self, languages):
        return {"type": "string", "format": "uri", "pattern": "^https?://"}

    def widget(self, languages):
        return {"widget": "string", "pattern": ["^https?://", "Write a web address starting with https://"]}


@dataclass(frozen=True)
class Email(Text):
    expected: str = "an e-mail address"

    def check(self, value, where):
        if not isinstance(value, str) or not _EMAIL.match(value.strip()):
            return self.wrong(value, where)
        return value.strip()

    def schema(self, languages):
        return {"type": "string", "format": "email"}

    def widget(self, languages):
        return {"widget": "string"}


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int | None = None
    maximum: int | None = None
    expected: str = "a whole number"

    def check(self, value, where):
        if isinstance(value, bool) or not isinstance(value, int):
            return self.wrong(value, where)
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            return self.wrong(value, where)
        return value

    def schema(self, languages):
        found: dict = {"type": "integer"}
        if self.minimum is not None:
            found["minimum"] = self.minimum
        if self.maximum is not None:
            found["maximum"] = self.maximum
        return found

    def widget(self, languages):
        found: dict = {"widget": "number", "value_type": "int"}
        if self.minimum is not None:
            found["min"] = self.minimum
        if self.maximum is not None:
            found["max"] = self.maximum
        return found


def Count(what: str = "a whole number (0 or more)") -> Integer:  # noqa: N802
    return Integer(minimum=0, expected=what)


@dataclass(frozen=True)
class Boolean(Kind):
    expected: str = "true or false"

    def check(self, value, where):
        return value if isinstance(value, bool) else self.wrong(value, where)

    def schema(self, languages):
        return {"type": "boolean"}

    def widget(self, languages):
        return {"widget": "boolean"}


def _not_in_calendar(text: str) -> str | None:
    """What is wrong with a day (2018-02-30) or a month (2026-13) written in the right form, or None."""
    year, month, *day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        return f"{text!r} is not a date in the calendar: there is no month {month} (months are 01 to 12)"
    days = calendar.monthrange(year, month)[1]
    if day and not 1 <= day[0] <= days:
        return f"{text!r} is not a date in the calendar: {year}-{month:02d} has days 01 to {days}"
    return None


@dataclass(frozen=True)
class Day(Kind):
    """A calendar day written 2018-05-15 (or a month, 2018-06, with `month`); kept as written."""

    month: bool = False
    example: str = "2018-05-15"
    what: str = ""  # what the day is ('the publication date'), said first in messages

    @property
    def expected(self) -> str:
        kind = f"a day like {self.example}" + (" or a month like 2018-06" if self.month else "")
        return f"{self.what}, {kind}" if self.what else kind

    def check(self, value, where):
        text = str(value).strip() if isinstance(value, str) else None
        if text is None or not (_DAY.match(text) or (self.month and _MONTH.match(text))):
            return self.wrong(value, where)
        if mistake := _not_in_calendar(text):
            where.problem(mistake)
            return INVALID
        return text

    def schema(self, languages):
        pattern = r"^\d{4}-\d{2}(-\d{2})?$" if self.month else r"^\d{4}-\d{2}-\d{2}$"
        return {"type": "string", "pattern": pattern}

    def widget(self, languages):
        if self.month:  # a month alone is a text: a date picker would invent a day
            return {
                "widget": "string",
                "pattern": [r"^\d{4}-\d{2}(-\d{2})?$", "Write a day (2018-05-15) or a month (2018-06)"],
            }
        return {"widget": "datetime", "time_format": False, "date_format": "YYYY-MM-DD", "format": "YYYY-MM-DD"}


@dataclass(frozen=True)
class Choice(Kind):
    """One of a few values, written as the data writes them (`in_person`); `labels` name them for people."""

    values: tuple[str, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def expected(self) -> str:
        return "one of: " + ", ".join(self.values)

    def check(self, value, where):
        if value in self.values:
            return value
        noun = re.split(r"[.:] ?", where.label)[-1].replace("_", " ") or "value"
        if isinstance(value, str) and value.lower() in self.values:
            where.problem(f"unknown {noun} {value!r}: write it in lower case, {value.lower()}")
            return INVALID
        where.problem(f"unknown {noun} {_found(value)} ({_suggest(value, self.values)}expected {self.expected})")
        return INVALID

    def schema(self, languages):
        return {"enum": list(self.values)}

    def widget(self, languages):
        return {
            "widget": "select",
            "options": [
                {"label": self.labels.get(value, value.replace("_", " ")), "value": value} for value in self.values
            ],
        }


@dataclass(frozen=True)
class Country(Kind):
    expected: str = "an ISO 3166 country code such as SI, DE, GR, IT, TR"

    def check(self, value, where):
        if value in COUNTRIES:
            return value
        if isinstance(value, str) and value.upper() in COUNTRIES:
            where.problem(f"unknown country code {value!r}: write it in capitals, {value.upper()}")
            return INVALID
        where.problem(f"unknown country code {_found(value)} (expected {self.expected})")
        return INVALID

    def schema(self, languages):
        return {"type": "string", "pattern": "^[A-Z]{2}$"}

    def widget(self, languages):
        return {"widget": "string", "pattern": ["^[A-Z]{2}$", "Write a two-letter country code in capitals: SI"]}


@dataclass(frozen=True)
class SiteLanguage(Kind):
    """One of the site's languages, by its folder code (si for Slovenian): the choice is the site's
    languages, which the check, the schema and the form are given."""

    expected: str = "a language of the site"

    def check(self, value, where):
        if value in where.languages or not where.languages:
            return value
        codes = ", ".join(where.languages)
        where.problem(f"unknown language {_found(value)} ({_suggest(value, where.languages)}expected one of: {codes})")
        return INVALID

    def schema(self, languages):
        return {"enum": list(languages)}

    def widget(self, languages):
        return {"widget": "select", "options": [{"label": code, "value": code} for code in languages]}


@dataclass(frozen=True)
class LanguageTag(Kind):
    expected: str = "a language tag such as en or sl"

    def check(self, value, where):
        try:
            if isinstance(value, str) and Locale.parse(value, sep="-"):
                return value
        except (ValueError, TypeError):
            pass
        return self.wrong(value, where)

    def schema(self, languages):
        return {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"}

    def widget(self, languages):
        return {"widget": "string"}


@dataclass(frozen=True)
class Reference(Kind):
    """The id of an entry of another data file (a city of data/cities.yml, an activity, a topic):
    checked to be a text here; the loader, which has the other file, checks that the entry exists and
    names the ones there are (a near miss, a key in capitals), and the editor offers them to choose from."""

    collection: str = ""  # the editor's name for the other file's entries
    expected: str = "an id"
    # Where the editor finds the ids: an entry's name ({{slug}}), or, in a file of a collection of
    # files (`file`), a field of its list's items with the CMS's wildcard ('items.*.id').
    file: str = ""
    key: str = "{{slug}}"
    # The field partners search by, when the key is an entry's name (Decap searches fields only):
    # 'name.{default}' is the name in the site's default language.
    search: str = ""

    def check(self, value, where):
        if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
            return self.wrong(value, where)
        return str(value).strip()

    def schema(self, languages):
        return {"type": "string", "pattern": IDENTIFIER.pattern}

    def widget(self, languages):
        return {
            "widget": "relation",
            "collection": self.collection,
            **({"file": self.file} if self.file else {}),
            "value_field": self.key,
            "search_fields": [self.search.format(default=languages[0]) if self.search and languages else self.key],
        }


@dataclass(frozen=True)
class Moment(Kind):
    """A day, or a day and a time, with or without its offset from UTC: 2018-05-15, 2018-05-15 10:30,
    2018-05-15T10:30:00+02:00. Kept as written: the loader reads it in the site's time zone."""

    expected: str = "a date like 2018-05-15 or 2018-05-15 10:30 (optionally with +02:00)"

    def check(self, value, where):
        text = value.strip() if isinstance(value, str) else None
        if text is None or not MOMENT.match(text):
            return self.wrong(value, where)
        if mistake := _not_in_calendar(text[:10]):
            where.problem(mistake)
            return INVALID
        try:
            datetime.fromisoformat(text.replace(" ", "T").replace("Z", "+00:00"))
        except ValueError:
            where.problem(f"{value!r} is not a time of day (expected hours 00 to 23 and minutes 00 to 59)")
            return INVALID
        return text

    def schema(self, languages):
        return {"type": "string", "pattern": MOMENT.pattern}

    def widget(self, languages):
        # The day is what partners choose; a time, when one matters, is written in the file.
        return {"widget": "datetime", "time_format": False, "date_format": "YYYY-MM-DD", "format": "YYYY-MM-DD"}


@dataclass(frozen=True)
class File(Kind):
    """A file of the site: a path under docs/ (`from_page=False`: en/results/study.pdf) or from the
    folder of the Markdown file it is written in (`from_page=True`: ../../assets/images/news/a.jpg).
    Checked here to be such a path, with one of `types` (extensions) when given; the loader, which
    knows the folders, checks that the file exists, with these capital letters, and is not too large.

    A path under docs/ may start with one /, which names docs/ itself: the browser editor (Sveltia CMS
    0.221.1) writes every upload of a data file so (/assets/reports/minutes.pdf) and no setting of it
    leaves the / out. The checked value is the path without it."""

    from_page: bool = False
    types: tuple[str, ...] = ()  # '.jpg', '.pdf': the extensions allowed, lower case
    image: bool = False  # the editor offers an image picker
    expected: str = "a path under docs/, like en/results/study.pdf"
    # Where partners upload such files, under docs/ (assets/reports): the editor uploads them there.
    folder: str = ""

    def check(self, value, where):
        if not isinstance(value, str) or not value.strip():
            return self.wrong(value, where)
        path = value.strip()
        if not self.from_page and path.startswith("/") and not path.startswith("//"):
            path = path[1:]
        segments = path.replace("\\", "/").split("/")
        outside = not self.from_page and ".." in segments
        if "://" in path or path.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:", path) or outside:
            return self.wrong(value, where)
        suffix = PurePosixPath(path).suffix.lower()
        if self.types and suffix not in self.types:
            where.problem(f"expected {self.expected} ({', '.join(self.types)}), found {path!r}")
            return INVALID
        return path

    def schema(self, languages):
        # Not an address, a Windows path or a path from the root: one / before a path under docs/ is docs/.
        root = "/" if self.from_page else "//"
        found: dict = {"type": "string", "pattern": rf"^(?![a-zA-Z][a-zA-Z0-9+.-]*:|{root}|\\)"}
        if self.types:
            # JSON Schema's patterns are JavaScript's: no flag for capitals, so each letter says both.
            suffixes = "|".join(
                "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in suffix)
                for suffix in self.types
            )
            found["pattern"] += f".*(?:{suffixes})$"
        return found

    def widget(self, languages):
        # Where the file is uploaded and how its path is written are the collection's (or the data
        # file's) media_folder and public_folder: the editor's configuration, per kind of content.
        return {"widget": "image" if self.image else "file"}


@dataclass(frozen=True)
class Coordinates(Kind):
    expected: str = "[latitude, longitude] in degrees, like [46.24, 15.27]"

    def check(self, value, where):
        numbers = isinstance(value, list) and len(value) == 2
        numbers = numbers and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        if not numbers or not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180):
            return self.wrong(value, where)
        return (float(value[0]), float(value[1]))

    def schema(self, languages):
        return {
            "type": "array",
            "prefixItems": [
                {"type": "number", "minimum": -90, "maximum": 90},
                {"type": "number", "minimum": -180, "maximum": 180},
            ],
            "minItems": 2,
            "maxItems": 2,
        }

    def widget(self, languages):
        return {
            "widget": "list",
            "field": {"name": "degrees", "widget": "number", "value_type": "float"},
            "min": 2,
            "max": 2,
        }


PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # CLDR's plural categories


@dataclass(frozen=True)
class CountText(Kind):
    """A text that counts something, with {count} where the number goes: one text per plural form
    (`{one: "{count} guest", other: "{count} guests"}`). Which forms a language needs is its CLDR
    rules' business: the loader, which knows the language, checks that (cisotra.strings.plural_forms)."""

    expected: str = 'one text per plural form with {count}, such as  {one: "{count} guest", other: "{count} guests"}'

    def check(self, value, where):
        if not isinstance(value, Mapping) or "other" not in value:
            return self.wrong(value, where)
        forms = {}
        for form, text in value.items():
            place = where.field(str(form), _line_of(value, form))
            if form not in PLURAL_FORMS:
                place.problem(
                    f"not a plural form ({_suggest(form, PLURAL_FORMS)}expected one of: {', '.join(PLURAL_FORMS)})"
                )
            elif not isinstance(text, str) or "{count}" not in text:
                place.problem(f"expected a text with {{count}} where the number goes, found {_found(text)}")
            else:
                forms[form] = text.strip()
        return forms

    def schema(self, languages):
        return {
            "type": "object",
            "properties": {form: {"type": "string", "pattern": r"\{count\}"} for form in PLURAL_FORMS},
            "required": ["other"],
            "additionalProperties": False,
        }

    def widget(self, languages):
        return {
            "widget": "object",
            "fields": [
                {"name": form, "label": form, "widget": "string", "required": form == "other"} for form in PLURAL_FORMS
            ],
        }


@dataclass(frozen=True)
class Translated(Kind):
    """A text per language: `{en: "…", si: "…"}`. The default language's is required when `required`;
    the others fall back to it."""

    text: Kind = Text()
    required: bool = True  # the default language's text
    every: bool = False  # every language's text is required (a city's name: no fallback makes sense)
    noun: str = "text"  # what each language has, in messages: 'the wording in de'
    example: str = 'en: "…"'  # one language's entry, as partners write it

    @property
    def expected(self) -> str:
        return f"a {self.noun} per language, such as  {self.example}"

    def check(self, value, where):
        if not isinstance(value, Mapping):
            return self.wrong(value, where)
        languages = where.languages
        texts = {}
        for code, text in value.items():
            line = _line_of(value, code)
            if languages and code not in languages:
                where.problem(
                    f"unknown language key {code!r} ({_suggest(code, languages)}expected one of: {', '.join(languages)})",
                    line,
                )
                continue
            checked = self.text.check(text, where.field(str(code), line))
            if checked is not INVALID:
                texts[code] = checked
        if self.every and languages and (missing := [code for code in languages if code not in value]):
            where.problem(f"missing the {self.noun} in {', '.join(missing)} (every language of the site needs its own)")
        elif self.required and languages and languages[0] not in value:
            where.problem(
                f"missing the {self.noun} in {languages[0]}, the site's default language "
                "(required; other languages fall back to it)"
            )
        return texts

    def schema(self, languages):
        found = {
            "type": "object",
            "properties": {code: self.text.schema(languages) for code in languages},
            "additionalProperties": False,
        }
        if self.every:
            found["required"] = list(languages)
        elif self.required and languages:
            found["required"] = [languages[0]]
        return found

    def widget(self, languages):
        return {
            "widget": "object",
            "fields": [
                {
                    "name": code,
                    "label": code,
                    **self.text.widget(languages),
                    "required": self.every or (self.required and i == 0),
                }
                for i, code in enumerate(languages)
            ],
        }


@dataclass(frozen=True)
class ListOf(Kind):
    """A list of values of one kind (a single value is taken as a list of one when `single`)."""

    item: Kind = Text()
    single: bool = False
    # Items that are records: their problems are labelled with this field ('id'), or with several
    # fields as a pattern ('{from} → {to}'); the editor's list shows the same as each item's summary.
    label_by: str | None = None
    expected: str = "a list"
    minimum: int = 0  # items: a group of synonyms needs two words

    def label(self, entry: object) -> str | None:
        if not self.label_by or not isinstance(entry, Mapping):
            return None
        names = re.findall(r"\{(\w+)\}", self.label_by) or [self.label_by]
        values = {name: entry.get(name) for name in names}
        if not all(isinstance(value, str) and IDENTIFIER.match(value) for value in values.values()):
            return None  # a label that is itself wrong would only confuse: its own problem names it
        return self.label_by.format(**values) if "{" in self.label_by else values[self.label_by]

    def check(self, value, where):
        if self.single and not isinstance(value, list | Mapping):
            value = [value]
        if not isinstance(value, list):
            return self.wrong(value, where)
        if len(value) < self.minimum:
            where.problem(f"expected {self.expected}, found {len(value)}")
            return INVALID
        found = []
        for entry in value:
            line = entry.line if isinstance(entry, Located) else where.line
            name = self.label(entry)
            if name:
                place = where.item(f"{name}: ", line)
            else:
                place = Where(where.file, line, where.label, where.problems, where.languages)
            found.append(self.item.check(entry, place))
        return found

    def schema(self, languages):
        found = {"type": "array", "items": self.item.schema(languages)}
        if self.minimum:
            found["minItems"] = self.minimum
        return {"anyOf": [self.item.schema(languages), found]} if self.single else found

    def widget(self, languages):
        inner = self.item.widget(languages)
        at_least = {"min": self.minimum} if self.minimum else {}
        if inner.get("widget") == "object":
            found = {"widget": "list", "fields": inner["fields"], **at_least}
            if self.label_by:
                pattern = self.label_by if "{" in self.label_by else "{" + self.label_by + "}"
                found["summary"] = re.sub(r"\{(\w+)\}", r"{{fields.\1}}", pattern)
            return found
        return {"widget": "list", "field": {"name": "item", "label": "Item", **inner}, **at_least}


@dataclass(frozen=True)
class Field:
    """A field of a record: its name, kind, whether it is required, and what it is for, in partners' words."""

    name: str
    kind: Kind
    required: bool = False
    help: str = ""
    label: str = ""  # the form's label; the name, capitalised, when empty
    # In a text with a version per language (a post): the same value in every version (its date),
    # which the browser editor copies into each translation instead of asking for it again.
    shared: bool = False


@dataclass(frozen=True)
class Record(Kind):
    """A mapping of known fields; any other field is refused, with the nearest known one suggested."""

    fields: tuple[Field, ...] = ()
    what: str = "the fields"  # 'an activity': says what a record is in messages
    exactly_one: tuple[str, ...] = ()  # of these fields, one and only one is given (file: or url:)
    about: str = ""  # what to write, when the list of fields does not say it well enough
    at_least_one: bool = False  # an empty mapping says nothing (a place needs a city or a country)

    @property
    def expected(self) -> str:
        return self.about or f"{self.what}: " + ", ".join(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def check(self, value, where):
        if not isinstance(value, Mapping):
            return self.wrong(value, where)
        names = [f.name for f in self.fields]
        found: dict[str, Any] = {}
        for key in value:
            if key not in names:
                where.field(str(key), _line_of(value, key)).problem(
                    f"unknown field ({_suggest(key, names)}expected one of: {', '.join(names)})"
                )
        given = sum(value.get(name) is not None for name in (self.exactly_one or names))
        if (self.exactly_one and given != 1) or (self.at_least_one and not given):
            where.problem(f"expected {self.expected}")
        for entry in self.fields:
            place = where.field(entry.name, _line_of(value, entry.name))
            if entry.name not in value or value[entry.name] is None:
                if entry.required:
                    # On the line of what holds the record (its '- id:', its 'report:'), where it belongs.
                    where.field(entry.name, where.line).problem(f"missing (expected {entry.kind.expected})")
                continue
            before = len(where.problems)
            checked = entry.kind.check(value[entry.name], place)
            # A field is kept only if nothing in it is wrong: what ties fields together is
            # checked on sound values only, so a mistake is not reported twice.
            if checked is not INVALID and len(where.problems) == before:
                found[entry.name] = checked
        return found

    def schema(self, languages):
        found = {
            "type": "object",
            "properties": {
                f.name: {
                    **(f.kind.schema(languages) if f.required else _or_null(f.kind.schema(languages))),
                    **({"description": f.help} if f.help else {}),
                }
                for f in self.fields
            },
            "additionalProperties": False,
        }
        if required := [f.name for f in self.fields if f.required]:
            found["required"] = required
        if self.at_least_one:
            found["minProperties"] = 1
        if self.exactly_one:
            found["oneOf"] = [{"required": [name]} for name in self.exactly_one]
        return found

    def widget(self, languages):
        return {"widget": "object", "fields": editor_fields(self, languages)}


def _or_null(schema: dict) -> dict:
    """An optional field may be written empty (email: null): the check takes it as not given."""
    if isinstance(schema.get("type"), str):
        return {**schema, "type": [schema["type"], "null"]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {"anyOf": [schema, {"type": "null"}]}


@dataclass(frozen=True)
class MapOf(Kind):
    """A mapping of keys (ids) to values of one kind: data/redirects.yml, data/participant-groups.yml."""

    value: Kind = Text()
    key: Kind = field(default_factory=lambda: Identifier("celje"))
    expected: str = "a mapping of keys"
    key_help: str = "The entry's key: other files name the entry by it."

    def check(self, value, where):
        if not isinstance(value, Mapping):
            return self.wrong(value, where)
        found = {}
        for key, entry in value.items():
            line = _line_of(value, key)
            before = len(where.problems)
            # Labelled by the key, after what holds the mapping when it is a field ('report.participants.total').
            place = where.field(str(key), line)
            self.key.check(key, place)
            checked = self.value.check(entry, place)
            if checked is not INVALID and len(where.problems) == before:
                found[key] = checked
        return found

    def schema(self, languages):
        return {
            "type": "object",
            "propertyNames": self.key.schema(languages),
            "additionalProperties": self.value.schema(languages),
        }

    def widget(self, languages):
        return self.value.widget(languages)


@dataclass(frozen=True)
class OneOf(Kind):
    """One of several kinds (`online`, or a city and a country): the first that fits."""

    options: tuple[Kind, ...] = ()
    expected: str = "a value"

    def check(self, value, where):
        for option in self.options:
            trial = Where(where.file, where.line, where.label, [], where.languages)
            checked = option.check(value, trial)
            if not trial.problems:
                return checked
        # The option of the same shape says best what is wrong (a mapping's own field, say).
        shaped = next((o for o in self.options if isinstance(o, Record | MapOf) == isinstance(value, Mapping)), None)
        if shaped is not None and isinstance(value, Mapping):
            before = len(where.problems)
            checked = shaped.check(value, where)
            return checked if len(where.problems) == before else INVALID
        return self.wrong(value, where)

    def schema(self, languages):
        return {"anyOf": [option.schema(languages) for option in self.options]}

    def widget(self, languages):
        record = next((o for o in self.options if isinstance(o, Record)), self.options[-1])
        return record.widget(languages)


# ---------------------------------------------------------------------------
# What is made from a description


def check(value: Any, description: Kind, file: Path, languages: tuple[str, ...] = ()) -> tuple[Any, list[Problem]]:
    """The checked value (INVALID where the whole value is wrong) and every problem found."""
    where = Where(file, getattr(value, "line", 1) or 1, "", [], languages)
    checked = description.check(value, where)
    return checked, where.problems


def check_item(item: Mapping, record: Record, file: Path, label: str, languages: tuple[str, ...]) -> list[Problem]:
    """The problems of one entry of a list (an activity), labelled with its name ('meeting-1-naples: ')."""
    where = Where(file, getattr(item, "line", None), label, [], languages)
    record.check(item, where)
    return where.problems


def json_schema(description: Kind, languages: tuple[str, ...], title: str, about: str) -> dict:
    """The JSON Schema of a data file, for editors that check YAML while it is typed."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": about,
        **description.schema(languages),
    }


def editor_fields(description: Kind, languages: tuple[str, ...]) -> list[dict]:
    """The browser editor's form fields for a data file or a record (Sveltia and Decap CMS field definitions).

    A record gives one field per field; a file that is a list (data/activities.yml) one list field
    saved at the top of the file (`root`); a file of one entry per language (data/funding.yml) one
    object per language; a file of keys (data/redirects.yml) the form of one entry: its key, then its
    value (neither CMS stores a mapping of free keys whose values have fields in one file, which is why
    data/cities.yml and data/tags.yml are lists of entries with an id, cisotra.entries).

    Checked against the field definitions of Sveltia CMS 0.221.1 (its JSON Schema of the
    configuration, schema/sveltia-cms.json in the npm package @sveltia/cms, which refuses any option
    a field type does not have) and of Decap CMS 3.19.1 (decap-cms-core's
    src/constants/configSchema.js: name required, `required` a boolean, `hint` a text, `pattern` a
    [regular expression, message] pair; and each widget's own src/schema.js: `options` for select,
    `collection`, `value_field` and `search_fields` for relation, `min`/`max`/`value_type`/`step` for
    number and list, `format`/`date_format`/`time_format` for datetime). Both take `required` as true
    when it is left out, so every field says it. Only list's `root` is Sveltia's alone (Decap cannot
    edit a file that is a list). tests/test_fields.py holds the rules the output is checked against.
    """
    if isinstance(description, Record):
        return [
            {
                "name": f.name,
                "label": f.label or f.name.replace("_", " ").capitalize(),
                "required": f.required,
                **({"hint": f.help} if f.help else {}),
                **f.kind.widget(languages),
            }
            for f in description.fields
        ]
    if isinstance(description, ListOf):
        return [{"name": "items", "label": "Entries", "required": False, "root": True, **description.widget(languages)}]
    if isinstance(description, Translated):
        return description.widget(languages)["fields"]
    if isinstance(description, MapOf):
        key = {
            "name": "key",
            "label": "Key",
            "required": True,
            "hint": description.key_help,
            **description.key.widget(languages),
        }
        if isinstance(description.value, Record):
            return [key, *editor_fields(description.value, languages)]
        return [key, {"name": "value", "label": "Value", "required": True, **description.value.widget(languages)}]
    raise TypeError(f"no editor fields for {description!r}")
