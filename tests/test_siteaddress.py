"""The site's own address and private networks' addresses, in pages, data and a deploy build's configuration."""

from pathlib import Path

import pytest

from cisotra.siteaddress import (
    SiteAddresses,
    check_data_addresses,
    deploy_problem,
    is_private,
    is_private_host,
    relative_instead,
)
from cisotra.sources import SourceRules, check_sources
from cisotra.yamlfile import load_text

CODES = ("en", "si", "el", "tr")
PAGES_URL = "https://partners.example.org/cisotra/"


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.8.9.10",
        "localhost",
        "LOCALHOST",
        "app.localhost",
        "[::1]",
        "::1",
        "10.1.2.3",
        "192.168.0.10",
        "172.16.0.1",
        "172.31.255.255",
        "printer.local",
        "0.0.0.0",  # noqa: S104 - a host name in a link, not a server binding
        "169.254.1.1",
        "2130706433",  # 127.0.0.1 as one number
        "0x7f.1",
        "127.1",
        "::ffff:127.0.0.1",
        "fd00::1",
    ],
)
def test_a_computers_own_or_a_private_networks_host_is_recognised(host):
    assert is_private_host(host)


@pytest.mark.parametrize("host", ["example.org", "172.32.0.1", "8.8.8.8", "localhost.example.org", "11.0.0.1"])
def test_a_public_host_is_not_private(host):
    assert not is_private_host(host)


def test_the_sites_own_addresses_are_its_site_url_and_the_local_previews_any_scheme():
    site = SiteAddresses(PAGES_URL)
    assert site.site_path("https://partners.example.org/cisotra/si/news/x/#a") == "si/news/x/"
    assert site.site_path("http://PARTNERS.example.org:80/cisotra/results/study.pdf") == "results/study.pdf"
    assert site.site_path("https://partners.example.org/cisotra") == ""
    assert site.site_path("//partners.example.org/cisotra/about/") == "about/"
    assert site.site_path("http://127.0.0.1:8000/el/timeline/") == "el/timeline/"
    assert site.site_path("https://localhost:8000/about/") == "about/"
    assert site.site_path("https://partners.example.org/other/") is None
    assert site.site_path("http://127.0.0.1:8001/about/") is None  # another local server: private, not the site
    assert site.site_path("https://example.org/cisotra/") is None
    assert is_private("http://127.0.0.1:8001/about/") and not is_private("https://example.org/")
    # Written as a browser still reads it: escapes in the path or the host, a dot after the host.
    assert site.site_path("https://partners.example.org/%63isotra/results/x.pdf") == "results/x.pdf"
    assert site.site_path("https://partners.example.org./cisotra/about/") == "about/"
    assert site.site_path("https:///partners.example.org/cisotra/about/") == "about/"
    assert site.site_path("https://partners.example.org/cisotra/../../README") is None  # above the site
    assert not is_private("http://08.0.0.1/")  # no octal number: browsers refuse it, and the check does not fail


@pytest.mark.parametrize(
    "url",
    [
        "http://127。0。0。1:8000/",
        "http://127.0.0.1%2e:8000/",
        "http://LOCALHOST%2E/",
        "http://１２７.0.0.1/",
        "http://\U0001fbf1\U0001fbf2\U0001fbf7.0.0.1:8000/",  # segmented digits (Unicode 13)
        "http://192.168.\U0001fbf1.1/",
        # Any number of slashes or backslashes after the scheme: a browser reads '//'.
        "http:///127.0.0.1:8000/",
        "https:////localhost/admin",
        "http:\\\\\\127.0.0.1/",
        "http:127.0.0.1:8000/",
    ],
)
def test_a_private_address_in_a_form_a_browser_maps_is_still_private(url):
    assert is_private(url)


