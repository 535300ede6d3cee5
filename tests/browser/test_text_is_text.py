"""Text is text in a real browser: the fixture project with markup-like text in every field partners
control (tests/test_site_text_is_text.py) shows that text as text, runs none of it, and keeps its
Content-Security-Policy, on its pages and in search results."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture import make_fixture  # noqa: E402
from test_site_text_is_text import ACTIVITY, CITY, POST_TITLE, write_payloads  # noqa: E402


@pytest.fixture(scope="module")
def payload_site(serve, tmp_path_factory):
    project = make_fixture(tmp_path_factory.mktemp("browser-text") / "site")
    write_payloads(project)
    base, _ = serve(project)
    return base


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("news/2019-05-22-meeting-in-celje/", POST_TITLE),
        ("activities/meeting-planned/", ACTIVITY),
        ("timeline/", ACTIVITY),
        ("", CITY),
    ],
)
def test_pages_show_the_text_and_run_none_of_it(payload_site, visit, path, shown):
    page = visit(payload_site + path)
    dialogs = []
    page.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.page.wait_for_timeout(300)
    assert shown in page.page.locator("body").inner_text()
    assert page.page.locator("b:text-is('bold')").count() == 0
    assert dialogs == [] and page.violations() == [] and page.errors == []


def test_search_results_show_titles_as_text(payload_site, visit):
    page = visit(payload_site).page
    page.locator(".cisotra-search__open").click()
    page.locator("#cisotra-search-input").press_sequentially("Naples", delay=20)
    result = page.locator(".cisotra-search__result > a", has_text="Post:")
    result.first.wait_for(timeout=10_000)
    titles = page.locator(".cisotra-search__result > a").all_inner_texts()
    assert any(POST_TITLE in title for title in titles), titles
    assert page.locator(".cisotra-search__results b").count() == 0
