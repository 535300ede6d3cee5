"""Words a search treats as one, per language: data/synonyms.yml.

    de:
      Fortbildung: [Kurs, Schulung]

Each line is a group: the word before the colon and the words in brackets find each other's
pages (cisotra.searchindex joins them into the index). A word is written as the pages
write it, in any of its forms ("Fortbildungen" does as well as "Fortbildung"): the search
compares stems. The build reports a word that no page of its language has: a visitor who
types it still finds the group's pages, but it may be misspelt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .search import words
from .yamlfile import Located, load_file

EXAMPLE = "Fortbildung: [Kurs, Schulung]"


@dataclass(frozen=True)
class SynonymGroup:
    """Words of one language that find each other's pages."""

    words: tuple[str, ...]
    file: Path
    line: int
    field: str  # where the group is, for messages: "de.Fortbildung"


def _shown(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def _word_problem(word: object) -> str | None:
    """What is wrong with one word of a group, or None."""
    if not isinstance(word, str):
        # YAML reads yes, no, on, off and numbers as values, not text.
        return f'found {word!r}, which YAML does not read as a word, expected a word: put it in quotes, like  "no"'
    if not word.strip():
        return "found an empty word, expected a word: remove the extra comma"
    if words(word) != [word.strip()]:
        return (
            f"found {word!r}, expected one word (letters and digits, no spaces, hyphens or other signs): "
            "a group holds single words; put each word of a phrase in its own group if it needs one"
        )
    return None


def load_synonyms(path: Path, codes: tuple[str, ...], shown_root: Path) -> dict[str, tuple[SynonymGroup, ...]]:
    """Every language's groups (a language may have none, and the file may be missing); a
    DataError lists every problem, each with its line."""
    if not path.exists():
        return {}
    shown = _shown(path, shown_root)
    data = load_file(path, shown)
    if data is None:
        return {}
    if not isinstance(data, Located):
        raise DataError(
            [Problem(shown, 1, None, f"expected languages (en:, de:, …), each with groups such as  {EXAMPLE}")]
        )
    problems: list[Problem] = []
    groups: dict[str, tuple[SynonymGroup, ...]] = {}
    for code, lines in data.items():
        line = data.line_of(code)
        if code not in codes:
            problems.append(Problem(shown, line, str(code), f"unknown language (expected one of: {', '.join(codes)})"))
            continue
        if lines is None:
            groups[code] = ()
            continue
        if not isinstance(lines, Mapping):
            problems.append(
                Problem(shown, line, code, f"expected groups of words, one per line and indented, such as  {EXAMPLE}")
            )
            continue
        seen: dict[str, int] = {}  # a word, case-folded → the line of its group
        found: list[SynonymGroup] = []
        for first, others in lines.items():
            where = lines.line_of(first) if isinstance(lines, Located) else line
            field = f"{code}.{first}"
            if isinstance(others, str):
                others = [others]
            if not isinstance(others, list) or not others:
                problems.append(
                    Problem(
                        shown,
                        where,
                        field,
                        f"found {others!r}, expected the words that mean the same in brackets, such as  {EXAMPLE}",
                    )
                )
                continue
            group = [first, *others]
            wrong = [(word, _word_problem(word)) for word in group]
            for _word, message in wrong:
                if message:
                    problems.append(Problem(shown, where, field, message))
            if any(message for _, message in wrong):
                continue
            for word in group:
                key = word.strip().casefold()
                if key in seen:
                    problems.append(
                        Problem(
                            shown,
                            where,
                            field,
                            f"{word!r} is already in the group on line {seen[key]}: "
                            "put all the words that mean the same in one group",
                        )
                    )
                seen[key] = where
            found.append(SynonymGroup(tuple(word.strip() for word in group), shown, where, field))
        groups[code] = tuple(found)
    if problems:
        raise DataError(problems)
    return groups
