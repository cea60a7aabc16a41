/* Kizuna graph viewer: our own controls around vis-network (no pyvis menus).
 * Every string from the news goes into the DOM through textContent, never innerHTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var lang = "ja";
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  function el(tag, text, attrs) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) { x.textContent = String(text); }
    if (attrs) { Object.keys(attrs).forEach(function (k) { x.setAttribute(k, attrs[k]); }); }
    return x;
  }
  function $(id) { return document.getElementById(id); }
  function label(n) { return lang === "ja" ? (n.label_ja || n.label_en || n.id) : (n.label_en || n.label_ja || n.id); }
  function tr(table, key) { var t = table[key] || {}; return (lang === "ja" ? t.ja : t.en) || key; }
  function norm(s) { return String(s || "").normalize("NFKC").toLowerCase().replace(/[\s・]/g, ""); }
  function safeUrl(u) {
    try { var p = new URL(u); return (p.protocol === "http:" || p.protocol === "https:") ? p.href : null; }
    catch (err) { return null; }
  }
  function bounds(d) {
    d = String(d).slice(0, 10);
    if (d.length === 4) { return [d + "-01-01", d + "-12-31"]; }
    if (d.length === 7) { return [d + "-01", d + "-31"]; }
    return [d, d];
  }
  function overlaps(d, since, until) {
    if (!since && !until) { return true; }
    if (!d) { return false; }
    var b = bounds(d);
    if (since && b[1] < bounds(since)[0]) { return false; }
    return !(until && b[0] > bounds(until)[1]);
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var o = { id: n.id, label: label(n), value: n.size, shape: "dot",
              color: { background: data.classes[n.cls].color, border: "#333" } };
    if (n.x !== undefined) { o.x = n.x; o.y = n.y; }
    return o;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, width: e.width,
             color: { color: data.quads[e.quad].color, highlight: "#000" },
             arrows: e.symmetric ? "" : "to",
             smooth: e.curve ? { enabled: true, type: e.curve[0], roundness: e.curve[1] } : { enabled: false } };
  }));
  var precomputed = data.meta.precomputed;
  var options = {
    nodes: { scaling: { min: 8, max: 40, label: { enabled: false } }, font: { size: 14 } },
    edges: { selectionWidth: 2 },
    interaction: { hover: true, tooltipDelay: 200 },
    physics: precomputed ? false : {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 120 },
      stabilization: { enabled: true, iterations: data.meta.iterations, updateInterval: 50, fit: true }
    },
    layout: { randomSeed: 42, improvedLayout: data.nodes.length <= 150 }
  };
  var network = new vis.Network($("kg-network"), { nodes: nodes, edges: edges }, options);
  window.network = network;
  window.nodes = nodes;
  window.edges = edges;

  var viewer = { ready: false, stabilizedAt: null, startedAt: performance.now() };
  window.kgViewer = viewer;
  function markReady() {
    if (viewer.ready) { return; }
    viewer.ready = true;
    viewer.stabilizedAt = performance.now();
    document.body.setAttribute("data-ready", "1");
  }
  if (precomputed) {
    network.once("afterDrawing", function () { network.fit(); markReady(); });
  } else {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      markReady();
    });
  }

  /* ---------- filters ---------- */
  function checkboxes(box, keys, table, swatch) {
    box.textContent = "";
    keys.forEach(function (k) {
      var lab = el("label");
      var cb = el("input", null, { type: "checkbox", value: k, "data-key": k });
      cb.checked = true;
      cb.addEventListener("change", applyFilters);
      lab.appendChild(cb);
      if (swatch) { lab.appendChild(el("span", null, { "class": "kg-swatch", style: "background:" + swatch(k) })); }
      lab.appendChild(document.createTextNode(" " + tr(table, k)));
      box.appendChild(lab);
    });
  }
  function checked(box) {
    var on = {};
    box.querySelectorAll("input[type=checkbox]").forEach(function (c) { if (c.checked) { on[c.value] = true; } });
    return on;
  }
  function applyFilters() {
    var cls = checked($("kg-class-filter"));
    var types = checked($("kg-type-filter"));
    var since = $("kg-since").value.trim(), until = $("kg-until").value.trim();
    var shownNode = {};
    nodes.update(data.nodes.map(function (n) {
      shownNode[n.id] = !!cls[n.cls];
      return { id: n.id, hidden: !cls[n.cls] };
    }));
    var nE = 0;
    edges.update(data.edges.map(function (e) {
      var ok = shownNode[e.from] && shownNode[e.to] && !!types[e.type] &&
        (e.dates.length ? e.dates.some(function (d) { return overlaps(d, since, until); }) : !(since || until));
      if (ok) { nE += 1; }
      return { id: e.id, hidden: !ok };
    }));
    var nN = data.nodes.filter(function (n) { return shownNode[n.id]; }).length;
    $("kg-status").textContent = (lang === "ja" ? "表示: 主体 " : "Showing actors ") + nN + "/" + data.nodes.length +
      (lang === "ja" ? "、関係 " : ", ties ") + nE + "/" + data.edges.length;
    viewer.visible = { nodes: nN, edges: nE };
  }
  viewer.applyFilters = applyFilters;

  function legend() {
    var box = $("kg-legend");
    box.textContent = "";
    Object.keys(data.quads).forEach(function (q) {
      var row = el("div");
      row.appendChild(el("span", null, { "class": "kg-line", style: "background:" + data.quads[q].color }));
      row.appendChild(document.createTextNode(tr(data.quads, q)));
      box.appendChild(row);
    });
    box.appendChild(el("div", lang === "ja" ? "円の大きさ = PageRank、色 = 分類" : "Node size = PageRank, colour = class"));
  }

  /* ---------- search ---------- */
  function search(q) {
    var key = norm(q), exact = [], part = [];
    if (!key) { return []; }
    data.nodes.forEach(function (n) {
      var names = [n.label_ja, n.label_en, n.id.split("/").pop()].concat(n.alt || []).filter(Boolean).map(norm);
      if (names.indexOf(key) >= 0) { exact.push(n); }
      else if (names.some(function (s) { return s.indexOf(key) >= 0; })) { part.push(n); }
    });
    return exact.concat(part);
  }
  function runSearch() {
    var found = search($("kg-search").value);
    var list = $("kg-results");
    list.textContent = "";
    found.slice(0, 20).forEach(function (n) {
      var li = el("li"), b = el("button", label(n), { type: "button", "data-id": n.id });
      b.addEventListener("click", function () { focusNode(n.id); });
      li.appendChild(b);
      list.appendChild(li);
    });
    if (!found.length) { list.appendChild(el("li", lang === "ja" ? "該当なし" : "No match")); }
    else { focusNode(found[0].id); }
    return found.map(function (n) { return n.id; });
  }
  viewer.search = function (q) { $("kg-search").value = q; return runSearch(); };
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showNode(id);
  }

  /* ---------- side panel ---------- */
  function evidenceList(box, e) {
    (e.evidence || []).forEach(function (x) {
      var d = el("div", null, { "class": "kg-ev" });
      if (x.text) { d.appendChild(el("q", x.text)); }
      var src = el("div", null, { "class": "kg-src" });
      src.appendChild(document.createTextNode((x.date || "") + " "));
      var url = safeUrl(x.url);
      var name = x.title || x.doc_id || x.url || "";
      if (url) {
        var a = el("a", name, { href: url, target: "_blank", rel: "noopener noreferrer" });
        src.appendChild(a);
      } else {
        src.appendChild(document.createTextNode(name));
      }
      if (x.doc_id && x.title) { src.appendChild(document.createTextNode(" (" + x.doc_id + ")")); }
      d.appendChild(src);
      box.appendChild(d);
    });
    if (e.more) { box.appendChild(el("p", "… +" + e.more)); }
  }
  function edgeBlock(box, e, heading) {
    box.appendChild(el("h3", heading));
    box.appendChild(el("div", tr(data.quads, e.quad) + " · " + (lang === "ja" ? "件数 " : "events ") + e.weight +
      (e.dates.length ? " · " + e.dates.join(", ") : "")));
    evidenceList(box, e);
  }
  function openPanel() {
    var body = $("kg-panel-body");
    body.textContent = "";
    $("kg-panel").hidden = false;
    return body;
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) { return; }
    var body = openPanel();
    body.setAttribute("data-kind", "node");
    body.appendChild(el("h2", label(n)));
    var other = lang === "ja" ? n.label_en : n.label_ja;
    if (other) { body.appendChild(el("div", other)); }
    body.appendChild(el("div", tr(data.classes, n.cls) + (n.subclass && n.subclass !== n.cls ? " / " + n.subclass : "") +
      " · PageRank " + n.pagerank.toFixed(4)));
    data.edges.filter(function (e) { return e.from === id || e.to === id; }).forEach(function (e) {
      var partner = byId[e.from === id ? e.to : e.from];
      var arrow = e.symmetric ? " ↔ " : (e.from === id ? " → " : " ← ");
      edgeBlock(body, e, tr(data.types, e.type) + arrow + label(partner));
    });
  }
  function showEdge(id) {
    var e = edgeById[id];
    if (!e) { return; }
    var body = openPanel();
    body.setAttribute("data-kind", "edge");
    body.appendChild(el("h2", label(byId[e.from]) + (e.symmetric ? " ↔ " : " → ") + label(byId[e.to])));
    edgeBlock(body, e, tr(data.types, e.type));
  }
  viewer.showNode = showNode;
  viewer.showEdge = showEdge;
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
  });
  $("kg-panel-close").addEventListener("click", function () { $("kg-panel").hidden = true; });

  /* ---------- language ---------- */
  function setLang(l) {
    lang = l === "en" ? "en" : "ja";
    document.documentElement.setAttribute("lang", lang);
    nodes.update(data.nodes.map(function (n) { return { id: n.id, label: label(n) }; }));
    var ck = { cls: checked($("kg-class-filter")), types: checked($("kg-type-filter")) };
    checkboxes($("kg-class-filter"), data.class_order, data.classes, function (k) { return data.classes[k].color; });
    checkboxes($("kg-type-filter"), data.type_order, data.types, null);
    [["kg-class-filter", ck.cls], ["kg-type-filter", ck.types]].forEach(function (p) {
      if (Object.keys(p[1]).length || initialised) {
        $(p[0]).querySelectorAll("input").forEach(function (c) { c.checked = !!p[1][c.value]; });
      }
    });
    legend();
    applyFilters();
  }
  var initialised = false;
  viewer.setLang = setLang;
  document.querySelectorAll("input[name=kg-lang]").forEach(function (r) {
    r.addEventListener("change", function () { if (r.checked) { setLang(r.value); } });
  });
  $("kg-search-go").addEventListener("click", runSearch);
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { runSearch(); } });
  $("kg-since").addEventListener("change", applyFilters);
  $("kg-until").addEventListener("change", applyFilters);
  $("kg-note").textContent = data.meta.note || "";
  setLang("ja");
  initialised = true;
})();
