"""The browser editor in the built site: /admin/ with its page, its configuration, Sveltia CMS's script and
fonts; its own policy; nothing that loads from another host; outside the sitemap, search and the address list."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from cisotra.addresses import published
from cisotra.datafiles import DATA_FILES
from cisotra.editor import (
    FONTS,
    SCRIPT,
    VENDORED,
    config,
    left_out_keys,
    package_files,
    replacements,
    served_script,
)
from cisotra.paths import EDITOR, EDITOR_CONFIG, EDITOR_SCRIPT
from sitebuild import REPO_URL, ROOT
from sitecheck import LANGUAGES

# Every host the served script names, Sveltia CMS 0.221.1's own: documentation links, the
# services of backends, media libraries and translators the site does not configure, the
# update check (unpkg.com) and GitHub's status page. The page's policy lets the script connect
# to api.github.com alone and load scripts, styles and fonts from the site alone: the rest is
# refused by the browser (tests/browser/test_admin_editor.py sees which are tried). A new version of
# Sveltia CMS shows here what it adds.
HOSTS = {
    "ai.google.dev", "aistudio.google.com", "api-docs.deepseek.com", "api.anthropic.com", "api.deepseek.com",
    "api.github.com", "api.mistral.ai", "api.netlify.com", "api.openai.com", "api.pexels.com", "api.unsplash.com",
    "api.uploadcare.com", "app.uploadcare.com", "aws.amazon.com", "azure.microsoft.com", "bsky.app", "bunny.net",
    "cloud.digitalocean.com", "cloudinary.com", "codeberg.org", "console.aws.amazon.com",
    "console.cloud.google.com", "console.cloudinary.com", "console.mistral.ai", "console.scaleway.com",
    "dash.bunny.net", "dash.cloudflare.com", "developers.cloudflare.com", "discord.com", "docs.aws.amazon.com",
    "docs.claude.com", "docs.digitalocean.com", "docs.mistral.ai", "fontsource.org",
    "generativelanguage.googleapis.com", "gitea.com", "github.com", "gitlab.com", "identity.netlify.com",
    "learn.microsoft.com", "lexical.dev", "localhost", "nominatim.openstreetmap.org", "picsum.photos",
    "pixabay.com", "platform.claude.com", "platform.deepseek.com", "platform.openai.com", "portal.azure.com",
    "res.cloudinary.com", "s3.", "secure.backblaze.com", "stackoverflow.com", "status-api.hostedstatus.com",
    "status.gitlab.com", "supabase.com", "svelte.dev", "sveltiacms.app", "translation.googleapis.com",
    "ucarecdn.com", "unpkg.com", "unsplash.com", "upload.uploadcare.com", "uploadcare.com", "www.backblaze.com",
    "www.cloudflare.com", "www.digitalocean.com", "www.githubstatus.com", "www.openstreetmap.org",
    "www.pexels.com", "www.scaleway.com", "www.youtube-nocookie.com", "www.youtube.com", "youtu.be",
}  # fmt: skip


def hosts(text: str) -> set[str]:
    return set(re.findall(r"https://([A-Za-z0-9.-]+)", text))


def test_the_editor_is_in_the_site_with_its_script_fonts_and_licences(site):
    folder = site.site / EDITOR
    served = (folder / EDITOR_SCRIPT).read_text(encoding="utf-8")
    assert served == served_script((ROOT / VENDORED / SCRIPT).read_text(encoding="utf-8"))
    for _, name in FONTS.values():
        assert f"fonts/{name}" in served
        assert (folder / "fonts" / name).read_bytes() == (ROOT / VENDORED / "fonts" / name).read_bytes()
        assert (folder / "fonts" / name.replace(".woff2", ".LICENSE.txt")).is_file()
    assert "MIT License" in (folder / "LICENSE.txt").read_text(encoding="utf-8")


def test_the_served_script_differs_from_the_vendored_one_only_by_the_replaced_addresses(site):
    vendored = (ROOT / VENDORED / SCRIPT).read_text(encoding="utf-8")
    served = (site.site / EDITOR / EDITOR_SCRIPT).read_text(encoding="utf-8")
    replaced = replacements()
    pieces = re.split("(" + "|".join(re.escape(address) for address in replaced) + ")", vendored)
    assert len(pieces) == 2 * len(replaced) + 1
    assert served == "".join(replaced.get(piece, piece) if i % 2 else piece for i, piece in enumerate(pieces))
    assert "cdn.jsdelivr.net" not in served and "https://unpkg.com/@sveltia/cms" not in served
    assert hosts(served) == HOSTS


def test_the_package_files_the_script_asks_for_are_served(site):
    folder = site.site / EDITOR
    for copy, served in package_files().items():
        source = ROOT / VENDORED / copy
        if source.is_dir():
            names = sorted(path.name for path in source.glob("*.json"))
            assert "de.json" in names
            assert sorted(path.name for path in (folder / served).glob("*.json")) == names
        else:
            assert (folder / served).read_bytes() == source.read_bytes()


def test_the_configuration_is_made_from_the_descriptions_for_the_repository(site):
    text = (site.site / EDITOR / EDITOR_CONFIG).read_text(encoding="utf-8")
    settings = yaml.safe_load(text)
    repo = REPO_URL.removeprefix("https://github.com/")
    assert settings == config(tuple(LANGUAGES), repo, left_out_keys(site.project))
    assert settings["i18n"]["locales"] == list(LANGUAGES)
    # Addresses of other hosts only as the descriptions' help texts write them (a DOI), nothing to load.
    helps = " ".join(str(data_file.editor_fields(tuple(LANGUAGES))) for data_file in DATA_FILES)
    assert hosts(text) <= hosts(helps)


def test_the_page_has_its_own_policy_and_is_kept_from_search_engines(site):
    text = (site.site / EDITOR / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(text, "html.parser")
    first = page.head.find(True)
    assert first.name == "meta" and first["http-equiv"] == "Content-Security-Policy"
    policy = first["content"]
    assert "connect-src 'self' data: blob: https://api.github.com;" in policy
    assert re.search(r"script-src 'self' 'sha256-[^']+';", policy)
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.html["lang"] == "en"
    assert page.find("link", rel="cms-config-url")["href"] == EDITOR_CONFIG
    assert hosts(text) == {"api.github.com"}  # in the policy alone


def test_the_editor_is_not_in_the_sitemap_search_or_address_list(site):
    assert "/admin/" not in (site.site / "sitemap.xml").read_text(encoding="utf-8")
    indexes = list((site.site / "search").rglob("*.json"))
    assert indexes and not any("admin/" in path.read_text(encoding="utf-8") for path in indexes)
    assert (site.site / EDITOR / "index.html").is_file()
    assert not any(address.startswith("/admin/") for address in published(site.site))
