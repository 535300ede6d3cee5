"""The groups a report counts its participants in: `data/participant-groups.yml`, checked.

A report writes `participants: {total: 23, professionals: 15, guests: 2}`; the keys it may
use besides `total` are this file's, and each group's name in every language, with the
plural forms of the language, is what pages say ("15 professionals", "2 gosta").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from .errors import DataError, Problem
from .fields import CountText, MapOf, Text, Translated, check
from .strings import Text as Wording
from .strings import plural_forms
from .yamlfile import Located, load_file

FILE = "participant-groups.yml"
TOTAL = "total"  # not a group: everyone who took part
GROUP_KEY = Text(
    pattern=r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*",
    expected="lower-case letters and digits, words joined by _ (like young_people)",
)
PARTICIPANT_GROUPS = MapOf(
    Translated(CountText(), every=True, noun="name", example='en: {one: "{count} guest", other: "{count} guests"}'),
    key=GROUP_KEY,
    expected='group keys, each with its name per language, such as  guests: {en: {one: "{count} guest", '
    'other: "{count} guests"}}',
    key_help="The group's key, which reports write in participants: {total: 23, guests: 2}; lower case, words "
    "joined by _.",
)


@dataclass(frozen=True)
class Group:
    key: str
    names: dict[str, Wording]  # by language code: one text per plural form, {count} in each

    def name(self, code: str, default_code: str) -> Wording:
        return self.names.get(code) or self.names[default_code]


def load_groups(
    path: Path, codes: tuple[str, ...], shown_root: Path, locales: dict[str, Locale] | None = None
) -> dict[str, Group]:
    """The groups in the file's order; with `locales` (folder code → locale), each name's plural forms
    are checked against its language's rules. No file: no groups (a report then gives a total alone)."""
    if not path.exists():
        return {}
    shown = path.relative_to(shown_root) if path.is_relative_to(shown_root) else path
    data = load_file(path, shown)
    checked, problems = check(data, PARTICIPANT_GROUPS, shown, codes)
    if isinstance(data, Located) and TOTAL in data:
        problems.append(
            Problem(shown, data.line_of(TOTAL), TOTAL, "not a group: reports write the total besides the groups")
        )
    for key, names in checked.items() if isinstance(checked, dict) else ():
        for code, forms in names.items():
            if locales and code in locales:
                entry = data[key]
                plural_forms(forms, shown, f"{key}.{code}", entry.line_of(code), problems, locales[code])
    if problems:
        raise DataError(problems)
    return {key: Group(key, names) for key, names in checked.items()}
