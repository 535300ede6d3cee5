"""The EU funding acknowledgement, kept in one file so the consortium can paste its official wording."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .fields import INVALID, Boolean, Field, Record, Text, Translated, Where
from .yamlfile import load_file

WORDING = Record(
    (
        Field(
            "statement",
            Text(),
            required=True,
            help="The line beside the EU emblem: the programme's logo text for 2014–2020 (\"Co-funded by the "
            'Erasmus+ Programme of the European Union").',
        ),
        Field(
            "disclaimer",
            Text(multiline=True),
            required=True,
            help="For the website: the standard disclaimer with the word the EU gives for a communication "
            '("This communication reflects the views only of the author …").',
        ),
        Field(
            "publication_disclaimer",
            Text(multiline=True),
            required=True,
            label="Publication disclaimer",
            help="For what leaves the website as a document (the printed leaflet, the newsletter's e-mail files): "
            'the same disclaimer with "This publication …".',
        ),
        Field(
            "to_confirm",
            Boolean(),
            label="To confirm",
            help="true while the wording is a translation made for the site that the consortium has not confirmed "
            "(the EU publishes none in this language); delete it once the official text is in place.",
        ),
    ),
    what="the wording",
)
# Every language needs its own: the footer shows the wording on every page.
FUNDING = Translated(WORDING, every=True, noun="wording", example="en: {statement: …, disclaimer: …}")
FIELDS = tuple(f.name for f in WORDING.fields if f.required)


@dataclass(frozen=True)
class Funding:
    statement: str
    disclaimer: str
    publication_disclaimer: str
    # A translation made for the site that the consortium has not confirmed yet (the EU publishes
    # no official text in the language): shown as it is, and listed for editors until confirmed.
    to_confirm: bool = False


def load_funding(path: Path, codes: tuple[str, ...], shown_root: Path) -> dict[str, Funding]:
    """Each language's wording; every language must have its own, as the footer shows it on every page."""
    shown = path.relative_to(shown_root)
    data = load_file(path, shown)
    problems: list[Problem] = []
    checked = FUNDING.check(data, Where(shown, getattr(data, "line", 1), "", problems, codes))
    if problems or checked is INVALID:
        raise DataError(problems)
    return {
        code: Funding(
            **{field: checked[code][field] for field in FIELDS}, to_confirm=checked[code].get("to_confirm") is True
        )
        for code in codes
    }


def to_confirm(funding: dict[str, Funding], shown: Path) -> list[Problem]:
    """For editors: the wordings still to be confirmed by the consortium."""
    return [
        Problem(
            shown,
            None,
            f"{code}.to_confirm",
            "this wording was translated for the site and awaits the consortium's confirmation: replace it with "
            "the official text if there is one, then delete the line  to_confirm: true",
        )
        for code, wording in funding.items()
        if wording.to_confirm
    ]
