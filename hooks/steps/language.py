"""Language signals: what tells browsers, screen readers and search engines which language a page is in.

mkdocs-static-i18n names a language by its folder (`si`), which as a tag means Sinhala.
With its Material reconfiguration switched off, these steps set the theme language, the
language switcher and hreflang links from the tags in `extra.lang_tags` (`si` → `sl`),
and mark pages that fall back to the default language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

import _site
from cisotra.languages import hreflang_links
from cisotra.render import from_markdown, html

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


def configure_theme(site: SiteBuild) -> None:
    """The theme's language and switcher for this pass; the data is read and checked before any page."""
    config = site.config
    language = site.language
    config.theme["language"] = language.tag
    config.extra["alternate"] = switcher(site, {lang.code: lang.prefix for lang in site.built})
    # Every pass writes the site-wide 404.html to the same place; only the default language's
    # pass keeps it, so the page's frame is not in the last language built.
    if language.default:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    site.project  # noqa: B018 - read and check the data before any page is built


def add_template_values(site: SiteBuild, env: Environment) -> None:
    """What the theme's templates use: the language's words, its funding statement, the languages."""
    project = site.project
    tags = {lang.code: lang.tag for lang in site.languages}
    env.filters["lang_tag"] = lambda code: tags[code]
    env.filters["absolute"] = lambda url: site.site_url + _site.site_path(url)
    env.globals["funding"] = project.funding[site.language.code]
    env.globals["all_funding"] = project.funding  # the site-wide 404 page's footer speaks every language
    env.globals["site_languages"] = site.built
    env.globals["all_strings"] = project.strings.by_language
    env.globals["strings"] = project.strings.table(site.language.code)


def mark_fallback(site: SiteBuild, page: Page, content: str) -> str | None:
    """A page shown in the default language says so in the visitor's language, its text marked with its own."""
    if not site.is_fallback(page):
        return None
    notice = site.project.strings.get(site.language.code, "fallback.notice")
    original = site.text_language(page)
    return str(html("fallback.html", notice=notice, original=original.tag, content=from_markdown(content)))


def link_versions(site: SiteBuild, page: Page, context: dict) -> None:
    """The switcher leads to this page's own versions; hreflang names them; a fallback's canonical is the original."""
    alternates = site.alternates(page)
    site.config.extra["alternate"] = switcher(site, {alt.language.code: alt.url for alt in alternates})
    context["hreflang_links"] = hreflang_links(alternates, site.site_url)
    if site.is_fallback(page):
        original = next(alt for alt in alternates if alt.language.default)
        page.canonical_url = site.site_url + original.url


def let_written_page_go(site: SiteBuild, page: Page, output: str) -> None:
    """mkdocs-static-i18n keeps every language's pages until the whole build ends (for its sitemap).
    A written page's text is never read again; letting it go keeps peak memory to about one
    language's pages instead of all six. The title stays: later pages show it in their
    navigation, and MkDocs works it out from the text."""
    page.title = page.title
    page.markdown = None
    page.content = None


def switcher(site: SiteBuild, links: dict[str, str]) -> list[dict[str, str]]:
    """Material's language switcher entries; links are site-relative so they work on any host and sub-path."""
    return [
        {"name": lang.name, "link": links.get(lang.code, lang.prefix) or "./", "lang": lang.tag} for lang in site.built
    ]


# Material's script fetches a sitemap.xml next to every <link rel="alternate">, expecting
# each to be a language's root. Ours are page-level hreflang links and feeds, so every
# page load would request sitemaps that cannot exist (404s in the console). The language
# switcher already links each page's translation, so the script is pointed at no link.
MATERIAL_ALTERNATE_SELECTOR = '"link[rel=alternate]"'
NARROWED_SELECTOR = '"link[rel=alternate][data-md-sitemap]"'


def narrow_material_alternates(site: SiteBuild) -> None:
    for bundle in (site.site_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        if NARROWED_SELECTOR in text:
            continue
        if text.count(MATERIAL_ALTERNATE_SELECTOR) != 1:
            raise PluginError(
                f"{bundle.name}: Material's alternate-link selector has changed; review steps/language.py"
            )
        bundle.write_text(text.replace(MATERIAL_ALTERNATE_SELECTOR, NARROWED_SELECTOR), encoding="utf-8")
