"""The small fixture site of tests/fixtures/site/, made buildable: the project's code and shared files added.

The generators are tested on it, not on the project's real content: its data holds an
activity in every state (planned, upcoming, held online, postponed, cancelled), posts
that exist in some languages only, and a newsletter issue in two languages. The
interface strings and funding text are the project's own, for the fixture's languages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from sitebuild import FIXTURE_MARK, ROOT

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site"
CODES = ("en", "si", "el", "tr")
SHARED = ("hooks", "overrides", "templates", "assets")


def make_fixture(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    (target / FIXTURE_MARK).write_text("built on sitebuild.FIXTURE_MOMENT\n", encoding="utf-8")
    for part in SHARED:
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    shutil.copytree(ROOT / "data" / "map", target / "data" / "map")
    (target / "data" / "strings").mkdir(parents=True)
    for code in CODES:
        shutil.copy2(ROOT / "data" / "strings" / f"{code}.yml", target / "data" / "strings" / f"{code}.yml")
    # The project's participant groups, in the fixture's languages (every language needs each name).
    groups = yaml.safe_load((ROOT / "data" / "participant-groups.yml").read_text(encoding="utf-8"))
    (target / "data" / "participant-groups.yml").write_text(
        yaml.safe_dump(
            {key: {code: names[code] for code in CODES} for key, names in groups.items()},
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    funding = yaml.safe_load((ROOT / "data" / "funding.yml").read_text(encoding="utf-8"))
    (target / "data" / "funding.yml").write_text(
        yaml.safe_dump({code: funding[code] for code in CODES}, allow_unicode=True), encoding="utf-8"
    )
    return target
