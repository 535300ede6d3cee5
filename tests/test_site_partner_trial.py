"""What a partner's trial needed, on the fixture site: an associated partner, participant groups
defined in data, and a file of the site as an activity's output.

The fixture's members (tests/fixtures/site/data/partners.yml) are joined by an associated
partner in Vienna, a country no member is in: it is listed as such, never counted, mapped or
named a member. The partners pages write the consortium's counts as markers
(cisotra.consortiumcounts), in English, Greek and Turkish. A held workshop reports guests and
partner staff, and minutes uploaded under docs/assets/reports/.
"""

from __future__ import annotations

import json

import pytest
import yaml
from bs4 import BeautifulSoup
from fixture import make_fixture

from cisotra.paths import leaflet_path, partners_path
from sitebuild import ROOT, build

VIENNA = "- id: vienna\n  country: AT\n  at: [48.21, 16.37]\n  name: {en: Vienna, si: Dunaj, el: Βιέννη, tr: Viyana}\n"
ASSOCIATED = "- id: assoc\n  acronym: ASSOC\n  city: vienna\n  role: associated\n"
PAGES = {
    "en": "CiSoTRA was carried out by a consortium of {{ members }} from {{ member_countries }}.",
    "el": "Στην κοινοπραξία του έργου CiSoTRA {{ members }} από {{ member_countries }}.",
    "tr": "CiSoTRA konsorsiyumu {{ member_countries }} {{ members }} oluşur.",
}
DESCRIPTIONS = {
    "en": "The {{ members_number }} partners",
    "el": "Οι {{ members_number }} εταίροι",
    "tr": "{{ members_number }} ortak",
}
PREFIX = {"en": "", "el": "el/", "tr": "tr/"}
REPORTED = (
    "    participants: {total: 14, professionals: 4, young_people: 10}\n"
    '    outputs: ["https://example.org/workshop-report.pdf"]\n'
)
OUTPUT = "assets/reports/workshop-minutes.pdf"
TRIAL_REPORT = (
    "    participants: {total: 14, professionals: 4, partner_staff: 3, guests: 2}\n"
    f'    outputs: ["https://example.org/workshop-report.pdf", "{OUTPUT}"]\n'
)


def fixture_data(name: str):
    return yaml.safe_load((ROOT / "tests" / "fixtures" / "site" / "data" / name).read_text(encoding="utf-8"))


MEMBERS = fixture_data("partners.yml")
CITIES = {city["id"]: city for city in fixture_data("cities.yml")}
MEMBER_COUNTRIES = {CITIES[partner["city"]]["country"] for partner in MEMBERS}


