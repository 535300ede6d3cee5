"""Share cards: Open Graph and Twitter tags for every page, and the card picture drawn for it (cisotra.cards)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

import _site
from cisotra.cards import CardAssets, CardText, card, describe, publish
from cisotra.sharing import Share, share_tags

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

CARDS = "assets/cards/"


@_site.timed
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    site_url = config.site_url or ""
    text = _site.text_language(page, config)  # a page not yet translated is shared as the original
    alternates = [alt for alt in _site.alternates(page, config) if alt.translated]
    own = next((alt for alt in alternates if alt.language == text), None)
    title = str(page.meta.get("card_title") or page.meta.get("title") or page.title or config.site_name)
    funding = _site.project(config).funding[text.code].statement
    shown = CardText(title, config.site_name, funding)
    try:
        cached = card(shown, _assets(config), _site.card_cache(config))
    except ValueError as error:  # a letter the card's font lacks
        raise PluginError(f"{page.file.src_uri}: title: {error}") from None
    name = cached.name
    publish(cached, Path(config.site_dir) / CARDS / name)
    share = Share(
        title=title,
        description=str(page.meta.get("description") or config.site_description or ""),
        url=site_url + own.url if own else (page.canonical_url or site_url + _site.site_path(page.url)),
        tag=text.tag,
        alternate_tags=tuple(alt.language.tag for alt in alternates),
        image=site_url + CARDS + name,
        image_alt=describe(shown),
        article=_site.project(config).post_by_source.get(page.file.src_uri) is not None,
        site_name=config.site_name,
    )
    context["share_tags"] = share_tags(share)
    return context


def _assets(config: MkDocsConfig) -> CardAssets:
    """The fonts and emblem the cards are drawn with; their fingerprint is worked out once per build."""
    memo = _site.build(config).memo
    if "card assets" not in memo:
        root = _site.project_root(config)
        memo["card assets"] = CardAssets(
            regular=root / "assets" / "fonts" / "DejaVuSans.ttf",
            bold=root / "assets" / "fonts" / "DejaVuSans-Bold.ttf",
            emblem=Path(config.docs_dir) / "assets" / "images" / "eu-emblem.png",
        )
    return memo["card assets"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for path in (_assets(config).regular, _assets(config).bold):
        if not path.exists():
            raise PluginError(f"{path}: the share cards' font is missing (see assets/fonts/LICENSE.txt)")
    return config
