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
  // Each school's coverage: target met, visited below target, not visited. The shape differs too
  // (filled or hollow ring) and the legend under the map names each kind in words.
  const target = Number(el && el.dataset.target) || 0;
  const STYLES = {
    met: {color: "#0f5132", fillColor: "#198754", fillOpacity: 0.9, weight: 1, radius: 6},
    visited: {color: "#664d03", fillColor: "#ffc107", fillOpacity: 0.9, weight: 1, radius: 6},
    none: {color: "#b02a37", fillColor: "#ffffff", fillOpacity: 0.6, weight: 3, radius: 6},
  };
  const kindOf = m => (!m.visits ? "none" : (target && m.visits < target ? "visited" : "met"));
  const LABELS = {met: target ? "ถึงเป้าหมาย" : "นิเทศแล้ว", visited: "นิเทศแล้ว ยังไม่ถึงเป้าหมาย", none: "ยังไม่ได้นิเทศ"};
  const drawBase = map => {
    // The base layer is a vendored file (Natural Earth via world-atlas): no tile server, works offline.
    const url = el.dataset.basemap;
    if (!url) return;
    fetch(url).then(r => r.json()).then(geo => {
      L.geoJSON(geo, {interactive: false, style: f => (f.properties.focus
        ? {color: "#6c757d", weight: 1, fillColor: "#f8f9fa", fillOpacity: 1}
        : {color: "#adb5bd", weight: 1, fillColor: "#e9ecef", fillOpacity: 1})}).addTo(map).bringToBack();
    }).catch(() => {});
  };
  if (window.L && el && markers.length) {
    const map = L.map(el, {attributionControl: false});
    drawBase(map);
    const layer = L.featureGroup(markers.map(m => L.circleMarker([m.lat, m.lng], STYLES[kindOf(m)])
      .bindPopup(`${m.name}<br>นิเทศ ${m.visits} ครั้ง (${LABELS[kindOf(m)]})`))).addTo(map);
    map.fitBounds(layer.getBounds().pad(0.1), {maxZoom: 11});
    L.control.scale({imperial: false}).addTo(map);  // distances, since no tiles show roads or towns
  } else if (el) {
    el.innerHTML = '<p class="p-3 text-muted small">ยังไม่มีพิกัดสถานศึกษา</p>';
  }
})();
