import pytest

from cisotra.languages import Alternate, SiteLanguage, build_languages, hreflang_links

ENTRIES = [("en", "English", True), ("si", "Slovenščina", False), ("el", "Ελληνικά", False)]


def test_folder_codes_get_the_tags_readers_are_told():
    languages = build_languages(ENTRIES, {"en": "en", "si": "sl", "el": "el"})
    assert [(lang.code, lang.tag, lang.prefix) for lang in languages] == [
        ("en", "en", ""),
        ("si", "sl", "si/"),
        ("el", "el", "el/"),
    ]


def test_a_language_without_a_tag_is_refused():
    with pytest.raises(ValueError, match=r"language 'si' has no tag in extra.lang_tags"):
        build_languages(ENTRIES, {"en": "en", "el": "el"})


def test_a_tag_babel_does_not_know_is_refused():
    with pytest.raises(ValueError, match=r"extra.lang_tags\[si\] is 'xx-!!'"):
        build_languages(ENTRIES, {"en": "en", "si": "xx-!!", "el": "el"})


def test_a_tag_for_a_language_the_site_lacks_is_refused():
    with pytest.raises(ValueError, match="names languages the site does not have: fr"):
        build_languages(ENTRIES, {"en": "en", "si": "sl", "el": "el", "fr": "fr"})


def test_hreflang_announces_real_translations_and_x_default_only():
    en = SiteLanguage("en", "en", "English", default=True)
    sl = SiteLanguage("si", "sl", "Slovenščina")
    el = SiteLanguage("el", "el", "Ελληνικά")
    alternates = [
        Alternate(en, "about/", translated=True),
        Alternate(sl, "si/about/", translated=True),
        Alternate(el, "el/about/", translated=False),  # falls back to English
    ]
    assert hreflang_links(alternates, "https://example.org/cisotra") == [
        ("en", "https://example.org/cisotra/about/"),
        ("sl", "https://example.org/cisotra/si/about/"),
        ("x-default", "https://example.org/cisotra/about/"),
    ]


def test_a_page_the_default_language_lacks_is_its_own_x_default():
    """A post written in Turkish only: the English address is the news list, which does not announce it back."""
    en = SiteLanguage("en", "en", "English", default=True)
    tr = SiteLanguage("tr", "tr", "Türkçe")
    el = SiteLanguage("el", "el", "Ελληνικά")
    alternates = [
        Alternate(en, "news/", translated=False),
        Alternate(tr, "tr/news/2026-12-03-call/", translated=True),
        Alternate(el, "el/news/", translated=False),
    ]
    assert hreflang_links(alternates, "https://example.org/cisotra/") == [
        ("tr", "https://example.org/cisotra/tr/news/2026-12-03-call/"),
        ("x-default", "https://example.org/cisotra/tr/news/2026-12-03-call/"),
    ]
