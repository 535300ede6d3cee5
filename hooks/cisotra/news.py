"""News posts: Markdown files in `docs/<language>/news/`, their front matter checked and turned into `Post`s.

A post's translations share its file name (or a `translation_key`). Drafts are never
published; a post dated in the future waits for a build on or after its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from .errors import DataError, Problem
from .frontmatter import read_front_matter
from .yamlfile import Located, load_file

FIELDS = ("title", "date", "summary", "image", "image_alt", "tags", "author", "draft", "activity", "translation_key")
NEWS_FOLDER = "news"
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:?\d{2})?)?$")
_TAG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".gif": "image/gif",
}


@dataclass(frozen=True)
class Post:
    code: str  # language folder
    src_uri: str  # relative to docs/, e.g. 'si/news/2018-05-15-first-project-meeting-naples.md'
    stem: str  # the file name without .md: the post's URL name
    key: str  # what connects translations
    title: str
    published: datetime
    summary: str
    tags: tuple[str, ...] = ()
    image: str | None = None  # relative to docs/
    image_alt: str | None = None
    author: str | None = None
    draft: bool = False
    activity: str | None = None

    def visible(self, now: datetime) -> bool:
        return not self.draft and self.published <= now


@dataclass(frozen=True)
class Tags:
    """Tag names per language from data/tags.yml; a tag without a name there shows its key."""

    names: dict[str, dict[str, str]]

    def name(self, tag: str, code: str, reference: str) -> str:
        names = self.names.get(tag, {})
        return names.get(code) or names.get(reference) or tag


def parse_date(value: object, zone: ZoneInfo) -> datetime:
    """A post date: '2018-05-15', '2018-05-15 10:30' or '2018-05-15T10:30:00+02:00'; no zone means the site's zone."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=zone)
    text = str(value).strip()
    match = _DATE.match(text)
    if not match:
        raise ValueError(
            f"expected a date like 2018-05-15 or 2018-05-15 10:30 (optionally with +02:00), found {value!r}"
        )
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{value!r} is not a date in the calendar") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def load_tags(path: Path, codes: tuple[str, ...], shown_root: Path) -> Tags:
    if not path.exists():
        return Tags({})
    shown = path.relative_to(shown_root)
    data = load_file(path, shown) or {}
    problems = []
    if not isinstance(data, Located):
        raise DataError([Problem(shown, 1, None, "expected tag keys, each with a name per language")])
    for tag, names in data.items():
        if not isinstance(tag, str) or not _TAG.match(tag):
            problems.append(
                Problem(
                    shown, data.line_of(tag), str(tag), "expected a tag key of lower-case letters, digits and hyphens"
                )
            )
        if not isinstance(names, Located):
            problems.append(
                Problem(shown, data.line_of(tag), str(tag), "expected a name per language, such as  en: Meetings")
            )
            continue
        for code, name in names.items():
            if code not in codes:
                problems.append(
                    Problem(
                        shown,
                        names.line_of(code),
                        f"{tag}.{code}",
                        f"unknown language (expected one of: {', '.join(codes)})",
                    )
                )
            elif not isinstance(name, str) or not name.strip():
                problems.append(Problem(shown, names.line_of(code), f"{tag}.{code}", "expected a non-empty name"))
    if problems:
        raise DataError(problems)
    return Tags({tag: {code: name.strip() for code, name in names.items()} for tag, names in data.items()})


def load_posts(
    docs: Path, codes: tuple[str, ...], zone: ZoneInfo, activity_ids: set[str], shown_root: Path
) -> list[Post]:
    """Every post of every language, newest first; raises DataError listing every problem."""
    problems: list[Problem] = []
    posts: list[Post] = []
    for code in codes:
        folder = docs / code / NEWS_FOLDER
        seen: dict[str, Path] = {}
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            if path.name == "index.md":
                continue
            shown = path.relative_to(shown_root)
            try:
                post = _post(path, shown, code, docs, zone, activity_ids)
            except DataError as error:
                problems.extend(error.problems)
                continue
            names = {post.key, post.stem.lower()}
            clashes = sorted(name for name in names if name in seen)
            for name in clashes:
                problems.append(
                    Problem(
                        shown,
                        1,
                        "slug",
                        f"'{name}' is already used by {seen[name]} in this language: every post needs its own file name and translation_key",
                    )
                )
            seen.update(dict.fromkeys(names, shown))
            posts.append(post)
    if problems:
        raise DataError(problems)
    return sorted(posts, key=lambda post: (post.published, post.stem), reverse=True)


def _post(path: Path, shown: Path, code: str, docs: Path, zone: ZoneInfo, activity_ids: set[str]) -> Post:
    meta, _body = read_front_matter(path, shown)
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        problems.append(Problem(shown, meta.line_of(key), key, message))

    for key in meta:
        if key not in FIELDS:
            problem(str(key), f"unknown field (expected one of: {', '.join(FIELDS)})")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problem("title", "missing (expected the post's headline as text)")
    published = None
    if "date" not in meta or meta["date"] in (None, ""):
        problem("date", "missing (expected a date like 2018-05-15)")
    else:
        try:
            published = parse_date(meta["date"], zone)
        except ValueError as error:
            problem("date", str(error))
    summary = meta.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        problem("summary", "missing (expected one or two sentences for the news list and feeds)")
    tags = meta.get("tags", [])
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(tag, str) and _TAG.match(tag) for tag in tags):
        problem("tags", f"expected a list of tag keys such as [meeting, training], found {meta.get('tags')!r}")
        tags = []
    image = meta.get("image")
    image_path = None
    if image is not None:
        target = (path.parent / str(image)).resolve()
        if not isinstance(image, str) or not target.is_file() or not target.is_relative_to(docs.resolve()):
            problem(
                "image", f"no such image: {image!r} (expected a path from this post's folder to an image file in docs/)"
            )
        elif target.suffix.lower() not in IMAGE_TYPES:
            problem("image", f"expected an image file ({', '.join(IMAGE_TYPES)}), found {target.suffix!r}")
        else:
            image_path = target.relative_to(docs.resolve()).as_posix()
        if not isinstance(meta.get("image_alt"), str) or not meta["image_alt"].strip():
            problem("image", "an image needs image_alt: a short description for people who cannot see it")
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        problem("draft", f"expected true or false, found {draft!r}")
    activity = meta.get("activity")
    if activity is not None and activity not in activity_ids:
        problem("activity", f"unknown activity {activity!r} (expected an id from data/activities.yml)")
    for optional in ("author", "translation_key"):
        if optional in meta and (not isinstance(meta[optional], str) or not meta[optional].strip()):
            problem(optional, "expected a text")
    if problems:
        raise DataError(problems)
    return Post(
        code=code,
        src_uri=PurePosixPath(path.relative_to(docs).as_posix()).as_posix(),
        stem=path.stem,
        key=str(meta.get("translation_key") or path.stem),
        title=title.strip(),
        published=published,
        summary=summary.strip(),
        tags=tuple(tags),
        image=image_path,
        image_alt=(meta.get("image_alt") or "").strip() or None,
        author=(meta.get("author") or "").strip() or None,
        draft=draft,
        activity=activity,
    )


def by_language(posts: list[Post], code: str, now: datetime) -> list[Post]:
    """The published posts of one language, newest first."""
    return [post for post in posts if post.code == code and post.visible(now)]


def translations(posts: list[Post], now: datetime) -> dict[str, dict[str, Post]]:
    """key → {language code → post}, published posts only."""
    table: dict[str, dict[str, Post]] = {}
    for post in posts:
        if post.visible(now):
            table.setdefault(post.key, {})[post.code] = post
    return table
