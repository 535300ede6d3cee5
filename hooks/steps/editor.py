"""The browser editor for partners at /admin/ (cisotra.editor): its page, its configuration made from the
descriptions of the data files, Sveltia CMS's script and fonts. Once, at the end of the build."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from cisotra.editor import (
    FONTS,
    SCRIPT,
    VENDORED,
    config,
    config_text,
    left_out_keys,
    package_files,
    render_page,
    repo_name,
    served_script,
)
from cisotra.paths import EDITOR, EDITOR_CONFIG, EDITOR_FONTS, EDITOR_SCRIPT

if TYPE_CHECKING:
    from buildstate import SiteBuild

TITLE = "CiSoTRA: the editor"
log = logging.getLogger("mkdocs.hooks.editor")


def write_editor(site: SiteBuild) -> None:
    try:
        repo = repo_name(site.config.repo_url)
    except ValueError as error:
        log.warning("mkdocs.yml: %s; the editor at /%s saves to GitHub repositories only", error, EDITOR)
        repo = None
    if repo is None and not site.config.repo_url:
        # A local build or a fixture: the editor works with a local folder; saving to GitHub needs REPO_URL.
        log.info("No repo_url (REPO_URL): the editor at /%s saves to no repository", EDITOR)
    codes = tuple(language.code for language in site.languages)
    settings = config(codes, repo, left_out_keys(site.root))
    site.write(EDITOR + EDITOR_CONFIG, config_text(settings).encode("utf-8"))
    tags = {language.code: language.tag for language in site.languages if language.code != language.tag}
    site.write(EDITOR + "index.html", render_page(site.default.tag, TITLE, tags).encode("utf-8"))
    vendored = site.root / VENDORED
    script = (vendored / SCRIPT).read_text(encoding="utf-8")
    site.write(EDITOR + EDITOR_SCRIPT, served_script(script).encode("utf-8"))
    site.write(EDITOR + "LICENSE.txt", (vendored / "LICENSE.txt").read_bytes())
    for copy, served in package_files().items():
        source = vendored / copy
        for file in sorted(source.glob("*.json")) if source.is_dir() else [source]:
            target = served + "/" + file.name if source.is_dir() else served
            site.write(EDITOR + target, file.read_bytes())
    for _, name in FONTS.values():
        licence = name.removesuffix(".woff2") + ".LICENSE.txt"
        for file in (name, licence):
            site.write(EDITOR + EDITOR_FONTS + file, (vendored / "fonts" / file).read_bytes())
