"""The dashboard map is readable with no internet: a vendored base layer (Thailand's outline from
Natural Earth via the npm package world-atlas), schools coloured by coverage with a legend in words,
zoomed to the office's schools, and nothing fetched from another host."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.helpers import browser_login

BASEMAP = Path(django_settings.BASE_DIR) / "static" / "vendor" / "world-atlas" / "thailand.geo.json"


@pytest.fixture
def placed_schools(school, other_school):
    """Two schools of Buriram with coordinates, as the office's import gives them."""
    for s, (lat, lng) in ((school, ("14.993000", "103.102000")), (other_school, ("15.211000", "102.870000"))):
        s.latitude, s.longitude = Decimal(lat), Decimal(lng)
        s.save(update_fields=["latitude", "longitude"])
    return [school, other_school]


def _thailand() -> dict:
    geo = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return next(f for f in geo["features"] if f["properties"]["name"] == "Thailand")


def test_the_base_layer_is_vendored_small_and_holds_thailands_outline():
    thailand = _thailand()
    points = [p for poly in thailand["geometry"]["coordinates"] for ring in poly for p in ring]
    lngs, lats = [p[0] for p in points], [p[1] for p in points]
    assert BASEMAP.stat().st_size < 200_000
    assert (BASEMAP.parent / "LICENSE").exists()
    assert thailand["properties"]["name_th"] == "ประเทศไทย"
    # Thailand spans about 97.3–105.7 °E and 5.6–20.5 °N
    assert 97 < min(lngs) < 98 and 105 < max(lngs) < 106 and 5 < min(lats) < 6 and 20 < max(lats) < 21


def test_the_map_page_references_only_local_static_files(placed_schools, users, client_for):
    page = client_for(users["executive"]).get(reverse("supervision:dashboard")).content.decode()
    sources = re.findall(r'(?:src|href|data-basemap)="([^"]+)"', page)
    assert "/static/vendor/world-atlas/thailand.geo.json" in sources
    assert not [s for s in sources if re.match(r"(https?:)?//", s)]


def test_the_legend_names_each_kind_of_school_in_words(placed_schools, users, client_for):
    page = client_for(users["executive"]).get(reverse("supervision:dashboard")).content.decode()
    legend = page[page.index('id="map-legend"') :].split("</div>")[0]
    assert "นิเทศแล้ว" in legend and "ยังไม่ได้นิเทศ (วงกลมโปร่ง)" in legend
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
    page.locator("#school-map path.leaflet-interactive").nth(1).wait_for(state="attached")  # the two schools
    page.locator("#school-map path:not(.leaflet-interactive)").first.wait_for(state="attached")  # the base layer
    # zoomed to the schools (both in Buriram, about 35 km apart), not the whole country
    spread = page.evaluate(
        "(() => { const b = [...document.querySelectorAll('#school-map path.leaflet-interactive')]"
        ".map(p => p.getBoundingClientRect()); return Math.hypot(b[0].x - b[1].x, b[0].y - b[1].y); })()"
    )
    assert spread > 150
    assert outside == []
    unvisited = page.locator("#school-map path.leaflet-interactive").first.get_attribute("stroke")
    assert unvisited == "#b02a37"
