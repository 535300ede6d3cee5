"""Activities on pages: the timeline page, each work package's own list, and the calendar files.

The data is loaded and checked once per build (see cisotra.project); each language
pass only renders it in that language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import _site
from cisotra.calendars import calendar_files
from cisotra.timeline import render_timeline, render_work_package

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

TIMELINE_PAGE = "timeline.md"


@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    is_timeline = _site.path_in_language(page, config) == TIMELINE_PAGE
    work_package = page.meta.get("work_package")
    if not is_timeline and work_package is None:
        return None
    text = _site.text_language(page, config).code
    ctx = _site.context(config, page.url, text_code=text, generator="the timeline hook")
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
    name = f"{config.site_name} – {ctx.text('activity.heading')}"
    site = Path(config.site_dir)
    for site_path, content in calendar_files(project.activities, ctx, stamp, name, config.site_url or "").items():
        target = site / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
