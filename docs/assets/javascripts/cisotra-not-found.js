/* The site-wide 404 page (overrides/404.html) in the language of the address asked for.

   GitHub Pages answers every missing address of the site with this one page, under the
   site's sub-path too. As built, it speaks every language, each block marked with its own.
   This script keeps the block of the language whose folder the address is in (the default
   language's at the site's root) and gives the page that language: its lang, its title,
   the footer, the search and the theme's words. It runs before the theme's and the search's
   scripts, which read the page's language when they start. Without it, every language stays. */
(function () {
  "use strict";

  // The block whose language's home is the longest beginning of the address: /cisotra/el/x/
  // begins with both /cisotra/ and /cisotra/el/, and is Greek.
  var asked = null;
  var longest = -1;
  document.querySelectorAll("section[data-cisotra-frame]").forEach(function (block) {
    var frame = JSON.parse(block.getAttribute("data-cisotra-frame"));
    var home = new URL(frame.home, document.baseURI).pathname;
    if (location.pathname.indexOf(home) === 0 && home.length > longest) {
      asked = { block: block, frame: frame };
      longest = home.length;
    }
  });
  if (!asked) { return; }  // an address outside the site

  var code = asked.block.getAttribute("data-cisotra-language");
  var frame = asked.frame;
  document.documentElement.lang = asked.block.lang;
  document.title = frame.title;
  document.querySelectorAll("[data-cisotra-language]").forEach(function (element) {
    element.hidden = element.getAttribute("data-cisotra-language") !== code;
  });
  document.querySelectorAll("[data-cisotra-every-language]").forEach(function (element) {
    element.hidden = true;
  });

  // The header's logo leads to this language's home page; the theme's words are this language's.
  document.querySelectorAll(".md-header a.md-logo").forEach(function (link) {
    link.href = frame.home;
  });
  var switcher = document.querySelector(".md-select > button");
  if (switcher) { switcher.setAttribute("aria-label", frame.theme["select.language"]); }
  var top = document.querySelector(".md-top");
  if (top) {
    top.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) { node.textContent = frame.theme.top; }
    });
  }

  // The search (overrides/partials/cisotra-search.html): this language's words, stemming and index.
  var search = frame.search;
  var dialog = document.getElementById("cisotra-search");
  var opener = document.querySelector(".cisotra-search__open");
  if (!dialog || !opener) { return; }
  dialog.setAttribute("data-rules", JSON.stringify(search.rules));
  dialog.setAttribute("data-results", JSON.stringify(search.results));
  dialog.setAttribute("data-none", search.none);
  dialog.setAttribute("data-loading", search.loading);
  dialog.setAttribute("data-unavailable", search.unavailable);
  dialog.querySelector("#cisotra-search-label").textContent = search.label;
  dialog.querySelector(".cisotra-search__input").placeholder = search.label;
  dialog.querySelector(".cisotra-search__close").textContent = search.close;
  dialog.querySelector(".cisotra-search__hint").textContent = search.hint;
  opener.title = search.open;
  opener.querySelector(".cisotra-visually-hidden").textContent = search.open;
})();
