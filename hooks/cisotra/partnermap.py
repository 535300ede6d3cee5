"""A map of the partners' cities, drawn at build time as an SVG: no tiles, no script, no other host.

Country outlines come from data/map/basemap.json (Natural Earth, public domain; see
scripts/make_basemap.py); the cities' coordinates from data/cities.yml. The projection is
equirectangular, its width scaled by the cosine of the region's middle latitude, which
keeps shapes recognisable at this size. The figure has a title and a description, and
the page lists the same partners as text beside it, for people who cannot see it.

Each label goes beside its dot where it covers no other label or dot and stays inside the
map: to the right, else the left, above or below. Labels are placed for the largest size the
style sheets give them (on a phone the map is drawn at half its size, and its labels grow in
its units to stay readable), so they do not collide at any size.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .render import html

WIDTH = 600  # SVG user units; the figure scales to its container
# The largest font size of a label, in the map's units: docs/assets/stylesheets/cisotra.css (phones)
# and cisotra-leaflet.css set it; the browser tests check that no two labels overlap there.
LABEL_SIZE_MAX = 26
# A bold capital's width on average, in ems, with room to spare: the partners' acronyms average
# 0.65–0.8 in DejaVu Sans Bold, the widest of the usual system fonts.
CAPITAL_WIDTH = 0.85
GAP = 4  # between a dot and its label


Box = tuple[float, float, float, float]  # left, top, right, bottom, in the map's units


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
    dots = [
        Dot(pin, *point(pin.longitude, pin.latitude), 6 if pin.highlight else 5)
        for pin in sorted(pins, key=lambda item: (item.latitude, item.longitude))
    ]
    marks = [
        {
            "x": dot.x,
            "y": dot.y,
            "radius": dot.radius,
            "label": dot.pin.label,
            "label_x": label.x,
            "label_y": label.y,
            "dy": label.dy,
            "anchor": label.anchor,
            "highlight": dot.pin.highlight,
        }
        for dot, label in zip(dots, place_labels(dots, (0, 0, WIDTH, height)), strict=True)
    ]
    return html(
        "partner-map.svg",
        width=WIDTH,
        height=round(height, 1),
        title=title,
        description=description,
        countries=countries,
        pins=marks,
    )


@dataclass(frozen=True)
class Dot:
    pin: Pin
    x: float
    y: float
    radius: float

    @property
    def box(self) -> Box:
        return (self.x - self.radius, self.y - self.radius, self.x + self.radius, self.y + self.radius)


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    anchor: str  # SVG text-anchor
    dy: str  # the baseline's shift, in ems, so the text sits where it was placed at any font size
    box: Box  # what it covers at LABEL_SIZE_MAX


def place_labels(dots: list[Dot], bounds: Box) -> list[Label]:
    """A label for each dot, in order: the first of right, left, above, below that stays inside
    `bounds` and covers no dot and no label placed before it (else the one that covers least)."""
    labels: list[Label] = []
    for dot in dots:
        taken = [other.box for other in dots] + [label.box for label in labels]
        labels.append(min(_options(dot), key=lambda option, taken=taken: _covered(option.box, taken, bounds)))
    return labels


def _options(dot: Dot) -> list[Label]:
    size = LABEL_SIZE_MAX
    width = len(dot.pin.label) * CAPITAL_WIDTH * size
    side = dot.radius + GAP
    x, y = dot.x, dot.y
    return [
        Label(round(x + side, 1), y, "start", "0.35em", (x + side, y - size / 2, x + side + width, y + size / 2)),
        Label(round(x - side, 1), y, "end", "0.35em", (x - side - width, y - size / 2, x - side, y + size / 2)),
        Label(x, round(y - side, 1), "middle", "0", (x - width / 2, y - side - 0.75 * size, x + width / 2, y - side)),
        Label(
            x, round(y + side, 1), "middle", "0.75em", (x - width / 2, y + side, x + width / 2, y + side + 0.75 * size)
        ),
    ]


def _covered(box: Box, taken: list[Box], bounds: Box) -> float:
    """How much of `box` covers the boxes `taken` or lies outside `bounds` (an area; 0 is a free place)."""
    outside = (box[2] - box[0]) * (box[3] - box[1]) - _overlap(box, bounds)
    return outside + sum(_overlap(box, other) for other in taken)


def _overlap(one: Box, other: Box) -> float:
    width = min(one[2], other[2]) - max(one[0], other[0])
    height = min(one[3], other[3]) - max(one[1], other[1])
    return width * height if width > 0 and height > 0 else 0.0
