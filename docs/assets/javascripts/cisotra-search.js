/* Search in the visitor's language (overrides/partials/cisotra-search.html).

   Pagefind made one index per language from the built pages; its script loads the index
   of the page's own language (<html lang>), so results are in the visitor's language.
   Nothing is fetched until the dialog is first opened. A Slovenian query is stemmed here
   with the rules the build wrote into data-rules (hooks/cisotra/search.py), because
   Pagefind has no Slovenian stemmer; its index matches word beginnings. */
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
  var bundle = new URL(dialog.getAttribute("data-bundle"), document.baseURI);
  var pagefind = null;
  var latest = 0;
  var SHOWN = 8;

  function load() {
    if (!pagefind) {
      status.textContent = dialog.getAttribute("data-loading");
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (module) {
        // Results are addresses from the site's root, which may be a sub-path (/cisotra/).
        return module.options({ baseUrl: new URL("../", bundle).pathname }).then(function () { return module; });
      });
      pagefind.then(function () { status.textContent = ""; }, function () {
        status.textContent = dialog.getAttribute("data-unavailable");
      });
    }
    return pagefind;
  }

  function stem(word) {
    var suffixes = rules.stem.suffixes;
    var lower = word.toLocaleLowerCase(lang);
    for (var i = 0; i < suffixes.length; i += 1) {
      var suffix = suffixes[i];
      if (lower.length - suffix.length >= rules.stem.min && lower.slice(-suffix.length) === suffix) {
        return lower.slice(0, -suffix.length);
      }
    }
    return lower;
  }

  function prepare(query) {
    if (!rules.stem) { return query; }
    return query.split(/\s+/).filter(Boolean).map(stem).join(" ");
  }

  function counted(count) {
    var text = forms[plural.select(count)] || forms.other;
    return text.replace("{count}", count.toLocaleString(lang));
  }

  function item(result) {
    var li = document.createElement("li");
    li.className = "cisotra-search__result";
    var link = document.createElement("a");
    link.href = result.url;
    link.textContent = (result.meta && result.meta.title) || result.url;
    li.appendChild(link);
    var section = (result.sub_results || []).filter(function (sub) {
      return sub.title && sub.title !== link.textContent;
    })[0];
    if (section) {
      var where = document.createElement("p");
      where.className = "cisotra-search__section";
      var jump = document.createElement("a");
      jump.href = section.url;
      jump.textContent = section.title;
      where.appendChild(jump);
      li.appendChild(where);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "cisotra-search__excerpt";
    excerpt.append.apply(excerpt, marked((section && section.excerpt) || result.excerpt || ""));
    li.appendChild(excerpt);
    return li;
  }

  // An excerpt is text with <mark> around the matched words; only those two kinds of node
  // are copied into the page, whatever else the string might hold.
  function marked(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    return Array.prototype.map.call(parsed.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent);
    });
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) { list.replaceChildren(); status.textContent = ""; return; }
    load().then(function (module) {
      return module.search(prepare(query));
    }).then(function (found) {
      if (!found || ticket !== latest) { return null; }  // a newer query has been typed since
      // The first results come first: each one is a small file to fetch.
      return Promise.all(found.results.slice(0, SHOWN).map(function (result) { return result.data(); })).then(function (data) {
        if (ticket !== latest) { return; }
        list.replaceChildren.apply(list, data.map(item));
        status.textContent = found.results.length
          ? counted(found.results.length)
          : dialog.getAttribute("data-none").replace("{query}", query);
      });
    }).catch(function () {
      status.textContent = dialog.getAttribute("data-unavailable");
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
