"""School addresses checked against the vendored Thai address database, on the form and in the import."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import tabular
from schools import addresses, demo
from schools.models import School
from schools.tabular import SCHOOL_COLUMNS

HEADERS = [h for h, _, _ in SCHOOL_COLUMNS]
FORM = {
    "code": "1099000010", "name": "โรงเรียนบ้านหนองคู", "level_primary": "on", "pupils": "150", "teachers": "8",
    "subdistrict": "หนองคู", "district": "ลำปลายมาศ", "province": "บุรีรัมย์", "postal_code": "31130",
    "is_active": "on",
}  # fmt: skip


def test_the_database_is_read_once_and_holds_every_province():
    assert addresses.places() is addresses.places()
    assert len(addresses.provinces()) == 77
    assert len(addresses.places()) > 7000
    assert addresses.provinces()[0] == "กระบี่" and "เชียงใหม่" in addresses.provinces()


def test_a_valid_address_comes_back_as_the_database_spells_it():
    clean = addresses.address_clean(subdistrict="ต.ในเมือง", district="อ.เมือง", province="จ.บุรีรัมย์", postal_code="31000")
    assert clean == {"subdistrict": "ในเมือง", "district": "เมืองบุรีรัมย์", "province": "บุรีรัมย์", "postal_code": "31000"}
    assert addresses.address_clean() == {"subdistrict": "", "district": "", "province": "", "postal_code": ""}


def test_a_misspelt_district_is_refused_naming_the_nearest_valid_combination():
    with pytest.raises(ValidationError, match="ลำปลายมาส") as caught:
        addresses.address_clean(subdistrict="หนองคู", district="ลำปลายมาส", province="บุรีรัมย์", postal_code="31130")
    assert caught.value.message_dict == {
        "district": [
            "ไม่พบอำเภอ “ลำปลายมาส” ในจังหวัดบุรีรัมย์ หมายถึง “ลำปลายมาศ” หรือไม่ (ตำบลหนองคู อำเภอลำปลายมาศ จังหวัดบุรีรัมย์ 31130)"
        ]
    }


@pytest.mark.parametrize(
    ("given", "field", "message"),
    [
        ({"province": "บุรีรัม"}, "province", "ไม่พบจังหวัด “บุรีรัม” หมายถึง “บุรีรัมย์” หรือไม่"),
        ({"province": "สุขใจ", "district": "นาดี"}, "province", "ไม่พบจังหวัด “สุขใจ”"),
        (
            {"subdistrict": "หนองคูณ", "district": "ลำปลายมาศ", "province": "บุรีรัมย์"},
            "subdistrict",
            "ไม่พบตำบล “หนองคูณ” ในอำเภอลำปลายมาศ จังหวัดบุรีรัมย์ หมายถึง “หนองคู” หรือไม่",
        ),
        (
            {"subdistrict": "หนองคู", "district": "ลำปลายมาศ", "province": "บุรีรัมย์", "postal_code": "31000"},
            "postal_code",
            "รหัสไปรษณีย์ 31000 ไม่ตรงกับตำบลหนองคู อำเภอลำปลายมาศ (ที่ถูกต้อง: 31130)",
        ),
        (
            {"district": "ปทุมวน", "province": "กรุงเทพมหานคร"},
            "district",
            "ไม่พบเขต “ปทุมวน” ในกรุงเทพมหานคร หมายถึง “ปทุมวัน”",
        ),
    ],
)
def test_each_unknown_part_is_refused_in_thai(given, field, message):
    with pytest.raises(ValidationError, match=re.escape(message)) as caught:
        addresses.address_clean(**given)
    assert list(caught.value.message_dict) == [field]
    assert caught.value.message_dict[field][0].startswith(message)


def test_the_form_refuses_a_misspelt_district_and_keeps_what_was_typed(users, client_for, school):
    client = client_for(users["supervisor"])
    response = client.post(reverse("schools:school_create"), {**FORM, "district": "ลำปลายมาส"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ไม่พบอำเภอ “ลำปลายมาส” ในจังหวัดบุรีรัมย์ หมายถึง “ลำปลายมาศ” หรือไม่" in html
    assert not School.objects.filter(code=FORM["code"]).exists()


def test_the_form_saves_an_address_as_the_database_spells_it(users, client_for, school):
    client = client_for(users["supervisor"])
    data = {**FORM, "district": "อ.ลำปลายมาศ", "province": "จังหวัดบุรีรัมย์", "subdistrict": "ต.หนองคู"}
    response = client.post(reverse("schools:school_create"), data)
    assert response.status_code == 302
    saved = School.objects.get(code=FORM["code"])
    assert (saved.subdistrict, saved.district, saved.province, saved.postal_code) == (
        "หนองคู", "ลำปลายมาศ", "บุรีรัมย์", "31130",
    )  # fmt: skip


def test_the_form_offers_provinces_and_loads_its_suggestions_from_a_static_script(users, client_for, school):
    html = client_for(users["supervisor"]).get(reverse("schools:school_create")).content.decode()
    assert '<datalist id="province-options">' in html and '<option value="บุรีรัมย์">' in html
    assert 'list="district-options"' in html and 'list="subdistrict-options"' in html
    assert "schools/address_form.js" in html
    assert "<script>" not in html.split("</main>")[0]  # no inline script (CSP)


def test_the_suggestions_give_districts_subdistricts_and_postcodes_of_a_province(users, client_for, school):
    url = reverse("schools:address_options")
    data = client_for(users["supervisor"]).get(url, {"province": "บุรีรัมย์"}).json()
    assert data["districts"]["ลำปลายมาศ"]["หนองคู"] == "31130"
    assert list(data["districts"])[:2] == ["กระสัง", "คูเมือง"]  # Thai order
    assert client_for(users["supervisor"]).get(url, {"province": "ไม่มี"}).json() == {"districts": {}}


@pytest.mark.parametrize(("role", "status"), [("supervisor", 200), ("clerk", 403), ("school", 403), ("member", 403)])
def test_the_suggestions_are_for_those_who_edit_schools(users, client_for, school, role, status):
    assert client_for(users[role]).get(reverse("schools:address_options")).status_code == status


def _csv(*rows: dict[str, str]) -> SimpleUploadedFile:
    base = {"ชื่อสถานศึกษา": "โรงเรียนนำเข้า", "ระดับที่เปิดสอน": "ประถมศึกษา", "ตำบล": "หนองคู", "อำเภอ": "ลำปลายมาศ",
            "จังหวัด": "บุรีรัมย์", "รหัสไปรษณีย์": "31130", "เปิดสอน": "ใช่"}  # fmt: skip
    body = tabular.write_csv(HEADERS, [[{**base, **row}.get(h, "") for h in HEADERS] for row in rows])
    return SimpleUploadedFile("schools.csv", body, content_type="text/csv")


def test_an_import_with_a_misspelt_district_saves_nothing_and_names_the_row_and_the_suggestion(
    users, client_for, school
):
    upload = _csv({"รหัสสถานศึกษา": "1099000100"}, {"รหัสสถานศึกษา": "1099000101", "อำเภอ": "ลำปลายมาส"})
    response = client_for(users["supervisor"]).post(reverse("schools:school_import"), {"file": upload})
    html = response.content.decode()
    assert "ไม่พบอำเภอ “ลำปลายมาส” ในจังหวัดบุรีรัมย์ หมายถึง “ลำปลายมาศ” หรือไม่" in html
    row = html.split("ไม่พบอำเภอ")[0].rsplit("<tr", 1)[1]
    assert ">3<" in row  # the second data row is row 3 of the sheet
    assert not School.objects.filter(code__in=["1099000100", "1099000101"]).exists()


def test_an_import_with_valid_addresses_saves_them(users, client_for, school):
    upload = _csv({"รหัสสถานศึกษา": "1099000100"}, {"รหัสสถานศึกษา": "1099000101", "ตำบล": "", "รหัสไปรษณีย์": ""})
    response = client_for(users["supervisor"]).post(reverse("schools:school_import"), {"file": upload})
    assert response.status_code == 302
    assert School.objects.get(code="1099000100").postal_code == "31130"
    assert School.objects.get(code="1099000101").district == "ลำปลายมาศ"


def test_the_demo_schools_have_real_addresses():
    postcodes = addresses.province_choices(demo.PROVINCE)
    for district, subdistricts in demo.DISTRICTS.items():
        for subdistrict in subdistricts:
            code = postcodes[district][subdistrict]
            assert addresses.address_clean(
                subdistrict=subdistrict, district=district, province=demo.PROVINCE, postal_code=code
            )["postal_code"] == code  # fmt: skip
