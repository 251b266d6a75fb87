// Dashboard charts (vendored Chart.js) and a tile-less Leaflet map (offices may have no internet).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const markers = JSON.parse(document.getElementById("map-data").textContent);
  const drawCharts = () => {
    new Chart(document.getElementById("chart-month"), {type: "bar",
      data: {labels: data.months, datasets: [{label: "ครั้ง", data: data.per_month, backgroundColor: "#0d6efd"}]},
      options: {plugins: {legend: {display: false}}}});
    const scale = data.max_score ? {min: 0, max: data.max_score} : {};
    // Long item texts wrap onto several axis lines at Thai word boundaries (never cut,
    // which could drop a stacked mark); the tooltip title carries the whole text too.
    const room = ThaiCharts.room();
    const wrap = text => ThaiCharts.wrap(text, room);
    const fullTitle = items => data.items[items[0].dataIndex] ? `${items[0].dataIndex + 1}. ${data.items[items[0].dataIndex].item}` : "";
    new Chart(document.getElementById("chart-items"), {type: "bar",
      data: {labels: data.items.map((r, i) => wrap(`${i + 1}. ${r.item}`)), datasets: [{label: "เฉลี่ย", data: data.items.map(r => r.average), backgroundColor: "#198754"}]},
      options: {indexAxis: "y", scales: {x: scale}, plugins: {legend: {display: false}, tooltip: {callbacks: {title: fullTitle}}}}});
    new Chart(document.getElementById("chart-areas"), {type: "bar",
      data: {labels: data.areas.map(r => wrap(r.area)), datasets: [{label: "เฉลี่ย", data: data.areas.map(r => r.average), backgroundColor: "#6f42c1"}]},
      options: {indexAxis: "y", scales: {x: scale}, plugins: {legend: {display: false}}}});
  };
  if (window.Chart && window.ThaiCharts) {
    ThaiCharts.whenFontReady(drawCharts);
  }
  const el = document.getElementById("school-map");
  if (window.L && el && markers.length) {
    // No tile layer: markers are drawn on a plain background so nothing is fetched from the internet.
    const map = L.map(el, {attributionControl: false});
    const layer = L.featureGroup(markers.map(m => L.circleMarker([m.lat, m.lng], {
      radius: 6, weight: 1, color: "#333", fillOpacity: 0.85, fillColor: m.visits ? "#198754" : "#dc3545",
    }).bindPopup(`${m.name}<br>นิเทศ ${m.visits} ครั้ง`))).addTo(map);
    map.fitBounds(layer.getBounds().pad(0.1));
  } else if (el) {
    el.innerHTML = '<p class="p-3 text-muted small">ยังไม่มีพิกัดสถานศึกษา</p>';
  }
})();
