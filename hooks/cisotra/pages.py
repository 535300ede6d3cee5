"""A page the site makes from data: where it goes, its title and description, and its Markdown body.

The site engine's adapter turns it into a source file (front matter and all), adds the
engine's own way of keeping a page out of its search when `searchable` is false, and
publishes it at `site_path`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GeneratedPage:
    site_path: str  # 'si/news/page/2/'
    title: str
    description: str
    body: str  # Markdown under the title
    searchable: bool = True  # False: a list that repeats other pages, kept out of search
    meta: dict = field(default_factory=dict)  # more front matter, for the page's template
