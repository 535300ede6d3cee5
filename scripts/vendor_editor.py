"""Copy the browser editor's files from the pinned npm packages into the repository (assets/editor/).

    npm ci --ignore-scripts --prefix tests/tools      (installs the versions tests/tools/package-lock.json pins)
    .venv/bin/python scripts/vendor_editor.py

The build serves what this copies, so a fresh clone builds without npm; tests/test_editor_files.py
says when the copies differ from the installed packages. To update Sveltia CMS: change its version
and the font versions its script names in tests/tools/package.json and in cisotra.editor
(SVELTIA_VERSION, FONTS), run npm install there, then this.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from cisotra.editor import FONTS, SCRIPT, VENDORED, vendored_files  # noqa: E402

PACKAGES = ROOT / "tests" / "tools" / "node_modules"


def main() -> int:
    if not (PACKAGES / "@sveltia" / "cms").is_dir():
        print(
            f"No npm packages in {PACKAGES}: run  npm ci --ignore-scripts --prefix tests/tools  first.", file=sys.stderr
        )
        return 1
    target = ROOT / VENDORED
    for source, copy in vendored_files(PACKAGES).items():
        (target / copy).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / copy)
        print(f"{VENDORED}/{copy}")
    print(f"{SCRIPT} and {len(FONTS)} fonts copied.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
