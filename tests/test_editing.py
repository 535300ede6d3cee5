from cisotra.editing import edit_url

REPO = "https://github.com/example/cisotra-site"


def test_an_ordinary_page_edits_its_own_file():
    assert (
        edit_url(REPO, "main", "about.md", "si", source_code="si", generated=False)
        == f"{REPO}/edit/main/docs/si/about.md"
    )


def test_a_page_shown_from_english_offers_to_create_the_translation():
    assert (
        edit_url(REPO, "main", "work-packages/wp4.md", "de", source_code="en", generated=False)
        == f"{REPO}/new/main/docs/de/work-packages?filename=wp4.md"
    )


def test_the_timeline_edits_the_activities_data_in_every_language():
    for code in ("en", "tr"):
        assert (
            edit_url(REPO, "main", "timeline.md", code, source_code=code, generated=False)
            == f"{REPO}/edit/main/data/activities.yml"
        )


def test_generated_indexes_open_their_languages_folder():
    assert (
        edit_url(REPO, "main", "news/page/2.md", "el", source_code="el", generated=True)
        == f"{REPO}/tree/main/docs/el/news"
    )
    assert (
        edit_url(REPO, "main", "newsletters/index.md", "en", source_code="en", generated=True)
        == f"{REPO}/tree/main/docs/en/newsletters"
    )