def strings(code: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "strings" / f"{code}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_fixture(tmp_path_factory.mktemp("associated") / "site")
    with (project / "data" / "cities.yml").open("a", encoding="utf-8") as cities:
        cities.write(VIENNA)
    with (project / "data" / "partners.yml").open("a", encoding="utf-8") as partners:
        partners.write(ASSOCIATED)
    for code, sentence in PAGES.items():
        page = project / "docs" / code / "partners.md"
        page.write_text(
            f'---\ntitle: "Partners"\ndescription: "{DESCRIPTIONS[code]}"\nassociated_partners: true\n---\n\n'
            f"# Partners\n\n{sentence}\n",
            encoding="utf-8",
        )
    activities = project / "data" / "activities.yml"
    text = activities.read_text(encoding="utf-8")
    assert REPORTED in text
    activities.write_text(text.replace(REPORTED, TRIAL_REPORT), encoding="utf-8")
    (project / "docs" / "assets" / "reports").mkdir(parents=True, exist_ok=True)
    (project / "docs" / OUTPUT).write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = build(project)
    assert result.returncode == 0, result.log
    return result


def soup(result, path: str) -> BeautifulSoup:
    return BeautifulSoup((result.site / path).read_text(encoding="utf-8"), "html.parser")


WORDS = {"members": "member_words", "member_countries": "country_words"}


def word(code: str, key: str, count: int) -> str:
    """`count` spelled out as the strings list it for the phrase `key`."""
    return [word.strip() for word in strings(code)["consortium"][WORDS[key]].split(",")][count - 1]


def spelled(code: str, key: str, count: int) -> str:
    """The phrase the strings give for `count` (these languages have the forms one and other alone)."""
    forms = strings(code)["consortium"][key]
    assert set(forms) == {"one", "other"}
    return (forms["one"] if count == 1 else forms["other"]).replace("{words}", word(code, key, count))


def test_the_fixture_has_an_associated_partner_in_a_country_no_member_is_in():
    assert "AT" not in MEMBER_COUNTRIES and len(MEMBER_COUNTRIES) > 1 and len(MEMBERS) > 1


def test_the_map_colours_only_the_members_countries(site):
    page = soup(site, "index.html")
    coloured = page.select(".cisotra-map__country--partner")
    assert len(coloured) == len(MEMBER_COUNTRIES)
    pins = [text.get_text() for text in page.select(".cisotra-map__pin text")]
    assert sorted(pins) == sorted(partner["acronym"] for partner in MEMBERS) and "ASSOC" not in pins


def test_the_home_page_counts_members_and_lists_the_associated_partner_apart(site):
    page = soup(site, "index.html")
    members = [
        item.get_text() for item in page.select("ul.cisotra-home__partners:not(.cisotra-home__partners--associated) li")
    ]
    associated = [item.get_text() for item in page.select("ul.cisotra-home__partners--associated li")]
    assert len(members) == len(MEMBERS) and not any("ASSOC" in line for line in members)
    assert len(associated) == 1 and associated[0].startswith("ASSOC: ")
    assert strings("en")["home"]["associated_partners"] in page.get_text()
    figures = {
        item.select_one(".cisotra-figure__label").get_text(): item.select_one(".cisotra-figure__number").get_text()
        for item in page.select(".cisotra-figures > li")
    }
    labels = strings("en")["home"]["figures"]
    assert figures[labels["partners"]["other"]] == str(len(MEMBERS))
    assert figures[labels["countries"]["other"]] == str(len(MEMBER_COUNTRIES))


def test_the_consortiums_structured_data_names_members_only(site):
    page = soup(site, "index.html")
    graph = [
        item
        for script in page.select('script[type="application/ld+json"]')
        for item in json.loads(script.string).get("@graph", [])
    ]
    (consortium,) = [item for item in graph if str(item.get("@id", "")).endswith("#consortium")]
    names = {alias for member in consortium["member"] for alias in [member["name"], *member["alternateName"]]}
    assert len(consortium["member"]) == len(MEMBERS) and "ASSOC" not in names


@pytest.mark.parametrize("code", ["en", "el", "tr"])
def test_the_partners_page_counts_members_in_its_language_and_lists_the_associated_partner(site, code):
    page = soup(site, PREFIX[code] + partners_path("") + "index.html")
    text = page.select_one("article").get_text(" ", strip=True)
    members = spelled(code, "members", len(MEMBERS))
    countries = spelled(code, "member_countries", len(MEMBER_COUNTRIES))
    expected = PAGES[code].replace("{{ members }}", members).replace("{{ member_countries }}", countries)
    assert expected in text and "{{" not in text
    number = word(code, "members", len(MEMBERS))
    description = DESCRIPTIONS[code].replace("{{ members_number }}", number)
    assert page.select_one('meta[name="description"]')["content"] == description
    section = page.select_one("#associated-partners")
    assert section.get_text(strip=True) == strings(code)["home"]["associated_partners"]
    assert [item.get_text() for item in page.select(".cisotra-associated-partners li")][0].startswith("ASSOC: ")


def test_the_greek_and_turkish_pages_read_as_written(site):
    # The fixture's three members in three countries, said as a reader of each language says them.
    assert (len(MEMBERS), len(MEMBER_COUNTRIES)) == (3, 3)
    greek = soup(site, "el/" + partners_path("") + "index.html").select_one("article").get_text(" ", strip=True)
    turkish = soup(site, "tr/" + partners_path("") + "index.html").select_one("article").get_text(" ", strip=True)
    assert "Στην κοινοπραξία του έργου CiSoTRA συμμετείχαν τρεις εταίροι από τρεις χώρες." in greek
    assert "CiSoTRA konsorsiyumu üç ülkeden üç ortak kuruluştan oluşur." in turkish


def test_the_leaflet_lists_the_associated_partner_apart_and_maps_members_only(site):
    page = soup(site, leaflet_path("") + "index.html")
    partners = [item.get_text() for item in page.select("ul.partners:not(.associated) li")]
    associated = [item.get_text() for item in page.select("ul.partners.associated li")]
    assert len(partners) == len(MEMBERS) and len(associated) == 1 and associated[0].startswith("ASSOC: ")
    assert len(page.select(".cisotra-map__country--partner")) == len(MEMBER_COUNTRIES)


@pytest.mark.parametrize(
    ("code", "groups"),
    [
        ("en", "(4 professionals, 3 members of the partners’ staff, 2 guests)"),
        ("el", "(4 επαγγελματίες, 3 μέλη του προσωπικού των εταίρων, 2 προσκεκλημένοι)"),
        ("tr", "(4 profesyonel, 3 ortak kuruluş personeli, 2 konuk)"),
    ],
)
def test_the_groups_are_named_in_the_pages_language_and_the_file_is_linked(site, code, groups):
    page = soup(site, f"{PREFIX[code]}activities/workshop-held-online/index.html")
    assert groups in page.select_one("article").get_text(" ", strip=True)
    depth = len(f"{PREFIX[code]}activities/workshop-held-online/".strip("/").split("/"))
    hrefs = [link["href"] for link in page.select("article a[href]")]
    assert "../" * depth + OUTPUT in hrefs
    assert (site.site / OUTPUT).is_file()
