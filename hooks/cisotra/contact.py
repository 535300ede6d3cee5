"""How to reach the project, from data/project.yml and the coordinator in data/partners.yml.

The contact page and the leaflet show the same lines (templates/contact.html). Until the
consortium fills in an e-mail or postal address, they say so instead of showing an
invented one.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .consortium import Consortium
from .context import Context
from .render import html


@dataclass(frozen=True)
class Contact:
    coordinator: str  # 'Full name (ACRONYM), City'
    website: str | None
    email: str | None
    postal_address: str | None


def contact(consortium: Consortium, ctx: Context, website: str | None = None) -> Contact:
    """The coordinator, the website (when given, for print), the e-mail and postal address."""
    facts = consortium.facts
    coordinator = consortium.coordinator
    name = coordinator.full_name(ctx.code, ctx.default_code) or coordinator.acronym
    return Contact(
        f"{name} ({coordinator.acronym}), {coordinator.city.names[ctx.code]}",
        website,
        facts.email,
        facts.postal_address,
    )


def render_contact(
    consortium: Consortium, ctx: Context, website: str | None = None, css_class: str = "cisotra-contact"
) -> Markup:
    return html("contact.html", ctx=ctx, contact=contact(consortium, ctx, website), css_class=css_class)
