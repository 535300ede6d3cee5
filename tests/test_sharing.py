from cisotra.sharing import Share, og_locale, share_tags


def test_open_graph_locales_carry_a_territory():
    assert [og_locale(tag) for tag in ("en", "sl", "de", "it", "el", "tr")] == [
        "en_GB",
        "sl_SI",
        "de_DE",
        "it_IT",
        "el_GR",
        "tr_TR",
    ]


def test_a_post_is_an_article_with_a_large_card_and_its_translations():
    tags = share_tags(
        Share(
            title="Naslov",
            description="Opis.",
            url="https://example.org/si/news/x/",
            tag="sl",
            alternate_tags=("en", "sl"),
            image="https://example.org/assets/cards/a.png",
            image_alt="CiSoTRA: Naslov",
            article=True,
            site_name="CiSoTRA",
        )
    )
    values = {}
    for _attribute, name, content in tags:
        values.setdefault(name, []).append(content)
    assert values["og:type"] == ["article"] and values["og:locale"] == ["sl_SI"]
    assert values["og:locale:alternate"] == ["en_GB"]
    assert values["twitter:card"] == ["summary_large_image"]
    assert (values["og:image:width"], values["og:image:height"]) == (["1200"], ["630"])
