"""The project's leaflet: one page per language, designed for two A4 sheets, printed to PDF.

Everything on it comes from the data and the pages the site already has: the purpose and
target groups (data/project.yml), the work packages (their pages' titles and descriptions),
the partners and their map (data/partners.yml), the contact, and the EU emblem with the
funding statement and the disclaimer for publications (data/funding.yml). Links are absolute,
so they still lead to the site from a printed or forwarded PDF. The page stands alone (no
site menu, no scripts); its fonts come with the site, so every language prints with letters
that have its accents, on any machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from .consortium import Consortium
from .contact import contact_lines
from .context import Context
from .dates import format_day
from .funding import Funding
from .home import partner_line

LEAFLET_PAGE = "leaflet/"
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")  # assets/fonts/, copied to the site's assets/fonts/


def leaflet_path(prefix: str) -> str:
    return f"{prefix}{LEAFLET_PAGE}"


def pdf_name(code: str) -> str:
    return f"cisotra-leaflet-{code}.pdf"


@dataclass(frozen=True)
class WorkPackage:
    number: int
    title: str  # as its page is titled, e.g. 'WP2: Initial study'
    description: str
    lang: str | None = None  # set when the text is the default language's (no translation yet)


@dataclass(frozen=True)
class LeafletParts:
    """What the leaflet shows; the engine's adapter gathers it for one language."""

    consortium: Consortium
    funding: Funding
    work_packages: list[WorkPackage]
    map_svg: str
    emblem_svg: str
    site_url: str  # absolute, ending in '/'
    fonts: str  # the fonts folder, relative to the leaflet page
    stylesheet: str  # the site's own stylesheet (the map's colours), relative to the leaflet page
    icon: str  # the site's icon, relative to the leaflet page (else browsers ask the host's root for one)


def render_leaflet(parts: LeafletParts, ctx: Context) -> str:
    """The whole HTML document of the language's leaflet."""
    facts = parts.consortium.facts
    purpose = facts.purpose.get(ctx.code) or facts.purpose[ctx.default_code]
    groups = facts.target_groups.get(ctx.code) or facts.target_groups.get(ctx.default_code, [])
    home = parts.site_url + ctx.prefix
    title = f"{facts.acronym} – {ctx.text('leaflet.title')}"
    packages = "".join(
        f"<li{_lang(package.lang)}><strong>{escape(package.title)}</strong> {escape(package.description)}</li>"
        for package in parts.work_packages
    )
    partners = "".join(f"<li>{escape(partner_line(partner, ctx))}</li>" for partner in parts.consortium.partners)
    pdf = pdf_name(ctx.code)
    return f"""<!doctype html>
<html lang="{escape(ctx.tag)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<meta name="description" content="{escape(purpose)}">
<link rel="canonical" href="{escape(home + LEAFLET_PAGE)}">
<link rel="icon" href="{escape(parts.icon)}" type="image/svg+xml">
<link rel="stylesheet" href="{escape(parts.stylesheet)}">
<style>{_style(parts.fonts)}</style>
</head>
<body>
<nav class="bar" aria-label="{ctx.html("leaflet.title")}">
<a href="{escape(pdf)}" type="application/pdf" download>{ctx.html("leaflet.download")}</a>
<a href="{escape(home)}">{ctx.html("leaflet.back")}</a>
</nav>
<main>
<section class="sheet" aria-labelledby="leaflet-title">
<header class="masthead">
<p class="acronym">{escape(facts.acronym)}</p>
<h1 id="leaflet-title">{escape(facts.title)}</h1>
<p class="purpose">{escape(purpose)}</p>
<p class="state">{_state(facts, ctx)}</p>
</header>
<h2>{ctx.html("leaflet.for_whom")}</h2>
<ul class="groups">{"".join(f"<li>{escape(group)}</li>" for group in groups)}</ul>
<h2>{ctx.html("leaflet.plans")}</h2>
<ul class="packages">{packages}</ul>
</section>
<section class="sheet" aria-labelledby="leaflet-partners">
<h2 id="leaflet-partners">{ctx.html("home.partners")}</h2>
<figure class="map">{parts.map_svg}</figure>
<ul class="partners">{partners}</ul>
<h2>{ctx.html("leaflet.contact")}</h2>
{_contact(parts, ctx, home)}
<footer class="funding">
<p class="statement">{parts.emblem_svg}<span>{escape(parts.funding.statement)}</span></p>
<p class="disclaimer">{escape(parts.funding.publication_disclaimer)}</p>
<p class="project-number">{escape(facts.programme)} · {escape(facts.project_number)}</p>
</footer>
</section>
</main>
</body>
</html>
"""


