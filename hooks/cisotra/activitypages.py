"""A page for each activity, in every language: what it is, when and where, who leads it, what mentions it.

The page says what the data knows: the plan, and what happened once a partner reports it.
Its title falls back to the default language's where a language has none, marked as
such. Search engines get the activity as a schema.org Event (cisotra.structured).
"""

from __future__ import annotations

from dataclasses import dataclass

from .activities import Activity
from .consortium import Partner
from .context import Context
from .dates import format_period
from .pages import GeneratedPage
from .paths import activity_path, timeline_path
from .render import html, markdown
from .timeline import Detail, activity_view, place_text


@dataclass(frozen=True)
class Mention:
    """A post or newsletter issue about the activity, as the page lists it."""

    title: str
    site_path: str
    kind: str  # 'post' or 'issue'
    lang: str | None = None  # its language's tag, when it is not the page's


def lead_partners(activity: Activity, partners: list[Partner]) -> list[Partner]:
    """The partners leading the activity's work package."""
    return [partner for partner in partners if activity.work_package in partner.work_packages]


def render_activity_page(
    activity: Activity, ctx: Context, leads: list[Partner], mentions: list[Mention]
) -> GeneratedPage:
    title, title_code = activity.text("title", ctx.code, ctx.default_code)
    page = ctx.at(activity_path(ctx.prefix, activity.id))
    view = activity_view(activity, page)
    if leads:
        names = ", ".join(f"{partner.acronym} ({partner.city.names[ctx.code]})" for partner in leads)
        view.details.append(Detail(ctx.text("activity.lead_partner"), names))
    back = html(
        "back-link.html", href=page.link(f"{timeline_path(ctx.prefix)}#{activity.id}"), text=ctx.text("activity.all")
    )
    body = markdown(
        "activity-page.md",
        ctx=ctx,
        facts=page.html_block(html("activity-page.html", ctx=page, view=view)),
        mentions=page.html_block(html("mentions.html", ctx=page, mentions=mentions), searchable=False)
        if mentions
        else None,
        back=page.html_block(back),
    )
    description = " · ".join(
        part
        for part in (
            ctx.text(f"activity.types.{activity.type}"),
            format_period(activity.shown_period, ctx.tag),
            place_text(activity, ctx) or "",
        )
        if part
    )
    meta = {"activity": activity.id}
    if title_code != ctx.code:
        meta["title_lang"] = ctx.default_tag
    return GeneratedPage(page.page, title, description, body, searchable=True, meta=meta)
