(function () {
  "use strict";
  var holder = document.getElementById("chart-data");
  var canvas = document.getElementById("levels-chart");
  if (!holder || !canvas || typeof Chart === "undefined" || !window.ThaiCharts) { return; }
  var data = JSON.parse(holder.textContent);
  var colours = ["#dc3545", "#fd7e14", "#0dcaf0", "#0d6efd", "#198754"];
  data.datasets.forEach(function (ds, i) { ds.backgroundColor = colours[i]; });
  // Standard names are long: wrap them at Thai word boundaries rather than letting the axis cut them.
  data.labels = data.labels.map(function (label) { return ThaiCharts.wrap(label, ThaiCharts.room()); });
  ThaiCharts.whenFontReady(function () { new Chart(canvas, {
    type: "bar",
    data: data,
    options: {
      indexAxis: "y",
      responsive: true,
      plugins: { legend: { position: "bottom" }, title: { display: true, text: "จำนวนสถานศึกษาตามระดับคุณภาพ" } },
      scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } }
    }
  }); });
})();
