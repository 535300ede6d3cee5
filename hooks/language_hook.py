"""Language signals: what tells browsers, screen readers and search engines which language a page is in.

mkdocs-static-i18n names a language by its folder (`si`), which as a tag means
Sinhala. With its Material reconfiguration switched off, this hook sets the
theme language, the language switcher, hreflang links and the sitemap from the
tags in `extra.lang_tags` (`si` → `sl`), and marks pages that fall back to the
default language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.languages import Alternate, by_code, hreflang_links

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
    _site.load(config)  # read and validate the data before any page is built
    return config


@_site.timed
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    project = _site.project(config)
    language = _site.current(config)
    tags = {lang.code: lang.tag for lang in _site.languages(config)}
    env.filters["lang_tag"] = lambda code: tags[code]
    env.filters["absolute"] = lambda url: (config.site_url or "") + _site_path(url)
    env.globals["funding"] = project.funding[language.code]
    env.globals["site_languages"] = _site.built_languages(config)
    env.globals["all_strings"] = project.strings.by_language
    env.globals["strings"] = project.strings.table(language.code)
    return env


@event_priority(-110)
@_site.timed
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    language = _site.current(config)
    if not _is_fallback(page, language.code):
        return None
    notice = _site.project(config).strings.get(language.code, "fallback.notice")
    original = _site.default(config)
    return (
        f'<p class="cisotra-fallback" role="note">{notice}</p>\n'
        f'<div lang="{original.tag}" class="cisotra-fallback__content">\n{html}\n</div>'
    )


@event_priority(-110)
@_site.timed
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    alternates = _alternates(page, config)
    config.extra["alternate"] = _switcher(config, {alt.language.code: alt.url for alt in alternates})
    context["hreflang_links"] = hreflang_links(alternates, config.site_url or "")
    if _is_fallback(page, _site.current(config).code):
        original = next(alt for alt in alternates if alt.language.default)
        page.canonical_url = (config.site_url or "") + original.url
    return context


def _is_fallback(page: Page, code: str) -> bool:
    return getattr(page.file, "locale", code) != code


def _alternates(page: Page, config: MkDocsConfig) -> list[Alternate]:
    languages = by_code(_site.built_languages(config))
    files = getattr(page.file, "alternates", {})
    return [
        Alternate(language=languages[code], url=_site_path(files[code].url), translated=files[code].locale == code)
        for code in languages
        if code in files
    ]


def _site_path(url: str) -> str:
    return "" if url in ("./", ".") else url


def _switcher(config: MkDocsConfig, links: dict[str, str]) -> list[dict[str, str]]:
    """Material's language switcher entries; links are site-relative so they work on any host and sub-path."""
    return [
        {"name": lang.name, "link": links.get(lang.code, lang.prefix) or "./", "lang": lang.tag}
        for lang in _site.built_languages(config)
    ]


# After every other hook, and after mkdocs-static-i18n has built the other languages.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    _site.write_timings()
