"""The translation-status report, on a small git repository with missing and outdated translations."""

import subprocess
import sys
from pathlib import Path

import pytest

from cisotra.translations import (
    MISSING,
    OK,
    OUTDATED,
    Report,
    held_back_list,
    last_changes,
    markdown_table,
    scan,
    terminal_report,
)

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
    rows = scan(repo / "docs", CODES, last_changes(repo))
    assert {row.path: row.status for row in rows} == {
        "about.md": {"en": OK, "si": OK, "de": OUTDATED},
        "contact.md": {"en": OK, "si": OK, "de": MISSING},
    }


def test_a_page_written_in_another_language_first_is_missing_in_english(repo):
    write(repo, "docs/de/news/2026-11-30-treffen.md", "Treffen\n")
    rows = {row.path: row.status for row in scan(repo / "docs", CODES, last_changes(repo))}
    assert rows["news/2026-11-30-treffen.md"] == {"en": MISSING, "si": MISSING, "de": OK}


def test_posts_connected_by_a_translation_key_are_one_row(repo):
    write(repo, "docs/en/news/2026-11-30-meeting.md", "Meeting\n")
    write(repo, "docs/si/news/2026-11-30-srecanje.md", "Srečanje\n")
    keys = {"en/news/2026-11-30-meeting.md": "news:m", "si/news/2026-11-30-srecanje.md": "news:m"}
    rows = {row.path: row.status for row in scan(repo / "docs", CODES, last_changes(repo), keys)}
    assert rows["news/2026-11-30-meeting.md"] == {"en": OK, "si": OK, "de": MISSING}
    assert "news/2026-11-30-srecanje.md" not in rows


def test_an_uncommitted_english_change_makes_every_translation_outdated(repo):
    write(repo, "docs/en/contact.md", "Contact, edited\n")
    rows = {row.path: row.status for row in scan(repo / "docs", CODES, last_changes(repo))}
    assert rows["contact.md"] == {"en": OK, "si": OUTDATED, "de": MISSING}


def test_without_git_history_nothing_is_called_outdated(tmp_path):
    write(tmp_path, "docs/en/about.md", "About\n")
    write(tmp_path, "docs/si/about.md", "O projektu\n")
    assert last_changes(tmp_path) == {}
    assert scan(tmp_path / "docs", CODES, {})[0].status == {"en": OK, "si": OK, "de": MISSING}


def test_the_table_marks_each_state(repo):
    rows = scan(repo / "docs", CODES, last_changes(repo))
    assert markdown_table(rows, CODES).splitlines() == [
        "| page | en | si | de |",
        "|---|---|---|---|",
        "| `about.md` | ✓ | ✓ | outdated |",
        "| `contact.md` | ✓ | ✓ | missing |",
    ]


def test_the_terminal_report_can_show_one_language_and_what_is_held_back(repo):
    from datetime import date

    from cisotra.translations import HeldBack

    rows = scan(repo / "docs", CODES, last_changes(repo))
    held = [
        HeldBack("de/news/2026-12-05-x.md", "dated in the future", date(2026, 12, 5)),
        HeldBack("si/news/2026-12-01-y.md", "draft", None),
    ]
    report = Report(CODES, rows, held)
    names = {"en": "English", "si": "Slovenščina", "de": "Deutsch"}
    assert terminal_report(report, names, "de").splitlines() == [
        "Deutsch (de): 0 there, 1 outdated, 1 missing",
        "  about.md: de outdated",
        "  contact.md: de missing",
        "Not published yet:",
        "  - docs/de/news/2026-12-05-x.md: dated in the future, appears on 2026-12-05",
    ]
    assert held_back_list(held).count("\n") == 1


@pytest.fixture
def fixture_repo(tmp_path):
    from fixture import make_fixture

    project = make_fixture(tmp_path / "site")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "fixture", when="2024-01-01T10:00:00+00:00")
    return project


def test_the_command_reports_every_language_in_every_direction(fixture_repo, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    import translation_status

    assert translation_status.main([], root=fixture_repo) == 0
    out = capsys.readouterr().out.splitlines()
    # The Turkish-only post is missing in English, the default language, too.
    assert "  news/2020-06-01-turkish-only.md: en missing, si missing, el missing" in out
    assert translation_status.main(["tr"], root=fixture_repo) == 0
    turkish = capsys.readouterr().out.splitlines()
    assert turkish[0].startswith("Türkçe (tr): ")
    assert "  news/2020-06-01-turkish-only.md: en missing" not in turkish


def test_the_command_lists_what_is_held_back_with_its_day(fixture_repo, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    import translation_status

    write(
        fixture_repo,
        "docs/el/news/2031-01-01-later.md",
        "---\ntitle: Αργότερα\ndate: 2031-01-01\nsummary: Αργότερα.\n---\n\n# Αργότερα\n",
    )
    write(
        fixture_repo,
        "docs/en/newsletters/issue-2.md",
        "---\nnumber: 2\ndate: 2019-09-01\ntitle: Two\nsummary: Two.\ndraft: true\n---\n\n# Two\n",
    )
    assert translation_status.main(["el"], root=fixture_repo) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [
        "Not published yet:",
        "  - docs/el/news/2031-01-01-later.md: dated in the future, appears on 2031-01-01",
    ]
    assert translation_status.main([], root=fixture_repo) == 0
    assert "  - docs/en/newsletters/issue-2.md: draft" in capsys.readouterr().out.splitlines()


def test_the_command_prints_a_job_summary(fixture_repo, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    import translation_status

    assert translation_status.main(["--markdown"], root=fixture_repo) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Translation status")
    assert "| tr | " in out and "`news/2020-06-01-turkish-only.md`" in out