def _state(facts, ctx: Context) -> str:
    phase = facts.phase(ctx.today)
    sentences = [ctx.html(f"home.state.{phase}", start=_day(facts.start, ctx), end=_day(facts.end, ctx))]
    if phase == "completed" and facts.planned_end and facts.planned_end != facts.end:
        sentences.append(ctx.html("home.state.extended", planned_end=_day(facts.planned_end, ctx)))
    return " ".join(sentences)


def _contact(parts: LeafletParts, ctx: Context, home: str) -> str:
    return '<p class="contact">' + "<br>".join(contact_lines(parts.consortium, ctx, website=home)) + "</p>"


def _day(day: date, ctx: Context) -> str:
    return format_day(day, ctx.tag)


def _lang(tag: str | None) -> str:
    return f' lang="{escape(tag)}"' if tag else ""


def _style(fonts: str) -> str:
    """Two A4 sheets in print; the same sheets, one below the other, on a screen."""
    faces = "".join(
        f'@font-face{{font-family:"Leaflet Sans";font-weight:{weight};font-display:swap;'
        f'src:local("DejaVu Sans{" Bold" if weight == 700 else ""}"),url("{fonts}{font}") format("truetype")}}'
        for font, weight in zip(FONTS, (400, 700), strict=True)
    )
    return faces + (
        "@page{size:A4;margin:0}"
        "*{box-sizing:border-box}"
        # No ligatures: text copied or read aloud from the PDF keeps its letters ("fi", not "ﬁ").
        'html{font-family:"Leaflet Sans",sans-serif;font-variant-ligatures:none;color:#1a1a1a;background:#e8e8e8;'
        "line-height:1.32}"
        "body{margin:0}"
        ".bar{display:flex;gap:1.5em;justify-content:center;padding:.8em;background:#fff;font-size:1rem}"
        ".bar a{color:#0b4a8b}"
        ".sheet{width:210mm;min-height:297mm;margin:1em auto;padding:12mm 15mm;background:#fff;"
        "font-size:9.5pt;display:flex;flex-direction:column}"
        ".masthead{border-left:3mm solid #0b4a8b;padding-left:6mm;margin-bottom:4mm}"
        ".acronym{font-size:26pt;font-weight:700;color:#0b4a8b;margin:0}"
        "h1{font-size:12pt;margin:1mm 0 3mm}"
        "h2{font-size:12pt;color:#0b4a8b;margin:4mm 0 2mm;border-bottom:.3mm solid #0b4a8b}"
        ".purpose{font-size:10.5pt;margin:0 0 2mm}.state{margin:0}"
        "ul{margin:0;padding-left:5mm}li{margin:0 0 1.2mm}"
        ".packages li strong{display:block}"
        ".map{margin:0 0 3mm;text-align:center}.map svg{width:100%;height:auto;max-height:85mm}"
        ".funding{margin-top:auto;padding-top:4mm;border-top:.3mm solid #999;font-size:8pt}"
        ".statement{display:flex;align-items:center;gap:4mm;font-size:10pt;font-weight:700;margin:0 0 2mm}"
        ".statement svg{width:27mm;height:18mm;flex:none}"
        ".disclaimer,.project-number{margin:0 0 1mm}"
        "a{color:#0b4a8b}"
        "@media screen and (max-width:220mm){.sheet{width:auto;min-height:0;margin:0 0 1em;padding:6mm}}"
        "@media print{html{background:#fff}.bar{display:none}.sheet{margin:0;break-after:page;min-height:296mm}"
        ".sheet:last-child{break-after:auto}}"
    )