def test_the_relative_link_to_write_is_the_files_path_or_else_the_pages(tmp_path):
    for relative in ("en/timeline.md", "si/news/2019-05-22-x.md", "en/results/study.en.pdf", "assets/images/a.jpg"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x", encoding="utf-8")
    source, page = "si/news/2026-12-01-y.md", "si/news/2026-12-01-y/"
    instead = lambda url, path: relative_instead(url, path, source, page, tmp_path, CODES)  # noqa: E731
    assert instead("http://127.0.0.1:8000/timeline/#2019", "timeline/") == "../../en/timeline.md#2019"
    assert instead("x", "si/news/2019-05-22-x/") == "2019-05-22-x.md"
    assert instead("x", "results/study.en.pdf") == "../../en/results/study.en.pdf"
    assert instead("x", "assets/images/a.jpg") == "../../assets/images/a.jpg"
    assert instead("x?a=1", "si/news/tags/meeting/") == "../tags/meeting/?a=1"  # a page the site makes


def write(root: Path, relative: str, text: str) -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(text, encoding="utf-8")


RULES = SourceRules(PAGES_URL, ["toc", "tables", "fenced_code", "attr_list"], {})


def test_a_link_to_the_site_itself_in_a_page_is_stopped_with_the_relative_link(tmp_path):
    write(tmp_path, "docs/en/timeline.md", "# Timeline\n")
    write(tmp_path, "docs/el/timeline.md", "# Χρονολόγιο\n")
    write(
        tmp_path,
        "docs/el/news/2026-12-01-x.md",
        "---\ntitle: x\n---\n\n# Τίτλος\n\n[Χρονολόγιο](http://127.0.0.1:8000/el/timeline/)\n"
        "<a href='https://partners.example.org/cisotra/timeline/#y2019'>t</a>\n"
        "[router](http://192.168.1.1/admin) <http://localhost:3000/x>\n",
    )
    problems = [str(problem) for problem in check_sources(tmp_path, tmp_path / "docs", CODES, RULES)]
    own = "is this site's own address, which is different in a preview and on the published site: link to it relative to this file, as"
    private = "is an address on a computer's own or a private network, which no reader can reach: write a public address (https://…), or the path of a file of this site relative to this file"
    assert problems == [
        f"docs/el/news/2026-12-01-x.md:7: link: 'http://127.0.0.1:8000/el/timeline/' {own} '../timeline.md'",
        f"docs/el/news/2026-12-01-x.md:8: link: 'https://partners.example.org/cisotra/timeline/#y2019' {own} '../../en/timeline.md#y2019'",
        f"docs/el/news/2026-12-01-x.md:9: link: 'http://192.168.1.1/admin' {private}",
        f"docs/el/news/2026-12-01-x.md:9: link: 'http://localhost:3000/x' {private}",
    ]


def test_an_output_or_file_in_data_at_the_sites_own_or_a_private_address_is_stopped(tmp_path):
    write(tmp_path, "docs/en/results/study.en.pdf", "%PDF")
    text = (
        "- id: meeting-7-celje\n"
        "  links:\n"
        "    photos: https://nas.local/photos/\n"
        "  report:\n"
        "    status: held\n"
        "    outputs:\n"
        "      - https://doi.org/10.5281/zenodo.1\n"
        "      - http://127.0.0.1:8000/results/study.en.pdf\n"
        "- id: initial-study\n"
        "  files:\n"
        "    en: {url: 'https://partners.example.org/cisotra/results/study.en.pdf'}\n"
    )
    shown = Path("data/activities.yml")
    value = load_text(text, shown)
    problems = check_data_addresses(value, text.split("\n"), shown, SiteAddresses(PAGES_URL), tmp_path / "docs", CODES)
    own = (
        "is this site's own address, which is different in a preview and on the published site; here only "
        "addresses of other sites can be written: this is the file docs/en/results/study.en.pdf: list it as a "
        "result in data/results.yml with  file: en/results/study.en.pdf  (the results page and its work package's "
        "page link it)"
    )
    assert [str(problem) for problem in problems] == [
        "data/activities.yml:3: meeting-7-celje: links.photos: 'https://nas.local/photos/' is an address on a "
        "computer's own or a private network, which no reader can reach: write the public address (https://…)",
        f"data/activities.yml:8: meeting-7-celje: report.outputs: 'http://127.0.0.1:8000/results/study.en.pdf' {own}",
        f"data/initial-study: files.en.url: 'https://partners.example.org/cisotra/results/study.en.pdf' {own}".replace(
            "data/initial-study", "data/activities.yml:11: initial-study"
        ),
    ]


def test_a_deploy_build_for_a_private_address_fails_and_for_a_public_one_passes():
    problem = deploy_problem("http://127.0.0.1:8000/", Path("mkdocs.yml"))
    assert str(problem) == (
        "mkdocs.yml: site_url: this build is for deployment, but its site_url is 'http://127.0.0.1:8000/', an "
        "address on a computer's own or a private network: the published pages' canonical links, feeds and sitemap "
        "would lead there. Set SITE_URL to the public address (the workflow takes it from GitHub Pages)"
    )
    assert deploy_problem(PAGES_URL, Path("mkdocs.yml")) is None
    assert deploy_problem("http://localhost/", Path("mkdocs.yml")) is not None
