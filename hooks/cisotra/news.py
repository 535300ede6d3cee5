"""News posts: Markdown files in `docs/<language>/news/`, their front matter checked and turned into `Post`s.

A post's translations share its file name (or a `translation_key`). Drafts are never
published; a post dated in the future waits for a build on or after its date.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from .casing import miscased
from .errors import DataError, Problem
from .frontmatter import MarkdownFile, read_markdown
from .placeholders import Placeholders, placeholders_left
from .yamlfile import Located, load_file

FIELDS = (
    "title",
    "date",
    "summary",
    "image",
    "image_alt",
    "tags",
    "author",
    "draft",
    "activity",
    "translation_key",
    "from_plan",
    "written",
)
NEWS_FOLDER = "news"
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:?\d{2})?)?$")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})-")
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
    docs_path: str  # relative to docs/, e.g. 'si/news/2018-05-15-first-project-meeting-naples.md'
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
    activities: tuple[str, ...] = ()  # ids of the activities the post is about
    from_plan: bool = False  # written from the activities document: it announces plans
    date_line: int | None = None  # the front matter line of its date, for messages
    # A post put together later from the plan (from_plan) is dated on the planned day of what
    # it is about, which places it in the record; `written` is the day its text was written
    # and published on the site, which feeds, structured data and lists give as such.
    written: date | None = None

    def visible(self, now: datetime) -> bool:
        return not self.draft and self.published <= now

    @property
    def publication(self) -> datetime:
        """When the post was published: the day it was written, for a post reconstructed from the plan."""
        if self.written is None:
            return self.published
        return datetime.combine(self.written, time(0, 0), tzinfo=self.published.tzinfo)


@dataclass(frozen=True)
class Tags:
    """Tag names per language from data/tags.yml; a tag without a name there shows its key."""

    names: dict[str, dict[str, str]]

    def name(self, tag: str, code: str, default_code: str) -> str:
        names = self.names.get(tag, {})
        return names.get(code) or names.get(default_code) or tag


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
    docs: Path,
    codes: tuple[str, ...],
    zone: ZoneInfo,
    known_activities: set[str] | None,
    tags: Tags | None,
    placeholders: Placeholders,
    shown_root: Path,
) -> list[Post]:
    """Every post of every language, newest first; raises DataError listing every problem.

    `codes` lists the default language first: its version of a post sets the date its
    translations must share.
    """
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
                source = read_markdown(path, shown)
                post = _post(source, path, shown, code, docs, zone, known_activities, tags, placeholders)
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
    problems.extend(_date_disagreements(posts, docs, shown_root))
    if problems:
        raise DataError(problems)
    return sorted(posts, key=lambda post: (post.published, post.stem), reverse=True)


def _date_disagreements(posts: list[Post], docs: Path, shown_root: Path) -> list[Problem]:
    """Translations of one post tell of the same thing on the same day."""
    problems = []
    first: dict[str, Post] = {}
    for post in posts:
        other = first.setdefault(post.key, post)
        day, other_day = post.published.date().isoformat(), other.published.date().isoformat()
        if day != other_day:
            problems.append(
                Problem(
                    (docs / post.docs_path).relative_to(shown_root),
                    post.date_line,
                    "date",
                    f"{day}, but the {other.code} version (docs/{other.docs_path}) says {other_day}: "
                    f"translations of a post share its date; write {other_day} here, or change both",
                )
            )
    return problems


def _post(
    source: MarkdownFile,
    path: Path,
    shown: Path,
    code: str,
    docs: Path,
    zone: ZoneInfo,
    known_activities: set[str] | None,
    tags: Tags | None,
    placeholders: Placeholders,
) -> Post:
    meta = source.meta
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
    named = _FILE_DATE.match(path.name)
    if published is not None and named and named.group(1) != published.date().isoformat():
        problem(
            "date",
            f"{published.date().isoformat()}, but the file name says {named.group(1)}: the file name's date is "
            "part of the post's address; make the two the same",
        )
    summary = meta.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        problem("summary", "missing (expected one or two sentences for the news list and feeds)")
    post_tags = _tags(meta.get("tags", []), tags, lambda message: problem("tags", message))
    image = meta.get("image")
    image_path = None
    if image is not None:
        target = (path.parent / str(image)).resolve()
        miscased_image = isinstance(image, str) and miscased(docs, path.parent.relative_to(docs).as_posix(), image)
        if miscased_image:
            problem("image", miscased_image)
        elif not isinstance(image, str) or not target.is_file() or not target.is_relative_to(docs.resolve()):
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
    from_plan = meta.get("from_plan", False)
    if not isinstance(from_plan, bool):
        problem("from_plan", f"expected true or false, found {from_plan!r}")
    written = written_day(meta, from_plan is True, problem)
    activities = activity_ids(meta.get("activity"), known_activities, lambda message: problem("activity", message))
    for optional in ("author", "translation_key"):
        if optional in meta and (not isinstance(meta[optional], str) or not meta[optional].strip()):
            problem(optional, "expected a text")
    if draft is not True:
        problems.extend(placeholders_left(source, shown, placeholders, FIELDS_WRITTEN))
    if problems:
        raise DataError(problems)
    return Post(
        code=code,
        docs_path=PurePosixPath(path.relative_to(docs).as_posix()).as_posix(),
        stem=path.stem,
        key=str(meta.get("translation_key") or path.stem),
        title=title.strip(),
        published=published,
        summary=summary.strip(),
        tags=tuple(post_tags),
        image=image_path,
        image_alt=(meta.get("image_alt") or "").strip() or None,
        author=(meta.get("author") or "").strip() or None,
        draft=draft,
        activities=activities,
        from_plan=from_plan,
        date_line=meta.line_of("date"),
        written=written,
    )


def written_day(meta, from_plan: bool, problem) -> date | None:
    """`written:` of a text put together from the plan: the day it was written (required for
    one, refused for any other text, whose date is the day it was published)."""
    value = meta.get("written")
    if not from_plan:
        if value is not None:
            problem("written", "only a text reconstructed from the plan (from_plan: true) has a written: day")
        return None
    if value is None:
        problem(
            "written",
            "missing: a text reconstructed from the plan says on which day it was written, "
            "such as  written: 2026-11-27  (its date: is the planned day it is about)",
        )
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = str(value).strip()
    if _DAY.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            problem("written", f"{text} is not a day in the calendar")
            return None
    problem("written", f"expected a day like 2026-11-27, found {value!r}")
    return None


# The fields a partner writes in their own words (and a template fills with instructions).
FIELDS_WRITTEN = ("title", "summary", "image_alt", "author")


def _tags(value: object, tags: Tags | None, problem) -> list[str]:
    """The post's topics: keys of data/tags.yml; a near miss is told the key it probably meant.
    With `tags` None (data/tags.yml could not be read), any key is taken as it is."""
    listed = [value] if isinstance(value, str) else value
    if not isinstance(listed, list) or not all(isinstance(tag, str) for tag in listed):
        problem(f"expected a list of topics such as [meeting, training], found {value!r}")
        return []
    if tags is None:
        return [tag for tag in listed if _TAG.match(tag)]
    known = sorted(tags.names)
    found = []
    for tag in listed:
        if tag in tags.names:
            found.append(tag)
        elif tag.lower() in tags.names:
            problem(f"'{tag}': topics are written in lower case: write {tag.lower()}")
        else:
            close = difflib.get_close_matches(tag.lower(), known, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}? " if close else ""
            problem(
                f"'{tag}' is not a topic in data/tags.yml ({hint}the topics are: {', '.join(known)}); "
                "a new topic needs its name in every language in data/tags.yml"
            )
    return found


def activity_ids(value: object, known: set[str] | None, problem) -> tuple[str, ...]:
    """The ids of the activities a post is about: one id, or a list of them. With `known` None
    (the activities could not be read), the ids are not checked and none is kept."""
    listed = [] if value is None else [value] if isinstance(value, str) else value
    if not isinstance(listed, list):
        problem(f"expected an activity id, or a list of ids in [ ], found {value!r}")
        return ()
    if known is None:
        return ()
    for activity in listed:
        if activity not in known:
            problem(f"unknown activity {activity!r} (expected an id from data/activities.yml)")
    return tuple(activity for activity in listed if activity in known)


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
