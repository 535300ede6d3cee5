"""The frame of every build: its state begins and ends here, and what the other hooks register is used here.

Each event runs at a priority that puts it before or after every other hook, so the
order of `hooks:` in mkdocs.yml changes nothing: generated pages are added after every
hook's on_files, feeds are announced after all are registered, generated HTML is put
back before anything reads a rendered page, and the checks run on the final pages.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.csp import secured
from cisotra.links import BuiltPage, check_built_links, page_ids, page_links
from cisotra.render import from_markdown
from cisotra.sitemap import render_sitemap

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

FIRST = 200
LAST = -300  # after mkdocs-static-i18n (-100) and the other hooks (at most -200)


def on_startup(command: str, dirty: bool) -> None:
    _site.note_command(command)


@event_priority(-110)  # after mkdocs-static-i18n has chosen the language of this pass
@_site.timed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _site.language_pass(config)  # the first pass starts the build's state
    # The sitemap is written once, from what the passes recorded (on_post_build).
    config.theme.static_templates.discard("sitemap.xml")
    return config


@event_priority(LAST)
@_site.timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _site.add_registered_pages(config, files)
    return files


@event_priority(LAST)
@_site.timed
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["site_feeds"] = _site.feeds(config)
    # Every template of the theme escapes what it prints: a page's title, description, a
    # partner's name reach the page as text, whichever template prints them. What is markup
    # on purpose (the page's HTML made by Markdown, JSON-LD) is marked as such (on_page_context).
    env.autoescape = True
    return env


@event_priority(FIRST)  # before the search index and the hooks that read the rendered page (feeds, e-mails)
@_site.timed
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return _site.restore_html(config, page, html)


@event_priority(LAST)
@_site.timed
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Note the links of the page's own text (its content, after every hook), for the link check;
    then mark what Markdown made as the HTML it is, for the theme's escaping templates."""
    source = page.file.abs_src_path
    root = _site.project_root(config)
    site_path = _site.site_path(page.url)
    _site.build(config).built_pages[site_path] = BuiltPage(
        site_path=site_path,
        code=_site.current(config).code,
        source=Path(source).relative_to(root).as_posix() if source else None,
        hrefs=page_links(page.content or ""),
    )
    page.content = from_markdown(page.content or "")
    _mark_toc(page.toc)
    return context


def _mark_toc(items) -> None:
    """A table of contents' titles are HTML made by Markdown from the page's headings (entities and all)."""
    for item in items:
        item.title = from_markdown(item.title)
        _mark_toc(item.children)


@event_priority(LAST)
@_site.timed
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str | None:
    """Check and note the written page, and give it its Content-Security-Policy (last: it hashes the
    page's inline scripts as they are written)."""
    _site.check_no_stand_in(page, output)
    output = _site.with_problems(output)  # `./run serve` only: the build's problems, at the top of the page
    site_path = _site.site_path(page.url)
    _site.build(config).built_pages[site_path].ids = page_ids(output)
    if _site.in_sitemap(page, config):
        alternates = [(alt.language.tag, alt.url) for alt in _site.alternates(page, config) if alt.translated]
        _site.language_pass(config).sitemap.append((site_path, alternates))
    return secured(output)


@event_priority(LAST)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Pages made from a theme template alone (404.html) get a Content-Security-Policy too."""
    return secured(output_content) if template_name.endswith(".html") else output_content


@event_priority(LAST)
@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    _site.check_all_restored(config)
    if not _site.is_last_pass(config):
        return
    state = _site.build(config)
    site = Path(config.site_dir)
    sitemap = render_sitemap(
        [entry for pass_ in state.passes.values() for entry in pass_.sitemap], config.site_url or ""
    )
    (site / "sitemap.xml").write_bytes(sitemap)
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap, mtime=0))
    problems_before = len(state.problems)
    _check_links(config, site)
    if len(state.problems) > problems_before:
        # `./run serve`: found after the pages were written; every page of the preview shows them.
        for page in site.rglob("*.html"):
            page.write_text(_site.with_problems(page.read_text(encoding="utf-8")), encoding="utf-8")
    _site.write_timings(config)
    _site.end_build(config)


def _check_links(config: MkDocsConfig, site: Path) -> None:
    if len(_site.built_languages(config)) < len(_site.languages(config)):
        return  # one language alone (`./run serve si`): its links to the others cannot be followed
    state = _site.build(config)
    if state.problems:
        return  # a preview with problems leaves out what they concern: its links would only add noise
    names = {language.code: language.name for language in state.languages}
    root = _site.project_root(config)
    problems = check_built_links(
        list(state.built_pages.values()),
        exists=lambda path: (site / path).is_file(),
        read=lambda source: (root / source).read_text(encoding="utf-8"),
        names=names,
    )
    if problems:
        _site.fail(problems)
