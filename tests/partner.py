"""A partner's ordinary changes, made as CONTRIBUTING.md walks partners through them, with the same commands
and templates: a news post in two languages, an activity, a newsletter issue in English only that links to
an existing post, a typo fix, and a post renamed in every language with its redirect line (section 8).

The suite's real site is built with them (tests/conftest.py): every check of the real site is a check of
the site as a partner leaves it, so a test that pins today's content (a count, a list of posts) fails.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sitebuild import ROOT, TEST_MOMENT

DAY = (TEST_MOMENT.date() - timedelta(days=2)).isoformat()  # published two days before the build
SLUG = "partner-meeting-suite-check"
RENAMED = "renamed-by-a-partner"  # the new words after the date of the post that is renamed
ISSUE_TITLE = "CiSoTRA e-newsletter {number}"  # the next free number


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

    slug = SLUG
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
            "Write the title of the issue here": ISSUE_TITLE.format(number=number),
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

    rename_post(project)


def renamed_post() -> tuple[str, str]:
    """(old, new) file name without .md of the post the partner renames: the newest post written in every
    language of the sources the suite copies (one that other posts link to, so that the links need
    correcting too)."""
    folders = [folder for folder in sorted((ROOT / "docs").iterdir()) if (folder / "news").is_dir()]
    stems = set.intersection(*({path.stem for path in (folder / "news").glob("2*.md")} for folder in folders))
    old = max(stems)
    return old, f"{old[:10]}-{RENAMED}"


def rename_post(project: Path) -> None:
    """CONTRIBUTING.md section 8, step by step: the file renamed in every language folder, one line added at
    the end of data/redirects.yml (old address first, without the language folder), and the links that
    led to the old file corrected."""
    old, new = renamed_post()
    assert f"/news/{old}/" in (project / "data" / "addresses.txt").read_text(encoding="utf-8")  # it was published
    for path in sorted((project / "docs").glob(f"*/news/{old}.md")):
        path.rename(path.with_name(f"{new}.md"))
    redirects = project / "data" / "redirects.yml"
    text = redirects.read_text(encoding="utf-8")
    redirects.write_text(text + ("" if text.endswith("\n") else "\n") + f"news/{old}/: news/{new}/\n", "utf-8")
    for page in sorted((project / "docs").rglob("*.md")):
        content = page.read_text(encoding="utf-8")
        if f"{old}.md" in content:
            page.write_text(content.replace(f"{old}.md", f"{new}.md"), encoding="utf-8")
