from xml.etree import ElementTree

from cisotra.sitemap import render_sitemap


def test_the_sitemap_lists_pages_in_order_with_their_translations_escaped():
    xml = render_sitemap(
        [("si/about/", [("sl", "si/about/"), ("en", "about/")]), ("about/", [("en", "about/")]), ("a&b/", [])],
        "https://example.org/cisotra",
    )
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(xml)
    urls = root.findall("s:url", ns)
    assert [url.find("s:loc", ns).text for url in urls] == [
        "https://example.org/cisotra/a&b/",
        "https://example.org/cisotra/about/",
        "https://example.org/cisotra/si/about/",
    ]
    assert [(link.get("hreflang"), link.get("href")) for link in urls[2].findall("x:link", ns)] == [
        ("en", "https://example.org/cisotra/about/"),
        ("sl", "https://example.org/cisotra/si/about/"),
    ]
