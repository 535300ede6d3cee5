"""The EU funding acknowledgement, kept in one file so the consortium can paste its official wording."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .yamlfile import Located, load_file

# disclaimer: for the website; publication_disclaimer: for what is printed from it (the leaflet).
FIELDS = ("statement", "disclaimer", "publication_disclaimer")


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
    if not isinstance(data, Mapping):
        raise DataError([Problem(shown, 1, None, "expected one entry per language code (en, si, ...)")])
    problems = []
    for code, entry in data.items():
        line = data.line_of(code) if isinstance(data, Located) else None
        if code not in codes:
            problems.append(Problem(shown, line, str(code), f"unknown language (expected one of {', '.join(codes)})"))
            continue
        if not isinstance(entry, Mapping):
            problems.append(Problem(shown, line, str(code), f"expected {', '.join(FIELDS)}"))
            continue
        for field in FIELDS:
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                problems.append(Problem(shown, line, f"{code}.{field}", "expected a non-empty text"))
        if "to_confirm" in entry and not isinstance(entry["to_confirm"], bool):
            problems.append(Problem(shown, entry.line_of("to_confirm"), f"{code}.to_confirm", "expected true or false"))
        for field in set(entry) - set(FIELDS) - {"to_confirm"}:
            problems.append(
                Problem(shown, entry.line_of(field), f"{code}.{field}", f"unknown field (expected {', '.join(FIELDS)})")
            )
    for code in codes:
        if code not in data:
            problems.append(Problem(shown, None, code, "missing: every language needs its wording"))
    if problems:
        raise DataError(problems)
    return {
        code: Funding(
            **{field: data[code][field].strip() for field in FIELDS}, to_confirm=data[code].get("to_confirm") is True
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
