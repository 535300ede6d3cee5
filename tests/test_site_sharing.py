"""Every built page's share card, canonical link, hreflang set and structured data, read back."""

from __future__ import annotations

import json

from PIL import Image

from cisotra.sharing import og_locale
from sitecheck import DEFAULT, LANGUAGES, content_pages, resolve


def metas(page) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in page.soup.select("head meta[property], head meta[name]"):
        found.setdefault(meta.get("property") or meta.get("name"), []).append(meta.get("content"))
    return found


def test_every_page_has_a_share_card_that_agrees_with_its_canonical_link_and_languages(site):
    pages = content_pages(site.site, site.project)
    assert pages
    for page in pages:
        tags = metas(page)
        url = page.url(site.site_url)
        canonical = page.soup.select_one('head link[rel="canonical"]')["href"]
        hreflang = {link["hreflang"]: link["href"] for link in page.soup.select('head link[rel="alternate"][hreflang]')}
        assert tags["og:url"] == [canonical], page.path
        if not page.soup.select_one(".cisotra-fallback"):
            assert canonical == url, page.path
            tag = LANGUAGES[page.folder_code]
            assert tags["og:locale"] == [og_locale(tag)], page.path
            assert sorted(tags.get("og:locale:alternate", [])) == sorted(
                og_locale(other) for other in hreflang if other not in ("x-default", tag)
            ), page.path
        assert tags["twitter:card"] == ["summary_large_image"]
        assert tags["og:title"] and tags["og:description"][0].strip() and tags["og:image:alt"][0].strip()
        image, _ = resolve(site.site, site.site_url, url, tags["og:image"][0])
        assert image is not None and image.exists(), (page.path, tags["og:image"])
        with Image.open(image) as card:
            assert card.size == (int(tags["og:image:width"][0]), int(tags["og:image:height"][0])) == (1200, 630)


def test_a_cards_alternative_text_says_its_title_and_funding_with_the_name_once(site, data):
    """The card shows the project's name, the page's title and the funding statement. A title that
    begins with the name (every home page's) is not given it a second time."""
    name = "CiSoTRA"
    homes = set()
    for page in content_pages(site.site, site.project):
        tags = metas(page)
        alt, title = tags["og:image:alt"][0], tags["og:title"][0]
        # A page not yet translated is shared as the original, with the original's statement.
        code = DEFAULT if page.soup.select_one(".cisotra-fallback") else page.folder_code
        assert not alt.startswith(f"{name}: {name}"), (page.path, alt)
        assert alt.count(title.strip()) == 1 and alt.endswith(data.project.funding[code].statement), (page.path, alt)
        if page.path.name == "index.html" and page.path.parent.as_posix() in (".", *LANGUAGES):
            assert title.startswith(name) and alt.startswith(title), (page.path, alt)
            homes.add(page.folder_code)
    assert homes == set(LANGUAGES)


def test_posts_are_articles_with_their_own_summary(site, data):
    for code, prefix in ((code, "" if code == "en" else f"{code}/") for code in LANGUAGES):
        for post in data.publication.posts(code)[:3]:
            page = next(
                p
                for p in content_pages(site.site, site.project)
                if p.path.as_posix() == f"{prefix}news/{post.stem}/index.html"
            )
            tags = metas(page)
            assert tags["og:type"] == ["article"] and tags["og:title"] == [post.title]
            assert tags["og:description"] == [post.summary]


def structured(page) -> list[dict]:
    script = page.soup.select_one('script[type="application/ld+json"]')
    return json.loads(script.string)["@graph"] if script else []


def test_structured_data_parses_and_agrees_with_the_page(site, data):
    posts = {
        site.site_url + f"{data.language(post.code).prefix}news/{post.stem}/": post
        for code in data.codes
        for post in data.publication.posts(code)
    }
    for page in content_pages(site.site, site.project):
        items = structured(page)
        url = page.url(site.site_url)
        kinds = {item["@type"] for item in items}
        if page.path.name == "index.html" and page.path.parent.as_posix() in ("", ".", *LANGUAGES):
            assert {"WebSite", "Organization"} <= kinds, page.path
            organization = next(item for item in items if item["@type"] == "Organization")
            # Members only: an associated partner (role: associated) is not a member of the consortium.
            assert len(organization["member"]) == len(data.project.consortium.members)
        for item in items:
            if item["@type"] == "NewsArticle":
                assert item["url"] == url and item["headline"] == page.soup.select_one("article h1").get_text(
                    strip=True
                )
                assert item["inLanguage"] == LANGUAGES[page.folder_code]
                # Published on its day; a post reconstructed from the plan, on the day it was written
                # (its page gives the planned day, said to be planned).
                published = posts[url].publication.isoformat()
                assert item["datePublished"] == published
                if not posts[url].from_plan:
                    assert published == page.soup.select_one(".cisotra-post__meta time")["datetime"]
                assert item["dateModified"] >= item["datePublished"][:10]
            if item["@type"] == "BreadcrumbList":
                steps = item["itemListElement"]
                assert [step["position"] for step in steps] == list(range(1, len(steps) + 1))
                assert steps[-1]["item"] == url
                for step in steps:
                    target, _ = resolve(site.site, site.site_url, url, step["item"])
                    assert target is not None and target.exists(), (page.path, step["item"])
