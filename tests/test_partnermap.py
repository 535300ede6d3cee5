"""The partner map's labels: each beside its dot, inside the map, covering no other label or dot."""

from __future__ import annotations

import re

import pytest

from cisotra.partnermap import (
    CAPITAL_WIDTH,
    LABEL_SIZE_MAX,
    WIDTH,
    Basemap,
    Dot,
    Pin,
    place_labels,
    render_map,
)

BOUNDS = (0, 0, WIDTH, 400)


def dot(label: str, x: float, y: float, radius: float = 5) -> Dot:
    return Dot(Pin(label, "City", 0, 0), x, y, radius)


def sides(labels) -> list[str]:
    names = {("start", "0.35em"): "right", ("end", "0.35em"): "left", ("middle", "0"): "above"}
    return [names.get((label.anchor, label.dy), "below") for label in labels]


def test_a_label_goes_to_the_right_of_its_dot_when_there_is_room():
    labels = place_labels([dot("ISOB", 160, 110)], BOUNDS)
    assert sides(labels) == ["right"]
    assert (labels[0].x, labels[0].y) == (160 + 5 + 4, 110)


def test_near_the_maps_right_edge_a_label_goes_to_the_left():
    assert sides(place_labels([dot("IBU", WIDTH - 20, 200)], BOUNDS)) == ["left"]


def test_a_label_that_would_cover_a_neighbours_dot_goes_to_the_other_side():
    # Naples and Bari: the first label to the right would run into the second dot.
    labels = place_labels([dot("POU", 205, 335), dot("CSIG", 265, 345)], BOUNDS)
    assert sides(labels) == ["left", "right"]


def test_with_neighbours_on_both_sides_a_label_goes_above_or_below():
    labels = place_labels([dot("A", 140, 200), dot("MID", 200, 200), dot("B", 250, 200)], BOUNDS)
    assert sides(labels)[1] in ("above", "below")


def test_no_label_covers_another_or_a_dot_or_leaves_the_map_at_the_largest_size():
    dots = [dot("AS", 395, 414), dot("POU", 205, 335), dot("IBU", 500, 331), dot("CSIG", 265, 346)]
    dots += [dot("MFDPŠ", 225, 186, 6), dot("ISOB", 162, 110)]
    labels = place_labels(dots, (0, 0, WIDTH, 524))
    for index, label in enumerate(labels):
        left, top, right, bottom = label.box
        assert 0 <= left and right <= WIDTH and 0 <= top and bottom <= 524
        # The box is as wide as the label at the largest size the style sheets give it.
        assert right - left == pytest.approx(len(dots[index].pin.label) * CAPITAL_WIDTH * LABEL_SIZE_MAX)
        for other_index, other in enumerate(labels):
            if other_index != index:
                assert not _overlap(label.box, other.box)
        for other in dots:
            assert not _overlap(label.box, other.box)


def test_the_map_draws_each_label_where_it_was_placed_at_any_font_size():
    basemap = Basemap((10.0, 35.0, 30.0, 50.0), [])
    svg = str(render_map(basemap, [Pin("İBU", "İstanbul", 41.0, 28.97)], "Map", "Partners", set()))
    (text,) = re.findall(r"<text [^>]*>İBU</text>", svg)
    # Near the right edge: to the left of the dot, centred on it by an offset in ems.
    assert 'text-anchor="end"' in text and 'dy="0.35em"' in text


def _overlap(one, other) -> bool:
    return min(one[2], other[2]) > max(one[0], other[0]) and min(one[3], other[3]) > max(one[1], other[1])
