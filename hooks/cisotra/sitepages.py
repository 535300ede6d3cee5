"""The site's own pages: every Markdown file under docs/ that is neither a post nor a newsletter issue
(about.md, partners.md, work-packages/wp1.md …).

Their front matter is described once (`PAGE`), like a data file's fields, and checked: the site
engine reads it too and uses title and description as text, so a list, a date or a number there
would stop the build deep inside it or be published as Python's spelling of it. And no page may
be published at an address the site makes itself (the leaflet, the news lists, an activity's
page …, from cisotra.paths): one of the two would be written over without a word.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import DataError, Problem
from .fields import Boolean, Choice, Field, ListOf, Record, Text, Where
from .frontmatter import FRONT_MATTER, read_markdown, start_problem
from .news import NEWS_FOLDER
from .newsletters import FOLDER as NEWSLETTER_FOLDER
from .paths import GENERATED_FOLDERS, generated_pages, page_site_path
from .workpackages import WORK_PACKAGE

# Material's `hide:` values (the site's own steps set toc on the home and indicators pages).
HIDDEN_PARTS = ("navigation", "toc", "footer", "path", "feedback", "tags")

PAGE = Record(
    (
        Field(
            "title",
            Text(expected="the page's title as text", only_text=True),
            help="The page's title, in the browser's tab, the menu and search results; the line starting with # "
            "in the text says the same. Keep a text with a colon in quotation marks.",
        ),
        Field(
            "description",
            Text(multiline=True, expected="one or two sentences about the page", only_text=True),
            help="One or two sentences about the page, shown by search engines and on shared links.",
        ),
        Field(
            "work_package",
            WORK_PACKAGE,
            label="Work package",
            help="Only on a work package's page: its number. The page then lists the work package's activities "
            "and outputs after its text.",
        ),
        Field(
            "contact",
            Boolean(),
            help="true on the contact page: the project's contact lines are added to it.",
        ),
        Field(
            "indicators",
            Boolean(),
            help="true on the page of the quality indicators: their tables are added before its first section.",
        ),
        Field("model", Boolean(), help="true on the page that presents the CiSoTRA model: the model is added to it."),
        Field(
            "results",
            Boolean(),
            help="true on the results page: the library of the project's outputs is added to it.",
        ),
        Field(
            "associated_partners",
            Boolean(),
            label="Associated partners",
            help="true on the partners page: the associated partners of data/partners.yml (role: associated) are "
            "listed in a last section, when there are any.",
        ),
        Field(
            "hide",
            ListOf(Choice(HIDDEN_PARTS), single=True, expected="a list of parts such as [toc]"),
            help="Parts of the page's frame not to show: navigation, toc (the contents at the side), footer, path, "
            "feedback, tags.",
        ),
        Field(
            "search",
            Record((Field("exclude", Boolean(), help="true: the page is not in the site's search."),), what="search"),
            help="exclude: true leaves the page out of the site's search.",
        ),
    ),
    what="a page's fields",
)
FIELDS = tuple(f.name for f in PAGE.fields)

# The theme's templates are the site's, not a page's choice: another page's template would show this
# page as that page (404.html) or stop the build. No page of the site names one.
TEMPLATE_REFUSED = (
    "a page cannot choose its template: the site gives every page its frame (another template would show "
    "this page as another, or stop the build); delete this line"
)


def is_post_or_issue(docs_path: str) -> bool:
    """A post ('si/news/x.md') or a newsletter issue ('en/newsletters/issue-1.md'): checked by their own loaders."""
    parts = docs_path.split("/")
    return len(parts) == 3 and parts[1] in (NEWS_FOLDER, NEWSLETTER_FOLDER) and parts[2] != "index.md"


def site_pages(docs: Path) -> list[Path]:
    """Every Markdown page under docs/ that is neither a post nor an issue."""
    return [path for path in sorted(docs.rglob("*.md")) if not is_post_or_issue(path.relative_to(docs).as_posix())]


def check_page_fields(docs: Path, shown_root: Path) -> list[Problem]:
    """Every problem of the front matter of the site's own pages."""
    problems: list[Problem] = []
    for path in site_pages(docs):
        shown = path.relative_to(shown_root)
        text = path.read_text(encoding="utf-8")
        if FRONT_MATTER.match(text.removeprefix("\ufeff")) is None:
            found = start_problem(text)  # no front matter: nothing to check, unless the engine sees settings
            if found:
                problems.append(Problem(shown, 1, None, found))
            continue
        try:
            meta = read_markdown(path, shown).meta
        except DataError as error:
            problems.extend(error.problems)
            continue
        if "template" in meta:
            problems.append(Problem(shown, meta.line_of("template"), "template", TEMPLATE_REFUSED))
            kept = type(meta)({key: value for key, value in meta.items() if key != "template"})
            kept.line, kept.key_lines = meta.line, meta.key_lines
            meta = kept
        PAGE.check(meta, Where(shown, meta.line, "", problems, ()))
    return problems


def check_page_addresses(
    docs: Path,
    codes: tuple[str, ...],
    shown_root: Path,
    activity_ids: Iterable[str],
    news_pages: dict[str, list[str]],
) -> list[Problem]:
    """Every page under docs/ published where the site makes a page of its own. `codes` lists the default
    language first; `news_pages` are each language's news section pages (cisotra.newspages.section_paths)."""
    ids = list(activity_ids)
    problems = _same_address(docs, codes, shown_root)
    for path in site_pages(docs):
        code, _, rest = path.relative_to(docs).as_posix().partition("/")
        if code not in codes:
            continue
        prefix = "" if code == codes[0] else f"{code}/"
        address = page_site_path(prefix, rest)
        made = generated_pages(prefix, code == codes[0], ids, news_pages.get(code, ()))
        what = made.get(address)
        if what is None:
            folder = next((folder for folder in GENERATED_FOLDERS if address.startswith(folder)), None)
            what = f"{GENERATED_FOLDERS[folder]} (the folder {folder})" if folder else None
        if what is not None:
            problems.append(
                Problem(
                    path.relative_to(shown_root),
                    None,
                    "name",
                    f"this page would be published at /{address}, where the site makes {what} itself: one would "
                    "be written over the other; give the file another name (or move it to another folder)",
                )
            )
    return problems


def _same_address(docs: Path, codes: tuple[str, ...], shown_root: Path) -> list[Problem]:
    """Two Markdown files published at one address (news/x.md and news/x/index.md): the engine
    keeps one of them and says nothing."""
    problems = []
    for code in codes:
        prefix = "" if code == codes[0] else f"{code}/"
        first_at: dict[str, Path] = {}
        pages = sorted((docs / code).rglob("*.md")) if (docs / code).is_dir() else []
        # Posts and issues first: the message goes to the page that is in their way.
        for path in sorted(pages, key=lambda page: not is_post_or_issue(page.relative_to(docs).as_posix())):
            address = page_site_path(prefix, path.relative_to(docs / code).as_posix())
            if address in first_at:
                other = first_at[address].relative_to(shown_root)
                problems.append(
                    Problem(
                        path.relative_to(shown_root),
                        None,
                        "name",
                        f"this page would be published at /{address}, the address of {other}: one would be "
                        "written over the other; give one of them another name",
                    )
                )
            else:
                first_at[address] = path
    return problems
