(function () {
  "use strict";
  function openTo(id) {
    var el = document.getElementById(id);
    if (!el) { return; }
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
    el.scrollIntoView({block: "center"});
  }
  function onHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id) { openTo(id); }
  }
  window.addEventListener("hashchange", onHash);
  document.addEventListener("DOMContentLoaded", onHash);
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-toggle-all]");
    if (!button) { return; }
    var open = button.getAttribute("data-toggle-all") === "open";
    var scope = button.closest("section") || document;
    scope.querySelectorAll("details:not(.text)").forEach(function (d) { d.open = open; });
  });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    document.querySelectorAll("details:not([open]):not(.text)").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
