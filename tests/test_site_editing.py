"""'Edit this page' in the built site, and how a broken data file shows up in a pull request."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from sitebuild import REPO_URL, build, copy_project
from sitecheck import sample_post


def edit_link(site, path):
    page = BeautifulSoup((site.site / path).read_text(encoding="utf-8"), "html.parser")
    return page.select_one('a.md-content__button[rel="edit"]')["href"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("about/index.html", "/edit/main/docs/en/about.md"),
        ("si/work-packages/wp4/index.html", "/edit/main/docs/si/work-packages/wp4.md"),
        # A post in every language (computed: a partner may rename or remove one).
        (f"el/news/{sample_post()}/index.html", f"/edit/main/docs/el/news/{sample_post()}.md"),
        ("de/timeline/index.html", "/edit/main/data/activities.yml"),
        ("it/news/index.html", "/tree/main/docs/it/news"),
        ("tr/news/page/2/index.html", "/tree/main/docs/tr/news"),
        ("newsletters/index.html", "/tree/main/docs/en/newsletters"),
        ("si/newsletters/issue-1/index.html", "/edit/main/docs/si/newsletters/issue-1.md"),
    ],
)
def test_every_page_edits_what_it_shows(site, path, expected):
    assert edit_link(site, path) == REPO_URL + expected


def test_the_repository_link_fetches_nothing_from_github(site):
    page = (site.site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in page and 'data-md-component="source"' not in page


def test_a_broken_data_file_becomes_an_annotation_on_its_file_and_line(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "data" / "activities.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("work_package: 5", "work_package: 12", 1), encoding="utf-8")
    line = text[: text.index("work_package: 5")].count("\n") + 1
    # The activity the first `work_package: 5` belongs to (computed: a partner may add or rename activities).
    activity = next(a["id"] for a in yaml.safe_load(text) if a.get("work_package") == 5)
    result = build(project, extra_env={"CISOTRA_ANNOTATIONS": "1"})
    assert result.returncode != 0
    expected = f"::error file=data/activities.yml,line={line}::{activity}: work_package: expected a work package's number, from 1 to 10, found 12"
    assert expected in result.log.splitlines()
    # The same message, for people reading the log.
    assert (
        f"data/activities.yml:{line}: {activity}: work_package: expected a work package's number, from 1 to 10, found 12"
        in result.log
    )
