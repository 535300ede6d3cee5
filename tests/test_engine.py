"""The way off MkDocs 1.x stays open: ProperDocs, its maintained fork, builds the site unchanged.

MkDocs has had no release since 2024 and Material for MkDocs announces its end of life for
2027. The same sources, built with ProperDocs, give the same site byte for byte, but for the
generator tag that names the engine.
"""

from __future__ import annotations

import re

from partner import partner_changes

from sitebuild import build, copy_project

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(site, tmp_path):
    project = copy_project(tmp_path / "project")
    partner_changes(project)  # as the suite's real site (tests/conftest.py)
    other = build(project, engine="properdocs")
    assert other.returncode == 0, other.log
    made = {path.relative_to(site.site).as_posix(): path for path in site.site.rglob("*") if path.is_file()}
    again = {path.relative_to(other.site).as_posix(): path for path in other.site.rglob("*") if path.is_file()}
    assert len(made) > 500 and made.keys() == again.keys(), sorted(made.keys() ^ again.keys())[:10]
    differ = [
        name
        for name in made
        if GENERATOR.sub(b"", made[name].read_bytes()) != GENERATOR.sub(b"", again[name].read_bytes())
    ]
    assert differ == []
    assert b"ProperDocs" in (other.site / "index.html").read_bytes()  # it was ProperDocs that built it
