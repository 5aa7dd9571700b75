"use strict";
(function () {
  // Work on load is only marking the headers and adding the filter boxes; sort keys and filter texts are
  // computed on first use, so a page with thousands of rows opens as fast as without the script.
  // A "table-group" is one logical table written as several tables of the same columns (the services table
  // of a big portfolio): sorting and filtering act on all its rows, and each table keeps its number of rows.
  var collator = new Intl.Collator("en");
  function key(cell) {
    if (!cell) { return ""; }
    var v = cell.getAttribute("data-v");
    if (v !== null) { return v === "" ? -Infinity : parseFloat(v); }
    var text = cell.textContent.trim();
    var n = text.replace(/[,%\s]/g, "");
    return n !== "" && isFinite(n) ? parseFloat(n) : text.toLowerCase();
  }
  function compare(x, y) {
    if (typeof x === "number" && typeof y === "number") { return x === y ? 0 : (x < y ? -1 : 1); }
    return collator.compare(String(x), String(y));
  }
  function tablesOf(table) {
    var group = table.closest(".table-group");
    return group ? Array.prototype.slice.call(group.querySelectorAll("table")) : [table];
  }
  function sortBy(table, index) {
    var tables = tablesOf(table);
    var down = table.tHead.rows[0].cells[index].getAttribute("aria-sort") !== "descending";
    var rows = [];
    var sizes = tables.map(function (t) {
      Array.prototype.forEach.call(t.tBodies[0].rows, function (r) { rows.push({ row: r, key: key(r.cells[index]) }); });
      return t.tBodies[0].rows.length;
    });
    rows.sort(function (a, b) { var c = compare(a.key, b.key); return down ? -c : c; });
    var next = 0;
    tables.forEach(function (t, n) {
      Array.prototype.forEach.call(t.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
      t.tHead.rows[0].cells[index].setAttribute("aria-sort", down ? "descending" : "ascending");
      var frag = document.createDocumentFragment();
      for (var i = 0; i < sizes[n]; i++) { frag.appendChild(rows[next++].row); }
      t.tBodies[0].appendChild(frag);
    });
    showParts(table.closest(".table-group"));
  }
  // a table of a group with no row left by the filter is hidden (else it would keep its height)
  function showParts(group) {
    if (!group) { return; }
    Array.prototype.forEach.call(group.querySelectorAll("table"), function (t) {
      var part = t.parentNode === group ? t : t.parentNode;
      part.hidden = !Array.prototype.some.call(t.tBodies[0].rows, function (r) { return !r.hidden; });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.classList.add("sortable");
      th.title = "Sort by this column";
      th.tabIndex = 0;
    });
  });
  function onHeader(e) {
    if (e.type === "keydown" && e.key !== "Enter") { return; }
    var th = e.target.closest ? e.target.closest("th.sortable") : null;
    var table = th ? th.closest("table") : null;
    if (table && table.tBodies.length && th.parentNode === table.tHead.rows[0]) { sortBy(table, th.cellIndex); }
  }
  document.addEventListener("click", onHeader);
  document.addEventListener("keydown", onHeader);
  Array.prototype.forEach.call(document.querySelectorAll("table[data-filter], .table-group[data-filter]"), function (el) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "filter";
    input.placeholder = el.getAttribute("data-filter");
    input.setAttribute("aria-label", el.getAttribute("data-filter"));
    var texts = null;
    input.addEventListener("input", function () {
      var rows = el.querySelectorAll("tbody > tr");
      if (texts === null) {
        texts = new Map();
        Array.prototype.forEach.call(rows, function (r) { texts.set(r, r.textContent.toLowerCase()); });
      }
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(rows, function (r) {
        var hide = q !== "" && texts.get(r).indexOf(q) < 0;
        if (r.hidden !== hide) { r.hidden = hide; }
      });
      showParts(el.classList.contains("table-group") ? el : null);
    });
    var holder = el.tagName === "TABLE" && el.parentNode.classList.contains("wide") ? el.parentNode : el;
    holder.parentNode.insertBefore(input, holder);
  });
})();
