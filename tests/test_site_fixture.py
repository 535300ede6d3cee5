"""The generators on the fixture site (tests/fixtures/site): activities in every state, posts in some languages
only, a newsletter issue in two languages, links to pages a language does not have."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup
from fixture import CODES, make_fixture
from icalendar import Calendar

from cisotra.dates import Period, format_period
from sitebuild import ROOT, build
from sitecheck import search_pages

PREFIX = {code: "" if code == "en" else f"{code}/" for code in CODES}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    result = build(make_fixture(tmp_path_factory.mktemp("fixture") / "site"))
    assert result.returncode == 0, result.log
    return result


def soup(result, path):
    return BeautifulSoup((result.site / path).read_text(encoding="utf-8"), "html.parser")


STATES = {
    "meeting-planned": "planned",  # in 2019, nothing reported: "planned", never "past"
    "workshop-held-online": "held",
    "seminar-cancelled": "cancelled",
    "meeting-postponed": "postponed",
    "conference-upcoming": "upcoming",
}


def strings(code: str) -> dict:
    """A language's interface strings, which the fixture copies from data/strings/."""
    return yaml.safe_load((ROOT / "data" / "strings" / f"{code}.yml").read_text(encoding="utf-8"))


def status_words(code: str) -> dict[str, str]:
    """The status words of a language, from the interface strings the fixture copies from data/strings/."""
    strings = yaml.safe_load((ROOT / "data" / "strings" / f"{code}.yml").read_text(encoding="utf-8"))
    words = strings["activity"]["status"]
    assert len(set(words.values())) == len(words), f"{code}: two states share a word: {words}"
    return words


@pytest.mark.parametrize("code", ["en", "el", "tr"])
def test_each_activity_says_what_is_known_of_it_in_every_language(fixture_site, code):
    page = soup(fixture_site, f"{PREFIX[code]}timeline/index.html")
    for ident, state in STATES.items():
        item = page.select_one(f"#{ident}")
        assert f"cisotra-activity--{state}" in item["class"]
        assert item.select_one(".cisotra-activity__status").get_text() == status_words(code)[state], (code, ident)


def test_a_held_activity_shows_the_held_dates_format_and_who_took_part(fixture_site):
    item = soup(fixture_site, "timeline/index.html").select_one("#workshop-held-online")
    assert item.select_one("time").get_text() == "2–3 April 2020"
    notes = [dd.get_text() for dd in item.select("dd.cisotra-activity__note")]
    assert "Planned for March 2020" in notes
    assert "14 people took part (4 professionals, 10 young people)" in notes
    assert "15 participants planned" in notes
    assert "Working languages: Greek, English" in notes
    assert item.select_one('a[href="https://example.org/workshop-report.pdf"]')
    format_label = next(dt for dt in item.select("dt") if dt.get_text() == "Format")
    assert format_label.find_next_sibling("dd").get_text() == "Online"


def test_greek_writes_language_names_in_lower_case_in_a_sentence(fixture_site):
    item = soup(fixture_site, "el/timeline/index.html").select_one("#workshop-held-online")
    assert "Γλώσσες εργασίας: ελληνικά, αγγλικά" in [dd.get_text() for dd in item.select("dd")]


def test_slovenian_counts_take_their_four_plural_forms(fixture_site):
    item = soup(fixture_site, "si/timeline/index.html").select_one("#workshop-held-online")
    notes = [dd.get_text() for dd in item.select("dd.cisotra-activity__note")]
    assert "Udeležilo se je 14 oseb (4 strokovnjaki, 10 mladih oseb)" in notes
    assert "15 načrtovanih udeležencev" in notes
    assert "Delovna jezika: grščina, angleščina" in notes


