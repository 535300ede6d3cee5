"""Everything the site reads from `data/`, loaded and validated once per build.

mkdocs-static-i18n runs the whole build once per language; the data does not
change between those runs, so it is read once and kept until a file changes
(which also keeps `mkdocs serve` correct after an edit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from .activities import Activity, load_activities
from .funding import Funding, load_funding
from .news import Post, Tags, load_posts, load_tags
from .newsletters import Issue, load_issues
from .strings import Strings, load_strings

T = TypeVar("T")


@dataclass(frozen=True)
class Project:
    root: Path
    codes: tuple[str, ...]
    reference: str
    strings: Strings
    funding: dict[str, Funding]
    activities: list[Activity]
    posts: list[Post]
    tags: Tags
    issues: list[Issue]

    # Pages look up their post, issue or activity once each: by key, not by scanning every item.
    @cached_property
    def post_by_source(self) -> dict[str, Post]:
        return {post.src_uri: post for post in self.posts}

    @cached_property
    def issue_by_source(self) -> dict[str, Issue]:
        return {issue.src_uri: issue for issue in self.issues}

    @cached_property
    def activity_by_id(self) -> dict[str, Activity]:
        return {activity.id: activity for activity in self.activities}


def _signature(folders: tuple[Path, ...]) -> tuple:
    """What changes when any file under the folders is edited, added or removed."""
    return tuple(
        sorted(
            (str(p), p.stat().st_mtime_ns, p.stat().st_size)
            for folder in folders
            for p in folder.rglob("*")
            if p.is_file()
        )
    )


_cache: dict[tuple, object] = {}


def cached(key: tuple, folders: tuple[Path, ...], load: Callable[[], T]) -> T:
    """Load once while the files under `folders` stay as they are."""
    full_key = (*key, _signature(folders))
    if full_key not in _cache:
        for old in [k for k in _cache if k[: len(key)] == key]:
            del _cache[old]
        _cache[full_key] = load()
    return _cache[full_key]  # type: ignore[return-value]


def load_project(root: Path, docs: Path, codes: tuple[str, ...], reference: str, zone: str) -> Project:
    data = root / "data"

    def load() -> Project:
        activities = load_activities(data / "activities.yml", data / "cities.yml", codes, root)
        return Project(
            root=root,
            codes=codes,
            reference=reference,
            strings=load_strings(data / "strings", list(codes), reference, root),
            funding=load_funding(data / "funding.yml", codes, root),
            activities=activities,
            posts=load_posts(docs, codes, ZoneInfo(zone), {activity.id for activity in activities}, root),
            tags=load_tags(data / "tags.yml", codes, root),
            issues=load_issues(docs, codes, root),
        )

    content = tuple(
        docs / code / folder for code in codes for folder in ("news", "newsletters") if (docs / code / folder).is_dir()
    )
    return cached(("project", str(root), codes, reference, zone), (data, *content), load)
