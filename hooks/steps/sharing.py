"""Share cards: Open Graph and Twitter tags for every page, and the card picture drawn for it (cisotra.cards).

Cards are drawn once and kept in .cache/cards/ between builds (not in git), named by
what they show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

import _site
from cisotra.cards import CardAssets, CardText, card, describe, publish
from cisotra.paths import CARDS
from cisotra.sharing import Share, share_tags

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


@dataclass
class Cards:
    """The fonts and emblem the cards are drawn with (their fingerprint is worked out once per build)."""

    assets: CardAssets | None = None


def check_fonts(site: SiteBuild) -> None:
    for path in (_assets(site).regular, _assets(site).bold):
        if not path.exists():
            raise PluginError(f"{path}: the share cards' font is missing (see assets/fonts/LICENSE.txt)")


def add_share_tags(site: SiteBuild, page: Page, context: dict) -> None:
    config = site.config
    text = site.text_language(page)  # a page not yet translated is shared as the original
    alternates = [alt for alt in site.alternates(page) if alt.translated]
    own = next((alt for alt in alternates if alt.language == text), None)
    title = str(page.meta.get("card_title") or page.meta.get("title") or page.title or config.site_name)
    funding = site.project.funding[text.code].statement
    shown = CardText(title, config.site_name, funding)
    try:
        cached = card(shown, _assets(site), site.cache / "cards")
    except ValueError as error:  # a letter the card's font lacks
        raise PluginError(f"{page.file.src_uri}: title: {error}") from None
    publish(cached, site.site_dir / CARDS / cached.name)
    share = Share(
        title=title,
        description=str(page.meta.get("description") or config.site_description or ""),
        url=site.site_url + own.url if own else (page.canonical_url or site.site_url + _site.site_path(page.url)),
        tag=text.tag,
        alternate_tags=tuple(alt.language.tag for alt in alternates),
        image=site.site_url + CARDS + cached.name,
        image_alt=describe(shown),
        article=site.project.post_by_source.get(page.file.src_uri) is not None,
        site_name=config.site_name,
    )
    context["share_tags"] = share_tags(share)


def _assets(site: SiteBuild) -> CardAssets:
    cards = site.feature(Cards)
    if cards.assets is None:
        cards.assets = CardAssets(
            regular=site.root / "assets" / "fonts" / "DejaVuSans.ttf",
            bold=site.root / "assets" / "fonts" / "DejaVuSans-Bold.ttf",
            emblem=site.docs_dir / "assets" / "images" / "eu-emblem.png",
        )
    return cards.assets
