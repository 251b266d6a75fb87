"""Thai dictionary order for schools and clusters: lists, pickers and exports (SQLite and PostgreSQL)."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from core.collation import thai_order, thai_sort_key, thai_sorted
from schools import selectors, services
from schools.forms import ClusterMergeForm, SchoolFilter, SchoolForm
from schools.models import Cluster, School

# Dictionary order, as the ICU Thai collation gives it (checked against PostgreSQL's "th-TH-x-icu").
DICTIONARY = [
    "โรงเรียนบ้านกก", "โรงเรียนบ้านกลาง", "โรงเรียนบ้านกอ", "โรงเรียนบ้านก่อ", "โรงเรียนบ้านกะ",
    "โรงเรียนบ้านกา", "โรงเรียนบ้านกำ", "โรงเรียนบ้านกิ่ง", "โรงเรียนบ้านกึ่ง", "โรงเรียนบ้านกุ้ง",
    "โรงเรียนบ้านกุดแต้", "โรงเรียนบ้านกู่", "โรงเรียนบ้านเก่า", "โรงเรียนบ้านแก้ว", "โรงเรียนบ้านใกล้",
    "โรงเรียนบ้านไก่", "โรงเรียนบ้านเขือง", "โรงเรียนบ้านคก", "โรงเรียนบ้านคอ", "โรงเรียนบ้านค้อ",
    "โรงเรียนบ้านโคก", "โรงเรียนบ้านแดง", "โรงเรียนบ้านโนนสูง", "โรงเรียนบ้านไผ่", "โรงเรียนบ้านรัก",
    "โรงเรียนบ้านรักษ์", "โรงเรียนบ้านฤๅษี", "โรงเรียนบ้านสร้างแต้", "โรงเรียนบ้านหนองบัว",
    "โรงเรียนบ้านใหม่", "โรงเรียนวัดป่า", "โรงเรียนวัดป่า 2", "โรงเรียนอนุบาลเมือง",
]  # fmt: skip
CLUSTERS = ["กลุ่มโรงเรียนห้วยทราย", "กลุ่มโรงเรียนในเมือง", "กลุ่มโรงเรียนโคกสูง", "กลุ่มโรงเรียนนาดี"]
CLUSTERS_IN_ORDER = ["กลุ่มโรงเรียนโคกสูง", "กลุ่มโรงเรียนนาดี", "กลุ่มโรงเรียนในเมือง", "กลุ่มโรงเรียนห้วยทราย"]
SCHOOLS = ["โรงเรียนบ้านหนองบัว", "โรงเรียนบ้านโคก", "โรงเรียนบ้านแดง", "โรงเรียนบ้านกา", "โรงเรียนบ้านเก่า"]
SCHOOLS_IN_ORDER = ["โรงเรียนบ้านกา", "โรงเรียนบ้านเก่า", "โรงเรียนบ้านโคก", "โรงเรียนบ้านแดง", "โรงเรียนบ้านหนองบัว"]


def test_the_key_puts_a_leading_vowel_after_its_consonant():
    assert sorted(CLUSTERS) != CLUSTERS_IN_ORDER  # code-point order: โคกสูง after ห้วยทราย
    assert thai_sorted(CLUSTERS) == CLUSTERS_IN_ORDER
    assert thai_sort_key("กลุ่มโรงเรียนโคกสูง") < thai_sort_key("กลุ่มโรงเรียนห้วยทราย")


def test_the_key_gives_dictionary_order_with_tone_marks_second():
    shuffled = DICTIONARY[::2] + DICTIONARY[1::2][::-1]
    assert thai_sorted(shuffled) == DICTIONARY


@pytest.fixture
def named(db):
    clusters = {name: services.cluster_create(name=name) for name in CLUSTERS}
    for n, name in enumerate(SCHOOLS, start=1):
        services.school_create(
            code=f"10990001{n:02d}", name=name, level_primary=True, cluster=clusters[CLUSTERS[n % len(CLUSTERS)]]
        )
    return clusters


def test_the_database_sorts_in_the_same_order_as_the_key(named):
    for n, name in enumerate(DICTIONARY, start=20):
        services.school_create(code=f"10990002{n:02d}", name=name, level_primary=True)
    names = list(thai_order(School.objects.filter(code__startswith="10990002"), "name").values_list("name", flat=True))
    assert names == DICTIONARY
    descending = thai_order(Cluster.objects.all(), "-name").values_list("name", flat=True)
    assert list(descending) == CLUSTERS_IN_ORDER[::-1]


@pytest.mark.postgres
def test_postgresql_uses_its_icu_thai_collation(named):
    assert connection.vendor == "postgresql"
    sql = str(thai_order(Cluster.objects.all(), "name").query)
    assert 'COLLATE "th-TH-x-icu"' in sql


def test_the_cluster_list_shows_clusters_in_thai_order(users, client_for, named):
    html = client_for(users["supervisor"]).get(reverse("schools:cluster_list")).content.decode()
    positions = [html.index(name) for name in CLUSTERS_IN_ORDER]
    assert positions == sorted(positions)


def test_the_school_list_shows_schools_in_thai_order(users, client_for, named):
    html = client_for(users["supervisor"]).get(reverse("schools:school_list")).content.decode()
    positions = [html.index(name) for name in SCHOOLS_IN_ORDER]
    assert positions == sorted(positions)


def test_the_exports_run_in_the_order_of_the_screen(users, client_for, named):
    client = client_for(users["supervisor"])
    body = client.get(reverse("schools:school_export", args=["xlsx"])).content
    names = [row[3] for row in load_workbook(io.BytesIO(body)).active.iter_rows(min_row=2, values_only=True)]
    assert [n for n in names if n in SCHOOLS] == SCHOOLS_IN_ORDER
    body = client.get(reverse("schools:cluster_export", args=["xlsx"])).content
    names = [row[0] for row in load_workbook(io.BytesIO(body)).active.iter_rows(min_row=2, values_only=True)]
    assert [n for n in names if n in CLUSTERS] == CLUSTERS_IN_ORDER


def test_pickers_offer_clusters_and_schools_in_thai_order(named):
    def labels(field: object) -> list[str]:
        return [str(label) for value, label in field.choices if value]

    assert labels(SchoolForm().fields["cluster"]) == CLUSTERS_IN_ORDER
    assert [c for c in labels(SchoolFilter().form.fields["cluster"]) if c in CLUSTERS] == CLUSTERS_IN_ORDER
    source = Cluster.objects.get(name="กลุ่มโรงเรียนนาดี")
    target = labels(ClusterMergeForm(source=source).fields["target"])
    assert target == [c for c in CLUSTERS_IN_ORDER if c != source.name]


def test_the_directory_groups_clusters_and_schools_in_thai_order(named):
    groups = selectors.school_directory()
    assert [cluster.name for cluster, _ in groups] == [
        c for c in CLUSTERS_IN_ORDER if Cluster.objects.get(name=c).schools.exists()
    ]
    for _, schools in groups:
        assert [s.name for s in schools] == thai_sorted(s.name for s in schools)
