"""Rebuild static/vendor/world-atlas/thailand.geo.json, the dashboard map's offline base layer.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/basemap_thailand.py package static/vendor/world-atlas/thailand.geo.json

Thailand comes from the 1:10m countries, its neighbours from 1:50m, clipped to the region and
thinned (points closer than ~1 km dropped, coordinates rounded to 3 decimals) to keep it near 80 kB.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from topojson_arcs import decode  # scripts/ is on the path when a script runs

PKG, OUT = sys.argv[1], sys.argv[2]
THAI = {
    "Thailand": "ประเทศไทย",
    "Laos": "สปป.ลาว",
    "Cambodia": "กัมพูชา",
    "Myanmar": "เมียนมา",
    "Malaysia": "มาเลเซีย",
    "Vietnam": "เวียดนาม",
}
BBOX = (95.5, 4.5, 107.5, 21.5)


def ring(arcs: list, idxs: list[int]) -> list[tuple[float, float]]:
    pts = []
    for i in idxs:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def inside(r: list[tuple[float, float]]) -> bool:
    return any(BBOX[0] <= x <= BBOX[2] and BBOX[1] <= y <= BBOX[3] for x, y in r)


def simplify(r: list[tuple[float, float]], tol: float) -> list[list[float]]:
    out = [r[0]]
    for p in r[1:-1]:
        if abs(p[0] - out[-1][0]) + abs(p[1] - out[-1][1]) >= tol:
            out.append(p)
    out.append(r[-1])
    return [[round(x, 3), round(y, 3)] for x, y in out]


def features(path: str, names: set[str], tol: float) -> Iterator[dict]:
    topo = json.loads(Path(path).read_text())
    arcs = decode(topo)
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        if name not in names:
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        coords = []
        for poly in polys:
            rings = [ring(arcs, r) for r in poly]
            if inside(rings[0]):
                rings = [simplify(r, tol) for r in rings]
                if len(rings[0]) >= 4:
                    coords.append(rings)
        yield {
            "type": "Feature",
            "properties": {"name": name, "name_th": THAI[name], "focus": name == "Thailand"},
            "geometry": {"type": "MultiPolygon", "coordinates": coords},
        }


feats = list(features(PKG + "/countries-10m.json", {"Thailand"}, 0.01))
feats += list(features(PKG + "/countries-50m.json", set(THAI) - {"Thailand"}, 0.03))
out = {
    "type": "FeatureCollection",
    "source": "world-atlas 2.0.2 (Natural Earth 1:10m/1:50m, public domain)",
    "features": feats,
}
json.dump(out, open(OUT, "w"), ensure_ascii=False, separators=(",", ":"))
