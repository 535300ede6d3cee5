"""Language signals: what tells browsers, screen readers and search engines which language a page is in.

mkdocs-static-i18n names a language by its folder (`si`), which as a tag means
Sinhala. With its Material reconfiguration switched off, this hook sets the
theme language, the language switcher and hreflang links from the tags in
`extra.lang_tags` (`si` → `sl`), and marks pages that fall back to the default
language. The plugin's state is read through `_site` only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import _site
from cisotra.languages import hreflang_links
from cisotra.render import from_markdown, html

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


# mkdocs-static-i18n configures each language at priority -100; this runs after it.
@event_priority(-110)
@_site.timed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language = _site.current(config)
    config.theme["language"] = language.tag
    config.extra["alternate"] = _switcher(config, {lang.code: lang.prefix for lang in _site.built_languages(config)})
    # Every language pass writes the site-wide 404.html to the same place; only the
    # default language's pass keeps it, so the page's frame is not in the last language built.
    if language.default:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    _site.project(config)  # read and check the data before any page is built
    return config


@_site.timed
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    project = _site.project(config)
    language = _site.current(config)
    tags = {lang.code: lang.tag for lang in _site.languages(config)}
    env.filters["lang_tag"] = lambda code: tags[code]
    env.filters["absolute"] = lambda url: (config.site_url or "") + _site.site_path(url)
    env.globals["funding"] = project.funding[language.code]
    env.globals["all_funding"] = project.funding  # the site-wide 404 page's footer speaks every language
    env.globals["site_languages"] = _site.built_languages(config)
    env.globals["all_strings"] = project.strings.by_language
    env.globals["strings"] = project.strings.table(language.code)
    return env


@event_priority(-110)
@_site.timed
def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not _site.is_fallback(page, config):
        return None
    language = _site.current(config)
    notice = _site.project(config).strings.get(language.code, "fallback.notice")
    original = _site.text_language(page, config)
    return str(html("fallback.html", notice=notice, original=original.tag, content=from_markdown(content)))


@event_priority(-110)
@_site.timed
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    alternates = _site.alternates(page, config)
    config.extra["alternate"] = _switcher(config, {alt.language.code: alt.url for alt in alternates})
    context["hreflang_links"] = hreflang_links(alternates, config.site_url or "")
    if _site.is_fallback(page, config):
        original = next(alt for alt in alternates if alt.language.default)
        page.canonical_url = (config.site_url or "") + original.url
    return context


@event_priority(-200)  # after every other hook has seen the page
@_site.timed
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str | None:
    # mkdocs-static-i18n keeps every language's pages until the whole build ends (for its
    # sitemap). A written page's text is never read again; letting it go keeps peak memory
    # to about one language's pages instead of all six. The title stays: later pages show
    # it in their navigation, and MkDocs works it out from the text.
    page.title = page.title
    page.markdown = None
    page.content = None
    return output


def _switcher(config: MkDocsConfig, links: dict[str, str]) -> list[dict[str, str]]:
    """Material's language switcher entries; links are site-relative so they work on any host and sub-path."""
    return [
        {"name": lang.name, "link": links.get(lang.code, lang.prefix) or "./", "lang": lang.tag}
        for lang in _site.built_languages(config)
    ]


# Material's script fetches a sitemap.xml next to every <link rel="alternate">, expecting
# each to be a language's root. Ours are page-level hreflang links and feeds, so every
# page load would request sitemaps that cannot exist (404s in the console). The language
# switcher already links each page's translation, so the script is pointed at no link.
MATERIAL_ALTERNATE_SELECTOR = '"link[rel=alternate]"'
NARROWED_SELECTOR = '"link[rel=alternate][data-md-sitemap]"'


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages
@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    for bundle in Path(config.site_dir, "assets", "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        if NARROWED_SELECTOR in text:
            continue
        if text.count(MATERIAL_ALTERNATE_SELECTOR) != 1:
            raise PluginError(f"{bundle.name}: Material's alternate-link selector has changed; review language_hook.py")
        bundle.write_text(text.replace(MATERIAL_ALTERNATE_SELECTOR, NARROWED_SELECTOR), encoding="utf-8")
