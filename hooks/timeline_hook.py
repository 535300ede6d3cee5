"""Activities on pages: the timeline page, each work package's own list, and the calendar files.

The data is loaded and validated once per build (see cisotra.project); each language
pass only renders it in that language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

import _site
from cisotra.calendars import calendar
from cisotra.timeline import Context, calendar_path, render_timeline, render_work_package

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

TIMELINE_PAGE = "timeline.md"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    is_timeline = getattr(page.file, "norm_src_uri", page.file.src_uri) == TIMELINE_PAGE
    work_package = page.meta.get("work_package")
    if not is_timeline and work_package is None:
        return None
    # A page shown from the default language gets its lists in that language too,
    # since they sit inside its lang-marked text.
    ctx = _context(config, text_code=getattr(page.file, "locale", None), page_url=page.url)
    activities = _site.project(config).activities
    if is_timeline:
        return markdown + "\n\n" + render_timeline(activities, ctx)
    return markdown + render_work_package(activities, int(work_package), ctx)


def on_post_build(config: MkDocsConfig) -> None:
    """Write this language's calendar of all activities and one file per activity."""
    ctx = _context(config)
    project = _site.project(config)
    stamp = _site.revision_time(config, "data/activities.yml")
    site_url = config.site_url or ""

    def url_of(activity):
        return f"{site_url}{ctx.prefix}timeline/#{activity.id}"

    name = f"{config.site_name} – {ctx.text('activity.heading')}"
    outputs = {calendar_path(ctx.prefix): project.activities}
    outputs.update({calendar_path(ctx.prefix, activity.id): [activity] for activity in project.activities})
    for site_path, activities in outputs.items():
        target = Path(config.site_dir) / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(calendar(activities, ctx, stamp, name, url_of))


def _context(config: MkDocsConfig, text_code: str | None = None, page_url: str = "") -> Context:
    project = _site.project(config)
    language = _site.current(config)
    languages = {lang.code: lang for lang in _site.languages(config)}
    default = _site.default(config)
    text_language = languages.get(text_code or language.code, language)
    return Context(
        code=text_language.code,
        tag=text_language.tag,
        reference=default.code,
        reference_tag=default.tag,
        words=project.strings.table(text_language.code),
        today=_site.today(),
        link=lambda site_path: get_relative_url(site_path, page_url) if page_url else site_path,
        prefix=language.prefix,
    )
