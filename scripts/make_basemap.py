"""Make data/map/basemap.json: the country outlines the home page's map is drawn on.

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install geopandas==0.14.4 pycountry==26.2.16
    /tmp/geo/bin/python scripts/make_basemap.py

The outlines are Natural Earth's 1:110m countries (public domain, naturalearthdata.com),
as geopandas 0.14 ships them; clipped to the partner countries' part of Europe and the
Mediterranean and simplified. Run it again only to change the region; the site itself
never needs geopandas (hooks/cisotra/partnermap.py draws from the JSON).
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas
import pycountry
from shapely.geometry import box, mapping

REGION = (4.0, 34.0, 34.0, 53.0)  # west, south, east, north (degrees)
TOLERANCE = 0.08  # degrees: small enough for a 600 px wide map
OUT = Path(__file__).resolve().parent.parent / "data" / "map" / "basemap.json"


def main() -> None:
    world = geopandas.read_file(geopandas.datasets.get_path("naturalearth_lowres"))
    area = box(*REGION)
    shapes = []
    for _, row in world.iterrows():
        clipped = row.geometry.intersection(area)
        if clipped.is_empty:
            continue
        simple = clipped.simplify(TOLERANCE, preserve_topology=True)
        geometry = mapping(simple)
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [[[round(x, 2), round(y, 2)] for x, y in polygon[0]] for polygon in polygons if polygon]
        # ISO 3166 alpha-2, as data/cities.yml writes countries; Natural Earth has no code for a few (-99).
        country = pycountry.countries.get(alpha_3=row["iso_a3"])
        shapes.append({"iso": country.alpha_2 if country else "", "rings": rings})
    OUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:110m countries (public domain), via geopandas 0.14; scripts/make_basemap.py",
                "region": REGION,
                "countries": sorted(shapes, key=lambda shape: shape["iso"]),
            },
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(shapes)} countries)")


if __name__ == "__main__":
    main()
