"""A new language is a procedure (README, "Add a language"): a seventh language, written right to left,
added to the fixture project step by step. Each missing piece stops the build with a message naming what
to add; with every piece in place, every feature works in it."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from fixture import make_fixture
from icalendar import Calendar

from sitebuild import build

CODE, TAG, NAME = "ar", "ar", "العربية"
PLURALS = ("zero", "one", "two", "few", "many", "other")  # Arabic's CLDR plural categories


def declare(project) -> None:
    """Step 1 of the procedure: the language in mkdocs.yml (the i18n plugin's list and extra.lang_tags)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "lang_tags: {en: en, si: sl, el: el, tr: tr}", f"lang_tags: {{en: en, si: sl, el: el, tr: tr, {CODE}: {TAG}}}"
    )
    text = text.replace(
        "        - {locale: tr, name: Türkçe}\n",
        f"        - {{locale: tr, name: Türkçe}}\n        - {{locale: {CODE}, name: {NAME}}}\n",
    )
    assert f"locale: {CODE}" in text and f"{CODE}: {TAG}" in text, text
    config.write_text(text, encoding="utf-8")


def translate(project) -> None:
    """The other steps: the interface words (every plural form the language has), the funding wording,
    the cities' names, and a home page."""
    strings = yaml.safe_load((project / "data/strings/en.yml").read_text(encoding="utf-8"))

    def arabic(value):
        if isinstance(value, dict) and "other" in value:
            return {category: value["other"] for category in PLURALS}
        if isinstance(value, dict):
            return {key: arabic(inner) for key, inner in value.items()}
        return value

    (project / "data/strings" / f"{CODE}.yml").write_text(
        yaml.safe_dump(arabic(strings), allow_unicode=True), encoding="utf-8"
    )
    funding = yaml.safe_load((project / "data/funding.yml").read_text(encoding="utf-8"))
    funding[CODE] = {
        "statement": "بتمويل مشترك من برنامج إيراسموس+ التابع للاتحاد الأوروبي",
        "disclaimer": "يعكس هذا الموقع آراء المؤلفين فقط.",
        "publication_disclaimer": "يعكس هذا المنشور آراء المؤلفين فقط.",
    }
    (project / "data/funding.yml").write_text(yaml.safe_dump(funding, allow_unicode=True), encoding="utf-8")
    cities = project / "data/cities.yml"
    found = yaml.safe_load(cities.read_text(encoding="utf-8"))
    names = {"celje": "تسيليه", "athens": "أثينا", "istanbul": "إسطنبول"}
    for city in found:
        city["name"][CODE] = names.get(city["id"], city["id"])
    cities.write_text(yaml.safe_dump(found, allow_unicode=True, sort_keys=False), encoding="utf-8")
    groups = project / "data/participant-groups.yml"
    named = yaml.safe_load(groups.read_text(encoding="utf-8"))
    for names in named.values():
        names[CODE] = arabic(names["en"])  # the test's stand-in: every plural form of the language
    groups.write_text(yaml.safe_dump(named, allow_unicode=True, sort_keys=False), encoding="utf-8")
    home = project / "docs" / CODE / "index.md"
    home.parent.mkdir(parents=True)
    home.write_text('---\ntitle: "الصفحة الرئيسية"\n---\n\n# الصفحة الرئيسية\n\nنص الصفحة.\n', encoding="utf-8")
    (home.parent / "timeline.md").write_text('---\ntitle: "الجدول الزمني"\n---\n\n# الجدول الزمني\n', encoding="utf-8")


@pytest.fixture(scope="module")
def declared_only(tmp_path_factory):
    project = make_fixture(tmp_path_factory.mktemp("language") / "declared")
    declare(project)
    return build(project)


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    project = make_fixture(tmp_path_factory.mktemp("language") / "added")
    declare(project)
    translate(project)
    result = build(project)
    assert result.returncode == 0, result.log
    return result


def test_a_language_declared_alone_stops_the_build_naming_each_file_to_add(declared_only):
    assert declared_only.returncode != 0
    log = declared_only.log
    assert f"data/strings/{CODE}.yml: missing: every language needs its interface strings" in log
    assert f"data/funding.yml:1: missing the wording in {CODE} (every language of the site needs its own)" in log
    assert re.search(rf"data/cities.yml:\d+: celje: name: missing the (name|text) in {CODE}", log), log
    assert log.count("celje: name: missing") == 1  # each problem once, though two files' checks read the cities
    assert re.search(rf"data/participant-groups.yml:\d+: guests: missing the name in {CODE}", log), log


def page(result, path):
    return BeautifulSoup((result.site / CODE / path).read_text(encoding="utf-8"), "html.parser")


def test_its_pages_are_in_the_language_and_written_right_to_left(added):
    for path in ("index.html", "timeline/index.html", "news/index.html", "newsletters/index.html"):
        soup = page(added, path)
        assert soup.html["lang"] == TAG and soup.body.get("dir") == "rtl", path  # Material writes dir on <body>
    home = page(added, "index.html")
    assert "أثينا" in home.get_text()  # the partner map and list name the cities in the language
    switcher = [a.get("hreflang") or a.get("lang") for a in home.select(".md-select__link")]
    assert TAG in switcher


def test_search_without_a_stemmer_says_so_and_still_finds_words(added):
    """Snowball has an Arabic stemmer, but the site has none yet: the build says what to add."""
    assert re.search(r"search in العربية \(ar\) finds whole words and their beginnings only.*SNOWBALL", added.log)
    assert (added.site / "search" / TAG / "index.json").is_file()


def test_every_feature_works_in_it(added):
    timeline = page(added, "timeline/index.html")
    assert timeline.select("li.cisotra-activity")
    # Dates as the language writes them: Arabic month names.
    assert re.search(r"[\u0600-\u06ff]", timeline.select_one(".cisotra-activity time").get_text())
    assert (added.site / CODE / "calendar/activities.ics").is_file()
    calendar = Calendar.from_ical((added.site / CODE / "calendar/activities.ics").read_bytes())
    assert list(calendar.walk("VEVENT"))
    assert (added.site / CODE / "news/rss.xml").is_file() and (added.site / CODE / "newsletters/rss.xml").is_file()
    assert (added.site / CODE / "leaflet/index.html").is_file()
    index = json.loads((added.site / "search" / TAG / "index.json").read_text(encoding="utf-8"))
    assert index
    assert (added.site / CODE / "activities/meeting-planned/index.html").is_file()
