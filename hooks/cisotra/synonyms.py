"""Words a search treats as one, per language: data/synonyms.yml, a list of groups.

    - language: de
      words: [Fortbildung, Kurs, Schulung]

The words of a group find each other's pages (cisotra.searchindex joins them into the
index). A word is written as the pages write it, in any of its forms ("Fortbildungen" does
as well as "Fortbildung"): the search compares stems. The build reports a word that no page
of its language has: a visitor who types it still finds the group's pages, but it may be
misspelt.

The file's shape (a list of groups, each a language of the site and two or more single
words) is its description, `SYNONYMS`, from which the checks, the JSON Schema and the
browser editor's form are made; the loader adds what ties groups together: a word in one
group of its language only. The file was a mapping per language (`de: {Fortbildung: [Kurs]}`),
which the editor cannot write: a file still in that form is told how to write it now.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .fields import INVALID, Field, ListOf, Record, SiteLanguage, Text, check
from .search import words
from .yamlfile import Located, load_file


@dataclass(frozen=True)
class Word(Text):
    """One word as the search reads it: letters and digits, no spaces, hyphens or other signs."""

    expected: str = "a word"

    def check(self, value, where):
        if message := _word_problem(value):
            where.problem(message)
            return INVALID
        return value.strip()


GROUP = Record(
    (
        Field(
            "language",
            SiteLanguage(),
            required=True,
            help="The language of the pages that have these words (si is Slovenian): a group finds pages of "
            "its own language only.",
        ),
        Field(
            "words",
            ListOf(Word(), minimum=2, expected="two or more words that mean the same, such as  [Fortbildung, Kurs]"),
            required=True,
            help="Two or more single words that a search treats as one: a visitor who types one finds the pages "
            "of the others too, below the pages that have the word itself. Write each word as the pages write "
            "it, in any of its forms (the search compares stems). A word may be in one group of its language only.",
        ),
    ),
    what="a group of words",
)
SYNONYMS = ListOf(GROUP, label_by="language", expected="a list of groups, each starting with '- language:'")


@dataclass(frozen=True)
class SynonymGroup:
    """Words of one language that find each other's pages."""

    words: tuple[str, ...]
    file: Path
    line: int
    field: str  # where the group is, for messages: "de: words"


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
    """Every language's groups, in the file's order (a language may have none, and the file may be
    missing); a DataError lists every problem, each with its line."""
    if not path.exists():
        return {}
    shown = _shown(path, shown_root)
    data = load_file(path, shown)
    if data is None:
        return {}
    if isinstance(data, Mapping):
        raise DataError([_old_form(data, shown)])
    checked, problems = check(data, SYNONYMS, shown, codes)
    groups: dict[str, list[SynonymGroup]] = {}
    seen: dict[str, dict[str, int]] = {}  # per language: a word, case-folded → the line of its group
    for item, group in zip(data, checked if checked is not INVALID else [], strict=False):
        if not isinstance(item, Located) or not isinstance(group, dict) or set(group) != {"language", "words"}:
            continue  # its problems are reported
        code = group["language"]
        line = item.line_of("words") or item.line
        field = f"{code}: words"
        before = len(problems)
        known = seen.setdefault(code, {})
        for word in group["words"]:
            key = word.casefold()
            if key in known:
                problems.append(
                    Problem(
                        shown,
                        line,
                        field,
                        f"{word!r} is already in the group on line {known[key]}: "
                        "put all the words that mean the same in one group",
                    )
                )
            known[key] = line
        if len(problems) == before:
            groups.setdefault(code, []).append(SynonymGroup(tuple(group["words"]), shown, line, field))
    if problems:
        raise DataError(problems)
    return {code: tuple(found) for code, found in groups.items()}


def _old_form(data: Mapping, shown: Path) -> Problem:
    """How to write the groups of the file's old form (`en: {training: [course]}`) as the list it is now."""
    for code, lines in data.items():
        if isinstance(lines, Mapping) and lines:
            first, others = next(iter(lines.items()))
            others = others if isinstance(others, list) else [others]
            group = ", ".join(str(word) for word in (first, *others))
            line = lines.line_of(first) if isinstance(lines, Located) else getattr(data, "line", 1)
            return Problem(
                shown,
                line,
                None,
                f"the file is now a list of groups: write `{code}:` and `{first}: {_brackets(others)}` as  "
                f"- language: {code}  and under it, indented by two spaces,  words: [{group}]  "
                '(and every other group the same way); see CONTRIBUTING.md, "Words that search treats as one"',
            )
    return Problem(
        shown,
        getattr(data, "line", 1) or 1,
        None,
        "the file is now a list of groups, each written as  - language: en  and under it, indented by two "
        'spaces,  words: [training, course]; see CONTRIBUTING.md, "Words that search treats as one"',
    )


def _brackets(others: list) -> str:
    return "[" + ", ".join(str(word) for word in others) + "]"
