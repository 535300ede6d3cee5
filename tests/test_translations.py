"""The translation-status report, on a small git repository with missing and outdated translations."""

import subprocess
import sys
from pathlib import Path

import pytest

from cisotra.translations import MISSING, OK, OUTDATED, last_changes, markdown_table, scan

ROOT = Path(__file__).resolve().parent.parent
CODES = ("en", "si", "de")


def git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(repo), **env},
    )


def write(repo: Path, relative: str, text: str) -> None:
    (repo / relative).parent.mkdir(parents=True, exist_ok=True)
    (repo / relative).write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q")
    write(tmp_path, "docs/en/about.md", "About\n")
    write(tmp_path, "docs/en/contact.md", "Contact\n")
    write(tmp_path, "docs/si/about.md", "O projektu\n")
    write(tmp_path, "docs/si/contact.md", "Kontakt\n")
    write(tmp_path, "docs/de/about.md", "Über\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first", when="2024-01-01T10:00:00+00:00")
    write(tmp_path, "docs/en/about.md", "About, changed\n")
    git(tmp_path, "commit", "-q", "-am", "English changed", when="2024-02-01T10:00:00+00:00")
    write(tmp_path, "docs/si/about.md", "O projektu, posodobljeno\n")
    git(tmp_path, "commit", "-q", "-am", "Slovenian brought up to date", when="2024-03-01T10:00:00+00:00")
    return tmp_path


def test_missing_and_outdated_translations_are_found(repo):
    rows = scan(repo / "docs", CODES, "en", last_changes(repo))
    assert {row.path: row.status for row in rows} == {
        "about.md": {"si": OK, "de": OUTDATED},
        "contact.md": {"si": OK, "de": MISSING},
    }


def test_an_uncommitted_english_change_makes_every_translation_outdated(repo):
    write(repo, "docs/en/contact.md", "Contact, edited\n")
    rows = {row.path: row.status for row in scan(repo / "docs", CODES, "en", last_changes(repo))}
    assert rows["contact.md"] == {"si": OUTDATED, "de": MISSING}


def test_without_git_history_nothing_is_called_outdated(tmp_path):
    write(tmp_path, "docs/en/about.md", "About\n")
    write(tmp_path, "docs/si/about.md", "O projektu\n")
    assert last_changes(tmp_path) == {}
    assert scan(tmp_path / "docs", CODES, "en", {})[0].status == {"si": OK, "de": MISSING}


def test_the_table_marks_each_state(repo):
    rows = scan(repo / "docs", CODES, "en", last_changes(repo))
    assert markdown_table(rows, CODES, {"page": "page", MISSING: "missing", OUTDATED: "outdated"}).splitlines() == [
        "| page | si | de |",
        "|---|---|---|",
        "| `about.md` | ✓ | outdated |",
        "| `contact.md` | ✓ | missing |",
    ]


def test_the_command_prints_a_job_summary(repo, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    import translation_status

    assert translation_status.main(["--markdown"], root=repo) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Translation status")
    assert "| de | 0 | 1 |" in out  # about.md outdated, the rest missing
