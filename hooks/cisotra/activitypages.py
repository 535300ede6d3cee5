"""A page for each activity, in every language: what it is, when and where, who leads it, what mentions it.

The page says what the data knows: the plan, and what happened once a partner reports it.
Its title falls back to the default language's where a language has none, marked as
such. Search engines get the activity as a schema.org Event (cisotra.structured).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .activities import Activity
from .consortium import Partner
from .context import Context
from .dates import format_period
from .markup import inline
from .pages import GeneratedPage
from .timeline import activity_path, place_text, render_description_and_links, render_details, render_when


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
    details = render_details(activity, page)
    if leads:
        names = ", ".join(f"{partner.acronym} ({partner.city.names[ctx.code]})" for partner in leads)
        details += f"\n<dt>{ctx.html('activity.lead_partner')}</dt>\n<dd>{escape(names)}</dd>"
    body = [
        page.html_block(
            '<div class="cisotra-activity-page">'
            + render_when(activity, page)
            + f'\n<dl class="cisotra-activity__details">{details}</dl>\n'
            + "\n".join(render_description_and_links(activity, page))
            + "</div>"
        )
    ]
    if mentions:
        items = "".join(
            f'<li><a href="{escape(page.link(mention.site_path))}"'
            + (f' lang="{mention.lang}" hreflang="{mention.lang}"' if mention.lang else "")
            + f">{escape(mention.title)}</a> ({ctx.html('activity.mention.' + mention.kind)})</li>"
            for mention in mentions
        )
        body.append(
            f"## {inline(ctx.text('activity.mentions'))} {{#mentions}}\n\n"
            + page.html_block(f'<ul class="cisotra-mentions">{items}</ul>', searchable=False)
        )
    timeline = escape(page.link(f"{ctx.prefix}timeline/#{activity.id}"))
    body.append(
        page.html_block(f'<p class="cisotra-post__back"><a href="{timeline}">{ctx.html("activity.all")}</a></p>')
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
    return GeneratedPage(page.page, title, description, "\n\n".join(body), searchable=True, meta=meta)
