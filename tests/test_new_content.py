import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import new_content  # noqa: E402

from cisotra.activities import load_activities  # noqa: E402
from cisotra.frontmatter import read_front_matter  # noqa: E402


@pytest.fixture
def project(tmp_path):
    """The fixture site, not the project's own data: the ids used here may not clash with a partner's."""
    from fixture import make_fixture

    return make_fixture(tmp_path / "site")


def test_a_news_post_in_two_languages_starts_as_a_draft(project, capsys):
    assert (
        new_content.main(
            ["news", "--date", "2026-12-01", "--slug", "partner-meeting", "--languages", "en", "si"], root=project
        )
        == 0
    )
    for code in ("en", "si"):
        path = project / "docs" / code / "news" / "2026-12-01-partner-meeting.md"
        meta, body = read_front_matter(path, path)
        assert meta["date"] == "2026-12-01" and meta["draft"] is True
        assert body.strip().startswith("# ")
    assert capsys.readouterr().out.splitlines() == [
        "wrote docs/en/news/2026-12-01-partner-meeting.md",
        "wrote docs/si/news/2026-12-01-partner-meeting.md",
    ]


def test_nothing_is_overwritten(project, capsys):
    new_content.main(["news", "--date", "2026-12-01", "--slug", "x", "--languages", "en"], root=project)
    assert (
        new_content.main(["news", "--date", "2026-12-01", "--slug", "x", "--languages", "en", "el"], root=project) == 1
    )
    assert "already exists, nothing written: docs/en/news/2026-12-01-x.md" in capsys.readouterr().err
    assert not (project / "docs" / "el" / "news" / "2026-12-01-x.md").exists()


def test_a_newsletter_issue_gets_its_number_and_date_and_starts_as_a_draft(project):
    new_content.main(["newsletter", "--number", "4", "--date", "2026-12-01", "--languages", "el"], root=project)
    meta, _ = read_front_matter(project / "docs/el/newsletters/issue-4.md", Path("x"))
    assert (meta["number"], meta["date"], meta["draft"]) == (4, "2026-12-01", True)


def test_the_languages_offered_are_the_sites(project, capsys):
    with pytest.raises(SystemExit):
        new_content.main(["news", "--date", "2026-12-01", "--slug", "x", "--languages", "de"], root=project)
    assert "invalid choice: 'de' (choose from 'en', 'si', 'el', 'tr')" in capsys.readouterr().err


def test_a_new_activity_is_validated_and_added(project):
    code = new_content.main(
        [
            "activity",
            "--id",
            "meeting-new-celje",
            "--type",
            "meeting",
            "--work-package",
            "1",
            "--start",
            "2026-12-01",
            "--country",
            "SI",
        ],
        root=project,
    )
    assert code == 0
    activities = load_activities(
        project / "data" / "activities.yml", project / "data" / "cities.yml", new_content.site_codes(project), project
    )
    added = next(a for a in activities if a.id == "meeting-new-celje")
    assert (added.work_package, added.period.first.isoformat(), added.place.country) == (1, "2026-12-01", "SI")
    assert added.participants is None  # no number is made up until an editor writes the planned one


def test_an_invalid_activity_leaves_the_data_untouched(project, capsys):
    before = (project / "data" / "activities.yml").read_text(encoding="utf-8")
    code = new_content.main(
        ["activity", "--id", "x", "--type", "party", "--work-package", "1", "--start", "2026-12", "--country", "SI"],
        root=project,
    )
    assert code == 1
    assert "unknown type 'party'" in capsys.readouterr().err
    assert (project / "data" / "activities.yml").read_text(encoding="utf-8") == before


def test_a_slug_in_any_language_becomes_the_safe_name_the_build_requires(project, capsys):
    assert (
        new_content.main(
            ["news", "--date", "2026-12-01", "--slug", "Srečanje v Celju", "--languages", "si"], root=project
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines() == ["wrote docs/si/news/2026-12-01-srecanje-v-celju.md"]
    new_content.main(
        ["news", "--date", "2026-12-02", "--slug", "Συνάντηση στην Αθήνα", "--languages", "el"], root=project
    )
    assert (project / "docs/el/news/2026-12-02-synantisi-stin-athina.md").is_file()
