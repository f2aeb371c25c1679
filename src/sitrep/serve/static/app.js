/* sitrep serve: the map, the timeline, the incident panel and the document view.
 * Text from the store (articles, source names, links) is hostile: it is only ever inserted
 * with textContent, and links are kept only when they are http(s). */
(function () {
  "use strict";

  var API = "/api/v1";
  var MAX_POINTS = 2000;           // at most this many incidents drawn one by one; above: server clusters
  var FILTERS = ["since", "until", "country", "type", "min_killed", "disputed", "q"];
  var TYPES = {
    "Battles": "battles", "Explosions/Remote violence": "explosions",
    "Violence against civilians": "civilians", "Protests": "protests", "Riots": "riots",
    "Strategic developments": "strategic"
  };
  var COLOURS = {
    battles: "#c0392b", explosions: "#e67e22", civilians: "#8e44ad", protests: "#2980b9",
    riots: "#16a085", strategic: "#7f8c8d", other: "#34495e"
  };

  var state = readState();
  var map, points, clusterLayer, plot, loadToken = 0, lastTotal = 0, timer = null;

  // --- small DOM helpers ------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; }
      else if (key === "class") { node.className = attrs[key]; }
      else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function safeUrl(value) {
    if (typeof value !== "string") { return null; }
    try {
      var url = new URL(value, window.location.href);
      return (url.protocol === "http:" || url.protocol === "https:") ? url.href : null;
    } catch (e) { return null; }
  }

  function externalLink(url, label) {
    var href = safeUrl(url);
    if (!href || !/^https?:\/\//i.test(url)) { return el("span", {text: label || url || ""}); }
    return el("a", {href: href, target: "_blank", rel: "noopener noreferrer nofollow", text: label || url});
  }

  function typeClass(type) { return TYPES[type] || "other"; }

  function figure(value) { return value === null || value === undefined ? "?" : String(value); }

  // --- state in the URL -------------------------------------------------------------
  function readState() {
    var params = new URLSearchParams(window.location.search);
    var s = {filters: {}, view: null, incident: params.get("incident"), doc: params.get("doc")};
    FILTERS.forEach(function (name) { if (params.get(name)) { s.filters[name] = params.get(name); } });
    var view = (params.get("view") || "").split(",").map(Number);
    if (view.length === 3 && view.every(isFinite)) { s.view = view; }
    return s;
  }

  function writeState(replace) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) { if (state.filters[name]) { params.set(name, state.filters[name]); } });
    if (map) {
      var c = map.getCenter();
      params.set("view", [c.lat.toFixed(4), c.lng.toFixed(4), map.getZoom()].join(","));
    }
    if (state.incident) { params.set("incident", state.incident); }
    if (state.doc) { params.set("doc", state.doc); }
    var url = window.location.pathname + "?" + params.toString();
    if (replace) { history.replaceState(null, "", url); } else { history.pushState(null, "", url); }
  }

  function filterParams(extra, skip) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      if (state.filters[name] && !(skip && skip.indexOf(name) >= 0)) { params.set(name, state.filters[name]); }
    });
    Object.keys(extra || {}).forEach(function (key) { params.set(key, extra[key]); });
    return params.toString();
  }

  function getJSON(path) {
    return fetch(API + path, {headers: {"Accept": "application/json"}}).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          var message = body && body.error ? body.error.message : response.statusText;
          throw new Error(message);
        }
        return body;
      });
    });
  }

  function setStatus(text) { document.getElementById("status").textContent = text; }

  // --- the form ---------------------------------------------------------------------
  function fillForm() {
    var form = document.getElementById("filters");
    FILTERS.forEach(function (name) {
      var input = form.elements[name];
      if (input.type === "checkbox") { input.checked = state.filters[name] === "true"; }
      else { input.value = state.filters[name] || ""; }
    });
  }

  function initForm() {
    var form = document.getElementById("filters");
    fillForm();
    form.addEventListener("change", function () { readForm(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); readForm(form); });
    form.elements.q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { readForm(form); }, 350);
    });
    document.getElementById("reset").addEventListener("click", function () {
      form.reset();
      readForm(form);
    });
  }

  function readForm(form) {
    var filters = {};
    FILTERS.forEach(function (name) {
      var input = form.elements[name];
      var value = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
      if (value) { filters[name] = name === "country" ? value.toUpperCase() : value; }
    });
    if (JSON.stringify(filters) === JSON.stringify(state.filters)) { return; }
    state.filters = filters;
    writeState(false);
    reload();
  }

  // --- the map ----------------------------------------------------------------------
  function initMap() {
    map = L.map("map", {preferCanvas: false, worldCopyJump: true, minZoom: 1, maxZoom: 14});
    if (state.view) { map.setView([state.view[0], state.view[1]], state.view[2]); }
    else { map.setView([20, 20], 2); }
    var tiles = document.querySelector("meta[name=sitrep-tiles]").getAttribute("content");
    if (tiles) { L.tileLayer(tiles, {maxZoom: 18, attribution: ""}).addTo(map); }
    // light outlines for the world, the finer ones once zoomed in (fetched once, when first needed)
    var outlineScale = function () { return map.getZoom() >= 4 ? "50m" : "110m"; };
    drawCountries(outlineScale(), tiles);
    map.on("zoomend", function () { if (outlineScale() === "50m") { drawCountries("50m", tiles); } });
    points = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false,
                                   spiderfyOnMaxZoom: true, chunkedLoading: true}).addTo(map);
    clusterLayer = L.layerGroup().addTo(map);
    map.on("moveend", function () { writeState(true); loadMap(); });
  }

  var outlines = {layer: null, scale: null};

  function drawCountries(scale, tiles) {
    if (outlines.scale === scale || outlines.scale === "50m") { return; }
    outlines.scale = scale;
    fetch("/static/vendor/world-atlas/countries-" + scale + ".json").then(function (r) { return r.json(); })
      .then(function (topology) {
        if (outlines.scale !== scale) { return; }  // the finer outlines were asked for meanwhile
        var countries = topojson.feature(topology, topology.objects.countries);
        countries.features.forEach(unwrapAntimeridian);
        var layer = L.geoJSON(countries, {
          attribution: "Boundaries: Natural Earth (world-atlas)", interactive: false,
          style: {color: "#8a8f99", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: tiles ? 0.15 : 1}
        }).addTo(map).bringToBack();
        if (outlines.layer) { map.removeLayer(outlines.layer); }
        outlines.layer = layer;
        document.body.setAttribute("data-outlines", scale);
      });
  }

  function unwrapAntimeridian(feature) {
    // rings that cross 180 degrees are made continuous (170, 190 instead of 170, -170) so no
    // polygon is drawn as a band across the whole map
    var geometry = feature.geometry;
    if (!geometry) { return; }
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    polygons.forEach(function (polygon) {
      polygon.forEach(function (ring) {
        for (var i = 1; i < ring.length; i++) {
          var step = ring[i][0] - ring[i - 1][0];
          if (step > 180) { ring[i][0] -= 360; } else if (step < -180) { ring[i][0] += 360; }
        }
      });
    });
  }

  function bboxParam() {
    var b = map.getBounds();
    var west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    else {
      west = ((west + 180) % 360 + 360) % 360 - 180;
      east = ((east + 180) % 360 + 360) % 360 - 180;
    }
    var south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
    return [west, south, east, north].map(function (v) { return v.toFixed(4); }).join(",");
  }

  function loadMap() {
    // the grid says how many are in view; the points are drawn when few enough. When the last
    // view was sparse both are asked at once (one round trip), else the points only if needed.
    var token = ++loadToken;
    var bbox = bboxParam();
    var pointsUrl = "/incidents.geojson?" + filterParams({bbox: bbox, limit: MAX_POINTS});
    var early = lastTotal <= 4 * MAX_POINTS ? getJSON(pointsUrl) : null;
    if (early) { early.catch(function () { return null; }); }  // reported below if it is used
    setStatus("loading\u2026");
    getJSON("/clusters?" + filterParams({bbox: bbox, zoom: map.getZoom()})).then(function (grid) {
      if (token !== loadToken) { return null; }
      lastTotal = grid.total;
      if (grid.total > MAX_POINTS) { drawClusters(grid); return null; }
      return (early || getJSON(pointsUrl)).then(function (collection) {
        if (token === loadToken) { drawPoints(collection, grid.total); }
      });
    }).catch(function (error) { setStatus("error: " + error.message); });
  }

  function radius(killed) { return 5 + Math.min(25, 2.5 * Math.sqrt(killed || 0)); }

  function marker(feature) {
    var p = feature.properties, c = feature.geometry.coordinates;
    var colour = COLOURS[typeClass(p.event_type)];
    var precise = !p.precision || p.precision === 1;
    var layer = L.circleMarker([c[1], c[0]], {
      radius: radius(p.killed_best), color: colour, weight: precise ? 1 : 2.5,
      dashArray: p.precision === 3 ? "4 3" : null,
      fillColor: colour, fillOpacity: precise ? 0.7 : 0.08, className: "incident-marker"
    });
    var tip = el("div", {}, [
      el("strong", {text: (p.place || "?") + " \u2014 " + (p.date_start || "?")}), el("br"),
      (p.event_type || "?") + ": " + figure(p.killed_best) + " killed" + (p.disputed ? " (disputed)" : "")
        + (precise ? "" : p.precision === 2 ? " \u00b7 approximate place" : " \u00b7 region only")
    ]);
    layer.bindTooltip(tip);
    layer.on("click", function () { openIncident(p.id); });
    layer.incidentId = p.id;
    return layer;
  }

  function drawPoints(collection, total) {
    clusterLayer.clearLayers();
    points.clearLayers();
    points.addLayers(collection.features.map(marker));
    setStatus(total + " incident" + (total === 1 ? "" : "s") + " in view");
    document.body.setAttribute("data-markers", String(collection.features.length));
  }

  function drawClusters(grid) {
    points.clearLayers();
    clusterLayer.clearLayers();
    grid.clusters.forEach(function (cell) {
      var size = 22 + Math.min(30, 4 * Math.log(cell.count + 1));
      var label = el("div", {"class": "cluster-count", text: String(cell.count)});
      label.style.width = size + "px";
      label.style.height = size + "px";
      var icon = L.divIcon({html: label, className: "", iconSize: [size, size]});
      var layer = L.marker([cell.lat, cell.lon], {icon: icon, keyboard: false});
      layer.bindTooltip(el("span", {text: cell.count + " incidents, " + cell.killed + " killed"}));
      layer.on("click", function () { map.setView([cell.lat, cell.lon], Math.min(map.getZoom() + 2, 14)); });
      clusterLayer.addLayer(layer);
    });
    setStatus(grid.total + " incidents in view (clustered)");
    document.body.setAttribute("data-markers", String(grid.clusters.length));
  }

  // --- the timeline -----------------------------------------------------------------
  function loadTimeline() {
    getJSON("/stats/daily?" + filterParams({}, ["since", "until"])).then(drawTimeline)
      .catch(function (error) { setStatus("error: " + error.message); });
  }

  function everyDay(days) {
    // the days with incidents, with the days between them (and one either side) at zero
    var DAY = 86400, byTime = {}, xs = [];
    days.forEach(function (d) { byTime[Date.parse(d.date + "T00:00:00Z") / 1000] = d; });
    var times = Object.keys(byTime).map(Number).sort(function (a, b) { return a - b; });
    if (!times.length) { return []; }
    var first = times[0] - DAY, last = times[times.length - 1] + DAY;
    if ((last - first) / DAY > 3700) { xs = times; }
    else { for (var t = first; t <= last; t += DAY) { xs.push(t); } }
    return xs.map(function (t) { return byTime[t] ? [t, byTime[t]] : [t, {low: 0, best: 0, high: 0}]; });
  }

  function drawTimeline(body) {
    var days = body.days;
    var filled = everyDay(days);
    var xs = filled.map(function (d) { return d[0]; });
    var data = [xs, filled.map(function (d) { return d[1].high; }), filled.map(function (d) { return d[1].best; }),
                filled.map(function (d) { return d[1].low; })];
    var box = document.getElementById("timeline");
    if (plot) { plot.destroy(); plot = null; }
    box.textContent = "";
    if (!days.length) { box.appendChild(el("p", {"class": "meta", text: "No dated incidents."})); return; }
    var opts = {
      width: box.clientWidth, height: box.clientHeight - 6,
      legend: {show: false},
      scales: {x: {time: true}, y: {range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; }}},
      series: [
        {},
        {label: "high", stroke: "rgba(192,57,43,.35)", width: 1, points: {show: false}},
        {label: "best", stroke: "#1d2330", width: 2, points: {show: false}},
        {label: "low", stroke: "rgba(192,57,43,.35)", width: 1, points: {show: false}}
      ],
      bands: [{series: [1, 3], fill: "rgba(192,57,43,.15)"}],
      axes: [{}, {label: "killed", size: 50}],
      cursor: {drag: {x: true, y: false, setScale: true}},
      hooks: {setScale: [function (u, key) { if (key === "x") { brushed(u); } }]}
    };
    plot = new uPlot(opts, data, box);
    var since = state.filters.since, until = state.filters.until;
    if (since || until) {
      plot.setScale("x", {min: since ? Date.parse(since + "T00:00:00Z") / 1000 : xs[0],
                          max: until ? Date.parse(until + "T00:00:00Z") / 1000 : xs[xs.length - 1]});
    }
  }

  function day(seconds) { return new Date(seconds * 1000).toISOString().slice(0, 10); }

  function brushed(u) {
    var min = u.scales.x.min, max = u.scales.x.max, xs = u.data[0];
    if (!xs.length || min === null || max === null) { return; }
    var full = min <= xs[0] && max >= xs[xs.length - 1];
    var since = full ? "" : day(Math.ceil(min / 86400) * 86400);
    var until = full ? "" : day(Math.floor(max / 86400) * 86400);
    if ((state.filters.since || "") === since && (state.filters.until || "") === until) { return; }
    if (since) { state.filters.since = since; } else { delete state.filters.since; }
    if (until) { state.filters.until = until; } else { delete state.filters.until; }
    var form = document.getElementById("filters");
    form.elements.since.value = since;
    form.elements.until.value = until;
    writeState(false);
    loadMap();
  }

  // --- the incident panel -----------------------------------------------------------
  function showPanel(children) {
    var body = document.getElementById("panel-body");
    body.textContent = "";
    children.forEach(function (child) { body.appendChild(child); });
    document.getElementById("panel").hidden = false;
    document.getElementById("panel").scrollTop = 0;
    if (map) { map.invalidateSize(); }
  }

  function closePanel() {
    document.getElementById("panel").hidden = true;
    state.incident = null;
    state.doc = null;
    writeState(false);
    if (map) { map.invalidateSize(); }
  }

  function openIncident(id) {
    state.incident = id;
    state.doc = null;
    writeState(false);
    getJSON("/incidents/" + encodeURIComponent(id)).then(renderIncident)
      .catch(function (error) { showPanel([el("p", {text: "Cannot load " + id + ": " + error.message})]); });
  }

  function precisionNote(location) {
    if (!location || !location.precision || location.precision === 1) { return null; }
    return el("span", {"class": "badge precision", text: location.precision === 2
      ? "near or part of this place" : "region only (province centroid)"});
  }

  function renderIncident(data) {
    var loc = data.location;
    var place = loc ? [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") : "unknown place";
    var when = data.date && data.date.start ? data.date.start + (data.date.end && data.date.end !== data.date.start
      ? " to " + data.date.end : "") : "undated";
    var parts = [
      el("h2", {text: (data.event_type || "Incident") + (data.sub_event_type ? " / " + data.sub_event_type : "")}),
      el("div", {"class": "meta"}, [place + " \u00b7 " + when + " \u00b7 " + data.id + " "]),
    ];
    var note = precisionNote(loc);
    if (note) { parts[1].appendChild(note); }
    if (data.disputed) { parts[1].appendChild(el("span", {"class": "badge disputed", text: "disputed"})); }
    parts.push(el("div", {"class": "figures", id: "killed-figures"}, [
      el("div", {"class": "figure"}, [el("b", {text: figure(data.killed.low)}), "low"]),
      el("div", {"class": "figure best"}, [el("b", {text: figure(data.killed.best)}), "best"]),
      el("div", {"class": "figure"}, [el("b", {text: figure(data.killed.high)}), "high"])
    ]));
    if (data.injured && data.injured.best !== null) {
      parts.push(el("div", {"class": "meta", text: "Injured (low/best/high): " + figure(data.injured.low) + " / "
        + figure(data.injured.best) + " / " + figure(data.injured.high)}));
    }
    if (data.source_figures.length) {
      parts.push(el("h3", {text: "Killed, by source"}));
      var rows = data.source_figures.map(function (s) {
        return el("tr", {"class": "source-figure"}, [
          el("td", {text: s.source}), el("td", {"class": "meta", text: s.kind}),
          el("td", {"class": "num", text: s.low === s.high ? String(s.low) : s.low + "\u2013" + s.high})]);
      });
      parts.push(el("table", {"class": "sources"}, [el("tbody", {}, rows)]));
    }
    parts.push(el("h3", {text: "Evidence"}));
    data.claim_records.forEach(function (claim) { parts.push(claimBlock(claim)); });
    parts.push(el("h3", {text: "Documents"}));
    data.documents.forEach(function (doc) {
      var open = el("button", {type: "button", "class": "link open-document", text: doc.title || doc.id});
      open.addEventListener("click", function () { openDocument(doc.id); });
      var line = el("div", {"class": "claim"}, [open, " ", el("span", {"class": "meta",
        text: (doc.published || "") + (doc.copy_of ? " (copy of " + doc.copy_of + ")" : "")})]);
      if (doc.url) { line.appendChild(el("div", {}, [externalLink(doc.url)])); }
      parts.push(line);
    });
    showPanel(parts);
  }

  function highlighted(text, number, offset) {
    // the evidence sentence with its number marked; offsets are into the document
    if (!number) { return el("span", {text: text}); }
    var start = number.start - offset, end = number.end - offset;
    if (start < 0 || end > text.length) { return el("span", {text: text}); }
    return el("span", {}, [text.slice(0, start), el("mark", {"class": "number", text: text.slice(start, end)}),
                           text.slice(end)]);
  }

  function claimBlock(claim) {
    var source = claim.source.name || claim.source.handle || "the article";
    var count = claim.count.text || figure(claim.count.low);
    var who = el("div", {"class": "who"}, [
      claim.outcome + " " + count + " (" + claim.count.qualifier + ", " + claim.victims.category + ") \u00b7 "
        + source + " [" + claim.source.kind + "]" + (claim.date && claim.date.start ? " \u00b7 " + claim.date.start : "")
        + (claim.location ? " \u00b7 " + claim.location.name : "") + " \u00b7 "]);
    var open = el("button", {type: "button", "class": "link", text: claim.document});
    open.addEventListener("click", function () { openDocument(claim.document); });
    who.appendChild(open);
    return el("div", {"class": "claim" + (claim.counted ? " counted" : "")}, [
      highlighted(claim.evidence.text, claim.number, claim.evidence.start), who]);
  }

  // --- the document view ------------------------------------------------------------
  function openDocument(key) {
    state.doc = key;
    writeState(false);
    getJSON("/documents/" + encodeURIComponent(key)).then(renderDocument)
      .catch(function (error) { showPanel([el("p", {text: "Cannot load " + key + ": " + error.message})]); });
  }

  function segments(text, spans) {
    // split text at every span boundary; each piece carries the classes of the spans over it
    var cuts = [0, text.length];
    spans.forEach(function (s) { cuts.push(Math.max(0, Math.min(text.length, s.start)), Math.max(0, Math.min(text.length, s.end))); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var pieces = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var classes = spans.filter(function (s) { return s.start <= a && s.end >= b; })
        .map(function (s) { return s.cls; });
      pieces.push(classes.length ? el("span", {"class": classes.filter(function (v, j, all) {
        return all.indexOf(v) === j; }).join(" "), text: text.slice(a, b)}) : document.createTextNode(text.slice(a, b)));
    }
    return pieces;
  }

  function renderDocument(doc) {
    var spans = [];
    doc.claims.forEach(function (c) {
      spans.push({start: c.evidence.start, end: c.evidence.end, cls: "claim-span"});
      if (c.number) { spans.push({start: c.number.start, end: c.number.end, cls: "number"}); }
    });
    doc.posts.forEach(function (p) { spans.push({start: p.start, end: p.end, cls: "post"}); });
    doc.duplicates.forEach(function (d) { spans.push({start: d.start, end: d.end, cls: "repeat"}); });
    var back = el("button", {type: "button", "class": "link", text: "\u2190 back to the incident"});
    back.addEventListener("click", function () { if (state.incident) { openIncident(state.incident); } });
    var parts = [back, el("h2", {text: doc.title || doc.id}),
      el("div", {"class": "meta"}, [(doc.published || "undated") + " \u00b7 " + doc.id + " "])];
    if (doc.url) { parts[2].appendChild(externalLink(doc.url)); }
    parts.push(el("div", {"class": "keys"}, [el("span", {"class": "claim-span", text: "claim"}),
      el("span", {"class": "number", text: "figure"}), el("span", {"class": "post", text: "embedded post"}),
      el("span", {"class": "repeat", text: "repeated paragraph"})]));
    if (doc.posts.length) {
      parts.push(el("h3", {text: "Embedded posts"}));
      doc.posts.forEach(function (p) {
        var line = el("div", {"class": "claim post-line"}, [(p.platform || "post") + " \u00b7 "
          + (p.author || p.handle || "unknown") + (p.date ? " \u00b7 " + p.date : "") + " "]);
        if (p.url) { line.appendChild(externalLink(p.url)); }
        parts.push(line);
      });
    }
    parts.push(el("h3", {text: "Text"}));
    parts.push(el("div", {"class": "doc-text", id: "doc-text"}, segments(doc.text, spans)));
    showPanel(parts);
  }

  // --- the legend -------------------------------------------------------------------
  function drawLegend() {
    var items = Object.keys(TYPES).map(function (type) {
      return el("li", {}, [el("span", {"class": "swatch t-" + TYPES[type]}), type]);
    });
    items.push(el("li", {}, [el("span", {"class": "swatch ring"}), "near a place (precision 2)"]));
    items.push(el("li", {}, [el("span", {"class": "swatch ring dashed"}), "region only (precision 3)"]));
    items.push(el("li", {"class": "meta", text: "size: killed (best); timeline: best, low\u2013high band"}));
    document.getElementById("legend").appendChild(el("ul", {}, items));
  }

  function reload() { loadMap(); loadTimeline(); }

  function start() {
    initForm();
    drawLegend();
    initMap();
    document.getElementById("close-panel").addEventListener("click", closePanel);
    window.addEventListener("popstate", function () {
      state = readState();
      fillForm();
      reload();
    });
    loadTimeline();
    loadMap();
    if (state.doc) { openDocument(state.doc); }
    else if (state.incident) { openIncident(state.incident); }
  }

  document.addEventListener("DOMContentLoaded", start);
}());
