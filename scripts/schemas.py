"""Write the JSON Schema of every described data file into data/schema/, from the descriptions in hooks/cisotra/.

    ./run schemas            write data/schema/<file>.schema.json for every file of cisotra.datafiles
    ./run schemas --check    write nothing; list the schemas that are out of date (exit status 1)

The site's languages (the keys of every translated field) come from mkdocs.yml. Run it after
changing a description or the languages: a test fails while a committed schema differs from
what the descriptions make.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import _site  # noqa: E402
from cisotra.datafiles import DATA_FILES, SCHEMA_FOLDER  # noqa: E402


def site_codes(root: Path) -> tuple[str, ...]:
    """The language codes of mkdocs.yml, the default first."""
    _, languages, _ = _site.standalone(root)
    return tuple(language.code for language in sorted(languages, key=lambda language: not language.default))


def schemas(codes: tuple[str, ...]) -> dict[str, str]:
    """{path from the project's root: the schema's text} for every described data file."""
    return {data_file.schema_path: data_file.schema_text(codes) for data_file in DATA_FILES}


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list the schemas that are out of date")
    options = parser.parse_args(argv)
    made = schemas(site_codes(root))
    stale = [
        path for path, text in made.items() if not (root / path).is_file() or (root / path).read_text("utf-8") != text
    ]
    if options.check:
        for path in stale:
            print(f"{path} is out of date: run ./run schemas", file=sys.stderr)
        return 1 if stale else 0
    (root / SCHEMA_FOLDER).mkdir(parents=True, exist_ok=True)
    for path in stale:
        (root / path).write_text(made[path], encoding="utf-8")
    print(
        f"{SCHEMA_FOLDER}/: {len(stale)} of {len(made)} schemas written" + (f" ({', '.join(stale)})" if stale else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
