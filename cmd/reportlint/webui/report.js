// reportlint results: sorting and filtering the overview, and moving
// between findings and the cells they name. Shared by the batch summary
// page (inlined) and the self-check page of reportlint serve (loaded from
// the server). It adds behaviour only: without it the page still reads,
// and every finding is still a link to its cell.
(function () {
  "use strict";

  function cellValue(td, num) {
    var s = td.textContent.trim();
    if (!num) return s;
    var n = parseFloat(s);
    return isNaN(n) ? -Infinity : n;
  }

  function sortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      th.title = "点击排序";
      th.addEventListener("click", function () {
        var num = th.getAttribute("data-type") === "num";
        var asc = !th.classList.contains("asc");
        Array.prototype.forEach.call(heads, function (h) { h.classList.remove("asc", "desc"); });
        th.classList.add(asc ? "asc" : "desc");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a.cells[col], num), y = cellValue(b.cells[col], num);
          var c = num ? x - y : String(x).localeCompare(String(y), "zh-CN");
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function reveal(el) {
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") p.open = true;
    }
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
    if (el.tabIndex >= 0 || el.hasAttribute("tabindex")) el.focus({ preventScroll: true });
  }

  function init(root) {
    root = root || document;
    Array.prototype.forEach.call(root.querySelectorAll("table.sortable"), sortable);
    Array.prototype.forEach.call(root.querySelectorAll("input.only-errors"), function (box) {
      var results = box.closest(".rl-results") || root;
      box.addEventListener("change", function () { results.classList.toggle("only", box.checked); });
    });
    root.addEventListener("click", function (ev) {
      var a = ev.target.closest && ev.target.closest("a.goto");
      if (a) {
        var t = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
        if (t) { ev.preventDefault(); reveal(t); }
        return;
      }
      var marked = ev.target.closest && ev.target.closest("[data-refs]");
      if (marked) {
        var f = document.getElementById(marked.getAttribute("data-refs").split(" ")[0]);
        if (f) reveal(f);
      }
    });
    root.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      var marked = ev.target.closest && ev.target.closest("[data-refs]");
      if (marked) {
        var f = document.getElementById(marked.getAttribute("data-refs").split(" ")[0]);
        if (f) reveal(f);
      }
    });
  }

  window.reportlintInit = init;
  if (document.body && document.body.classList.contains("rl-page")) init(document);
})();
