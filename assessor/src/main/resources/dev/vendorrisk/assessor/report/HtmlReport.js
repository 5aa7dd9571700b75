"use strict";
(function () {
  function key(cell) {
    if (!cell) { return ""; }
    var v = cell.getAttribute("data-v");
    if (v !== null) { return v === "" ? -Infinity : parseFloat(v); }
    var text = cell.textContent.trim();
    var n = text.replace(/[,%\s]/g, "");
    return n !== "" && isFinite(n) ? parseFloat(n) : text.toLowerCase();
  }
  function sortBy(table, th, index) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var down = th.getAttribute("aria-sort") !== "descending";
    rows.sort(function (a, b) {
      var x = key(a.cells[index]), y = key(b.cells[index]);
      var c = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
      return down ? -c : c;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", down ? "descending" : "ascending");
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.classList.add("sortable");
      th.title = "Sort by this column";
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, th, index); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortBy(table, th, index); } });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("table[data-filter]"), function (table) {
    if (!table.tBodies.length) { return; }
    var input = document.createElement("input");
    input.type = "search";
    input.className = "filter";
    input.placeholder = table.getAttribute("data-filter");
    input.setAttribute("aria-label", table.getAttribute("data-filter"));
    var texts = null;
    input.addEventListener("input", function () {
      var rows = table.tBodies[0].rows;
      if (texts === null) {
        texts = new Map();
        Array.prototype.forEach.call(rows, function (r) { texts.set(r, r.textContent.toLowerCase()); });
      }
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(rows, function (r) { r.hidden = q !== "" && texts.get(r).indexOf(q) < 0; });
    });
    var holder = table.parentNode.classList.contains("wide") ? table.parentNode : table;
    holder.parentNode.insertBefore(input, holder);
  });
})();
