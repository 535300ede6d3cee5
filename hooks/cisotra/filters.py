"""The filter forms above generated lists (the timeline, the results library).

The form is shown only where scripts run (the stylesheet hides it unless the page's head
marked <html> with `cisotra-js`), since without the filter script
(docs/assets/javascripts/cisotra-timeline.js) the selects would do nothing; the list itself
is complete without it. Shown from the first paint, it pushes nothing down when the script
arrives.
"""

from __future__ import annotations

from markupsafe import Markup

from .context import Context
from .render import html

# (name, label, [(value, text)]): one select; its first choice, the empty value, shows everything.
Select = tuple[str, str, list[tuple[str, str]]]


def filter_form(ctx: Context, selects: list[Select], legend: str, status: str, items: str = "") -> Markup:
    """The form with `selects`, a reset button and a live region saying how many entries are shown.

    `status` is the live region's sentence, with {shown} and {total} for the script to fill;
    `items` is the CSS selector of the list's entries when it is not the timeline's.
    """
    return html("filters.html", ctx=ctx, selects=selects, legend=legend, status=status, items=items)
