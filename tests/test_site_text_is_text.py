"""Text is text: what partners write reaches every output as the characters they typed.

The fixture project is built with text that means something to HTML, XML, JSON, YAML,
Markdown and Jinja in every field partners control — a post's title, summary, author and
topic, a newsletter issue's title and summary, an activity's title and description, a
city, a partner's name, an output's title and summary, the project's purpose, an
interface string. Every output is then read back as its reader reads it (a browser's
HTML parser, a feed reader, a calendar, a JSON parser, a CSV reader) and must hold that
text exactly, and nothing of it may have become markup.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from fixture import make_fixture
from icalendar import Calendar
from PIL import Image

from sitebuild import build

# Quotation marks, apostrophes, tags, an ampersand, the end of a script element, a Jinja
# expression, the end of a CDATA section: each has broken a site somewhere.
EN = """The "CiSoTRA model" & 'Naples' <b>bold</b> </script><script>alert(1)</script> {{ 7*7 }} ]]>"""
# The same dangers in Greek letters, where a byte-level escape would go wrong.
EL = """Η «Αθήνα» & "Τσέλιε" <i>πλάγια</i> </script><img src=x onerror=alert(2)> {% if 1 %}"""

# Each field, and its text. Distinct texts, so a test knows which field it reads.
POST_TITLE = "Post: " + EN
POST_SUMMARY = "Summary: " + EN
POST_AUTHOR = "Author: " + EN
TAG = "Topic: " + EN
ISSUE_TITLE = "Issue: " + EN
ISSUE_SUMMARY = "Issue summary: " + EN
ACTIVITY = "Activity: " + EN
ACTIVITY_EL = "Δραστηριότητα: " + EL
DESCRIPTION = "Description: " + EN
UPCOMING = "Upcoming: " + EN
CITY = "City: " + EN
CITY_EL = "Πόλη: " + EL
PARTNER = "Partner: " + EN
RESULT = "Result: " + EN
RESULT_SUMMARY = "Result summary: " + EN
PURPOSE = "Purpose: " + EN
IMAGE_ALT = "Photo: " + EN
PAGE_DESCRIPTION = "Page: " + EN  # a page's own front matter
ACRONYM = "P&<B>"  # a partner's acronym
MODEL_NODE = "Node: " + EN
CHANGE = "Change: " + EN
ADDRESS = "Address: " + EN
GROUP = "Group: " + EN
STATEMENT = "Funded: " + EN
NEWS_TITLE = "News: " + EN  # interface strings (data/strings/en.yml)
VIEW_ONLINE = "Online: " + EN


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_fixture(tmp_path_factory.mktemp("text") / "site")
    write_payloads(project)
    result = build(project)
    assert result.returncode == 0, result.log
    return result.site


def write_payloads(project: Path) -> None:
    def front_matter(path: str, fields: dict[str, str]) -> None:
        file = project / "docs" / path
        text = file.read_text(encoding="utf-8")
        for key, value in fields.items():
            text, count = re.subn(rf"(?m)^{key}: .*$", f"{key}: {json.dumps(value, ensure_ascii=False)}", text)
            if not count:
                text = text.replace("---\n", f"---\n{key}: {json.dumps(value, ensure_ascii=False)}\n", 1)
        file.write_text(text, encoding="utf-8")

    def data(name: str, change) -> None:
        file = project / "data" / name
        loaded = yaml.safe_load(file.read_text(encoding="utf-8"))
        change(loaded)
        file.write_text(yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False), encoding="utf-8")

    photo = project / "docs" / "assets" / "images" / "news" / "meeting.png"
    photo.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), "teal").save(photo)
    front_matter(
        "en/news/2019-05-22-meeting-in-celje.md",
        {
            "title": POST_TITLE,
            "summary": POST_SUMMARY,
            "author": POST_AUTHOR,
            "image": "../../assets/images/news/meeting.png",
            "image_alt": IMAGE_ALT,
        },
    )
    front_matter("en/partners.md", {"description": PAGE_DESCRIPTION})
    front_matter("en/newsletters/issue-1.md", {"title": ISSUE_TITLE, "summary": ISSUE_SUMMARY})

    def activities(items):
        by_id = {item["id"]: item for item in items}
        by_id["meeting-planned"]["title"].update(en=ACTIVITY, el=ACTIVITY_EL)
        by_id["meeting-planned"]["description"] = {"en": DESCRIPTION}
        by_id["conference-upcoming"]["title"]["en"] = UPCOMING

    data("activities.yml", activities)
    data("tags.yml", lambda tags: next(tag for tag in tags if tag["id"] == "meeting")["name"].update(en=TAG))
    data("cities.yml", lambda cities: next(c for c in cities if c["id"] == "celje")["name"].update(en=CITY, el=CITY_EL))

    def partners(items):
        items[0]["name"]["en"] = PARTNER
        items[1]["acronym"] = ACRONYM

    data("partners.yml", partners)

    def model(found):
        found["nodes"][0]["name"]["en"] = MODEL_NODE
        found["nodes"][0]["change"]["en"] = CHANGE

    data("model.yml", model)

    def results(items):
        items[0]["title"]["en"] = RESULT
        items[0]["summary"]["en"] = RESULT_SUMMARY

    data("results.yml", results)

    def facts(found):
        found["purpose"]["en"] = PURPOSE
        found["contact"]["postal_address"] = ADDRESS
        found["target_groups"] = {"en": [GROUP]}

    data("project.yml", facts)
    data("funding.yml", lambda funding: funding["en"].update(statement=STATEMENT))

    def strings(table):
        table["news"]["title"] = NEWS_TITLE
        table["newsletter"]["email_view_online"] = VIEW_ONLINE

    data("strings/en.yml", strings)


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def meta(soup: BeautifulSoup, name: str) -> str:
    found = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    assert found is not None, name
    return found["content"]


def json_ld(soup: BeautifulSoup) -> list[dict]:
    script = soup.find("script", type="application/ld+json")
    assert script is not None
    return json.loads(script.string)["@graph"]


def as_read(summary: str) -> str:
    """A feed's summary as a reader shows it: RSS descriptions are HTML (feedparser gives them as such)."""
    return BeautifulSoup(summary, "html.parser").get_text()


