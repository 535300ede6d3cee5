"""What the site writes besides its pages once a language is built: the indicators' exports and the
leaflet (the news feeds, newsletter files and calendars are their features' own steps)."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from cisotra.frontmatter import read_front_matter
from cisotra.indicators import records, to_csv, to_json
from cisotra.leaflet import FONTS, LeafletAssets, LeafletParts, WorkPackage, render_leaflet
from cisotra.paths import EMBLEM_SVG, INDICATORS_CSV, INDICATORS_JSON, leaflet_path
from cisotra.workpackages import WORK_PACKAGES
from steps.home import partner_map

if TYPE_CHECKING:
    from buildstate import SiteBuild


def write_indicator_exports(site: SiteBuild) -> None:
    """The exports hold the default language's titles and are the same for every language: written once."""
    if not site.language.default and site.default in site.built:
        return
    groups = list(site.project.groups)
    items = records(site.project.activities, site.default.code, site.today, groups)
    site.write(INDICATORS_CSV, to_csv(items, groups))
    site.write(INDICATORS_JSON, to_json(items))


def write_leaflet(site: SiteBuild) -> None:
    """The language's leaflet page, outside the theme so it prints as designed; `./run build` then prints
    it to PDF with Chromium (scripts/leaflets.py), next to the page."""
    ctx = site.context(generator="the leaflet")
    up = "../" * leaflet_path(ctx.prefix).count("/")
    parts = LeafletParts(
        consortium=site.consortium,
        funding=site.project.funding[ctx.code],
        work_packages=_work_packages(site, ctx.code),
        map_svg=partner_map(site, ctx),
        site_url=site.site_url or "/",
        assets=LeafletAssets(
            icon=up + "assets/images/favicon.svg",
            stylesheet=up + "assets/stylesheets/cisotra.css",
            leaflet_stylesheet=up + "assets/stylesheets/cisotra-leaflet.css",
            emblem=up + EMBLEM_SVG,
        ),
    )
    site.write(leaflet_path(ctx.prefix) + "index.html", render_leaflet(parts, ctx).encode("utf-8"))
    fonts = site.site_dir / "assets" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    for name in (*FONTS, "LICENSE.txt"):
        shutil.copyfile(site.root / "assets" / "fonts" / name, fonts / name)


def _work_packages(site: SiteBuild, code: str) -> list[WorkPackage]:
    """Each work package's title and description from its page, the default language's where a translation is missing."""
    docs = site.docs_dir
    default = site.default
    packages = []
    for number in WORK_PACKAGES:
        own = docs / code / "work-packages" / f"wp{number}.md"
        path = own if own.is_file() else docs / default.code / "work-packages" / f"wp{number}.md"
        if not path.is_file():
            continue
        meta, _ = read_front_matter(path, path.relative_to(site.root))
        lang = None if path == own else default.tag
        packages.append(
            WorkPackage(number, str(meta.get("title", f"WP{number}")), str(meta.get("description", "")), lang)
        )
    return packages
