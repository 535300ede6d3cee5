/* Filters of the timeline and of the results. The page lists everything without
   JavaScript (the stylesheet shows the filter form only where scripts run); this hides
   what does not match. Native
   <select> elements keep it usable with keyboard and screen readers; the status line is
   a live region. The form names what it filters in data-items (a CSS selector). */
(function () {
  "use strict";

  function setUp(form) {
    var items = Array.prototype.slice.call(document.querySelectorAll(form.getAttribute("data-items") || ".cisotra-activity"));
    var lists = Array.prototype.slice.call(document.querySelectorAll("ol.cisotra-timeline[data-year]"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var status = form.querySelector("[role=status]");
    var template = form.getAttribute("data-status") || "{shown} / {total}";

    function apply() {
      var wanted = {};
      selects.forEach(function (select) { wanted[select.getAttribute("data-filter")] = select.value; });
      var shown = 0;
      items.forEach(function (item) {
        var visible = Object.keys(wanted).every(function (key) {
          return !wanted[key] || item.getAttribute("data-" + key) === wanted[key];
        });
        item.hidden = !visible;
        if (visible) { shown += 1; }
      });
      lists.forEach(function (list) {
        var empty = !list.querySelector(".cisotra-activity:not([hidden])");
        list.hidden = empty;
        var heading = document.getElementById("year-" + list.getAttribute("data-year"));
        if (heading) { heading.hidden = empty; }
      });
      status.textContent = template.replace("{shown}", shown).replace("{total}", items.length);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // A reset restores the selects after this event; filter once they have.
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.cisotra-timeline-filters"), setUp);
})();
