"""What the faster pages of issue 13 still show: the dashboard's rows and map built in the view, the home
panels' lighter reads, the due follow-ups without DISTINCT and the visit types read without a check."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from core import thaidate
from schools import services as school_services
from supervision import selectors, services
from supervision.models import VisitType
from supervision.models.types import DEFAULT_VISIT_TYPES, visit_type_choices

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed(users, school):
    """A school with a name to escape and no cluster, and one in a cluster with a visit of the year."""
    school.is_active = False
    school.save()
    cluster = school_services.cluster_create(name="กลุ่ม <ก> & ข")
    odd = school_services.school_create(
        code="1000000011", name="โรงเรียน <b>ตัวหนา</b> & '</script>'", level_primary=True,
        latitude=Decimal("15.123456"), longitude=Decimal("102.987654"),
    )  # fmt: skip
    plain = school_services.school_create(
        code="1000000012", name="โรงเรียนบ้านหนองบัว", level_primary=True, cluster=cluster,
        latitude=Decimal("15.5"), longitude=Decimal("102.5"),
    )  # fmt: skip
    return {"odd": odd, "plain": plain, "cluster": cluster}


def _dashboard(client, year: int) -> str:
    return client.get(reverse("supervision:dashboard"), {"year": year}).content.decode()


def _table(page: str) -> str:
    return page[page.index("<details") : page.index("</details>")]


def test_the_school_table_escapes_names_and_links_each_school(placed, users, client_for, make_visit):
    make_visit("submitted", school=placed["plain"])  # on VISIT_DAY, fiscal year 2570
    page = _dashboard(client_for(users["executive"]), 2570)
    table = _table(page)
    assert "<b>ตัวหนา</b>" not in table and "&lt;b&gt;ตัวหนา&lt;/b&gt; &amp; &#x27;&lt;/script&gt;&#x27;" in table
    odd, plain = placed["odd"], placed["plain"]
    assert f'<a href="{reverse("schools:school_detail", args=[odd.pk])}">' in table
    assert f'<a href="{reverse("schools:school_detail", args=[plain.pk])}">' in table
    assert "<td>-</td>" in table  # no cluster
    assert "<td>กลุ่ม &lt;ก&gt; &amp; ข</td>" in table
    assert '<td class="text-end text-danger">0' in table and '<td class="text-end">1' in table


def test_the_not_visited_links_start_a_visit_at_that_school(placed, users, client_for):
    page = _dashboard(client_for(users["executive"]), 2570)
    start = reverse("supervision:visit_start")
    for school in (placed["odd"], placed["plain"]):
        assert f'href="{start}?school={school.pk}"' in page
    assert "นิเทศครบทุกโรงเรียนแล้ว" not in page


def test_the_target_is_shown_beside_each_schools_visits(placed, users, client_for):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    plan.visits_per_school_target = 2
    plan.save()
    table = _table(_dashboard(client_for(users["executive"]), 2570))
    assert table.count("0/2</td>") == 2


def test_the_map_data_is_compact_utf8_and_cannot_close_its_script(placed, users, client_for):
    page = _dashboard(client_for(users["executive"]), 2570)
    raw = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert "\\u0e42" not in raw and "โรงเรียนบ้านหนองบัว" in raw  # Thai as UTF-8, not \uXXXX escapes
    assert "</script>" not in raw and "<b>" not in raw  # json_script's escapes still apply
    markers = {m["name"]: m for m in json.loads(raw)}
    odd = markers["โรงเรียน <b>ตัวหนา</b> & '</script>'"]
    assert (odd["lat"], odd["lng"], odd["visits"]) == (15.12346, 102.98765, 0)
    assert markers["โรงเรียนบ้านหนองบัว"]["lat"] == 15.5


def test_satisfaction_reads_the_same_with_the_plan_given(placed, users):
    plan = services.plan_get_or_create(fiscal_year=2570, user=users["director"])
    assert selectors.satisfaction(2570, plan=plan) == selectors.satisfaction(2570)
    assert selectors.satisfaction(2571, plan=None) == selectors.satisfaction(2571)


def test_a_follow_up_is_listed_once_when_its_recorder_is_also_on_the_team(users, make_visit):
    sup, other = users["supervisor"], users["director"]
    mine_and_team = make_visit("approved", team=[sup, other])
    only_team = make_visit("approved", by=other, team=[sup])
    today = thaidate.today()
    first = mine_and_team.follow_ups.create(text="ของฉันและคณะ", due_date=today)
    second = only_team.follow_ups.create(text="ในคณะเท่านั้น", due_date=today + dt.timedelta(days=1))
    due = selectors.due_follow_ups(sup)
    assert list(due) == [first, second] and due.count() == 2
    assert list(selectors.due_follow_ups(users["secretary"])) == []


def test_the_home_panels_name_the_first_waiting_visit(users, client_for, make_visit):
    waiting = make_visit("submitted")
    page = client_for(users["director"]).get(reverse("home")).content.decode()
    assert f"เรื่องแรก: {waiting.school.name}" in page
    assert reverse("supervision:visit_detail", args=[waiting.pk]) in page


def test_visit_types_are_made_when_the_table_is_empty(db):
    VisitType.objects.all().delete()
    assert [code for code, _ in visit_type_choices()] == [code for code, _ in DEFAULT_VISIT_TYPES]


def test_a_switched_off_type_is_offered_only_as_the_current_one(db):
    visit_type_choices()
    VisitType.objects.filter(code=VisitType.ONLINE).update(is_active=False)
    assert VisitType.ONLINE not in dict(visit_type_choices())
    assert VisitType.ONLINE in dict(visit_type_choices(current=VisitType.ONLINE))
