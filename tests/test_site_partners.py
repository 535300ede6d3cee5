"""The real site's consortium: counts, map, list and structured data made from data/partners.yml.

Expectations are worked out from the data the site was built from (tests/sitedata.py): who is a
member, how many countries they are in, and how each language's strings spell those numbers.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from cisotra.paths import partners_path


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.site / path).read_text(encoding="utf-8"), "html.parser")


def spelled(data, code: str, key: str, words_key: str, count: int) -> str:
    """The strings' phrase for `count` with the number as their list spells it, written out here."""
    table = data.project.strings.table(code)
    words = [word.strip() for word in table[f"consortium.{words_key}"].split(",")]
    forms = table[f"consortium.{key}"]
    form = forms.get(data.project.strings.locales[code].plural_form(count), forms["other"])
    return form.replace("{words}", words[count - 1] if count <= len(words) else str(count))


def test_the_data_has_members_in_several_countries(data):
    consortium = data.project.consortium
    assert len(consortium.members) > 1 and len(consortium.countries) > 1


@pytest.mark.parametrize("code", ["en", "si", "de", "it", "el", "tr"])
def test_the_partners_page_says_how_many_members_in_how_many_countries(site, data, code):
    consortium = data.project.consortium
    prefix = data.language(code).prefix
    page = soup(site, partners_path(prefix) + "index.html")
    text = " ".join(page.select_one("article").get_text(" ", strip=True).split())
    members = spelled(data, code, "members", "member_words", len(consortium.members))
    countries = spelled(data, code, "member_countries", "country_words", len(consortium.countries))
    assert members in text and countries in text, (code, members, countries)
    assert "{{" not in text and "{{" not in page.select_one('meta[name="description"]')["content"]


def test_the_home_page_maps_and_counts_the_members(site, data):
    consortium = data.project.consortium
    home = soup(site, "index.html")
    assert len(home.select(".cisotra-map__country--partner")) == len(consortium.countries)
    assert len(home.select(".cisotra-map__pin")) == len(consortium.members)
    labels = data.project.strings.table("en")
    figures = {
        item.select_one(".cisotra-figure__label").get_text(): item.select_one(".cisotra-figure__number").get_text()
        for item in home.select(".cisotra-figures > li")
    }
    assert figures[labels["home.figures.partners"]["other"]] == str(len(consortium.members))
    assert figures[labels["home.figures.countries"]["other"]] == str(len(consortium.countries))
    associated = home.select(".cisotra-home__partners--associated li")
    assert len(associated) == len(consortium.associated)


def test_search_engines_are_told_the_members(site, data):
    home = soup(site, "index.html")
    graph = [
        item
        for script in home.select('script[type="application/ld+json"]')
        for item in json.loads(script.string).get("@graph", [])
    ]
    (organisation,) = [item for item in graph if str(item.get("@id", "")).endswith("#consortium")]
    assert len(organisation["member"]) == len(data.project.consortium.members)
