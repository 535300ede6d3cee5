"""The site's build, in the order it runs: the one place to read what the build does and when.

MkDocs builds in events (`mkdocs/commands/build.py`): the configuration, the files, the
environment of the templates, then each page (its Markdown, its HTML, its template's
context, the written page), then the end of the build. mkdocs-static-i18n runs all of it
once per language: the first language pass, then every other language from inside the
first pass's end (see _site.py). mkdocs_events.py hands every event here; below, each
event's steps are listed in the order they run, each a plain function of steps/ given the
build's state (`site`) and what the event hands over. A step that returns something gives
the event its new value (a page's Markdown or HTML); the others add to the page's context,
the pass's files or the site.

Why this order:
- Files: unpublished posts leave before pages are registered from the published ones;
  the registered pages are added last, all at once.
- Markdown: a partner's own links are looked at before any step adds generated Markdown;
  on a work package page its activities come first, then the model, then its outputs.
- HTML: the generated HTML is put back into the rendered page first, before the steps
  that read a rendered page (feeds, e-mails) and before a fallback page is wrapped in
  its notice.
- Context: the share tags before the structured data (an article names its card); the
  page's Markdown HTML is marked as markup last, after every step has read it as text.
- Written page: the Content-Security-Policy last: it hashes the page as it is written.
- End of each pass: its files besides the pages (feeds, calendars, e-mails, leaflet); at
  the end of the last pass, what needs every language written (redirects and the address
  guard, the search index, the sitemap, the browser editor, the link check).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from buildstate import SiteBuild
from steps import (
    activities,
    addresses,
    blocks,
    checks,
    editing,
    editor,
    files,
    generated,
    home,
    images,
    language,
    links,
    news,
    newsletters,
    photo_tool,
    preview,
    search,
    sharing,
    sitemap,
    structured,
    theme,
    translation_status,
)

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


CONFIG = (
    language.configure_theme,  # the pass's language; the project's data read and checked once
    sitemap.drop_theme_sitemap,
    sharing.check_fonts,
)
FILES = (
    news.remove_unpublished,  # drafts, posts dated in the future, other languages' posts
    images.publish_for_the_web,
)
PAGES_FROM_DATA = (  # registered, then added to the files all at once
    news.register_pages,
    newsletters.register_archive,
    activities.register_pages,
    photo_tool.register_page,
    translation_status.register_page,
)
ENV = (
    language.add_template_values,
    search.add_rules,
    generated.announce_feeds,
    theme.escape_everything,
)
PAGE_MARKDOWN = (
    links.refuse_links_to_unpublished,  # the partner's own links, before anything is added
    links.lead_to_the_default_language,
    blocks.add_consortium_counts,
    activities.add_lists,  # on a work package's page: its activities,
    blocks.add_model,  # the model,
    blocks.add_results,  # then its outputs
    news.frame_post,
    newsletters.frame_issue,
    home.fill_home,
    blocks.add_indicators,
    blocks.add_contact,
    blocks.add_associated_partners,
)
PAGE_CONTENT = (
    generated.put_back,  # first: the generated HTML, before anything reads the page
    news.keep_for_feeds,
    newsletters.keep_for_emails,
    language.mark_fallback,
)
PAGE_CONTEXT = (
    language.link_versions,
    editing.add_edit_link,
    sharing.add_share_tags,
    structured.add_json_ld,  # after the share tags: an article names its card
    search.index_page,
    checks.note_links,
    theme.mark_markup,  # last: the steps above read the page's HTML as text
)
POST_PAGE = (
    generated.check_arrived,
    preview.show_problems,
    checks.note_ids,
    sitemap.note_page,
    theme.correct_markup,
    theme.secure,  # the policy hashes the page as it is written, without its content
    language.let_written_page_go,  # last: the page's content is not needed any more
)
POST_TEMPLATE = (theme.correct_and_secure_template,)
PASS_END = (
    generated.check_all_arrived,
    activities.write_calendars,
    news.write_feeds,
    newsletters.write_emails_and_feed,
    files.write_indicator_exports,
    files.write_leaflet,
)
BUILD_END = (
    language.narrow_material_alternates,
    search.check_stemmers,
    addresses.write_redirects_and_guard_addresses,
    search.write_indexes,
    sitemap.write_sitemap,
    editor.write_editor,  # not a page: outside the sitemap, search and the link check
    checks.check_links,
    translation_status.tell_files_to_fix,  # last: after every problem that stops the build
)


# ---------------------------------------------------------------------------
# The events, each running its steps. `start` and `site` come from mkdocs_events.py.


def start(config: MkDocsConfig, serving: bool) -> SiteBuild:
    """A new build's state, at its first language pass."""
    return SiteBuild(config, serving)


def on_config(site: SiteBuild) -> None:
    site.begin_pass()
    for step in CONFIG:
        site.run(step)


def on_files(site: SiteBuild, files: Files) -> Files:
    for step in FILES:
        site.run(step, files)
    for step in PAGES_FROM_DATA:
        site.run(step)
    site.run(generated.add_registered_pages, files)
    return files


def on_env(site: SiteBuild, env: Environment) -> Environment:
    for step in ENV:
        site.run(step, env)
    return env


def on_page_markdown(site: SiteBuild, page: Page, markdown: str) -> str:
    return _through(site, PAGE_MARKDOWN, page, markdown)


def on_page_content(site: SiteBuild, page: Page, html: str) -> str:
    return _through(site, PAGE_CONTENT, page, html)


def on_page_context(site: SiteBuild, page: Page, context: dict) -> dict:
    for step in PAGE_CONTEXT:
        site.run(step, page, context)
    return context


def on_post_page(site: SiteBuild, page: Page, output: str) -> str:
    return _through(site, POST_PAGE, page, output)


def on_post_template(site: SiteBuild, name: str, output: str) -> str:
    return _through(site, POST_TEMPLATE, name, output)


def on_post_build(site: SiteBuild) -> bool:
    """The end of a language pass; True when it was the build's last."""
    for step in PASS_END:
        site.run(step)
    if not site.is_last_pass():
        return False
    before = len(site.problems)
    for step in BUILD_END:
        site.run(step)
    preview.show_late_problems(site, before)
    _write_timings(site)
    return True


def _through(site: SiteBuild, steps: tuple, subject, value: str) -> str:
    """Each step may give a new value (None: unchanged); the next step gets the latest."""
    for step in steps:
        changed = site.run(step, subject, value)
        if changed is not None:
            value = changed
    return value


def _write_timings(site: SiteBuild) -> None:
    """With CISOTRA_TIMINGS=path, each step's total seconds and each language pass's, for bench/."""
    path = os.environ.get("CISOTRA_TIMINGS")
    if not path:
        return
    starts = sorted((done.started, code) for code, done in site.passes.items())
    ends = [start for start, _ in starts[1:]] + [time.perf_counter()]
    passes = {code: end - start for (start, code), end in zip(starts, ends, strict=True)}
    report = {"steps": dict(sorted(site.timings.items())), "passes": passes}
    Path(path).write_text(json.dumps(report, indent=1), encoding="utf-8")
