"""What a link to a page shows when it is shared: Open Graph and Twitter card tags.

Every URL here is absolute and the page's canonical one: a page shown in English because
it is not yet translated shares the English page, as its canonical link already says.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from babel import Locale
from babel.core import get_global

from .dates import format_locale

CARD_WIDTH, CARD_HEIGHT = 1200, 630


@dataclass(frozen=True)
class Share:
    title: str
    description: str
    url: str  # canonical, absolute
    tag: str  # BCP 47 tag of the page's language
    alternate_tags: tuple[str, ...]  # the tags of its translations
    image: str  # absolute URL of the card
    image_alt: str
    article: bool = False  # a news post
    site_name: str = ""


@functools.lru_cache(maxsize=32)
def og_locale(tag: str) -> str:
    """Open Graph's language_TERRITORY for a tag: sl → sl_SI, el → el_GR, en → en_GB (the site's English)."""
    locale = format_locale(tag)
    territory = locale.territory
    if not territory:
        likely = get_global("likely_subtags").get(locale.language, "")
        territory = Locale.parse(likely).territory if likely else None
    return f"{locale.language}_{territory}" if territory else locale.language


def share_tags(share: Share) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each <meta> tag, in the order they are written."""
    tags = [
        ("property", "og:type", "article" if share.article else "website"),
        ("property", "og:site_name", share.site_name),
        ("property", "og:title", share.title),
        ("property", "og:description", share.description),
        ("property", "og:url", share.url),
        ("property", "og:locale", og_locale(share.tag)),
        *(("property", "og:locale:alternate", og_locale(tag)) for tag in share.alternate_tags if tag != share.tag),
        ("property", "og:image", share.image),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(CARD_WIDTH)),
        ("property", "og:image:height", str(CARD_HEIGHT)),
        ("property", "og:image:alt", share.image_alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", share.title),
        ("name", "twitter:description", share.description),
        ("name", "twitter:image", share.image),
        ("name", "twitter:image:alt", share.image_alt),
    ]
    return [tag for tag in tags if tag[2]]
