"""Structured data for search engines (schema.org, as JSON-LD): the project, its news, activities, results, trail of pages.

Every value comes from the same data as the visible page. Dates keep the precision the
data has: a day, or a month ("2018-06") for activities known to the month. The page's
template gets the objects through `cisotra.render.script_json`, an HTML-safe JSON encoder,
so no text from the data can close the script element.
"""

from __future__ import annotations

from datetime import datetime

from .activities import Activity
from .consortium import Consortium, Partner
from .news import Post
from .results import Result

# Only what a partner reported: a plan is not "scheduled" (nobody confirmed it), and schema.org
# has no word for "took place" (the dates of a held activity are the held ones).
STATUSES = {
    "postponed": "https://schema.org/EventPostponed",  # no new dates known
    "rescheduled": "https://schema.org/EventRescheduled",  # postponed to the dates shown
    "cancelled": "https://schema.org/EventCancelled",
}
# Activities that are work, not events: preparing the model is not something one attends.
NOT_EVENTS = frozenset({"model"})
ATTENDANCE = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def organization(consortium: Consortium, site_url: str, funding: str, code: str, default_code: str) -> dict:
    """The consortium as an Organization, its coordinator and members (not its associated partners) named as
    the data names them."""
    facts = consortium.facts

    def member(partner) -> dict:
        name = partner.full_name(code, default_code)
        return {
            "@type": "Organization",
            "name": name or partner.acronym,
            "alternateName": [alias for alias in (partner.acronym, partner.also_known_as) if alias and alias != name],
            "address": {
                "@type": "PostalAddress",
                "addressLocality": partner.city.names[code],
                "addressCountry": partner.city.country,
            },
        }

    data = {
        "@type": "Organization",
        "@id": f"{site_url}#consortium",
        "name": f"{facts.acronym} consortium",
        "alternateName": facts.title,
        "url": site_url,
        "foundingDate": facts.start.isoformat(),
        "dissolutionDate": facts.end.isoformat(),
        # Associated partners are not members of the consortium.
        "member": [member(partner) for partner in consortium.members],
        "parentOrganization": member(consortium.coordinator),
        "funder": {"@type": "Organization", "name": "European Union", "description": funding},
        "identifier": [facts.project_number, facts.grant_agreement],
    }
    if facts.email:
        data["email"] = facts.email
    return data


def website(site_url: str, name: str, description: str, language: str, languages: list[str]) -> dict:
    return {
        "@type": "WebSite",
        "@id": f"{site_url}#website",
        "url": site_url,
        "name": name,
        "description": description,
        "inLanguage": language,
        "availableLanguage": languages,
        "publisher": {"@id": f"{site_url}#consortium"},
    }


def news_article(
    post: Post, url: str, image: str, language: str, modified: datetime, publisher: dict, note: str | None = None
) -> dict:
    """A post as a NewsArticle, published when it was (a reconstructed post: when it was written,
    said so in `note`)."""
    data = {
        "@type": "NewsArticle",
        "headline": post.title,
        "description": post.summary,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": post.publication.isoformat(),
        "dateModified": max(modified, post.publication).isoformat(),
        "inLanguage": language,
        "image": [image],
        "publisher": publisher,
        "author": {"@type": "Organization", "name": post.author} if post.author else publisher,
    }
    if note:
        data["disambiguatingDescription"] = note
    return data


def event(
    activity: Activity,
    name: str,
    description: str,
    url: str,
    state: str,
    language: str,
    places: dict,
    leads: list[Partner],
    code: str = "en",
    default_code: str = "en",
) -> dict | None:
    """The activity as a schema.org Event (None for work that is not an event). Dates keep the data's
    precision (a month stays '2018-06'); `places` holds the place's names in the page's language
    ({'locality': ..., 'country': ...}); `language` is its tag, `code` its folder code."""
    if activity.type in NOT_EVENTS:
        return None
    period = activity.shown_period
    days = (period.first.isoformat(), period.last.isoformat())
    if period.precision == "month":
        days = (days[0][:7], days[1][:7])
    data = {
        "@type": "Event",
        "name": name,
        "url": url,
        "startDate": days[0],
        "endDate": days[1],
        "eventAttendanceMode": ATTENDANCE[activity.attendance],
        "inLanguage": list(activity.languages) or [language],
        "organizer": [
            {
                "@type": "Organization",
                "name": partner.full_name(code, default_code) or partner.acronym,
                "alternateName": partner.acronym,
            }
            for partner in leads
        ],
    }
    if description:
        data["description"] = description
    if activity.place and activity.place.online:
        data["location"] = {"@type": "VirtualLocation", "url": url}
    elif activity.place:
        address = {"@type": "PostalAddress", "addressCountry": activity.place.country}
        if places.get("locality"):
            address["addressLocality"] = places["locality"]
        data["location"] = {"@type": "Place", "name": places.get("name") or places.get("country"), "address": address}
    rescheduled = state == "postponed" and activity.report is not None and activity.report.period is not None
    if rescheduled:
        data["previousStartDate"] = activity.period.first.isoformat()
    status = STATUSES.get("rescheduled" if rescheduled else state)
    if status:
        data["eventStatus"] = status
    return data


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList of (name, absolute URL) from the home page to the page itself."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def graph(*items: dict) -> dict:
    """One JSON-LD document holding several items."""
    return {"@context": "https://schema.org", "@graph": [item for item in items if item]}


def creative_work(
    result: Result, name: str, description: str, url: str, file_urls: dict[str, str], tags: dict[str, str]
) -> dict:
    """An output as a schema.org CreativeWork; `url` is its place on the results page, `file_urls`
    its files' absolute addresses by language. A planned output has no date of publication yet."""
    data = {
        "@type": "CreativeWork",
        "@id": url,
        "name": name,
        "url": url,
        "genre": result.kind,
        "creativeWorkStatus": "Published" if result.status == "published" else "Planned",
        "isPartOf": {"@type": "CreativeWork", "name": f"WP{result.work_package}"},
    }
    if result.licence_url:
        data["license"] = result.licence_url
    if description:
        data["description"] = description
    if result.status == "published" and result.period:
        day = result.period.first.isoformat()
        data["datePublished"] = day if result.period.precision == "day" else day[:7]
    if result.files:
        data["inLanguage"] = [tags.get(code, code) for code in result.files]
        data["encoding"] = [
            {"@type": "MediaObject", "contentUrl": file_urls[code], "inLanguage": tags.get(code, code)}
            | ({"encodingFormat": file.media_type} if file.media_type else {})
            | ({"contentSize": f"{file.size} B"} if file.size else {})
            for code, file in result.files.items()
        ]
    return data
