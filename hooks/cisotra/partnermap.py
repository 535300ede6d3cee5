"""A map of the partners' cities, drawn at build time as an SVG: no tiles, no script, no other host.

Country outlines come from data/map/basemap.json (Natural Earth, public domain; see
scripts/make_basemap.py); the cities' coordinates from data/cities.yml. The projection is
equirectangular, its width scaled by the cosine of the region's middle latitude, which
keeps shapes recognisable at this size. The figure has a title and a description, and
the page lists the same partners as text beside it, for people who cannot see it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .render import html

WIDTH = 600  # SVG user units; the figure scales to its container


@dataclass(frozen=True)
class Pin:
    label: str  # shown next to the dot (the partner's acronym)
    city: str
    latitude: float
    longitude: float
    highlight: bool = False  # the coordinator


@dataclass(frozen=True)
class Basemap:
    region: tuple[float, float, float, float]  # west, south, east, north
    countries: list[dict]  # {"iso": "SVN", "rings": [[[lon, lat], ...], ...]}


def load_basemap(path: Path) -> Basemap:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Basemap(tuple(data["region"]), data["countries"])


def render_map(
    basemap: Basemap, pins: list[Pin], title: str, description: str, highlight_countries: set[str]
) -> Markup:
    """The SVG; `highlight_countries` are ISO 3166 alpha-3 codes filled in the accent colour."""
    west, south, east, north = basemap.region
    scale_x = math.cos(math.radians((south + north) / 2))
    width_deg = (east - west) * scale_x
    height = WIDTH * (north - south) / width_deg

    def point(longitude: float, latitude: float) -> tuple[float, float]:
        return (
            round((longitude - west) * scale_x / width_deg * WIDTH, 1),
            round((north - latitude) / (north - south) * height, 1),
        )

    countries = []
    for country in basemap.countries:
        path = " ".join(
            "M" + " L".join(f"{x},{y}" for x, y in (point(lon, lat) for lon, lat in ring)) + " Z"
            for ring in country["rings"]
            if len(ring) > 2
        )
        countries.append(("partner" if country["iso"] in highlight_countries else "other", path))
    marks = []
    for pin in sorted(pins, key=lambda item: (item.latitude, item.longitude)):
        x, y = point(pin.longitude, pin.latitude)
        anchor, dx = ("end", -9) if x > WIDTH * 0.8 else ("start", 9)
        marks.append(
            {
                "x": x,
                "y": y,
                "radius": 6 if pin.highlight else 5,
                "label": pin.label,
                "label_x": round(x + dx, 1),
                "label_y": round(y + 4, 1),
                "anchor": anchor,
                "highlight": pin.highlight,
            }
        )
    return html(
        "partner-map.svg",
        width=WIDTH,
        height=round(height, 1),
        title=title,
        description=description,
        countries=countries,
        pins=marks,
    )
