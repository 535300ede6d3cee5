"""Addresses that outlive the project (cisotra.addresses): redirect pages for moved pages, and the guard
on published addresses. Once every language is written."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from cisotra.addresses import load_redirects, missing, page_path, published, read_list, relative_link, render_redirect
from cisotra.errors import DataError, Problem

if TYPE_CHECKING:
    from buildstate import SiteBuild

ADDRESSES = "data/addresses.txt"
REDIRECTS = "data/redirects.yml"
log = logging.getLogger("mkdocs.hooks.addresses")


def write_redirects_and_guard_addresses(site: SiteBuild) -> None:
    if not site.builds_every_language():
        return  # `./run serve si` builds one language alone: the others' addresses are not there to check
    root = site.root
    written = site.site_dir
    try:
        redirects = load_redirects(root / REDIRECTS, root, tuple(language.code for language in site.languages))
    except DataError as error:
        site.fail(error.problems)
        return
    problems: list[Problem] = []
    redirected: set[str] = set()
    for language in site.built:
        ctx = site.context(text_code=language.code)
        for redirect in redirects:
            old, new = language.prefix + redirect.old, language.prefix + redirect.new
            where = (Path(REDIRECTS), redirect.line, redirect.old)
            if (written / page_path(old)).exists():
                problems.append(
                    Problem(
                        *where,
                        f"the site still has a page at {old}: a redirect serves every language, so move "
                        f"that language's page too (in docs/{language.code}/), or remove the redirect if the page stays",
                    )
                )
                continue
            if not (written / page_path(new)).exists():
                problems.append(
                    Problem(
                        *where,
                        f"the new address {new} is not a page of the site: write where the page is now, "
                        "without the language folder, such as  project/partners/  for docs/<language>/project/partners.md",
                    )
                )
                continue
            page = render_redirect(
                relative_link(old, new),
                (site.site_url or "/") + new,
                language.tag,
                ctx.text("redirect.title"),
                ctx.text("redirect.link"),
            )
            site.write(page_path(old), page.encode("utf-8"))
            redirected.add(old)
    listed = read_list(root / ADDRESSES)
    problems += missing(listed, lambda path: (written / path).exists(), redirected, Path(ADDRESSES))
    if problems:
        site.fail(problems)
        return
    new = set(published(written)) - {address for _, address in listed}
    if listed and new:
        # Not an error: a partner's new post is a new address. The list learns it from `./run addresses`.
        log.info("%d published addresses are not in %s yet; `./run addresses` adds them", len(new), ADDRESSES)
