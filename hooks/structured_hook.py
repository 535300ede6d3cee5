"""Structured data for search engines (cisotra.structured): the project on home pages, news articles, trails of pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.activitypages import lead_partners
from cisotra.newspages import reconstructed_note
from cisotra.paths import file_site_path, news_index_path, post_path, timeline_path
from cisotra.render import script_json
from cisotra.structured import breadcrumbs, creative_work, event, graph, news_article, organization, website
from cisotra.timeline import country_name, place_text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


@event_priority(-10)  # after the sharing hook, whose share card a news article names
@_site.timed
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if _site.is_fallback(page, config):
        return context  # the original page carries the data; this copy points to it as canonical
    site_url = config.site_url or ""
    language = _site.current(config)
    project = _site.project(config)
    home = site_url + language.prefix
    items = []
    path = _site.path_in_language(page, config)
    if path == "index.md":
        consortium = _site.consortium(config)
        funding = project.funding[language.code].statement
        items.append(
            website(
                home,
                config.site_name,
                config.site_description or "",
                language.tag,
                [lang.tag for lang in _site.languages(config)],
            )
        )
        items.append(organization(consortium, site_url, funding, language.code, _site.default(config).code))
    post = project.post_by_source.get(page.file.src_uri)
    trail = [(_home_title(config), home)]
    if post is not None:
        url = site_url + post_path(post.stem, language.prefix)
        image = next((value for attribute, name, value in context.get("share_tags", []) if name == "og:image"), "")
        publisher = {"@type": "Organization", "name": f"{config.site_name} consortium", "url": site_url}
        modified = _site.revision_time(config, f"docs/{post.docs_path}")
        note = reconstructed_note(post, _site.context(config, page.url))
        items.append(news_article(post, url, image, language.tag, modified, publisher, note))
        trail += [
            (project.strings.get(language.code, "news.title"), site_url + news_index_path(language.prefix)),
            (post.title, url),
        ]
    elif (ident := page.meta.get("activity")) in project.activity_by_id:
        activity = project.activity_by_id[ident]
        ctx = _site.context(config, page.url)
        url = site_url + _site.site_path(page.url)
        text, _ = activity.text("title", ctx.code, ctx.default_code)
        description, _ = activity.text("description", ctx.code, ctx.default_code)
        place = activity.place
        places = {
            "name": place_text(activity, ctx),
            "locality": place.city.names[ctx.code] if place and place.city else None,
            "country": country_name(place.country, ctx) if place and place.country else None,
        }
        leads = lead_partners(activity, project.consortium.partners if project.consortium else [])
        items.append(
            event(
                activity,
                text,
                description,
                url,
                activity.state(ctx.today),
                language.tag,
                places,
                leads,
                ctx.code,
                ctx.default_code,
            )
        )
        timeline = project.strings.get(language.code, "activity.heading")
        trail += [(timeline, site_url + timeline_path(language.prefix)), (text, url)]
    elif path != "index.md":
        if page.meta.get("results"):
            items.extend(_results(page, config))
        for ancestor in page.ancestors:
            first = next(
                (child for child in getattr(ancestor, "children", []) if getattr(child, "url", None) is not None), None
            )
            if first is not None and first is not page:
                trail.append((str(ancestor.title), site_url + _site.site_path(first.url)))
        trail.append((str(page.meta.get("title") or page.title), site_url + _site.site_path(page.url)))
    if len(trail) > 1:
        items.append(breadcrumbs(trail))
    context["json_ld"] = script_json(graph(*items)) if items else None
    return context


def _results(page: Page, config: MkDocsConfig) -> list[dict]:
    ctx = _site.context(config, page.url)
    site_url = config.site_url or ""
    page_url = site_url + _site.site_path(page.url)
    works = []
    for result in _site.project(config).results:
        name, _ = result.text("title", ctx.code, ctx.default_code)
        description, _ = result.text("summary", ctx.code, ctx.default_code)
        files = {
            code: file.url or site_url + file_site_path(file.docs_path, ctx.default_code)
            for code, file in result.files.items()
        }
        works.append(creative_work(result, name, description, f"{page_url}#{result.id}", files, ctx.tags))
    return works


def _home_title(config: MkDocsConfig) -> str:
    return config.site_name
