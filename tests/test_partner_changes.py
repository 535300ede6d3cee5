"""A partner's ordinary changes leave every check green.

On a copy of the project, this makes the changes CONTRIBUTING.md walks partners through,
with the same commands and templates: a news post in two languages, an activity, a
newsletter issue in English only that links to an existing post, and a typo fix. Then it
runs the suite's checks of the built site on that copy. If a test pins today's content
(a count, a list of posts), this is where it shows.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sitebuild import ROOT, TEST_MOMENT, copy_project

SITE_CHECKS = sorted(str(path) for path in (ROOT / "tests").glob("test_site_*.py")) + [
    str(ROOT / "tests" / "test_document_facts.py")
]
DAY = TEST_MOMENT.date().replace(day=TEST_MOMENT.day - 2).isoformat()


def run(project: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "scripts/new_content.py", *args], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def fill(path: Path, replacements: dict[str, str]) -> None:
    """Write the partner's own text where the template has placeholders, and publish (delete the draft line)."""
    text = path.read_text(encoding="utf-8")
    for placeholder, own in replacements.items():
        assert placeholder in text, (path, placeholder)
        text = text.replace(placeholder, own)
    lines = [line for line in text.split("\n") if not line.startswith("draft: true")]
    path.write_text("\n".join(lines), encoding="utf-8")


def partner_changes(project: Path) -> None:
    """The partner's changes, with names no partner has used yet: the next free issue number,
    a post slug and an activity id of this test's own."""
    (project / "scripts").mkdir(exist_ok=True)
    for script in ("new_content.py",):
        (project / "scripts" / script).write_text((ROOT / "scripts" / script).read_text(encoding="utf-8"))

    slug = "partner-meeting-suite-check"
    run(project, "news", "--date", DAY, "--slug", slug, "--languages", "en", "el")
    for code, title, text in (
        ("en", "Partners meet online", "The partners met online to plan the next steps."),
        (
            "el",
            "Οι εταίροι συναντήθηκαν διαδικτυακά",
            "Οι εταίροι συναντήθηκαν διαδικτυακά για να σχεδιάσουν τα επόμενα βήματα.",
        ),
    ):
        fill(
            project / "docs" / code / "news" / f"{DAY}-{slug}.md",
            {
                "Write the headline here": title,
                "One or two sentences: what, when, where. They appear in the news list and the feeds.": text,
                "Write the text here. Say only what is certain: what happens, when, where and who takes part.": text,
            },
        )

    run(
        project,
        "activity",
        "--id",
        "meeting-partner-online",
        "--type",
        "meeting",
        "--work-package",
        "1",
        "--start",
        DAY,
        "--country",
        "SI",
    )
    fill(project / "data" / "activities.yml", {"Write the English title here": "Online partner meeting"})

    numbers = [int(path.stem.split("-")[-1]) for path in (project / "docs").glob("*/newsletters/issue-*.md")]
    number = max(numbers, default=0) + 1
    run(project, "newsletter", "--number", str(number), "--date", DAY, "--languages", "en")
    post = sorted((project / "docs" / "en" / "news").glob("2020-*.md"))[0].name
    fill(
        project / "docs" / "en" / "newsletters" / f"issue-{number}.md",
        {
            "Write the title of the issue here": f"CiSoTRA e-newsletter {number}",
            "One or two sentences about this issue. They appear in the archive and at the top of the e-mail.": "News from the partners.",
            "A short greeting and what this issue is about.": f"Read [our earlier news](../news/{post}).",
            "First topic": "The partners' meeting",
            "Text.": "The partners met online.",
        },
    )

    about = project / "docs" / "de" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8").replace("Projekt", "Projekt ", 1).replace("Projekt  ", "Projekt "),
        encoding="utf-8",
    )


def test_a_post_in_two_languages_an_activity_and_an_english_only_issue_keep_the_site_checks_green(tmp_path):
    project = copy_project(tmp_path / "partner")
    partner_changes(project)
    env = {**os.environ, "CISOTRA_TEST_PROJECT": str(project)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *SITE_CHECKS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
