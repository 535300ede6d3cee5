"""Addresses that outlive the project (cisotra.addresses): redirect pages, and the guard on published addresses."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.addresses import (
    load_redirects,
    missing,
    page_path,
    published,
    read_list,
    relative_link,
    render_redirect,
)
from cisotra.errors import DataError, Problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ADDRESSES = "data/addresses.txt"
REDIRECTS = "data/redirects.yml"
log = logging.getLogger("mkdocs.hooks.addresses")


@event_priority(-240)  # after every language is built (mkdocs-static-i18n, -100), before the link check (-300)
@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    if not _site.is_last_pass(config) or len(_site.built_languages(config)) < len(_site.languages(config)):
        return  # `./run serve si` builds one language alone: the others' addresses are not there to check
    root = _site.project_root(config)
    site = Path(config.site_dir)
    try:
        codes = tuple(language.code for language in _site.languages(config))
        redirects = load_redirects(root / REDIRECTS, root, codes)
    except DataError as error:
        _site.fail(error.problems)
        return
    problems: list[Problem] = []
    redirected: set[str] = set()
    for language in _site.built_languages(config):
        ctx = _site.context(config, text_code=language.code)
        for redirect in redirects:
            old, new = language.prefix + redirect.old, language.prefix + redirect.new
            where = (Path(REDIRECTS), redirect.line, redirect.old)
            if (site / page_path(old)).exists():
                problems.append(
                    Problem(
                        *where,
                        f"the site still has a page at {old}: a redirect serves every language, so move "
                        f"that language's page too (in docs/{language.code}/), or remove the redirect if the page stays",
                    )
                )
                continue
            if not (site / page_path(new)).exists():
                problems.append(
                    Problem(
                        *where,
                        f"the new address {new} is not a page of the site: write where the page is now, "
                        "without the language folder, such as  project/partners/  for docs/<language>/project/partners.md",
                    )
                )
                continue
            target = site / page_path(old)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                render_redirect(
                    relative_link(old, new),
                    (config.site_url or "/") + new,
                    language.tag,
                    ctx.text("redirect.title"),
                    ctx.text("redirect.link"),
                ),
                encoding="utf-8",
            )
            redirected.add(old)
    listed = read_list(root / ADDRESSES)
    problems += missing(listed, lambda path: (site / path).exists(), redirected, Path(ADDRESSES))
    if problems:
        _site.fail(problems)
        return
    new = set(published(site)) - {address for _, address in listed}
    if listed and new:
        # Not an error: a partner's new post is a new address. The list learns it from `./run addresses`.
        log.info("%d published addresses are not in %s yet; `./run addresses` adds them", len(new), ADDRESSES)
