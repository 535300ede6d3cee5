/* Search in the visitor's language (overrides/partials/cisotra-search.html).

   The build wrote one index per language (hooks/cisotra/searchindex.py); this script opens
   the one of the page's own language (<html lang>), so results are in the visitor's
   language. Nothing is fetched until the dialog is first opened, and then only what a
   query needs (assets/javascripts/cisotra-search-index.js). Every keystroke ends in
   results, "nothing found", a request for one more letter, or, when a file could not be
   fetched, a message saying so; the next keystroke tries again. */
(function () {
  "use strict";

  var dialog = document.getElementById("cisotra-search");
  var opener = document.querySelector(".cisotra-search__open");
  if (!dialog || !opener || typeof dialog.showModal !== "function") { return; }

  var input = dialog.querySelector(".cisotra-search__input");
  var status = dialog.querySelector(".cisotra-search__status");
  var list = dialog.querySelector(".cisotra-search__results");
  var rules = JSON.parse(dialog.getAttribute("data-rules") || "{}");
  var forms = JSON.parse(dialog.getAttribute("data-results") || "{}");
  var lang = document.documentElement.lang;
  var plural = new Intl.PluralRules(lang);
  var indexes = new URL(dialog.getAttribute("data-index"), document.baseURI);
  var root = new URL("../", indexes);  // results are paths from the site's root, which may be a sub-path
  var index = null;
  var latest = 0;
  var limits = rules.limits;
  var QUOTED = 40; // characters of the query the "nothing found" sentence repeats (it is read aloud)

  // A sentence of data/strings with its {placeholders} filled (a function, so that "$&" in a
  // query is taken as typed).
  function text(name, values) {
    var found = dialog.getAttribute("data-" + name);
    Object.keys(values || {}).forEach(function (key) {
      found = found.replace("{" + key + "}", function () { return String(values[key]); });
    });
    return found;
  }

  // The index is opened once; if that fails, the next keystroke tries again. Chromium keeps a
  // module whose fetch failed as failed at its address for the page's life, so each new try
  // asks at an address of its own (?attempt=1, 2 …).
  var attempts = 0;
  function load() {
    if (!index) {
      status.textContent = text("loading");
      var engine = new URL(dialog.getAttribute("data-engine"), document.baseURI);
      if (attempts) { engine.searchParams.set("attempt", String(attempts)); }
      index = import(engine.href).then(function (module) {
        return module.open(indexes, lang, rules, new URL(dialog.getAttribute("data-stemmers"), document.baseURI));
      });
      index.then(function () { status.textContent = ""; }, function (error) {
        index = null;
        attempts += 1;
        failed(error);
      });
    }
    return index;
  }

  // What the visitor is told when a file could not be fetched: an index the build did not
  // write (a copy of the site without it), or a network that failed.
  function failed(error) {
    list.replaceChildren();
    status.textContent = error && error.status === 404 && !index ? text("unavailable") : text("failed");
  }

  function quoted(query) {
    var letters = Array.from(query);
    return letters.length > QUOTED ? letters.slice(0, QUOTED).join("").trim() + "…" : query;
  }

  function counted(count) {
    var form = forms[plural.select(count)] || forms.other;
    return form.replace("{count}", count.toLocaleString(lang));
  }

  function item(shown) {
    var li = document.createElement("li");
    li.className = "cisotra-search__result";
    var link = document.createElement("a");
    link.href = new URL(shown.path, root).href;
    link.textContent = shown.title || shown.path;
    li.appendChild(link);
    if (shown.heading && shown.heading !== shown.title) {
      var where = document.createElement("p");
      where.className = "cisotra-search__section";
      var jump = document.createElement("a");
      jump.href = new URL(shown.path + (shown.anchor ? "#" + shown.anchor : ""), root).href;
      jump.textContent = shown.heading;
      where.appendChild(jump);
      li.appendChild(where);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "cisotra-search__excerpt";
    // Text from the index goes in as text: the matched words in <mark>, nothing parsed as HTML.
    shown.parts.forEach(function (part) {
      if (part[1]) {
        var mark = document.createElement("mark");
        mark.textContent = part[0];
        excerpt.appendChild(mark);
      } else {
        excerpt.appendChild(document.createTextNode(part[0]));
      }
    });
    li.appendChild(excerpt);
    return li;
  }

  // The status line, read aloud: one or two short sentences.
  function say(first, found) {
    var sentences = [first];
    if (found.more && found.total) { sentences.push(text("more", { prefix: found.more })); }
    if (found.cut) { sentences.push(text("shortened", { words: limits.words, characters: limits.characters })); }
    status.textContent = sentences.join(" ");
  }

  function search() {
    var query = input.value;
    var ticket = ++latest;
    if (!query.trim()) { list.replaceChildren(); status.textContent = ""; return; }
    load().then(function (opened) {
      return opened.search(query).then(function (found) {
        if (ticket !== latest) { return null; }  // a newer query has been typed since
        if (!found.total) {
          list.replaceChildren();  // the previous keystroke's results are not this query's
          if (found.more) {
            say(text("more", { prefix: found.more }), found);
          } else {
            say(text("none", { query: quoted(query.trim()) }), found);
          }
          return null;
        }
        // Each result is a small file; all are fetched at once and shown in order as they
        // come, so the first result does not wait for the eighth.
        var loading = found.results.slice(0, limits.shown).map(function (number) { return opened.page(number); });
        return loading.reduce(function (shown, page, position) {
          return shown.then(function () { return page; }).then(function (data) {
            if (ticket !== latest) { return; }
            var entry = item(opened.describe(data, found.marks));
            if (position === 0) {
              list.replaceChildren(entry);
              say(counted(found.total), found);
            } else {
              list.appendChild(entry);
            }
          });
        }, Promise.resolve());
      });
    }).catch(function (error) {
      if (ticket === latest && index) { failed(error); }
    });
  }

  opener.hidden = false;
  opener.addEventListener("click", function () {
    dialog.showModal();
    input.focus();
    load();
  });
  dialog.querySelector(".cisotra-search__close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) { dialog.close(); }  // a click on the backdrop
  });
  dialog.addEventListener("close", function () { opener.focus(); });
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); search(); }
    // A search field clears itself on Escape; here Escape closes the dialog at once.
    if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
  });
})();