def test_calendars_carry_the_reported_state(fixture_site):
    events = {
        str(e["UID"]).split("@")[0]: e
        for e in Calendar.from_ical((fixture_site.site / "calendar/activities.ics").read_bytes()).walk("VEVENT")
    }
    # Confirmed only what a partner reported as held; a plan, past or upcoming, stays tentative.
    assert {ident: str(event["STATUS"]) for ident, event in events.items()} == {
        "meeting-planned": "TENTATIVE",
        "workshop-held-online": "CONFIRMED",
        "seminar-cancelled": "CANCELLED",
        "meeting-postponed": "TENTATIVE",
        "conference-upcoming": "TENTATIVE",
        "presentation-elsewhere": "TENTATIVE",
    }
    held = events["workshop-held-online"]
    assert (held.decoded("DTSTART").isoformat(), held.decoded("DTEND").isoformat()) == ("2020-04-02", "2020-04-04")
    assert [path.name for path in sorted((fixture_site.site / "tr" / "calendar").iterdir())] == [
        "activities.ics",
        "conference-upcoming.ics",
    ]


def test_a_post_is_published_in_the_languages_it_was_written_in_only(fixture_site):
    assert (fixture_site.site / "tr/news/2020-06-01-turkish-only/index.html").exists()
    for code in ("en", "si", "el"):
        assert not (fixture_site.site / f"{PREFIX[code]}news/2020-06-01-turkish-only").exists()
    assert not (fixture_site.site / "tr/news/2020-04-02-workshop-held").exists()
    # The feeds carry a language's own posts: a feed declares one language.
    assert "turkish-only" not in (fixture_site.site / "news/rss.xml").read_text(encoding="utf-8")
    assert "turkish-only" in (fixture_site.site / "tr/news/rss.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "en",
            [
                ("../tr/news/2020-06-01-turkish-only/", "tr", "(in Turkish)"),
                ("2020-04-02-workshop-held/", None, None),
                ("2019-05-22-meeting-in-celje/", None, None),
            ],
        ),
        (
            "si",
            [
                ("../../tr/news/2020-06-01-turkish-only/", "tr", "(jezik: turščina)"),
                ("../../news/2020-04-02-workshop-held/", "en", "(jezik: angleščina)"),
                ("2019-05-22-meeting-in-celje/", None, None),
            ],
        ),
        (
            "el",
            [
                ("../../tr/news/2020-06-01-turkish-only/", "tr", "(στα τουρκικά)"),
                ("../../news/2020-04-02-workshop-held/", "en", "(στα αγγλικά)"),
                ("2019-05-22-meeting-in-celje/", None, None),
            ],
        ),
        (
            "tr",
            [
                ("2020-06-01-turkish-only/", None, None),
                ("../../news/2020-04-02-workshop-held/", "en", "(İngilizce)"),
                ("../../news/2019-05-22-meeting-in-celje/", "en", "(İngilizce)"),
            ],
        ),
    ],
)
def test_a_post_a_language_lacks_is_in_its_news_list_marked_with_the_language_it_is_in(fixture_site, code, expected):
    """A Turkish-only post is news for the English and Slovenian visitor too: listed, linking to the Turkish
    page, its title marked as Turkish and its language named in the visitor's language (by CLDR)."""
    items = soup(fixture_site, f"{PREFIX[code]}news/index.html").select("li.cisotra-post")
    found = []
    for item in items:
        note = item.select_one(".cisotra-post__lang")
        assert item.a.get("hreflang") == item.a.get("lang")
        assert item.select_one(".cisotra-post__summary").get("lang") == item.a.get("lang")
        found.append((item.a["href"], item.a.get("lang"), note.get_text() if note else None))
    assert found == expected


def test_a_link_to_a_post_the_language_lacks_goes_to_the_english_post_marked_as_english(fixture_site):
    page = soup(fixture_site, "si/news/2019-05-22-meeting-in-celje/index.html")
    link = page.select_one('article a[hreflang="en"]')
    assert link["href"] == "../../../news/2020-04-02-workshop-held/"
    assert link.find_next_sibling("span", class_="cisotra-lang-note").get_text() == "(v angleščini)"


