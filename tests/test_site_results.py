"""The results library in built sites: the fixture's files described in every language, and the real site's outputs."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from fixture import CODES, make_fixture

from sitebuild import build
from sitecheck import LANGUAGES, PREFIXES

FIXTURE_PREFIX = {code: "" if code == "en" else f"{code}/" for code in CODES}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    result = build(make_fixture(tmp_path_factory.mktemp("results") / "site"))
    assert result.returncode == 0, result.log
    return result


def soup(site_dir, path):
    return BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")


def file_link(page, ident):
    return page.select_one(f"#{ident} .cisotra-result__file a")


def facts(page, ident) -> str:
    return page.select_one(f"#{ident} .cisotra-result__file").get_text(" ", strip=True)


def works(page) -> dict[str, dict]:
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    return {item["url"].split("#")[1]: item for item in data["@graph"] if item["@type"] == "CreativeWork"}


# What each fixture file is, as the visitor of each language reads it before downloading.
EXPECTED_FACTS = {
    "en": {
        "initial-study": ("Download", "PDF", "3 pages", "in Greek"),
        "training-programme": ("Download", "DOCX", "1\u00a0kB", "in English"),
    },
    "el": {
        "initial-study": ("Λήψη", "PDF", "3 σελίδες", "γλώσσα: ελληνικά"),
        "training-programme": ("Λήψη", "DOCX", "γλώσσα: αγγλικά"),
    },
    "tr": {  # no Turkish results page in the fixture: the English one stands in for it, all in English
        "initial-study": ("Download", "PDF", "3 pages", "in Greek"),
    },
    "si": {
        "initial-study": ("Prenesi", "PDF", "3 strani", "jezik: grščina"),
        "training-programme": ("Odpri", "doi.org", "jezik: slovenščina"),
    },
}


@pytest.mark.parametrize("code", CODES)
def test_every_output_is_listed_with_what_its_file_is_in_the_visitors_language(fixture_site, code):
    page = soup(fixture_site.site, f"{FIXTURE_PREFIX[code]}results/index.html")
    listed = [item["id"] for item in page.select("li.cisotra-result")]
    assert listed == ["initial-study", "training-programme", "conference-slides", "the-model"]
    for ident, words in EXPECTED_FACTS[code].items():
        text = facts(page, ident)
        assert all(word in text for word in words), (ident, text)
    greek = file_link(page, "initial-study")
    assert greek["hreflang"] == "el" and greek["type"] == "application/pdf" and greek.has_attr("download")
    # The title of an output is text, whatever it holds.
    assert page.select_one("#conference-slides h2").get_text() == "Slides of the <conference> & talk"
    assert "<conference>" not in (fixture_site.site / FIXTURE_PREFIX[code] / "results/index.html").read_text("utf-8")
    # The planned output has no file and says so; its date reads as expected, not as published.
    assert page.select_one("#the-model a[download]") is None
    assert page.select_one("#the-model .cisotra-result__file") is not None


def test_links_lead_to_the_files_and_the_doi_keeps_its_language(fixture_site):
    si = soup(fixture_site.site, "si/results/index.html")
    doi = file_link(si, "training-programme")
    assert doi["href"] == "https://doi.org/10.5281/zenodo.1234567" and doi["hreflang"] == "sl"
    assert not doi.has_attr("download")
    en = soup(fixture_site.site, "results/index.html")
    assert file_link(en, "initial-study")["href"] == "../el/results/initial-study.el.pdf"
    assert (fixture_site.site / "el/results/initial-study.el.pdf").is_file()
    assert file_link(en, "training-programme")["href"] == "training-programme.en.docx"
    assert (fixture_site.site / "results/training-programme.en.docx").is_file()
    assert (
        en.select_one("#training-programme a[rel=license]")["href"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    )


def test_each_output_is_a_creative_work_for_search_engines(fixture_site):
    page = soup(fixture_site.site, "el/results/index.html")
    found = works(page)
    assert set(found) == {"initial-study", "training-programme", "conference-slides", "the-model"}
    study = found["initial-study"]
    assert study["name"] == "Αρχική μελέτη" and study["datePublished"] == "2019-06-14"
    assert "license" not in study  # its entry states none, and none is assumed
    assert found["training-programme"]["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert study["encoding"][0]["contentUrl"] == fixture_site.site_url + "el/results/initial-study.el.pdf"
    assert study["encoding"][0]["inLanguage"] == "el"
    assert found["the-model"]["creativeWorkStatus"] == "Planned" and "datePublished" not in found["the-model"]
    assert found["training-programme"]["datePublished"] == "2019-09"


def test_a_work_package_page_shows_its_own_outputs(fixture_site):
    wp8 = soup(fixture_site.site, "work-packages/wp8/index.html")
    assert [item["id"] for item in wp8.select("li.cisotra-result")] == ["conference-slides", "the-model"]
    assert wp8.select_one("h2#results") is not None


def test_pdf_problems_are_listed_for_editors_on_the_translation_status_page(fixture_site):
    text = soup(fixture_site.site, "translation-status/index.html").get_text(" ", strip=True)
    assert "docs/en/results/slides-untagged.pdf : is not tagged" in text
    assert "docs/en/results/slides-untagged.pdf : has no title" in text
    assert "initial-study.el.pdf" not in text.split("Files to fix")[1]
    # In the build's output too, as information: the strict build went on (hooks/problems.py, tell).
    told = [line for line in fixture_site.log.splitlines() if "docs/en/results/slides-untagged.pdf: pdf: " in line]
    assert len(told) == 3 and all(line.startswith("INFO") for line in told), told
    assert fixture_site.returncode == 0


# --- The real site: every output of data/results.yml, in every language -------------------


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_real_results_page_lists_every_output_and_each_work_package_its_own(site, data, code):
    results = data.project.results
    page = soup(site.site, f"{PREFIXES[code]}results/index.html")
    assert [item["id"] for item in page.select("li.cisotra-result")] == [result.id for result in results]
    assert set(works(page)) == {result.id for result in results}
    for result in results:
        title, _ = result.text("title", code, "en")
        assert page.select_one(f"#{result.id} h2").get_text() == title
        for file in result.files.values():
            assert file.url or (site.site / file.docs_path.removeprefix("en/")).is_file()
    for number in sorted({result.work_package for result in results}):
        wp = soup(site.site, f"{PREFIXES[code]}work-packages/wp{number}/index.html")
        own = [result.id for result in results if result.work_package == number]
        assert [item["id"] for item in wp.select("li.cisotra-result")] == own
