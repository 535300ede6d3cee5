"""Whether a page fits the screen it is shown on, measured in the browser.

Something is cut when it reaches beyond a box that clips or scrolls its content sideways (a
table wider than its box, a heading wider than its column), or when the page itself is wider
than the screen. Not counted: what is hidden, text cut on purpose with an ellipsis (the theme's
titles in the header and menu, shown whole elsewhere), text for screen readers only (clipped
to nothing), and, where allowed, a box made to scroll: focusable and named, so it is reached
and scrolled with the keyboard as well as by touch (the indicators' tables on a phone).
"""

from __future__ import annotations

# Returns one line per cut: the box, its widths, and up to three of the things it cuts.
_CUT_PARTS = """
(scrollBoxesAllowed) => {
  const shown = (element) => element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const clips = (style) => style.overflowX !== "visible";
  const named = (node) => {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const classes = typeof element.className === "string" ? element.className.trim().split(/\\s+/).filter(Boolean) : [];
    return [element.tagName.toLowerCase(), ...classes].join(".") + ` «${node.textContent.trim().slice(0, 40)}»`;
  };
  // What inside `box` reaches beyond its visible width: elements, and text (a word wider than its cell).
  const beyond = (box) => {
    const left = box.getBoundingClientRect().left + box.clientLeft;
    const right = left + box.clientWidth;
    const found = [];
    const visit = (parent) => {
      for (const node of parent.childNodes) {
        const element = node.nodeType === Node.ELEMENT_NODE && shown(node);
        const text = node.nodeType === Node.TEXT_NODE && node.textContent.trim();
        if (!element && !text) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const edges = element ? node.getBoundingClientRect() : range.getBoundingClientRect();
        if (edges.width > 0 && (edges.right > right + 1 || edges.left < left - 1)) {
          found.push(`${named(node)} at ${Math.round(edges.left)}–${Math.round(edges.right)} px`);
        }
        // A box inside this one that clips its own content is checked on its own.
        if (element && !clips(getComputedStyle(node))) visit(node);
      }
    };
    visit(box);
    return found;
  };
  const cuts = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) {
    cuts.push(`the page is ${page.scrollWidth} px wide on a ${page.clientWidth} px screen`);
  }
  for (const box of document.querySelectorAll("body, body *")) {
    if (box.clientWidth === 0 || box.scrollWidth <= box.clientWidth + 1 || !shown(box)) continue;
    const style = getComputedStyle(box);
    if (!clips(style) || style.textOverflow === "ellipsis" || style.clip !== "auto") continue;
    const scrolls = style.overflowX === "auto" || style.overflowX === "scroll";
    const reachable = box.tabIndex >= 0 && (box.hasAttribute("aria-label") || box.hasAttribute("aria-labelledby"));
    if (scrollBoxesAllowed && scrolls && reachable) continue;
    const cut = beyond(box);
    if (cut.length) {
      const left = Math.round(box.getBoundingClientRect().left + box.clientLeft);
      cuts.push(`${named(box)}: ${box.scrollWidth} px of content in ${box.clientWidth} px `
        + `(${left}–${left + box.clientWidth} px) cuts ${cut.slice(0, 3).join("; ")}`);
    }
  }
  return cuts;
}
"""


def cut_parts(page, scroll_boxes_allowed: bool) -> list[str]:
    """What the page cuts at its present size; `scroll_boxes_allowed`: a focusable, named box may scroll."""
    return page.evaluate(_CUT_PARTS, scroll_boxes_allowed)