def test_an_english_issue_shown_in_turkish_links_to_the_english_post(fixture_site):
    page = soup(fixture_site, "tr/newsletters/issue-1/index.html")
    assert page.select_one(".cisotra-fallback")
    link = page.select_one('.cisotra-fallback__content a[hreflang="en"]')
    assert link["href"] == "../../../news/2019-05-22-meeting-in-celje/"
    note = link.find_next_sibling("span", class_="cisotra-lang-note")
    assert (note.get_text(), note["lang"]) == ("(İngilizce)", "tr")


def test_the_sitemap_leaves_out_pages_not_yet_translated(fixture_site):
    sitemap = (fixture_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/el/newsletters/issue-1/</loc>" in sitemap
    assert "/tr/newsletters/issue-1/</loc>" not in sitemap
    assert "/tr/news/2020-06-01-turkish-only/</loc>" in sitemap
    assert "translation-status" not in sitemap


def test_the_translation_status_page_is_kept_from_search_engines(fixture_site):
    page = soup(fixture_site, "translation-status/index.html")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "news/2020-06-01-turkish-only.md" in page.get_text()


def test_a_page_shown_in_english_is_left_out_of_the_languages_search_index(fixture_site):
    assert soup(fixture_site, "tr/newsletters/issue-1/index.html").select_one(".cisotra-fallback") is not None
    assert "tr/newsletters/issue-1/" not in search_pages(fixture_site.site, "tr")
    assert "newsletters/issue-1/" in search_pages(fixture_site.site, "en")


def test_a_page_not_yet_translated_shares_the_original_and_has_no_structured_data_of_its_own(fixture_site):
    page = soup(fixture_site, "tr/newsletters/issue-1/index.html")
    og_url = page.select_one('meta[property="og:url"]')["content"]
    assert og_url == page.select_one('link[rel="canonical"]')["href"] == fixture_site.site_url + "newsletters/issue-1/"
    assert page.select_one('meta[property="og:locale"]')["content"] == "en_GB"
    english = soup(fixture_site, "newsletters/issue-1/index.html")
    assert (
        page.select_one('meta[property="og:image"]')["content"]
        == english.select_one('meta[property="og:image"]')["content"]
    )
    assert page.select_one('script[type="application/ld+json"]') is None


# moment → the phase the home page is in (the fixture's project runs 1 January 2018 – 31 March 2021)
HOME_STATES = {"2017-06-01": "before", "2020-06-01": "running", "2026-11-30": "completed"}


@pytest.mark.parametrize("day", list(HOME_STATES))
def test_the_home_page_says_where_the_project_stands_on_the_build_day_in_every_language(tmp_path, day):
    import re
    from datetime import UTC, datetime

    from sitebuild import epoch

    project = make_fixture(tmp_path / "site")
    # Reports of what happened cannot be older than the build: this test goes back before them.
    data = project / "data" / "activities.yml"
    data.write_text(re.sub(r"\n  report:(\n    .*| \{.*\})+", "", data.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(project, extra_env={"SOURCE_DATE_EPOCH": epoch(datetime.fromisoformat(day).replace(tzinfo=UTC))})
    assert result.returncode == 0, result.log
    phase = HOME_STATES[day]
    english = strings("en")["home"]["state"][phase].format(start="1 January 2018", end="31 March 2021")
    for code in CODES:
        state = soup(result, f"{PREFIX[code]}index.html").select_one(".cisotra-home__state")
        assert f"cisotra-home__state--{phase}" in state["class"], code
    assert soup(result, "index.html").select_one(".cisotra-home__state").get_text().startswith(english)
    if phase == "completed":  # what it produced: the timeline, the news and the results library, in each language
        for code in CODES:
            links = soup(result, f"{PREFIX[code]}index.html").select(".cisotra-home__state a")
            assert [link["href"] for link in links][-1] == "results/", code
            assert (result.site / PREFIX[code] / "results" / "index.html").is_file(), code
    # The fixture's conference of October 2027 is still to come on each of these days.
    coming = soup(result, "index.html").select("#coming-next + div li.cisotra-activity--upcoming")
    assert coming and len(coming) <= 3


def test_a_link_to_a_post_not_published_yet_stops_the_build_with_its_line(tmp_path):
    project = make_fixture(tmp_path / "site")
    (project / "docs/en/news/2031-01-01-later.md").write_text(
        "---\ntitle: Later\ndate: 2031-01-01\nsummary: Later.\n---\n\n# Later\n", encoding="utf-8"
    )
    post = project / "docs/en/news/2020-04-02-workshop-held.md"
    post.write_text(
        post.read_text(encoding="utf-8") + "\nSee [what comes later](2031-01-01-later.md).\n", encoding="utf-8"
    )
    result = build(project)
    assert result.returncode != 0
    assert (
        "docs/en/news/2020-04-02-workshop-held.md:13: link: '2031-01-01-later.md' leads to a post or issue that is "
        "not published yet (a draft, or dated in the future): link to it once it is published, or publish both together"
    ) in result.log


# Structured data claims no status the data does not hold: a plan has none, nor has an activity
# held (schema.org has no "took place"); a postponement to known dates is a rescheduling.
EVENT_STATUS = {
    "meeting-planned": (None, "OfflineEventAttendanceMode"),
    "workshop-held-online": (None, "OnlineEventAttendanceMode"),
    "seminar-cancelled": ("EventCancelled", "OfflineEventAttendanceMode"),
    "meeting-postponed": ("EventRescheduled", "MixedEventAttendanceMode"),
    "conference-upcoming": (None, "OfflineEventAttendanceMode"),
}


@pytest.mark.parametrize("code", CODES)
def test_each_activity_page_says_what_is_known_and_gives_search_engines_the_same(fixture_site, code):
    import json

    for ident, (status, mode) in EVENT_STATUS.items():
        page = soup(fixture_site, f"{PREFIX[code]}activities/{ident}/index.html")
        word = page.select_one(".cisotra-activity__status").get_text()
        assert word == status_words(code)[STATES[ident]], (code, ident)
        event = next(
            item
            for item in json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"]
            if item["@type"] == "Event"
        )
        given = event["eventStatus"].rsplit("/", 1)[1] if "eventStatus" in event else None
        assert (given, event["eventAttendanceMode"].rsplit("/", 1)[1]) == (
            status,
            mode,
        )
    held = soup(fixture_site, f"{PREFIX[code]}activities/workshop-held-online/index.html")
    assert held.select_one("time").get("datetime") == "2020-04-02"


def test_an_activity_page_lists_the_posts_and_issues_that_mention_it(fixture_site):
    page = soup(fixture_site, "si/activities/meeting-planned/index.html")
    links = [a["href"] for a in page.select(".cisotra-mentions a")]
    assert links == ["../../news/2019-05-22-meeting-in-celje/"]
    upcoming = soup(fixture_site, "activities/conference-upcoming/index.html")
    assert (
        upcoming.select_one(".cisotra-activity__links a[download]")["href"] == "../../calendar/conference-upcoming.ics"
    )


def test_the_model_scheme_and_its_text_are_on_the_model_page(fixture_site):
    page = soup(fixture_site, "work-packages/wp8/index.html")
    assert page.select_one("svg.cisotra-model title").get_text() == strings("en")["model"]["heading"]
    assert len(page.select("svg .cisotra-model__node")) == 3 and len(page.select("svg .cisotra-model__edge")) == 2
    assert "Advice before a young person turns 18." in page.select(".cisotra-model__list")[1].get_text()
    assert "Employment offices & <agencies>" in page.get_text()  # escaped where it lands, shown as written


# ---------------------------------------------------------------------------
# A text reconstructed from the plan says so wherever it is read, and is never given as published
# on the planned day it is about (the fixture's meeting post and first issue are such texts).

# "Reconstructed from the project's plan on 27 November 2026" (English) and its Greek start, from the strings.
RECONSTRUCTED = {
    "en": strings("en")["news"]["reconstructed"].format(written="27 November 2026"),
    "el": strings("el")["news"]["reconstructed"].split("{written}")[0].strip(),
}
# The fixture's post names its meeting, planned for 22–24 May 2019: the list gives the plan's period.
PLANNED_DATE = strings("en")["activity"]["planned_dates"].format(
    period=format_period(Period(date(2019, 5, 22), date(2019, 5, 24), "day"), "en")
)


@pytest.mark.parametrize("path", ["news/", "", "news/2019/", "news/tags/meeting/"])
def test_lists_say_a_post_is_reconstructed_and_give_its_date_as_planned(fixture_site, path):
    page = soup(fixture_site, f"{path}index.html")
    item = next(
        li for li in page.select(".cisotra-post") if li.select_one("a")["href"].endswith("2019-05-22-meeting-in-celje/")
    )
    shown = item.select_one(".cisotra-post__date").get_text(" ", strip=True)
    assert shown.startswith(PLANNED_DATE) and RECONSTRUCTED["en"] in shown
    for other in page.select(".cisotra-post"):
        if "workshop-held" in other.select_one("a")["href"]:  # a post published on its day says nothing of the kind
            assert "Reconstructed" not in other.get_text() and "Planned" not in other.get_text()


def test_feeds_and_structured_data_give_the_day_a_reconstructed_post_was_written(fixture_site):
    import json

    import feedparser

    for kind in ("rss", "atom"):
        feed = feedparser.parse((fixture_site.site / f"el/news/{kind}.xml").read_bytes())
        entry = next(e for e in feed.entries if e.link.endswith("2019-05-22-meeting-in-celje/"))
        assert "27 Nov 2026" in entry.published or entry.published.startswith("2026-11-27"), (kind, entry.published)
        assert RECONSTRUCTED["el"] in BeautifulSoup(entry.summary, "html.parser").get_text()
    page = soup(fixture_site, "el/news/2019-05-22-meeting-in-celje/index.html")
    graph = json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"]
    article = next(item for item in graph if item["@type"] == "NewsArticle")
    assert article["datePublished"].startswith("2026-11-27")
    assert RECONSTRUCTED["el"] in article["disambiguatingDescription"]


def test_a_reconstructed_issue_was_never_sent_and_its_email_says_so(fixture_site):
    import feedparser

    text = (fixture_site.site / "newsletters/issue-1/email.txt").read_text(encoding="utf-8")
    assert RECONSTRUCTED["en"] in text.splitlines()[0] and "Unsubscribe" not in text and "*|UNSUB|*" not in text
    html = soup(fixture_site, "newsletters/issue-1/email.html")
    assert "*|UNSUB|*" not in str(html) and RECONSTRUCTED["en"] in html.get_text()
    assert "This publication reflects" in html.get_text() or "publication" in html.get_text()
    archive = soup(fixture_site, "newsletters/index.html")
    assert RECONSTRUCTED["en"] in archive.select_one("#issue-1").get_text()
    feed = feedparser.parse((fixture_site.site / "newsletters/rss.xml").read_bytes())
    assert "27 Nov 2026" in feed.entries[0].published, feed.entries[0].published
    assert RECONSTRUCTED["en"] in feed.entries[0].summary


def test_indicators_say_not_reported_where_nothing_is_reported(fixture_site):
    page = soup(fixture_site, "indicators/index.html")
    by_type = page.select("table")[0]
    rows = {row.th.get_text(): [cell.get_text() for cell in row.select("td")] for row in by_type.select("tbody tr")}
    # The only conference is upcoming: nothing is reported, so nothing is counted as 0.
    assert rows["International conference"][1:4] == ["not reported"] * 3, rows
    assert rows["Workshop for unaccompanied minors"][1:4] == ["1", "0", "0"], rows
