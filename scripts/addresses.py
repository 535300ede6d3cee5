"""Add every address of a built site to data/addresses.txt, the list the build guards.

    ./run addresses            (builds the site into site/ first, then updates the list)

Addresses already listed stay listed, also when the build no longer has them: removing
one is a decision (the page is gone on purpose), made by deleting its line.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from cisotra.addresses import published, read_list, write_list  # noqa: E402


def main(site: Path, listing: Path) -> int:
    if not (site / "index.html").is_file():
        print(f"No built site in {site}/: run ./run build first.", file=sys.stderr)
        return 1
    before = {address for _, address in read_list(listing)}
    now = set(published(site))
    write_list(listing, before | now)
    print(f"{listing.name}: {len(now - before)} addresses added, {len(before | now)} listed.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site"), ROOT / "data" / "addresses.txt"))
