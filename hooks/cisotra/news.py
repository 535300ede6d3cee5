"""News posts: Markdown files in `docs/<language>/news/`, their front matter checked and turned into `Post`s.

A post's translations share its file name (or a `translation_key`). Drafts are never
published; a post dated in the future waits for a build on or after its date.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from .casing import miscased
from .dates import Period
from .entries import load_entries
from .errors import DataError, Problem
from .fields import (
    Boolean,
    Day,
    Field,
    File,
    Identifier,
    ListOf,
    Moment,
    Record,
    Reference,
    Text,
    Translated,
    Where,
)
from .frontmatter import MarkdownFile, read_markdown
from .placeholders import Placeholders, placeholders_left
from .yamlfile import Located

NEWS_FOLDER = "news"
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:?\d{2})?)?$")
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

TAGS = ListOf(
    Record(
        (
            Field(
                "id",
                Identifier("meeting"),
                required=True,
                help="The topic's id, which posts write in tags: [meeting]; lower case and hyphens.",
            ),
            Field(
                "name",
                Translated(noun="name"),
                required=True,
                help="The topic's name in each language, shown on posts and in the lists of news; English is "
                "required, and a new topic needs its name in every language.",
            ),
        ),
        what="a topic",
    ),
    label_by="id",
    expected="a list of topics, each starting with '- id:', such as  - id: meeting",
)

# Shared by posts and newsletter issues.
FROM_PLAN = Field(
    "from_plan",
    Boolean(),
    label="From the plan",
    shared=True,
    help="true for a text put together later from the activities document, not written at the time: the site "
    "says so wherever it is listed.",
)
WRITTEN = Field(
    "written",
    Day(example="2026-11-27"),
    shared=True,
    help="Only with from_plan: true, and then required: the day the text was written and published on the site "
    "(its date is the planned day it is about).",
)
ACTIVITY = Field(
    "activity",
    ListOf(
        Reference("data", expected="an id from data/activities.yml", file="activities", key="items.*.id"),
        single=True,
        expected="an activity id, or a list of ids in [ ]",
    ),
    label="Activities",
    shared=True,
    help="The activity it is about, by its id in data/activities.yml (meeting-1-naples), or several in [ ]: "
    "its dates and place are shown with it.",
)

POST = Record(
    (
        Field(
            "title",
            Text(expected="the post's headline as text", only_text=True),
            required=True,
            help="The headline; the line starting with # in the text says the same. Keep a text with a colon in "
            "quotation marks.",
        ),
        Field(
            "date",
            Moment(),
            required=True,
            shared=True,
            help="The day of publication, the same as at the start of the file name and in every language of the "
            "post. A post dated in the future is published on that day.",
        ),
        Field(
            "summary",
            Text(multiline=True, expected="one or two sentences for the news list and feeds", only_text=True),
            required=True,
            help="One or two sentences: what, when, where. They appear in the news list and the feeds.",
        ),
        Field(
            "image",
            File(from_page=True, types=tuple(IMAGE_TYPES), image=True, expected="an image file"),
            shared=True,
            help="A photo shown with the post. In the browser editor: Browse, then Upload; the editor uploads a "
            "smaller copy without the camera's data itself. In a file: clean it first on the page /clean-photo/, "
            "upload it to docs/assets/images/news/ and give its path from the post, ../../assets/images/news/photo.jpg.",
        ),
        Field(
            "image_alt",
            Text(),
            label="Image description",
            help="What the photo shows, for people who cannot see it; required with an image.",
        ),
        Field(
            "tags",
            ListOf(
                Reference(
                    "data",
                    expected="a topic of data/tags.yml",
                    file="tags",
                    key="items.*.id",
                    search="items.*.name.{default}",
                ),
                single=True,
                expected="a list of topics such as [meeting, training]",
            ),
            label="Topics",
            shared=True,
            help="One or more topics in lower case: meeting, seminar, training, workshop, conference. A new topic "
            "needs its name in every language in data/tags.yml.",
        ),
        Field("author", Text(), help="Who wrote it, such as the name of your organisation."),
        Field(
            "draft",
            Boolean(),
            help="On (true) while the post is being written: it is checked but not published. Turn it off when the "
            "post is ready (in a file: delete the line).",
        ),
        ACTIVITY,
        Field(
            "translation_key",
            Text(),
            label="Translation key",
            help="Only for a translation whose file name differs from the other languages': the other file's name "
            "without .md, which connects the two.",
        ),
        FROM_PLAN,
        WRITTEN,
    ),
    what="a post's fields",
)
FIELDS = tuple(f.name for f in POST.fields)


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
    # For a post from the plan: the period the plan gives for the activities it is about
    # (with_planned_period), shown instead of one day when the plan gives more than one.
    planned: Period | None = None

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
    return Tags({key: entry["name"] for key, entry in load_entries(path, TAGS, codes, shown_root).items()})


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
    problems.extend(_probable_translations(posts, docs, shown_root))
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


def _probable_translations(posts: list[Post], docs: Path, shown_root: Path) -> list[Problem]:
    """Posts in two languages with the same words after different dates (en 2020-05-18-x, tr 2020-05-19-x),
    neither of which has a version in the other's language: translations of one post whose file names were
    typed differently, which the site would publish as two posts that know nothing of each other.

    An error rather than a warning: two unrelated posts that happen to share their words are still told
    apart by giving one of them other words, and a warning fails the strict build all the same."""
    keys = {(post.code, post.key) for post in posts}
    by_words: dict[str, list[Post]] = {}
    problems = []
    for post in posts:  # the default language first (load_posts), so the later language's file is named
        named = _FILE_DATE.match(post.stem)
        if not named:
            continue
        earlier = by_words.setdefault(post.stem[len(named.group(0)) :], [])
        partner = next(
            (
                other
                for other in earlier
                if other.code != post.code
                and other.key != post.key
                and (post.code, other.key) not in keys
                and (other.code, post.key) not in keys
            ),
            None,
        )
        earlier.append(post)
        if partner is None:
            continue
        problems.append(
            Problem(
                (docs / post.docs_path).relative_to(shown_root),
                1,
                "name",
                f"docs/{post.docs_path} and docs/{partner.docs_path} are probably translations of one post: "
                f"give them the same file name ({partner.stem}.md or {post.stem}.md) and the same date:, so that "
                "the site publishes them as one post in two languages; if they are two different posts, change "
                "the words after the date in one of the names",
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
    """A post's front matter checked against its description, then against its file name, its image,
    the topics and the activities; raises DataError with every problem."""
    meta = source.meta
    problems: list[Problem] = []
    where = Where(shown, meta.line, "", problems, ())
    checked = POST.check(meta, where)

    def problem(key: str, message: str) -> None:
        problems.append(Problem(shown, meta.line_of(key), key, message))

    published = parse_date(checked["date"], zone) if "date" in checked else None
    named = _FILE_DATE.match(path.name)
    if published is not None and named and named.group(1) != published.date().isoformat():
        problem(
            "date",
            f"{published.date().isoformat()}, but the file name says {named.group(1)}: the file name's date is "
            "part of the post's address; make the two the same",
        )
    post_tags = _tags(checked.get("tags", []), tags, lambda message: problem("tags", message))
    image_path = None
    if "image" in checked:
        image = checked["image"]
        target = (path.parent / image).resolve()
        miscased_image = miscased(docs, path.parent.relative_to(docs).as_posix(), image)
        if miscased_image:
            problem("image", miscased_image)
        elif not target.is_file() or not target.is_relative_to(docs.resolve()):
            problem(
                "image", f"no such image: {image!r} (expected a path from this post's folder to an image file in docs/)"
            )
        else:
            image_path = target.relative_to(docs.resolve()).as_posix()
    if meta.get("image") is not None and meta.get("image_alt") is None:
        problem("image", "an image needs image_alt: a short description for people who cannot see it")
    from_plan = checked.get("from_plan", False)
    written = written_day(checked, meta, from_plan, problem)
    activities = activity_ids(checked.get("activity"), known_activities, lambda message: problem("activity", message))
    if checked.get("draft") is not True:
        problems.extend(placeholders_left(source, shown, placeholders, FIELDS_WRITTEN))
    if problems:
        raise DataError(problems)
    return Post(
        code=code,
        docs_path=PurePosixPath(path.relative_to(docs).as_posix()).as_posix(),
        stem=path.stem,
        key=str(checked.get("translation_key") or path.stem),
        title=checked["title"],
        published=published,
        summary=checked["summary"],
        tags=tuple(post_tags),
        image=image_path,
        image_alt=checked.get("image_alt"),
        author=checked.get("author"),
        draft=checked.get("draft", False),
        activities=activities,
        from_plan=from_plan,
        date_line=meta.line_of("date"),
        written=written,
    )


def written_day(checked: dict, meta: Located, from_plan: bool, problem) -> date | None:
    """`written:` of a text put together from the plan: the day it was written (required for
    one, refused for any other text, whose date is the day it was published)."""
    if not from_plan:
        if meta.get("written") is not None:
            problem("written", "only a text reconstructed from the plan (from_plan: true) has a written: day")
        return None
    if "written" not in checked:
        if meta.get("written") is None:
            problem(
                "written",
                "missing: a text reconstructed from the plan says on which day it was written, "
                "such as  written: 2026-11-27  (its date: is the planned day it is about)",
            )
        return None
    return date.fromisoformat(checked["written"])


# The fields a partner writes in their own words (and a template fills with instructions).
FIELDS_WRITTEN = ("title", "summary", "image_alt", "author")


def _tags(listed: list[str], tags: Tags | None, problem) -> list[str]:
    """The post's topics: keys of data/tags.yml; a near miss is told the key it probably meant.
    With `tags` None (data/tags.yml could not be read), any key is taken as it is."""
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


def activity_ids(listed: list[str] | None, known: set[str] | None, problem) -> tuple[str, ...]:
    """The ids of the activities a post or an issue is about (checked to be texts already). With `known`
    None (the activities could not be read), the ids are not checked and none is kept."""
    if known is None or not listed:
        return ()
    for activity in listed:
        if activity not in known:
            problem(f"unknown activity {activity!r} (expected an id from data/activities.yml)")
    return tuple(activity for activity in listed if activity in known)


def by_language(posts: list[Post], code: str, now: datetime) -> list[Post]:
    """The published posts of one language, newest first."""
    return [post for post in posts if post.code == code and post.visible(now)]


def listed_in(posts: list[Post], code: str, codes: Sequence[str]) -> list[Post]:
    """What the news lists of language `code` show of `posts`, in their order: its own posts, and once each
    post that has no version in `code`, in the first of `codes` (the default language first) that has one.

    A post written in some languages only is news for every visitor: the other languages list it, marked
    with its language, and link to the version there is (cisotra.newspages)."""
    versions: dict[str, dict[str, Post]] = {}
    for post in posts:
        versions.setdefault(post.key, {})[post.code] = post
    shown = {key: next(found[other] for other in codes if other in found) for key, found in versions.items()}
    return [post for post in posts if post.code == code or (code not in versions[post.key] and shown[post.key] is post)]


def translations(posts: list[Post], now: datetime) -> dict[str, dict[str, Post]]:
    """key → {language code → post}, published posts only."""
    table: dict[str, dict[str, Post]] = {}
    for post in posts:
        if post.visible(now):
            table.setdefault(post.key, {})[post.code] = post
    return table


def with_planned_period(post: Post, periods: dict[str, Period]) -> Post:
    """The post with the period the plan gives for its activities (first day of the first to last
    day of the last), if it is from the plan and names activities the plan dates."""
    known = [periods[activity] for activity in post.activities if activity in periods]
    if not post.from_plan or not known:
        return post
    precision = "day" if all(period.precision == "day" for period in known) else "month"
    first, last = min(period.first for period in known), max(period.last for period in known)
    return replace(post, planned=Period(first, last, precision))
