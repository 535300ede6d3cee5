"""How to reach the project, from data/project.yml and the coordinator in data/partners.yml.

The contact page and the leaflet show the same lines. Until the consortium fills in an
e-mail or postal address, they say so instead of showing an invented one.
"""

from __future__ import annotations

from html import escape

from .consortium import Consortium
from .context import Context


def contact_lines(consortium: Consortium, ctx: Context, website: str | None = None) -> list[str]:
    """HTML lines: the coordinator, the website (when given, for print), the e-mail and postal address."""
    facts = consortium.facts
    coordinator = consortium.coordinator
    name = coordinator.full_name(ctx.code, ctx.default_code) or coordinator.acronym
    lines = [
        escape(
            ctx.text(
                "leaflet.coordinator", partner=f"{name} ({coordinator.acronym}), {coordinator.city.names[ctx.code]}"
            )
        )
    ]
    if website:
        lines.append(f'{ctx.html("leaflet.website")}: <a href="{escape(website)}">{escape(website)}</a>')
    if facts.email:
        lines.append(f'{ctx.html("leaflet.email")}: <a href="mailto:{escape(facts.email)}">{escape(facts.email)}</a>')
    if facts.postal_address:
        lines.append(escape(facts.postal_address))
    if not (facts.email or facts.postal_address):
        lines.append(ctx.html("contact.none"))
    return lines


def render_contact(consortium: Consortium, ctx: Context) -> str:
    return '<p class="cisotra-contact">' + "<br>".join(contact_lines(consortium, ctx)) + "</p>"
