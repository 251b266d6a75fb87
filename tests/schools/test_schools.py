from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import OfficeProfile
from schools import selectors, services
from schools.sizes import SizeClass, size_class

VALID = {
    "code": "1099000010", "name": "โรงเรียนบ้านใหม่", "level_primary": "on", "pupils": "150", "teachers": "8",
    "district": "ลำปลายมาศ", "province": "บุรีรัมย์", "is_active": "on",
}  # fmt: skip


@pytest.mark.parametrize(
    ("pupils", "primary", "secondary"),
    [
        (0, None, None),
        (1, SizeClass.SMALL, SizeClass.SMALL),
        (120, SizeClass.SMALL, SizeClass.SMALL),
        (121, SizeClass.MEDIUM, SizeClass.SMALL),
        (499, SizeClass.MEDIUM, SizeClass.SMALL),
        (500, SizeClass.MEDIUM, SizeClass.MEDIUM),
        (600, SizeClass.MEDIUM, SizeClass.MEDIUM),
        (601, SizeClass.LARGE, SizeClass.MEDIUM),
        (1500, SizeClass.LARGE, SizeClass.LARGE),
        (1501, SizeClass.EXTRA_LARGE, SizeClass.LARGE),
        (2499, SizeClass.EXTRA_LARGE, SizeClass.LARGE),
        (2500, SizeClass.EXTRA_LARGE, SizeClass.EXTRA_LARGE),
    ],
)
def test_size_class_follows_the_office_type_thresholds(pupils, primary, secondary):
    assert size_class(pupils, "primary") == primary
    assert size_class(pupils, "secondary") == secondary


def test_the_database_size_annotation_agrees_with_the_python_rule(users, school, other_school):
    for office_type in ("primary", "secondary"):
        office = OfficeProfile.get()
        office.office_type = office_type
        office.save()
        for s in selectors.schools_visible_to(users["supervisor"]):
            assert s.size == (size_class(s.pupils, office_type) or "")


def test_school_code_must_be_ten_digits_and_unique(school):
    with pytest.raises(ValidationError, match="รหัสสถานศึกษาต้องเป็นตัวเลข 10 หลัก"):
        services.school_create(code="109900001", name="สั้นไป", level_primary=True)
    with pytest.raises(ValidationError, match=r"รหัสสถานศึกษา \(10 หลัก\) มีอยู่แล้ว"):
        services.school_create(code=school.code, name="ซ้ำ", level_primary=True)


def test_codes_keep_their_leading_zeros(db):
    s = services.school_create(
        code="0012345678", smis_code="01020304", percode="012345", name="ศูนย์นำ", level_primary=True
    )
    s.refresh_from_db()
    assert (s.code, s.smis_code, s.percode) == ("0012345678", "01020304", "012345")


def test_list_filters_by_cluster_size_and_district_and_searches(users, client_for, school, other_school):
    client = client_for(users["supervisor"])
    url = reverse("schools:school_list")
    assert "โรงเรียนบ้านอื่น" in client.get(url, {"size": "large"}).content.decode()
    assert "โรงเรียนบ้านทดสอบ" not in client.get(url, {"size": "large"}).content.decode()
    assert "โรงเรียนบ้านอื่น" not in client.get(url, {"district": "เมืองบุรีรัมย์"}).content.decode()
    assert "โรงเรียนบ้านทดสอบ" in client.get(url, {"q": "ทดสอบ"}).content.decode()
    assert "โรงเรียนบ้านทดสอบ" in client.get(url, {"q": "1099000001"}).content.decode()
    assert "พบ 2 แห่ง" in client.get(url, {"cluster": school.cluster_id}).content.decode()


