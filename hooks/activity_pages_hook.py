"""A page for each activity in every language (cisotra.activitypages), registered like every generated page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.activitypages import Mention, lead_partners, render_activity_page
from cisotra.languages import Alternate
from cisotra.paths import activity_path, issue_path, post_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from cisotra.languages import SiteLanguage

GENERATOR = "the activity pages hook"


@event_priority(-110)  # after mkdocs-static-i18n has sorted the files into languages
@_site.timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = _site.project(config)
    language = _site.current(config)
    built = _site.built_languages(config)
    ctx = _site.context(config, generator=GENERATOR)
    partners = project.consortium.partners if project.consortium else []
    mentions = _mentions(config, language)
    for activity in project.activities:
        page = render_activity_page(activity, ctx, lead_partners(activity, partners), mentions.get(activity.id, []))
        alternates = {lang.code: Alternate(lang, activity_path(lang.prefix, activity.id), True) for lang in built}
        _site.add_page(config, page, alternates)
    return files


def _mentions(config: MkDocsConfig, language: SiteLanguage) -> dict[str, list[Mention]]:
    """This language's posts and e-newsletter issues about each activity (an issue not yet translated: the default's)."""
    memo = _site.build(config).memo.setdefault("activity mentions", {})
    if language.code not in memo:
        publication = _site.publication(config)
        default = _site.default(config)
        found: dict[str, list[Mention]] = {}
        for post in publication.posts(language.code):
            for ident in post.activities:
                found.setdefault(ident, []).append(Mention(post.title, post_path(post.stem, language.prefix), "post"))
        for issue in publication.archive(language.code):
            lang = None if issue.code == language.code else default.tag
            for ident in issue.activities:
                found.setdefault(ident, []).append(
                    Mention(issue.title, issue_path(issue.stem, language.prefix), "issue", lang)
                )
        memo[language.code] = found
    return memo[language.code]
