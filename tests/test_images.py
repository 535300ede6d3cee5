"""Photos are published fit for the web: smaller, upright, without the camera's EXIF data (place, time, device)."""

import html
import io
import os
import re

import pytest
from PIL import Image

from cisotra.images import LIMIT_WIDTH, img_tag, reason_to_process, web_image


def camera_photo(path, width=4000, height=3000, orientation=None):
    """A noisy photo (noise does not compress: megabytes, like a camera's) with GPS data in its EXIF."""
    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x8825] = {1: "N", 2: (46.0, 13.0, 59.0), 3: "E", 4: (15.0, 16.0, 3.0)}  # GPS: Celje
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=95, exif=exif)
    return path


@pytest.fixture(scope="module")
def photo(tmp_path_factory):
    return camera_photo(tmp_path_factory.mktemp("photos") / "meeting.jpg")


def test_a_large_photo_is_found_and_says_why(photo, tmp_path):
    assert photo.stat().st_size > 5_000_000
    assert reason_to_process(photo).endswith(" MB")
    small = tmp_path / "small.png"
    Image.new("RGB", (300, 200)).save(small)
    assert reason_to_process(small) is None
    located = camera_photo(tmp_path / "located.jpg", 300, 200)
    assert reason_to_process(located) == "EXIF data"


def test_the_web_version_is_smaller_narrower_and_has_no_exif(photo, tmp_path):
    image = web_image(photo, "assets/images/news/meeting.jpg", tmp_path / "cache", with_srcset=True)
    assert image.full.width == LIMIT_WIDTH and image.full.height == 1500
    assert len(image.full.data) < photo.stat().st_size / 2
    with Image.open(io.BytesIO(image.full.data)) as published:
        assert not published.getexif()
        assert "exif" not in published.info
    assert {path: (r.width, r.height) for path, r in image.smaller.items()} == {
        "assets/images/news/meeting-480w.jpg": (480, 360),
        "assets/images/news/meeting-960w.jpg": (960, 720),
        "assets/images/news/meeting-1600w.jpg": (1600, 1200),
    }
    for rendition in image.smaller.values():
        with Image.open(io.BytesIO(rendition.data)) as smaller:
            assert not smaller.getexif()


def test_a_photo_taken_sideways_is_published_upright(tmp_path):
    sideways = camera_photo(tmp_path / "sideways.jpg", 400, 300, orientation=6)
    image = web_image(sideways, "x.jpg", tmp_path / "cache", with_srcset=False)
    assert (image.full.width, image.full.height) == (300, 400)


def test_an_unchanged_photo_is_read_from_the_cache(photo, tmp_path):
    cache = tmp_path / "cache"
    first = web_image(photo, "a.jpg", cache, with_srcset=True)
    stamps = {path: path.stat().st_mtime_ns for path in cache.iterdir()}
    again = web_image(photo, "a.jpg", cache, with_srcset=True)
    assert again == first
    assert {path: path.stat().st_mtime_ns for path in cache.iterdir()} == stamps


def test_the_img_tag_reserves_its_space_and_offers_smaller_versions(photo, tmp_path):
    image = web_image(photo, "assets/images/news/meeting.jpg", tmp_path / "cache", with_srcset=True)
    tag = img_tag(image, 'Partners at "the" table', lambda path: "../../" + path)
    assert 'width="2000" height="1500"' in tag
    assert (
        'srcset="../../assets/images/news/meeting-480w.jpg 480w, ' in tag
        and "../../assets/images/news/meeting.jpg 2000w" in tag
    )
    alt = re.search(r'alt="([^"]*)"', tag)
    assert alt and html.unescape(alt.group(1)) == 'Partners at "the" table'
