"""Remove from photos the hidden data that tells where they were taken or whose camera took them, in place.

    ./run photos                 every photo under docs/
    ./run photos PATH [PATH...]  these photos (or every photo in these folders)

The picture stays as it is seen (its orientation is applied to the pixels); a photo with
nothing to remove is not touched. The build refuses a photo with a GPS position, a place,
or a camera's serial number or owner (hooks/cisotra/photometadata.py); this is the fix.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from cisotra.photometadata import Unreadable, clean_photo, is_photo, revealing_data  # noqa: E402


def photos_in(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(item for item in path.rglob("*") if item.is_file() and is_photo(item))
        elif path.is_file():
            found.append(path)
    return found


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="./run photos", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="photos or folders (default: docs/)")
    options = parser.parse_args(argv)
    photos = photos_in(options.paths or [root / "docs"])
    cleaned = failed = 0
    for photo in photos:
        shown = _shown(photo, root)
        found = revealing_data(photo)
        if isinstance(found, Unreadable):
            print(f"{shown}: not cleaned: {found.reason}; save it as JPEG first", file=sys.stderr)
            failed += 1
            continue
        if not found:
            continue
        try:
            clean_photo(photo)
        except (OSError, ValueError) as error:
            print(f"{shown}: not cleaned: {error}", file=sys.stderr)
            failed += 1
            continue
        cleaned += 1
        print(f"{shown}: removed {', '.join(found)}")
    print(
        f"{cleaned} photo(s) cleaned, {len(photos) - cleaned - failed} already clean"
        + (f", {failed} not" if failed else "")
    )
    return 1 if failed else 0


def _shown(path: Path, root: Path) -> str:
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(path)


if __name__ == "__main__":
    sys.exit(main())
