"""Addresses that outlive the project: the published list, the guard, and redirect pages in every language."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from fixture import CODES, make_fixture

from cisotra.addresses import load_redirects, page_path, published, read_list, relative_link
from cisotra.errors import DataError
from sitebuild import ROOT, build

sys.path.insert(0, str(ROOT / "scripts"))
import addresses  # noqa: E402

PREFIX = {code: "" if code == "en" else f"{code}/" for code in CODES}


def test_addresses_of_a_site_are_its_pages_and_files_not_its_theme(tmp_path):
    for path in (
        "index.html",
        "about/index.html",
        "feed.xml",
        "calendar/activities.ics",
        "calendar/x-1.ics",  # an upcoming activity's own file, offered only until it has passed
        "assets/x.css",
        "search/el/terms/ceb1.json",
        "404.html",
        "si/leaflet/index.html",
        "si/leaflet/cisotra-leaflet-si.pdf",
        "sitemap.xml.gz",
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    assert published(tmp_path) == ["/", "/about/", "/calendar/activities.ics", "/feed.xml", "/si/leaflet/"]


def test_relative_links_and_redirect_files():
    assert relative_link("partners/", "consortium/") == "../consortium/"
    assert relative_link("si/news/a/", "si/news/b/") == "../../../si/news/b/"
    assert urljoin("https://example.org/cisotra/si/news/a/", relative_link("si/news/a/", "si/news/b/")) == (
        "https://example.org/cisotra/si/news/b/"
    )
    assert page_path("about/") == "about/index.html" and page_path("feed.xml") == "feed.xml"


def test_a_bad_redirect_line_names_its_line(tmp_path):
    (tmp_path / "redirects.yml").write_text("about/: project/\n/news/: https://elsewhere.org/\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_redirects(tmp_path / "redirects.yml", tmp_path)
    messages = [str(problem) for problem in caught.value.problems]
    assert messages[0].startswith("redirects.yml:2: /news/: old address '/news/': expected a path of the site")
    assert "new address 'https://elsewhere.org/'" in messages[1]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "partners.md: project/partners.md",
            "old address 'partners.md': write the page's address, not its file name: partners/ for partners.md",
        ),
        (
            "partners/: project/index.md",
            "new address 'project/index.md': write the page's address, not its file name: project/ for",
        ),
        ("en/partners/: project/partners/", "old address 'en/partners/': leave out the language folder: partners/"),
        ("partners: project/partners/", "old address 'partners': a page's address ends with /: partners/"),
    ],
)
def test_redirects_written_the_way_partners_often_write_them_say_how_to_write_them(tmp_path, line, expected):
    (tmp_path / "redirects.yml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_redirects(tmp_path / "redirects.yml", tmp_path, ("en", "si", "el"))
    assert any("redirects.yml:1: " in str(p) and expected in str(p) for p in caught.value.problems), [
        str(p) for p in caught.value.problems
    ]


def test_a_line_added_to_the_sites_redirects_file_as_contributing_says_is_read(tmp_path):
    """A line added at the end of data/redirects.yml as it is (its comments, and whatever redirects partners
    have added) is one more redirect, read with its line number, after the file's own."""
    text = (ROOT / "data/redirects.yml").read_text(encoding="utf-8")
    text += "" if text.endswith("\n") or not text else "\n"  # an editor may leave the last line without its end
    (tmp_path / "redirects.yml").write_text(text, encoding="utf-8")
    own = [(r.old, r.new, r.line) for r in load_redirects(tmp_path / "redirects.yml", tmp_path, CODES)]
    assert "partners/" not in [old for old, _, _ in own]
    (tmp_path / "redirects.yml").write_text(text + "partners/: project/partners/\n", encoding="utf-8")
    read = [(r.old, r.new, r.line) for r in load_redirects(tmp_path / "redirects.yml", tmp_path, CODES)]
    assert read == [*own, ("partners/", "project/partners/", text.count("\n") + 1)]


@pytest.fixture(scope="module")
def listed_fixture(tmp_path_factory):
    """The fixture site built once, with its addresses listed as `./run addresses` would."""
    project = make_fixture(tmp_path_factory.mktemp("addresses") / "site")
    first = build(project)
    assert first.returncode == 0, first.log
    assert addresses.main(first.site, project / "data" / "addresses.txt") == 0
    return project


def move_partners_page(project: Path) -> None:
    (project / "docs/en/partners.md").rename(project / "docs/en/consortium.md")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - partners.md", "  - consortium.md"), "utf-8")


def test_a_page_removed_without_a_redirect_fails_the_build_naming_its_address(listed_fixture, tmp_path):
    project = tmp_path / "site"

    shutil.copytree(listed_fixture, project, ignore=shutil.ignore_patterns("site"))
    move_partners_page(project)
    result = build(project)
    assert result.returncode != 0
    listing = dict((address, line) for line, address in read_list(project / "data/addresses.txt"))
    for code in CODES:
        address = f"/{PREFIX[code]}partners/"
        assert f"data/addresses.txt:{listing[address]}: {address}: this address was published" in result.log
    assert "data/redirects.yml" in result.log  # says how to fix it


def test_a_redirect_line_sends_every_language_to_the_new_address(listed_fixture, tmp_path):
    project = tmp_path / "site"

    shutil.copytree(listed_fixture, project, ignore=shutil.ignore_patterns("site"))
    move_partners_page(project)
    (project / "data/redirects.yml").write_text("partners/: consortium/\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.log
    for code in CODES:
        old, new = f"{PREFIX[code]}partners/", f"{PREFIX[code]}consortium/"
        page = BeautifulSoup((result.site / old / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.html["lang"] == {"en": "en", "si": "sl", "el": "el", "tr": "tr"}[code]
        assert page.select_one("link[rel=canonical]")["href"] == result.site_url + new
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"
        refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
        target = refresh.split("url=", 1)[1]
        # Under the project's sub-path (https://example.org/cisotra/), the relative target lands on the new page.
        assert urljoin(result.site_url + old, target) == result.site_url + new
        assert page.select_one("a")["href"] == target
        assert (result.site / new / "index.html").is_file()
    # The redirect pages are not in the sitemap; the new page is.
    sitemap = (result.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{result.site_url}partners/</loc>" not in sitemap
    assert f"<loc>{result.site_url}consortium/</loc>" in sitemap


def test_a_redirect_from_a_page_that_still_exists_is_refused(listed_fixture, tmp_path):
    project = tmp_path / "site"

    shutil.copytree(listed_fixture, project, ignore=shutil.ignore_patterns("site"))
    (project / "data/redirects.yml").write_text("partners/: contact/\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "data/redirects.yml:1: partners/: the site still has a page at partners/" in result.log
