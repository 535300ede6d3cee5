"""Where every kind of page and file is published: the one place the site's addresses come from.

A site path is relative to the site's root, with the language's prefix ('' for the
default language, 'si/' for Slovenian …) and no leading slash: 'si/news/page/2/'. Pages
end in '/', files in their extension. Links between pages are made from site paths by
`cisotra.urls.relative` (so the site works under any sub-path); absolute addresses by
putting `site_url` in front. Pages the partners write themselves (docs/<language>/…)
are published where their file says (`page_site_path`); a change of address here needs
a redirect (data/redirects.yml) for the addresses already published.
"""

from __future__ import annotations

from collections.abc import Iterable

# ---------------------------------------------------------------------------
# Pages written as Markdown, and files under docs/


def page_site_path(prefix: str, path_in_language: str) -> str:
    """Where a Markdown page is published: 'news/x.md' → 'si/news/x/'; an index.md is its folder's page."""
    stem = path_in_language.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{prefix}{stem}/" if stem else prefix


def file_site_path(docs_path: str, default_code: str) -> str:
    """Where a file under docs/ is published: the default language's folder is the site's root
    ('en/newsletters/files/a.pdf' → 'newsletters/files/a.pdf'); other folders keep their name."""
    first, _, rest = docs_path.partition("/")
    return rest if first == default_code else docs_path


def home_path(prefix: str) -> str:
    return prefix


def timeline_path(prefix: str) -> str:
    return f"{prefix}timeline/"


def work_package_path(prefix: str, number: int) -> str:
    return f"{prefix}work-packages/wp{number}/"


def results_path(prefix: str) -> str:
    return f"{prefix}results/"


def partners_path(prefix: str) -> str:
    return f"{prefix}partners/"


def contact_path(prefix: str) -> str:
    return f"{prefix}contact/"


# ---------------------------------------------------------------------------
# Activities


def activity_path(prefix: str, activity_id: str) -> str:
    """An activity's own page."""
    return f"{prefix}activities/{activity_id}/"


def calendar_path(prefix: str, activity_id: str | None = None) -> str:
    """A language's calendar of all activities, or one activity's file."""
    return f"{prefix}calendar/{activity_id or 'activities'}.ics"


# The exports of the indicators page hold the default language's titles: one file for every language.
INDICATORS_CSV = "indicators/activities.csv"
INDICATORS_JSON = "indicators/activities.json"


# ---------------------------------------------------------------------------
# News


NEWS_FOLDER = "news"  # docs/<language>/news/: the posts


def post_path(stem: str, prefix: str) -> str:
    """A post's page; `stem` is its file name without '.md' ('2019-05-22-meeting-in-celje')."""
    return f"{prefix}{NEWS_FOLDER}/{stem}/"


def news_index_path(prefix: str, page: int = 1) -> str:
    return f"{prefix}{NEWS_FOLDER}/" if page == 1 else f"{prefix}{NEWS_FOLDER}/page/{page}/"


def news_year_path(prefix: str, year: int) -> str:
    return f"{prefix}{NEWS_FOLDER}/{year}/"


def news_tag_path(prefix: str, tag: str) -> str:
    return f"{prefix}{NEWS_FOLDER}/tags/{tag}/"


def news_feed_path(prefix: str, kind: str) -> str:
    """The news feed, `kind` 'rss' or 'atom'."""
    return f"{prefix}{NEWS_FOLDER}/{kind}.xml"


# ---------------------------------------------------------------------------
# The e-newsletter


def newsletter_archive_path(prefix: str) -> str:
    return f"{prefix}newsletters/"


def issue_path(stem: str, prefix: str) -> str:
    return f"{prefix}newsletters/{stem}/"


def email_path(stem: str, prefix: str, extension: str) -> str:
    """An issue's e-mail version, `extension` 'html' or 'txt'."""
    return f"{prefix}newsletters/{stem}/email.{extension}"


def newsletter_feed_path(prefix: str) -> str:
    return f"{prefix}newsletters/rss.xml"


# ---------------------------------------------------------------------------
# Made for every page, or for the whole site


def leaflet_path(prefix: str) -> str:
    return f"{prefix}leaflet/"


def leaflet_pdf_name(code: str) -> str:
    """The leaflet's PDF, next to its page."""
    return f"cisotra-leaflet-{code}.pdf"


def photo_tool_path(prefix: str) -> str:
    """The page that cleans a photo in the visitor's browser (for editors; not in the menu)."""
    return f"{prefix}clean-photo/"


PHOTO_SCRIPT = "assets/javascripts/cisotra-photo.js"
# The browser editor for partners (cisotra.editor), once for the site: not in the menu, the sitemap or search.
EDITOR = "admin/"
EDITOR_CONFIG = "config.yml"  # these next to the editor's page, which names them relatively
EDITOR_SCRIPT = "sveltia-cms.js"
EDITOR_FONTS = "fonts/"
EDITOR_PACKAGE = "sveltia-cms"  # the package's own files: <this>/package.json, <this>@<version>/locales/de.json
CARDS = "assets/cards/"  # share cards, one picture per page, named by their content
TRANSLATION_STATUS = "translation-status/"  # for editors, default language only
SEARCH = "search/"  # one folder per language tag: search/el/index.json …
EMBLEM_SVG = "assets/images/eu-emblem.svg"
EMBLEM_PNG = "assets/images/eu-emblem.png"  # e-mail clients do not show SVG


# ---------------------------------------------------------------------------
# What the site makes itself: no page under docs/ may be published there


def generated_pages(
    prefix: str, default: bool, activity_ids: Iterable[str], news_pages: Iterable[str]
) -> dict[str, str]:
    """The pages the site makes in one language, site path → what they are: a page written under docs/
    at one of these addresses would be written over, or write over it. `news_pages` are the news
    section's own pages (cisotra.newspages.section_paths). A new kind of generated page is added here."""
    found = {
        leaflet_path(prefix): "the leaflet",
        newsletter_archive_path(prefix): "the newsletter archive",
        photo_tool_path(prefix): "the page that cleans photos",
    }
    if default:
        found[TRANSLATION_STATUS] = "the translation status page"
        found[EDITOR] = "the browser editor"
    found.update(dict.fromkeys(news_pages, "a page of the news section (news list, year or topic page)"))
    found.update({activity_path(prefix, ident): f"the page of activity {ident}" for ident in activity_ids})
    return found


# Folders the site fills itself, in every language: a page inside them would sit among its files.
GENERATED_FOLDERS = {SEARCH: "the search index", CARDS: "the share cards"}
