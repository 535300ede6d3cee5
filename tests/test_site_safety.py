"""Through a real build of the fixture site: unsafe content stops the build, every problem named at once, nothing published."""

from __future__ import annotations

from pathlib import Path

from fixture import make_fixture
from PIL import Image

from cisotra.photometadata import HOW_TO_CLEAN
from sitebuild import build

POST = "docs/si/news/2019-05-22-meeting-in-celje.md"
ACTIVITIES = "data/activities.yml"


def add(project: Path, relative: str, text: str) -> int:
    """Append `text` to a file; the line number its first line gets."""
    path = project / relative
    before = path.read_text(encoding="utf-8")
    path.write_text(before.rstrip("\n") + "\n" + text, encoding="utf-8")
    return before.rstrip("\n").count("\n") + 2


def photo_with_gps(path: Path) -> None:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (46.0, 14.0, 30.0), 3: "E", 4: (15.0, 16.0, 0.0)}
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 8), "white").save(path, "JPEG", exif=exif)


def test_unsafe_content_stops_the_build_with_every_problem_at_its_line(tmp_path):
    project = make_fixture(tmp_path / "site")
    photo_with_gps(project / "docs/assets/images/news/foto.jpg")
    Image.new("RGB", (8, 8)).save(project / "docs/assets/images/news/Srečanje v Celju.png")
    first = add(
        project,
        POST,
        "\n<ScRiPt>alert(1)</ScRiPt>\n\n"
        "![Foto](../../assets/images/news/Foto.JPG)\n\n"
        "[Časovnica](http://127.0.0.1:8000/si/timeline/#leto-2019)\n",
    )
    text = (project / ACTIVITIES).read_text(encoding="utf-8")
    output = '["https://example.org/workshop-report.pdf"]'
    (project / ACTIVITIES).write_text(
        text.replace(output, '["http://127.0.0.1:8000/results/report.pdf"]'), encoding="utf-8"
    )
    output_line = text[: text.index(output)].count("\n") + 1

    result = build(project)

    assert result.returncode != 0
    assert not (project / "site" / "index.html").exists()
    expected = [
        f"{POST}:{first + 1}: html: <script> is not allowed in a page: a page cannot run scripts. Remove it; for "
        "something interactive, ask the maintainers",
        f"{POST}:{first + 3}: image: '../../assets/images/news/Foto.JPG' differs from the file "
        "docs/assets/images/news/foto.jpg only in capital letters; addresses on the published site tell capital "
        "letters apart, so it would lead nowhere. Write '../../assets/images/news/foto.jpg'",
        f"{POST}:{first + 5}: link: 'http://127.0.0.1:8000/si/timeline/#leto-2019' is this site's own address, "
        "which is different in a preview and on the published site: link to it relative to this file, as "
        "'../timeline.md#leto-2019'",
        "docs/assets/images/news/Srečanje v Celju.png: name: this name has spaces, "
        "capital letters and letters outside a-z; names of pages and files become their addresses and may only "
        "have lower-case letters a-z, digits and hyphens. Rename it to 'docs/assets/images/news/srecanje-v-celju.png' "
        "(on GitHub: upload it again under that name, then open the old one and delete it), and change the links "
        "to it",
        "docs/assets/images/news/foto.jpg: photo: this photo carries the GPS position where it was taken, which "
        f"would be public in the repository: {HOW_TO_CLEAN}",
        f"{ACTIVITIES}:{output_line}: workshop-held-online: report.outputs: 'http://127.0.0.1:8000/results/report.pdf' is "
        "this site's own address, which is different in a preview and on the published site; here only addresses "
        "of other sites can be written: a file of this site is listed in data/results.yml with  file: (its path "
        "under docs/), and a page of the site is linked from a page's text with a relative link",
    ]
    for message in expected:
        assert message in result.log, message


def test_a_build_for_deployment_to_a_private_address_fails_and_a_preview_build_does_not(tmp_path):
    project = make_fixture(tmp_path / "site")
    deploy = build(project, site_url="http://127.0.0.1:8000/", extra_env={"CISOTRA_DEPLOY": "1"}, into="deploy")
    assert deploy.returncode != 0
    assert (
        "mkdocs.yml: site_url: this build is for deployment, but its site_url is 'http://127.0.0.1:8000/'" in deploy.log
    )
    preview = build(project, site_url="http://127.0.0.1:8000/", into="preview")
    assert preview.returncode == 0, preview.log
