"""Paths that name an existing file in other capital letters: `Foto.JPG` written for `foto.jpg`.

GitHub Pages tells capital letters apart, so such a link leads nowhere once published,
while it may work on a partner's own computer (Windows and macOS do not tell them apart,
and there `Path.is_file()` says yes). So existence is decided here by the names the
folder really lists, one part of the path at a time.
"""

from __future__ import annotations

import functools
import posixpath
from pathlib import Path
from urllib.parse import unquote


def exact_file(base: Path, relative: str) -> bool:
    """Whether `relative` (a '/'-separated path under `base`) names a file with exactly these letters."""
    folder = base
    parts = _parts(relative)
    if parts is None:
        return False
    for index, part in enumerate(parts):
        names = _listing(folder)
        if part not in names:
            return False
        folder = folder / part
        if index < len(parts) - 1 and not folder.is_dir():
            return False
    return folder.is_file()


def case_mismatch(base: Path, relative: str) -> str | None:
    """The path as it really is, when `relative` names an existing file only in other capital letters; else None."""
    parts = _parts(relative)
    if parts is None or exact_file(base, relative):
        return None
    folder = base
    found = []
    for part in parts:
        names = _listing(folder)
        real = part if part in names else next((name for name in sorted(names) if name.lower() == part.lower()), None)
        if real is None:
            return None
        found.append(real)
        folder = folder / real
    return "/".join(found) if folder.is_file() else None


def corrected_link(written: str, source_folder: str, real: str) -> str:
    """The link to write instead of `written`, from `source_folder` (under the same base as `real`)."""
    path, hash_, fragment = written.partition("#")
    corrected = posixpath.relpath(real, source_folder or ".")
    return corrected + hash_ + fragment


def _parts(relative: str) -> list[str] | None:
    normal = posixpath.normpath(relative)
    if normal.startswith(("../", "/")) or normal in ("..", "."):
        return None
    return normal.split("/")


@functools.lru_cache(maxsize=4096)
def _listing_cached(folder: str, _stamp: float) -> frozenset[str]:
    path = Path(folder)
    return frozenset(entry.name for entry in path.iterdir()) if path.is_dir() else frozenset()


def _listing(folder: Path) -> frozenset[str]:
    """The names a folder holds (cached while the folder does not change)."""
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return frozenset()
    return _listing_cached(str(folder), stamp)


def miscased(docs: Path, folder: str, written: str) -> str | None:
    """The problem with `written` (a path from `folder`, both under `docs`) when it names an existing
    file only in other capital letters; None when it names a file exactly, or none at all."""
    path = unquote(written.partition("#")[0])
    target = posixpath.normpath(posixpath.join(folder, path))
    real = case_mismatch(docs, target)
    if real is None:
        return None
    return message(written, real, corrected_link(written, folder, real))


def message(written: str, real: str, corrected: str) -> str:
    return (
        f"'{written}' differs from the file docs/{real} only in capital letters; addresses on the published "
        f"site tell capital letters apart, so it would lead nowhere. Write '{corrected}'"
    )
