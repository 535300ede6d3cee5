"""Activities on pages: the timeline, each work package's own list, a page per activity, and the calendar files.

The data is loaded and checked once per build (cisotra.project); each language pass
only renders it in that language (cisotra.timeline, cisotra.activitypages, cisotra.calendars).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cisotra.activitypages import Mention, lead_partners, render_activity_page
from cisotra.calendars import calendar_files
from cisotra.languages import Alternate
from cisotra.paths import activity_path, issue_path, post_path
from cisotra.timeline import render_timeline, render_work_package

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild

TIMELINE_PAGE = "timeline.md"


def register_pages(site: SiteBuild) -> None:
    """A page for each activity in this pass's language, with the posts and issues that mention it."""
    project = site.project
    ctx = site.context(generator="the activity pages")
    partners = project.consortium.partners if project.consortium else []
    mentions = _mentions(site)
    for activity in project.activities:
        page = render_activity_page(activity, ctx, lead_partners(activity, partners), mentions.get(activity.id, []))
        alternates = {lang.code: Alternate(lang, activity_path(lang.prefix, activity.id), True) for lang in site.built}
        site.add_page(page, alternates)


def add_lists(site: SiteBuild, page: Page, markdown: str) -> str | None:
    """The timeline page's numbers, filters and activities; a work package page's own activities."""
    is_timeline = site.path_in_language(page) == TIMELINE_PAGE
    work_package = page.meta.get("work_package")
    if not is_timeline and work_package is None:
        return None
    ctx = site.context(page.url, text_code=site.text_language(page).code, generator="the timeline")
    activities = site.project.activities
    if is_timeline:
        return markdown + "\n\n" + render_timeline(activities, ctx)
    return markdown + render_work_package(activities, int(work_package), ctx)


def write_calendars(site: SiteBuild) -> None:
    """This language's calendar of all activities, and one file per upcoming activity."""
    ctx = site.context()
    stamp = site.revision_time("data/activities.yml")
    name = f"{site.config.site_name} – {ctx.text('activity.heading')}"
    for site_path, content in calendar_files(site.project.activities, ctx, stamp, name, site.site_url).items():
        site.write(site_path, content)


def _mentions(site: SiteBuild) -> dict[str, list[Mention]]:
    """This language's posts and e-newsletter issues about each activity (an issue not yet translated: the default's)."""
    language = site.language
    publication = site.publication
    found: dict[str, list[Mention]] = {}
    for post in publication.posts(language.code):
        for ident in post.activities:
            found.setdefault(ident, []).append(Mention(post.title, post_path(post.stem, language.prefix), "post"))
    for issue in publication.archive(language.code):
        lang = None if issue.code == language.code else site.default.tag
        for ident in issue.activities:
            found.setdefault(ident, []).append(
                Mention(issue.title, issue_path(issue.stem, language.prefix), "issue", lang)
            )
    return found
