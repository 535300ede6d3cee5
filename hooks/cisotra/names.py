"""Safe names for content files: lower-case ASCII letters, digits and hyphens, and nothing else.

A file's name becomes part of its public address. `Srečanje v Celju.md` would be
published at `/si/news/Srečanje v Celju/`: spaces and letters outside ASCII are encoded
differently by every program that copies the address (mail, chat, feeds), and
GitHub Pages tells capital letters apart, so `Foto.JPG` and `foto.jpg` are two
addresses. So every page and every uploaded file under docs/ is named in lower-case
ASCII letters, digits and hyphens, with a lower-case extension; a results file may
carry its language before the extension (`initial-study.el.pdf`).

A name that is not safe stops the build with the name to use instead: the same words
transliterated by ICU (Greek by the UN's romanisation, which Greek officials use: Αθήνα
→ athina; Turkish ı and İ → i; German ß → ss), lower-cased, other characters as hyphens.
`./run new` makes names with the same function.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

from .errors import Problem

# The site's own code, named by its developers (and third-party files such as a licence's
# COPYING.txt): not content.
CODE_FOLDERS = ("assets/javascripts/", "assets/stylesheets/")

_WORDS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXTENSION = re.compile(r"^[a-z0-9]+$")
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


@functools.cache
def _transliterator():
    import icu

    # Greek by UNGEGN/ELOT 743 first (the generic Greek-Latin rule writes η as ē and so e:
    # Αθήνα would become athena); then every other script to Latin, then Latin to ASCII.
    return icu.Transliterator.createInstance("Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII")


def slug(text: str) -> str:
    """`text` as words for an address: 'Srečanje v Celju' → 'srecanje-v-celju', 'Αθήνα 2019' → 'athina-2019'."""
    ascii_text = _transliterator().transliterate(text)
    return _NOT_ALPHANUMERIC.sub("-", ascii_text.lower()).strip("-")


def safe_file_name(name: str, language_codes: Iterable[str] = ()) -> str:
    """The safe form of a file name, keeping its extension and a language suffix ('study.el.pdf').

    'Srečanje v Celju.md' → 'srecanje-v-celju.md'; 'Foto 1.JPG' → 'foto-1.jpg'.
    """
    stem, extension = _split(name)
    parts = stem.split(".")
    language = ""
    if len(parts) > 1 and parts[-1].lower() in set(language_codes):
        language = "." + parts.pop().lower()
    words = slug(".".join(parts)) or "file"
    return words + language + (f".{slug(extension).replace('-', '')}" if extension else "")


def is_safe(path: str, language_codes: Iterable[str] = ()) -> bool:
    """Whether every part of `path` (relative to docs/, folders and file name) is safe."""
    *folders, name = path.split("/")
    return all(_WORDS.match(folder) for folder in folders) and safe_file_name(name, language_codes) == name


def safe_path(path: str, language_codes: Iterable[str] = ()) -> str:
    """`path` with every folder and the file name made safe."""
    *folders, name = path.split("/")
    return posixpath.join(*(slug(folder) or "folder" for folder in folders), safe_file_name(name, language_codes))


def _split(name: str) -> tuple[str, str]:
    """(stem, extension) of a file name; a name without a dot, or a dot only at the start, has none."""
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or not _EXTENSION.match(slug(extension).replace("-", "") or "-"):
        return name, ""
    return stem, extension


def is_content(path: str) -> bool:
    """Whether a file under docs/ is content a partner names (not the site's own code)."""
    return not path.startswith(CODE_FOLDERS)


def check_names(docs: Path, language_codes: Iterable[str], shown_root: Path) -> list[Problem]:
    """Every page and uploaded file under `docs` has a safe name; otherwise the name to use."""
    codes = tuple(language_codes)
    problems = []
    for file in sorted(docs.rglob("*")):
        if not file.is_file():
            continue
        relative = file.relative_to(docs).as_posix()
        if not is_content(relative) or is_safe(relative, codes):
            continue
        better = safe_path(relative, codes)
        problems.append(
            Problem(
                file.relative_to(shown_root),
                None,
                "name",
                f"this name has {_what_is_wrong(relative)}; names of pages and files become their "
                f"addresses and may only have lower-case letters a-z, digits and hyphens. Rename it to "
                f"'docs/{better}' ({_how_to_rename(relative)}), and change the links to it",
            )
        )
    return problems


def _how_to_rename(path: str) -> str:
    if path.endswith(".md"):
        return "on GitHub: open the file, click the pencil, and edit its name at the top"
    return "on GitHub: upload it again under that name, then open the old one and delete it"


def _what_is_wrong(path: str) -> str:
    found = []
    if " " in path:
        found.append("spaces")
    if any(character.isupper() for character in path):
        found.append("capital letters")
    if any(ord(character) > 127 for character in path):
        found.append("letters outside a-z")
    others = sorted({c for c in path if ord(c) < 128 and not (c.isalnum() or c in " -./")})
    if others:
        found.append("the characters " + " ".join(others) if len(others) > 1 else f"the character {others[0]}")
    if not found:
        found.append("characters other than letters, digits and hyphens")
    return found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]
