"""TopoJSON arcs as absolute lon/lat points: shared by the offline map's build scripts (basemap_*.py)."""

from __future__ import annotations

Point = tuple[float, float]


def decode(topo: dict) -> list[list[Point]]:
    """Each arc's points; a quantized Topology stores each point as the delta from the one before."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs
