"""The site's languages: the folder a language lives in and the tag every reader is told.

The consortium writes Slovenian as `si` (Slovenija) in folders and URLs, but as a
language tag `si` means Sinhala. So a language has two names here: its `code`
(folder and URL prefix, chosen by people) and its `tag` (BCP 47, read by browsers,
screen readers, search engines and feed readers). Only `code` ever appears in a
path; only `tag` ever appears in `lang`, `hreflang`, `xml:lang` or a feed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError


@dataclass(frozen=True)
class SiteLanguage:
    code: str
    tag: str
    name: str
    default: bool = False

    @property
    def prefix(self) -> str:
        """URL path of the language's home, relative to the site root ('' or 'si/')."""
        return "" if self.default else f"{self.code}/"

    @property
    def babel_locale(self) -> Locale:
        return Locale.parse(self.tag, sep="-")


@dataclass(frozen=True)
class Alternate:
    """One language version of a page, as the language switcher and hreflang links need it."""

    language: SiteLanguage
    url: str  # site-relative, e.g. 'si/about/'
    translated: bool  # False when the page falls back to the default language's text


def build_languages(entries: list[tuple[str, str, bool]], tags: dict[str, str]) -> list[SiteLanguage]:
    """Pair each configured language (code, name, default) with its tag; refuse anything a reader would misread."""
    problems = []
    languages = []
    for code, name, default in entries:
        tag = tags.get(code)
        if tag is None:
            problems.append(f"language '{code}' has no tag in extra.lang_tags (expected a BCP 47 tag such as 'sl')")
            continue
        try:
            Locale.parse(tag, sep="-")
        except (ValueError, UnknownLocaleError):
            problems.append(f"extra.lang_tags[{code}] is '{tag}', which is not a language tag Babel knows")
            continue
        languages.append(SiteLanguage(code=code, tag=tag, name=name, default=default))
    unknown = sorted(set(tags) - {code for code, _, _ in entries})
    if unknown:
        problems.append(f"extra.lang_tags names languages the site does not have: {', '.join(unknown)}")
    if problems:
        raise ValueError("; ".join(problems))
    return languages


def by_code(languages: Iterable[SiteLanguage]) -> dict[str, SiteLanguage]:
    return {language.code: language for language in languages}


def hreflang_links(alternates: list[Alternate], site_url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) pairs for a page's <head>: its real translations plus x-default.

    A fallback copy of the default page is not announced as a translation: search
    engines would index the same English text under six language tags.
    x-default is the default language's version; a page the default language does not have (a
    post written in Turkish only) is its own x-default, not the default language's news list,
    which does not announce it back.
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    translated = [alt for alt in alternates if alt.translated]
    links = [(alt.language.tag, base + alt.url) for alt in translated]
    default = next((alt for alt in translated if alt.language.default), None)
    default = default or next(iter(translated), None) or next((alt for alt in alternates if alt.language.default), None)
    if default is not None:
        links.append(("x-default", base + default.url))
    return links
