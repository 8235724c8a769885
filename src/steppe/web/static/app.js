// steppe dashboard: draws the charts from the JSON that pages embed in
// <script type="application/json"> blocks. Every string that comes from a document is
// either set with textContent or passed through esc() before it reaches HTML.
"use strict";

(function () {
  var COOP = "#2b7a4b", CONF = "#b23a3a", NEUTRAL = "#8a8f98", INK = "#1d2733";

  function esc(value) {
    return String(value == null ? "" : value).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function data(el) {
    var node = document.getElementById(el.getAttribute("data-source"));
    return node ? JSON.parse(node.textContent) : null;
  }

  // Mean index (-10..10) to a colour between conflict red and cooperation green.
  function tone(mean) {
    if (mean == null) return NEUTRAL;
    var t = Math.max(-1, Math.min(1, mean / 6));
    var from = t >= 0 ? [138, 143, 152] : [138, 143, 152];
    var to = t >= 0 ? [43, 122, 75] : [178, 58, 58];
    var k = Math.abs(t);
    var rgb = from.map(function (f, i) { return Math.round(f + (to[i] - f) * k); });
    return "rgb(" + rgb.join(",") + ")";
  }

  function chart(el) {
    var c = window.echarts.init(el, null, { renderer: "canvas" });
    window.addEventListener("resize", function () { c.resize(); });
    el.setAttribute("data-rendered", "true");
    return c;
  }

  function network(el) {
    var net = data(el);
    var maxStrength = Math.max.apply(null, [1].concat(net.nodes.map(function (n) { return n.strength; })));
    var maxOcc = Math.max.apply(null, [1].concat(net.edges.map(function (e) { return e.occurrences; })));
    var c = chart(el);
    c.setOption({
      animation: false,
      tooltip: {
        formatter: function (p) {
          if (p.dataType === "edge") {
            var e = p.data.raw;
            return esc(e.dyad) + "<br>" + esc(e.occurrences) + " occurrences · index " +
              (e.index_mean == null ? "–" : esc(e.index_mean.toFixed(1)));
          }
          var n = p.data.raw;
          return esc(n.label) + " (" + esc(n.kind) + ")<br>" + esc(n.strength) +
            " occurrences · betweenness " + esc(n.betweenness.toFixed(2));
        }
      },
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        force: { repulsion: 260, edgeLength: [60, 160], gravity: 0.08 },
        label: { show: true, position: "right", color: INK, fontSize: 12 },
        data: net.nodes.map(function (n) {
          return { id: n.label, name: n.label, raw: n,
                   symbolSize: 10 + 30 * Math.sqrt(n.strength / maxStrength),
                   itemStyle: { color: n.kind === "igo" ? "#7a5ea8" : "#2f6690" } };
        }),
        links: net.edges.map(function (e) {
          return { source: e.a, target: e.b, raw: e,
                   lineStyle: { width: 1 + 7 * e.occurrences / maxOcc, color: tone(e.index_mean), opacity: 0.85 } };
        })
      }]
    });
    c.on("click", function (p) {
      if (p.dataType === "edge") window.location.href = "/dyads/" + encodeURIComponent(p.data.raw.dyad);
      else if (p.dataType === "node") window.location.href = "/actors/" + encodeURIComponent(p.data.raw.label);
    });
  }

  function series(el) {
    var s = data(el);
    var periods = s.points.map(function (p) { return p.period; });
    var figures = {};
    s.figures.forEach(function (f) {
      var name = f.indicator.replace(/_/g, " ") + (f.kind === "target" ? " (target)" : "");
      (figures[name] = figures[name] || []).push([f.period, f.value / 1e9, f]);
    });
    var figureSeries = Object.keys(figures).map(function (name) {
      var target = / \(target\)$/.test(name);
      return { name: name + ", bn USD", type: "scatter", yAxisIndex: 1, data: figures[name],
               symbol: target ? "diamond" : "circle", symbolSize: target ? 16 : 11,
               itemStyle: { color: target ? "#d08c1f" : "#2f6690", borderColor: "#fff", borderWidth: 1 } };
    });
    var c = chart(el);
    c.setOption({
      animation: false,
      grid: { left: 48, right: figureSeries.length ? 64 : 24, top: 36, bottom: 56 },
      legend: { top: 0, textStyle: { color: INK } },
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          if (p.seriesType === "scatter") {
            var f = p.data[2];
            return esc(p.seriesName) + " · " + esc(f.period) + "<br>" + esc(p.data[1].toFixed(2)) +
              " bn USD<br><i>" + esc(f.evidence) + "</i>";
          }
          var pt = s.points[p.dataIndex];
          var types = Object.keys(pt.by_type).map(function (k) { return esc(k) + " " + esc(pt.by_type[k]); });
          return esc(pt.period) + "<br>index " + esc(pt.index_sum.toFixed(1)) + " · " +
            esc(pt.occurrences) + " occurrences<br>" + types.join(", ");
        }
      },
      dataZoom: periods.length > 40 ? [{ type: "slider", bottom: 8 }, { type: "inside" }] : [],
      xAxis: { type: "category", data: periods, axisLabel: { color: INK } },
      yAxis: [{ type: "value", name: "index", axisLabel: { color: INK } },
              { type: "value", name: "bn USD", position: "right", splitLine: { show: false },
                show: figureSeries.length > 0 }],
      series: [{
        name: "index", type: "bar", barMaxWidth: 28,
        data: s.points.map(function (p) {
          return { value: p.index_sum, itemStyle: { color: p.index_sum >= 0 ? COOP : CONF } };
        })
      }, {
        name: "occurrences", type: "line", step: "middle", symbol: "none",
        lineStyle: { color: NEUTRAL, width: 1, type: "dashed" },
        data: s.points.map(function (p) { return p.occurrences; })
      }].concat(figureSeries)
    });
    c.on("click", function (p) {
      if (p.seriesName === "index" || p.seriesName === "occurrences") showPoint(s.dyad, s.points[p.dataIndex]);
    });
  }

  // The asserted events of the dyad dated within one point's period, fetched from the
  // API (the series itself carries counts only).
  function showPoint(dyad, point) {
    var box = document.getElementById("point-events");
    box.textContent = "";
    var title = document.createElement("h3");
    title.textContent = point.period + ": " + point.occurrences + " occurrences (" + point.reports + " reports)";
    box.appendChild(title);
    if (!point.occurrences) return;
    var query = "dyad=" + encodeURIComponent(dyad) + "&since=" + encodeURIComponent(point.since) +
      "&until=" + encodeURIComponent(point.until) + "&modality=asserted&limit=500";
    fetch("/api/events?" + query).then(function (r) { return r.json(); }).then(function (page) {
      var list = document.createElement("ul");
      list.className = "point-list";
      page.items.forEach(function (e) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = "/documents/" + encodeURIComponent(e.document_id) + "?event=" + e.id + "#event-" + e.id;
        a.textContent = e.evidence.text;
        var head = document.createElement("span");
        head.className = "type q" + (e.quad || 0);
        head.textContent = e.type;
        var who = document.createElement("span");
        who.className = "muted";
        who.textContent = " " + (e.date || "?") + " · " +
          e.source.map(function (x) { return x.label; }).join(", ") + " → " +
          e.target.map(function (x) { return x.label; }).join(", ") + " · ";
        li.appendChild(head); li.appendChild(who); li.appendChild(a);
        list.appendChild(li);
      });
      box.appendChild(list);
    });
  }

  function partners(el) {
    var d = data(el);
    var rows = d.partners.slice().reverse();
    var c = chart(el);
    c.setOption({
      animation: false,
      grid: { left: 56, right: 24, top: 8, bottom: 24 },
      tooltip: { formatter: function (p) { var r = rows[p.dataIndex]; return esc(r.name) + ": " + esc(r.occurrences) + " occurrences"; } },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: rows.map(function (r) { return r.label; }) },
      series: [{ type: "bar", data: rows.map(function (r) { return { value: r.occurrences, itemStyle: { color: tone(r.index_mean) } }; }) }]
    });
    c.on("click", function (p) { window.location.href = "/dyads/" + encodeURIComponent(rows[p.dataIndex].dyad); });
  }

  var DRAW = { network: network, series: series, partners: partners };

  function start() {
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var draw = DRAW[el.getAttribute("data-chart")];
      if (draw && window.echarts) draw(el);
    });
    var selected = document.querySelector("mark.selected");
    if (selected) selected.scrollIntoView({ block: "center" });
    // Hovering a fact in the list lights up its evidence in the text.
    document.querySelectorAll("[data-fact]").forEach(function (li) {
      var key = li.getAttribute("data-fact");
      li.addEventListener("mouseenter", function () { light(key, true); });
      li.addEventListener("mouseleave", function () { light(key, false); });
    });
  }

  function light(key, on) {
    document.querySelectorAll("mark[data-facts]").forEach(function (m) {
      if (m.getAttribute("data-facts").split(" ").indexOf(key) >= 0) m.classList.toggle("hover", on);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
