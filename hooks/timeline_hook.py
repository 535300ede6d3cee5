"""Activities on pages: the timeline page, each work package's own list, and the calendar files.

The data is loaded and validated once per build (see cisotra.project); each language
pass only renders it in that language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import _site
from cisotra.calendars import calendars
from cisotra.timeline import calendar_path, render_timeline, render_work_package

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

TIMELINE_PAGE = "timeline.md"


@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    is_timeline = getattr(page.file, "norm_src_uri", page.file.src_uri) == TIMELINE_PAGE
    work_package = page.meta.get("work_package")
    if not is_timeline and work_package is None:
        return None
    ctx = _site.context(config, page.url, text_code=getattr(page.file, "locale", None))
    activities = _site.project(config).activities
    if is_timeline:
        return markdown + "\n\n" + render_timeline(activities, ctx)
    return markdown + render_work_package(activities, int(work_package), ctx)


@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    """Write this language's calendar of all activities, and one file per upcoming activity."""
    ctx = _site.context(config)
    project = _site.project(config)
    stamp = _site.revision_time(config, "data/activities.yml")
    site_url = config.site_url or ""

    def url_of(activity):
        return f"{site_url}{ctx.prefix}timeline/#{activity.id}"

    name = f"{config.site_name} – {ctx.text('activity.heading')}"
    everything, singles = calendars(project.activities, ctx, stamp, name, url_of)
    outputs = {calendar_path(ctx.prefix): everything}
    upcoming = {activity.id for activity in project.activities if activity.is_upcoming(ctx.today)}
    outputs.update({calendar_path(ctx.prefix, key): text for key, text in singles.items() if key in upcoming})
    folder = Path(config.site_dir)
    (folder / calendar_path(ctx.prefix)).parent.mkdir(parents=True, exist_ok=True)
    for site_path, text in outputs.items():
        (folder / site_path).write_bytes(text)
