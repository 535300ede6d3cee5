"""The filter forms above generated lists (the timeline, the results library).

The form is shown only where scripts run (the stylesheet hides it unless the page's head
marked <html> with `cisotra-js`), since without the filter script
(docs/assets/javascripts/cisotra-timeline.js) the selects would do nothing; the list itself
is complete without it. Shown from the first paint, it pushes nothing down when the script
arrives.
"""

from __future__ import annotations

from html import escape

from .context import Context


def filter_select(name: str, label_html: str, options: list[tuple[str, str]], ctx: Context) -> str:
    """A labelled select whose first choice, the empty value, shows everything."""
    choices = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
    return (
        f'<div class="cisotra-filter"><label for="filter-{name}">{label_html}</label>'
        f'<select id="filter-{name}" data-filter="{name}"><option value="">{ctx.html("timeline.filter_all")}</option>{choices}</select></div>'
    )


def filter_form(selects: list[str], legend_html: str, status_html: str, ctx: Context, items: str = "") -> str:
    """The form around `selects`, with a reset button and a live region that says how many are shown.

    `items` is the CSS selector of the list's entries when it is not the timeline's.
    """
    items_attribute = f' data-items="{escape(items)}"' if items else ""
    return (
        f'<form class="cisotra-timeline-filters"{items_attribute} data-status="{status_html}">\n'
        f"<fieldset><legend>{legend_html}</legend>\n"
        + "".join(selects)
        + f'<button type="reset" class="cisotra-button">{ctx.html("timeline.filter_reset")}</button>\n'
        "</fieldset>\n"
        '<p class="cisotra-timeline-filters__status" role="status" aria-live="polite"></p>\n'
        "</form>"
    )
