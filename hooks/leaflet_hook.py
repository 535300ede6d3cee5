"""The leaflet page of each language (cisotra.leaflet), written next to the site's pages.

The page stands alone, outside the theme, so it prints as designed; `./run build` then prints
each language's page to PDF with Chromium (scripts/leaflets.py), next to the page.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import _site
from cisotra.frontmatter import read_front_matter
from cisotra.leaflet import FONTS, LeafletAssets, LeafletParts, WorkPackage, render_leaflet
from cisotra.paths import EMBLEM_SVG, leaflet_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

GENERATOR = "the leaflet hook"
WORK_PACKAGES = range(1, 11)


@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    ctx = _site.context(config, generator=GENERATOR)
    site = Path(config.site_dir)
    target = site / leaflet_path(ctx.prefix) / "index.html"
    up = "../" * leaflet_path(ctx.prefix).count("/")
    parts = LeafletParts(
        consortium=_site.consortium(config),
        funding=_site.project(config).funding[ctx.code],
        work_packages=_work_packages(config, ctx.code),
        map_svg=_site.partner_map(config, ctx),
        site_url=config.site_url or "/",
        assets=LeafletAssets(
            icon=up + "assets/images/favicon.svg",
            stylesheet=up + "assets/stylesheets/cisotra.css",
            leaflet_stylesheet=up + "assets/stylesheets/cisotra-leaflet.css",
            emblem=up + EMBLEM_SVG,
        ),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_leaflet(parts, ctx), encoding="utf-8")
    fonts = site / "assets" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    for name in (*FONTS, "LICENSE.txt"):
        shutil.copyfile(_site.project_root(config) / "assets" / "fonts" / name, fonts / name)


def _work_packages(config: MkDocsConfig, code: str) -> list[WorkPackage]:
    """Each work package's title and description from its page, the default language's where a translation is missing."""
    docs = Path(config.docs_dir)
    default = _site.default(config)
    packages = []
    for number in WORK_PACKAGES:
        own = docs / code / "work-packages" / f"wp{number}.md"
        path = own if own.is_file() else docs / default.code / "work-packages" / f"wp{number}.md"
        if not path.is_file():
            continue
        meta, _ = read_front_matter(path, path.relative_to(_site.project_root(config)))
        lang = None if path == own else default.tag
        packages.append(
            WorkPackage(number, str(meta.get("title", f"WP{number}")), str(meta.get("description", "")), lang)
        )
    return packages
