"""Everything the site reads from `data/`, `templates/` and the posts and issues in `docs/`, checked once per build.

A build runs once per language (the site engine's language passes); the data does not
change between them, so the engine's adapter loads it once, at the start of a build,
and drops it when the build ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from .activities import Activity, load_activities
from .consortium import Consortium, load_consortium
from .errors import DataError, Problem
from .funding import Funding, load_funding, to_confirm
from .languages import SiteLanguage
from .links import SourcePages, check_markdown_links, scan_pages
from .model import Model, load_model
from .news import Post, Tags, listed_in, load_posts, load_tags, with_planned_period
from .newsletters import Issue, load_issues
from .newspages import section_paths
from .participantgroups import FILE as GROUPS_FILE
from .participantgroups import Group, load_groups
from .placeholders import load_placeholders
from .results import Result, load_results
from .sitepages import check_page_addresses, check_page_fields
from .sources import SourceRules, check_sources
from .strings import Strings, load_strings
from .synonyms import SynonymGroup, load_synonyms


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[SiteLanguage, ...]  # the default language first
    strings: Strings
    funding: dict[str, Funding]
    activities: list[Activity]
    posts: list[Post]
    tags: Tags
    issues: list[Issue]
    pages: SourcePages
    consortium: Consortium | None = None
    model: Model = Model([], [])
    results: list[Result] = field(default_factory=list)
    synonyms: dict[str, tuple[SynonymGroup, ...]] = field(default_factory=dict)  # by language code, for search
    groups: dict[str, Group] = field(default_factory=dict)  # the participant groups reports count
    warnings: tuple[Problem, ...] = ()  # for editors (the translation-status page), not stopping the build
    problems: tuple[Problem, ...] = ()  # only in a partial load: what is wrong, for the editor's preview

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def default(self) -> SiteLanguage:
        return self.languages[0]

    # Pages look up their post, issue or activity once each: by key, not by scanning every item.
    @cached_property
    def post_by_source(self) -> dict[str, Post]:
        return {post.docs_path: post for post in self.posts}

    @cached_property
    def issue_by_source(self) -> dict[str, Issue]:
        return {issue.docs_path: issue for issue in self.issues}

    @cached_property
    def activity_by_id(self) -> dict[str, Activity]:
        return {activity.id: activity for activity in self.activities}


def load_project(
    root: Path,
    docs: Path,
    languages: list[SiteLanguage],
    zone: str,
    today: date,
    partial: bool = False,
    rules: SourceRules | None = None,
) -> Project:
    """Read and check everything; a DataError lists every problem found, in every file.

    Files are read in order of dependence (activities before the posts that name them), but
    a problem in one file does not hide the problems of the next: partners fix all at once.
    With `partial`, a file with problems is left out instead and the problems come with the
    project (an editor's local preview shows them on every page rather than stopping);
    the interface strings cannot be left out. With `rules`, what partners wrote and uploaded
    is checked to be safe to publish too (cisotra.sources).
    """
    data = root / "data"
    ordered = tuple(sorted(languages, key=lambda language: not language.default))
    codes = tuple(language.code for language in ordered)
    problems = []

    def attempt(load, fallback):
        try:
            return load()
        except DataError as error:
            problems.extend(error.problems)
            return fallback

    strings = attempt(
        lambda: load_strings(data / "strings", list(codes), {lang.code: lang.tag for lang in ordered}, codes[0], root),
        None,
    )
    funding = attempt(
        lambda: load_funding(data / "funding.yml", codes, root), dict.fromkeys(codes, Funding("", "", ""))
    )
    placeholders = load_placeholders(root / "templates")
    locales = strings.locales if strings is not None else None
    groups = attempt(lambda: load_groups(data / GROUPS_FILE, codes, root, locales), None)
    activities = attempt(
        lambda: load_activities(
            data / "activities.yml", data / "cities.yml", codes, root, today, placeholders, docs, groups
        ),
        None,
    )
    tags = attempt(lambda: load_tags(data / "tags.yml", codes, root), None)
    activity_ids = {activity.id for activity in activities} if activities is not None else None
    # Posts are checked against the activities and topics when those could be read; if not,
    # their own problems are still found, and nothing is reported twice.
    posts = attempt(lambda: load_posts(docs, codes, ZoneInfo(zone), activity_ids, tags, placeholders, root), [])
    periods = {activity.id: activity.period for activity in activities or []}
    posts = [with_planned_period(post, periods) for post in posts]
    issues = attempt(lambda: load_issues(docs, codes, placeholders, root, activity_ids), [])
    consortium = attempt(lambda: load_consortium(data, codes, root), None)
    model = attempt(lambda: load_model(data / "model.yml", codes, root), Model([], []))
    results, warnings = attempt(lambda: load_results(data / "results.yml", docs, codes, root), ([], []))
    warnings = [*warnings, *to_confirm(funding, Path("data/funding.yml"))]
    synonyms = attempt(lambda: load_synonyms(data / "synonyms.yml", codes, root), {})
    problems.extend(check_page_fields(docs, root))
    # Every post counts, drafts too: a page in the way of a news page not yet published would be later.
    news_pages = {
        language.code: section_paths(listed_in(posts, language.code, codes), language.prefix) for language in ordered
    }
    problems.extend(check_page_addresses(docs, codes, root, activity_ids or (), news_pages))
    pages = scan_pages(docs, codes)
    problems.extend(check_markdown_links(pages, docs, root))
    if rules is not None:
        problems.extend(check_sources(root, docs, codes, rules))
    problems = list(dict.fromkeys(problems))  # data/cities.yml is read for the activities and the partners
    if problems and (not partial or strings is None):
        raise DataError(problems)
    return Project(
        root=root,
        languages=ordered,
        strings=strings,
        funding=funding,
        activities=activities or [],
        posts=posts,
        tags=tags or Tags({}),
        issues=issues,
        pages=pages,
        consortium=consortium,
        model=model,
        results=results,
        synonyms=synonyms,
        groups=groups or {},
        warnings=tuple(warnings),
        problems=tuple(problems),
    )
