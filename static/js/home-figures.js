// The executive's home: key figures against their targets, and each figure's own series (budget planned
// vs spent), drawn with the vendored Chart.js. The same numbers are written in the cards above the charts.
(function () {
  "use strict";
  var node = document.getElementById("figures-data");
  if (!node || !window.Chart || !window.ThaiCharts) { return; }
  var figures = JSON.parse(node.textContent);

  function drawTargets() {
    var el = document.getElementById("chart-figures");
    var shown = figures.filter(function (f) { return f.percent !== null; });
    if (!el || !shown.length) { return; }
    var room = ThaiCharts.room();
    new Chart(el, {type: "bar",
      data: {labels: shown.map(function (f) { return ThaiCharts.wrap(f.label, room); }), datasets: [
        {label: "ผล (ร้อยละ)", data: shown.map(function (f) { return f.percent; }), backgroundColor: "#0d6efd"},
        {label: "เป้าหมาย (ร้อยละ)", data: shown.map(function (f) { return f.target; }), backgroundColor: "#adb5bd"}]},
      options: {indexAxis: "y", scales: {x: {min: 0, suggestedMax: 100}}}});
  }

  function drawSeries(f) {
    var el = document.getElementById("chart-series-" + f.name);
    if (!el || !f.series) { return; }
    var room = ThaiCharts.room();
    new Chart(el, {type: "bar",
      data: {labels: f.series.labels.map(function (l) { return ThaiCharts.wrap(l, room); }),
        datasets: f.series.datasets.map(function (d) {
          return {label: d.label, data: d.data.map(Number), backgroundColor: d.colour};
        })},
      options: {indexAxis: "y"}});
  }

  ThaiCharts.whenFontReady(function () {
    drawTargets();
    figures.forEach(drawSeries);
  });
})();