def test_live_search_returns_only_the_rows(users, client_for, school):
    response = client_for(users["supervisor"]).get(
        reverse("schools:school_list"), {"q": "ทดสอบ"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "โรงเรียนบ้านทดสอบ" in html and '<nav class="navbar' not in html


@pytest.mark.parametrize(
    ("role", "list_status", "sees_other", "can_create"),
    [
        ("administrator", 200, True, True),
        ("director", 200, True, True),
        ("supervisor", 200, True, True),
        ("clerk", 200, True, False),
        ("secretary", 200, True, False),
        ("member", 200, True, False),
        ("executive", 200, True, False),
        ("school", 200, False, False),
    ],
)
def test_school_pages_access_per_role(
    role, list_status, sees_other, can_create, users, client_for, school, other_school
):
    client = client_for(users[role])
    assert client.get(reverse("schools:school_list")).status_code == list_status
    own = client.get(reverse("schools:school_detail", args=[school.pk]))
    assert own.status_code == 200
    other = client.get(reverse("schools:school_detail", args=[other_school.pk]))
    assert other.status_code == (200 if sees_other else 404)
    create = client.get(reverse("schools:school_create"))
    assert create.status_code == (200 if can_create else 403)
    edit = client.get(reverse("schools:school_edit", args=[school.pk]))
    assert edit.status_code == (200 if can_create else 403)


def test_school_staff_list_shows_only_their_school(users, client_for, school, other_school):
    html = client_for(users["school"]).get(reverse("schools:school_list")).content.decode()
    assert "โรงเรียนบ้านทดสอบ" in html and "โรงเรียนบ้านอื่น" not in html


def test_creating_a_school_through_the_form(users, client_for, school):
    client = client_for(users["supervisor"])
    response = client.post(reverse("schools:school_create"), {**VALID, "cluster": school.cluster_id})
    assert response.status_code == 302
    created = selectors.schools_visible_to(users["supervisor"]).get(code="1099000010")
    assert created.size == "medium" and created.cluster == school.cluster


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"code": "12345"}, "รหัสสถานศึกษาต้องเป็นตัวเลข 10 หลัก"),
        ({"code": "1099000001"}, "มีสถานศึกษารหัสนี้อยู่แล้ว"),
        ({"smis_code": "12AB5678"}, "รหัส SMIS ต้องเป็นตัวเลข 8 หลัก"),
        ({"level_primary": ""}, "กรุณาเลือกระดับที่เปิดสอนอย่างน้อยหนึ่งระดับ"),
        ({"latitude": "15.1"}, "กรุณากรอกทั้งละติจูดและลองจิจูด"),
        ({"latitude": "95", "longitude": "100"}, "90"),
    ],
)
def test_bad_school_input_gets_a_thai_message_and_keeps_what_was_typed(change, message, users, client_for, school):
    data = {**VALID, **change}
    if data.get("level_primary") == "":
        data.pop("level_primary")
    response = client_for(users["supervisor"]).post(reverse("schools:school_create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="โรงเรียนบ้านใหม่"' in html  # nothing typed is lost


def test_cluster_pages_and_officers(users, client_for, school, other_school):
    client = client_for(users["director"])
    cluster = school.cluster
    response = client.post(
        reverse("schools:cluster_edit", args=[cluster.pk]),
        {
            "name": cluster.name,
            "chair": school.pk,
            "vice_chair": school.pk,
            "responsible_supervisors": [users["supervisor"].pk],
        },
    )
    assert "ประธานและรองประธานต้องมาจากคนละโรงเรียน" in response.content.decode()
    response = client.post(
        reverse("schools:cluster_edit", args=[cluster.pk]),
        {
            "name": cluster.name,
            "chair": school.pk,
            "vice_chair": other_school.pk,
            "responsible_supervisors": [users["supervisor"].pk],
        },
    )
    assert response.status_code == 302
    cluster.refresh_from_db()
    assert cluster.chair == school and list(cluster.responsible_supervisors.all()) == [users["supervisor"]]
    html = client_for(users["member"]).get(reverse("schools:cluster_list")).content.decode()
    assert cluster.name in html
    assert client_for(users["member"]).get(reverse("schools:cluster_edit", args=[cluster.pk])).status_code == 403


def test_size_is_shown_with_its_thai_label(users, client_for, school, other_school):
    client = client_for(users["supervisor"])
    rows = client.get(reverse("schools:school_list")).content.decode()
    assert "<td>เล็ก</td>" in rows and "<td>ใหญ่</td>" in rows  # 80 and 700 pupils in a primary office
    detail = client.get(reverse("schools:school_detail", args=[other_school.pk])).content.decode()
    assert "ใหญ่ (นักเรียน 700 คน" in detail