def texts(soup: BeautifulSoup, selector: str) -> list[str]:
    return [" ".join(element.get_text().split()) for element in soup.select(selector)]


# ---------------------------------------------------------------------------


def test_no_text_became_markup_on_any_page(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        soup = page(site, str(path.relative_to(site)))
        for script in soup.find_all("script"):
            if script.get("type") in ("application/ld+json", "application/json"):
                json.loads(script.string)  # data: it holds the text, and still parses
            else:
                assert "alert(" not in (script.string or ""), path
        assert not soup.find("b", string="bold"), path
        assert not soup.find("i", string="πλάγια"), path
        assert not soup.find("img", src="x"), path
        assert "49" not in soup.get_text().replace("2019", ""), path  # {{ 7*7 }} was never evaluated


def test_a_posts_head_and_share_card_tags_hold_its_text(site):
    post = page(site, "news/2019-05-22-meeting-in-celje/index.html")
    assert post.title.string.startswith(POST_TITLE)
    assert meta(post, "description") == POST_SUMMARY
    for name in ("og:title", "twitter:title"):
        assert meta(post, name) == POST_TITLE
    for name in ("og:description", "twitter:description"):
        assert meta(post, name) == POST_SUMMARY
    assert POST_TITLE in meta(post, "og:image:alt") and POST_TITLE in meta(post, "twitter:image:alt")
    assert (site / meta(post, "og:image").removeprefix("https://example.org/cisotra/")).is_file()
    assert POST_TITLE in texts(post, '[data-md-component="header-topic"]')
    assert any(POST_AUTHOR in line for line in texts(post, ".cisotra-post__meta"))
    assert TAG in texts(post, ".cisotra-post__meta a")
    assert ACTIVITY in texts(post, ".cisotra-activity h3")
    graph = json_ld(post)
    article = next(item for item in graph if item["@type"] == "NewsArticle")
    assert article["headline"] == POST_TITLE and article["description"] == POST_SUMMARY
    trail = next(item for item in graph if item["@type"] == "BreadcrumbList")
    assert [item["name"] for item in trail["itemListElement"]][1:] == [NEWS_TITLE, POST_TITLE]


def test_lists_of_posts_and_topics_hold_their_text(site):
    index = page(site, "news/index.html")
    assert index.title.string.startswith(NEWS_TITLE)
    assert POST_TITLE in texts(index, ".cisotra-post__title")
    assert POST_SUMMARY in texts(index, ".cisotra-post__summary")
    assert TAG in texts(index, "#topics + div a, .cisotra-unindexed a")
    topic = page(site, "news/tags/meeting/index.html")
    assert any(TAG in title for title in texts(topic, "h1"))
    home = page(site, "index.html")
    assert POST_TITLE in texts(home, ".cisotra-post__title")


def test_activities_hold_their_titles_places_and_partners(site):
    timeline = page(site, "timeline/index.html")
    assert ACTIVITY in texts(timeline, "#meeting-planned h3")
    assert DESCRIPTION in texts(timeline, "#meeting-planned p")
    assert any(CITY in line for line in texts(timeline, "#meeting-planned dd"))
    own = page(site, "activities/meeting-planned/index.html")
    assert own.title.string.startswith(ACTIVITY) and meta(own, "og:title") == ACTIVITY
    assert CITY in meta(own, "description")
    event = next(item for item in json_ld(own) if item["@type"] == "Event")
    assert event["name"] == ACTIVITY and event["description"] == DESCRIPTION
    assert event["location"]["name"].startswith(CITY) and event["location"]["address"]["addressLocality"] == CITY
    upcoming = page(site, "activities/conference-upcoming/index.html")
    calendar_link = upcoming.select_one("a[download][aria-label]")
    assert UPCOMING in calendar_link["aria-label"]
    greek = page(site, "el/activities/meeting-planned/index.html")
    assert texts(greek, "h1") == [ACTIVITY_EL] and meta(greek, "og:title") == ACTIVITY_EL
    assert any(CITY_EL in line for line in texts(greek, "dd"))


def test_the_home_page_and_the_map_hold_the_partners_and_cities(site):
    home = page(site, "index.html")
    assert PURPOSE in texts(home, ".cisotra-home__purpose")
    assert any(PARTNER in line for line in texts(home, ".cisotra-home__partners li"))
    assert any(CITY in label for label in texts(home, ".cisotra-map desc"))
    greek = page(site, "el/index.html")
    assert any(CITY_EL in label for label in texts(greek, ".cisotra-map desc"))


def test_outputs_hold_their_titles(site):
    results = page(site, "results/index.html")
    assert RESULT in texts(results, ".cisotra-result h2")
    assert RESULT_SUMMARY in texts(results, ".cisotra-result p")
    work = next(item for item in json_ld(results) if item.get("@id", "").endswith("#initial-study"))
    assert work["name"] == RESULT and work["description"] == RESULT_SUMMARY


def test_newsletter_pages_emails_and_feed_hold_the_issue(site):
    issue = page(site, "newsletters/issue-1/index.html")
    assert issue.title.string.startswith(ISSUE_TITLE) and meta(issue, "og:title") == ISSUE_TITLE
    assert ISSUE_TITLE in texts(issue, '[data-md-component="header-topic"]')
    archive = page(site, "newsletters/index.html")
    assert ISSUE_TITLE in texts(archive, ".cisotra-issue h3 a")
    assert ISSUE_SUMMARY in texts(archive, ".cisotra-issue > p")
    email = page(site, "newsletters/issue-1/email.html")
    assert email.title.string == ISSUE_TITLE
    assert ISSUE_SUMMARY in email.get_text() and VIEW_ONLINE in texts(email, "a")
    text = (site / "newsletters/issue-1/email.txt").read_text(encoding="utf-8")
    assert f"{VIEW_ONLINE}: https://example.org/cisotra/newsletters/issue-1/" in text.splitlines()
    feed = feedparser.parse((site / "newsletters/rss.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == [ISSUE_TITLE]
    assert as_read(feed.entries[0].summary).endswith(ISSUE_SUMMARY)  # after the note that it is reconstructed


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_news_feeds_hold_the_post(site, kind):
    feed = feedparser.parse((site / f"news/{kind}.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    entry = next(entry for entry in feed.entries if entry.id.endswith("/news/2019-05-22-meeting-in-celje/"))
    assert entry.title == POST_TITLE
    assert as_read(entry.summary).endswith(POST_SUMMARY)  # after the note that it is reconstructed
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert ACTIVITY in texts(content, ".cisotra-activity h3")
    assert not content.find("script") and not content.find("b", string="bold")


def test_calendars_hold_the_activities(site):
    calendar = Calendar.from_ical((site / "calendar/activities.ics").read_bytes())
    summaries = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert ACTIVITY in summaries and UPCOMING in summaries
    assert CITY in str(summaries[ACTIVITY]["LOCATION"])
    single = Calendar.from_ical((site / "calendar/conference-upcoming.ics").read_bytes())
    assert [str(event["SUMMARY"]) for event in single.walk("VEVENT")] == [UPCOMING]
    greek = Calendar.from_ical((site / "el/calendar/activities.ics").read_bytes())
    assert ACTIVITY_EL in {str(event["SUMMARY"]) for event in greek.walk("VEVENT")}


def test_the_search_index_holds_titles_as_text(site):
    titles = set()
    for path in (site / "search" / "en" / "pages").glob("*.json"):
        found = json.loads(path.read_text(encoding="utf-8"))
        titles.add(found.get("title") or found.get("t"))
    assert POST_TITLE in titles and ACTIVITY in titles


def test_the_leaflet_holds_the_partners_and_purpose(site):
    leaflet = page(site, "leaflet/index.html")
    assert PURPOSE in texts(leaflet, ".purpose") and meta(leaflet, "description") == PURPOSE
    assert any(PARTNER in line for line in texts(leaflet, ".partners li"))


def test_the_indicator_exports_hold_the_titles(site):
    exported = json.loads((site / "indicators/activities.json").read_text(encoding="utf-8"))["activities"]
    assert ACTIVITY in {item["title"] for item in exported}
    rows = list(csv.DictReader(io.StringIO((site / "indicators/activities.csv").read_text(encoding="utf-8"))))
    assert ACTIVITY in {row["title"] for row in rows}


def test_every_page_carries_its_content_security_policy_first(site):
    for path in sorted(site.rglob("*.html")):
        head = page(site, str(path.relative_to(site))).head
        assert head is not None, path
        first = head.find(True)
        assert first.name == "meta" and first.get("http-equiv") == "Content-Security-Policy", path
        assert "'unsafe-inline'" not in first["content"].split("script-src")[1].split(";")[0], path


def test_a_photos_alternative_text_and_a_pages_description_are_text(site):
    post = page(site, "news/2019-05-22-meeting-in-celje/index.html")
    assert post.select_one(".cisotra-post__image img")["alt"] == IMAGE_ALT
    partners = page(site, "partners/index.html")
    assert meta(partners, "description") == PAGE_DESCRIPTION and meta(partners, "og:description") == PAGE_DESCRIPTION


def test_partners_model_contact_groups_and_funding_are_text(site):
    home = page(site, "index.html")
    assert any(line.startswith(f"{ACRONYM}:") for line in texts(home, ".cisotra-home__partners li"))
    assert any(STATEMENT in line for line in texts(home, ".cisotra-home__funding span, .cisotra-funding__statement"))
    wp8 = page(site, "work-packages/wp8/index.html")
    assert MODEL_NODE in wp8.select_one(".cisotra-model title, #model-text-schools strong").get_text() or any(
        MODEL_NODE in text for text in texts(wp8, "#model-text-schools strong")
    )
    assert any(CHANGE in text for text in texts(wp8, "#model-text-schools p"))
    contact = page(site, "contact/index.html")
    assert ADDRESS in contact.select_one(".cisotra-contact").get_text()
    leaflet = page(site, "leaflet/index.html")
    assert GROUP in texts(leaflet, ".groups li") and STATEMENT in leaflet.get_text()
    assert any(line.startswith(f"{ACRONYM}:") for line in texts(leaflet, ".partners li"))
