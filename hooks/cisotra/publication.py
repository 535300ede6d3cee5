"""What is published, in which language, at the build's moment.

- A post is published in its own language only, once its date has come and unless it is
  a draft. (A post is news in the language it was written in: it is not copied into the
  other languages' sections as if it were theirs.) The news lists of a language without
  its own version still list it once, marked with the language it is in and linking
  there (`listed`), so that no visitor misses it; the feeds and the home page carry a
  language's own posts only (a feed declares one language; the home page's three latest
  are its language's).
- A newsletter issue is published likewise, and a language without its own version of
  a published issue shows the default language's, marked as such.
- Any other page is published in every language: its own text, or the default
  language's with a notice that it is not yet translated.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from .news import NEWS_FOLDER, Post, by_language, listed_in, translations
from .newsletters import FOLDER as NEWSLETTER_FOLDER
from .newsletters import Issue, archive, visible_issues
from .project import Project


@dataclass(frozen=True)
class Publication:
    project: Project
    now: datetime

    @property
    def default_code(self) -> str:
        return self.project.default.code

    def posts(self, code: str) -> list[Post]:
        """A language's published posts, newest first."""
        return self._posts[code]

    @functools.cached_property
    def _posts(self) -> dict[str, list[Post]]:
        return {code: by_language(self.project.posts, code, self.now) for code in self.project.codes}

    def listed(self, code: str) -> list[Post]:
        """What a language's news lists show, newest first: its published posts, and each published post
        without a version in it, in another language (cisotra.news.listed_in)."""
        return self._listed[code]

    @functools.cached_property
    def _listed(self) -> dict[str, list[Post]]:
        visible = [post for post in self.project.posts if post.visible(self.now)]
        return {code: listed_in(visible, code, self.project.codes) for code in self.project.codes}

    @functools.cached_property
    def post_translations(self) -> dict[str, dict[str, Post]]:
        """key → {code → post}, published posts only."""
        return translations(self.project.posts, self.now)

    @functools.cached_property
    def issues(self) -> list[Issue]:
        return visible_issues(self.project.issues, self.now.date())

    def archive(self, code: str) -> list[Issue]:
        """A language's newsletter archive, newest first: its own version of each issue, else the default's."""
        return archive(self.issues, code, self.default_code)

    @functools.cached_property
    def _published_docs(self) -> frozenset[str]:
        """docs paths ('si/news/x.md') of the posts and issues published in their own language."""
        return frozenset(
            [post.docs_path for posts in self._posts.values() for post in posts]
            + [issue.docs_path for issue in self.issues]
        )

    def is_held_back(self, docs_path: str) -> bool:
        """A post or issue that exists but is not published (a draft, or dated in the future)."""
        return self._is_collected(docs_path) and docs_path not in self._published_docs

    def has_page(self, code: str, path: str) -> bool:
        """Whether the page at `path` inside a language folder ('news/x.md') is published under `code`."""
        own = f"{code}/{path}"
        default = f"{self.default_code}/{path}"
        folder = path.split("/", 1)[0]
        if folder == NEWS_FOLDER and path != f"{NEWS_FOLDER}/index.md":
            return own in self._published_docs
        if folder == NEWSLETTER_FOLDER and path != f"{NEWSLETTER_FOLDER}/index.md":
            return own in self._published_docs or default in self._published_docs
        pages = self.project.pages
        return pages.has(code, path) or pages.has(self.default_code, path)

    @staticmethod
    def _is_collected(docs_path: str) -> bool:
        parts = docs_path.split("/")
        return len(parts) == 3 and parts[1] in (NEWS_FOLDER, NEWSLETTER_FOLDER) and parts[2] != "index.md"
