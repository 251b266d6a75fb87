"""Registers of networks and good practice (issue 16 item 8): create and edit through the pages, search
in Thai, Thai dictionary order, cancel instead of delete, files checked by content, typed Excel export."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import quote

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from core import tabular
from core.roles import Role
from core.search import search
from supervision.models import GoodPractice, Network, Study
from supervision.selectors.registers import register_records
from supervision.services import registers

PDF = b"%PDF-1.4\n% good practice\n"


def _pdf(name: str = "ผลงานวิธีปฏิบัติที่เป็นเลิศ.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def practice(users, school, title, **kw):
    data = {"year": 2570, "kind": "best_practice", "school": school, "title": title, **kw}
    return registers.register_record_save(user=users[Role.SUPERVISOR.value], record=GoodPractice(), data=data)


def test_a_network_is_created_through_the_page_with_members_typed_one_a_line(users, school, client_for):
    client = client_for(users[Role.SUPERVISOR.value])
    members = (
        "นางสาวสมใจ ใจดีมากเป็นพิเศษ | 1099000001 | ครูแกนนำภาษาไทย\nนายประเสริฐ ศรีสุวรรณ | โรงเรียนวัดนอกสังกัด | วิทยากร\n\n"
    )
    response = client.post(reverse("supervision:register_create", args=["networks"]), {
        "year": "2570", "kind": "core_teachers", "name": "เครือข่ายครูแกนนำการอ่านออกเขียนได้ อำเภอเมืองบุรีรัมย์",
        "focus": "ภาษาไทย", "cluster": school.cluster_id, "members": members,
    })  # fmt: skip
    assert response.status_code == 302
    network = Network.objects.get()
    rows = [(m.name, m.school_name, m.role) for m in network.members.all()]
    assert rows == [
        ("นางสาวสมใจ ใจดีมากเป็นพิเศษ", "โรงเรียนบ้านทดสอบ", "ครูแกนนำภาษาไทย"),
        ("นายประเสริฐ ศรีสุวรรณ", "โรงเรียนวัดนอกสังกัด", "วิทยากร"),
    ]
    edit = client.get(reverse("supervision:register_edit", args=["networks", network.pk])).content.decode()
    assert "นางสาวสมใจ ใจดีมากเป็นพิเศษ | 1099000001 | ครูแกนนำภาษาไทย" in edit
    assert "---------" not in edit


def test_a_member_line_without_a_name_is_refused_in_thai_and_nothing_is_lost(users, client_for):
    client = client_for(users[Role.SUPERVISOR.value])
    response = client.post(reverse("supervision:register_create", args=["networks"]), {
        "year": "2570", "kind": "model_teachers", "name": "เครือข่ายครูต้นแบบ", "members": " | โรงเรียนบ้านทดสอบ",
    })  # fmt: skip
    assert response.status_code == 200
    text = response.content.decode()
    assert "บรรทัดที่ 1: กรุณาใส่ชื่อ-สกุลก่อนเครื่องหมาย |" in text and "เครือข่ายครูต้นแบบ" in text
    assert not Network.objects.exists()


def test_a_good_practice_keeps_its_file_and_a_disguised_file_is_refused(users, school, client_for):
    client = client_for(users[Role.DIRECTOR.value])
    url = reverse("supervision:register_create", args=["practices"])
    data = {"year": "2570", "kind": "innovation", "school": school.pk, "title": "นวัตกรรมการอ่านออกเขียนได้ด้วยบัตรคำ",
            "published": "on", "published_where": "เว็บไซต์ สพป."}  # fmt: skip
    fake = SimpleUploadedFile("ผลงาน.pdf", b"not a pdf at all", content_type="application/pdf")
    refused = client.post(url, {**data, "file": fake})
    assert refused.status_code == 200 and "ไม่ใช่ PDF จริง" in refused.content.decode()
    assert client.post(url, {**data, "file": _pdf()}).status_code == 302
    record = GoodPractice.objects.get()
    assert record.file_name == "ผลงานวิธีปฏิบัติที่เป็นเลิศ.pdf" and record.published
    download = client_for(users[Role.EXECUTIVE.value]).get(
        reverse("supervision:register_file", args=["practices", record.pk])
    )
    assert b"".join(download.streaming_content) == PDF


def test_a_study_is_a_supervisors_research_or_km_with_a_thai_date(users, client_for):
    client = client_for(users[Role.SUPERVISOR.value])
    response = client.post(reverse("supervision:register_create", args=["studies"]), {
        "year": "2570", "kind": "km", "title": "KM ทุกวันอังคาร: การนิเทศแบบกัลยาณมิตร",
        "author": users[Role.SUPERVISOR.value].pk, "date": "3/12/2569", "summary": "แลกเปลี่ยนเทคนิคการนิเทศ",
    })  # fmt: skip
    assert response.status_code == 302
    study = Study.objects.get()
    assert study.date == dt.date(2026, 12, 3) and study.author == users[Role.SUPERVISOR.value]
    bad = client.post(reverse("supervision:register_create", args=["studies"]), {
        "year": "2570", "kind": "research", "title": "วิจัย", "author": users[Role.SUPERVISOR.value].pk,
        "date": "31/02/2569",
    })  # fmt: skip
    assert bad.status_code == 200 and Study.objects.count() == 1


def test_readers_see_the_registers_but_do_not_write_and_schools_do_not_know_them(users, school):
    record = practice(users, school, "การสอนแบบโครงงาน")
    assert list(register_records(users[Role.EXECUTIVE.value], GoodPractice)) == [record]
    assert not register_records(users[Role.SCHOOL.value], GoodPractice).exists()
    with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูทะเบียนเท่านั้น"):
        registers.register_record_save(user=users[Role.EXECUTIVE.value], record=record, data={"title": "แก้"})


def test_the_list_is_searched_in_thai_and_sorted_in_dictionary_order(users, school, other_school, client_for):
    practice(users, school, "โครงงานวิทยาศาสตร์")
    practice(users, school, "คณิตคิดสนุก")
    practice(users, other_school, "การอ่านออกเสียง")
    titles = [r.title for r in register_records(users[Role.DIRECTOR.value], GoodPractice)]
    assert titles == ["การอ่านออกเสียง", "คณิตคิดสนุก", "โครงงานวิทยาศาสตร์"]  # โ sorts under ค
    found = register_records(users[Role.DIRECTOR.value], GoodPractice, query="บ้านอื่น")
    assert [r.title for r in found] == ["การอ่านออกเสียง"]
    page = client_for(users[Role.CLERK.value]).get(
        reverse("supervision:register_list", args=["practices"]), {"q": "คณิต"}
    )
    text = page.content.decode()
    assert "คณิตคิดสนุก" in text and "โครงงานวิทยาศาสตร์" not in text


def test_a_cancelled_row_leaves_the_list_but_is_kept_and_can_come_back(users, school, client_for):
    record = practice(users, school, "ห้องเรียนคุณภาพ")
    client = client_for(users[Role.DIRECTOR.value])
    url = reverse("supervision:register_cancel", args=["practices", record.pk])
    assert client.post(url).status_code == 302
    record.refresh_from_db()
    assert record.cancelled and not register_records(users[Role.DIRECTOR.value], GoodPractice).exists()
    listed = client.get(reverse("supervision:register_list", args=["practices"]), {"cancelled": "1"}).content.decode()
    assert "ห้องเรียนคุณภาพ" in listed
    client.post(url, {"restore": "1"})
    record.refresh_from_db()
    assert not record.cancelled


def test_the_export_has_typed_cells_and_a_thai_file_name(users, school, client_for):
    practice(users, school, "นวัตกรรมการอ่าน", published=True, published_where="วารสารเขตพื้นที่")
    response = client_for(users[Role.EXECUTIVE.value]).get(reverse("supervision:register_export", args=["practices"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("ปี พ.ศ.", "ประเภท", "รหัสสถานศึกษา", "สถานศึกษา", "ชื่อผลงาน")
    assert rows[1][0] == 2570 and rows[1][2] == "1099000001" and sheet.cell(2, 3).number_format == "@"
    assert rows[1][6] == "เผยแพร่แล้ว" and len(rows) == 2
    assert quote("ทะเบียนวิธีปฏิบัติที่เป็นเลิศและนวัตกรรม") in response["Content-Disposition"]


def test_the_study_export_writes_its_date_as_a_date(users):
    registers.register_record_save(user=users[Role.SUPERVISOR.value], record=Study(), data={
        "year": 2570, "kind": "research", "title": "การพัฒนารูปแบบการนิเทศ", "author": users[Role.SUPERVISOR.value],
        "date": dt.date(2027, 3, 1),
    })  # fmt: skip
    from django.test import Client

    client = Client()
    client.force_login(users[Role.DIRECTOR.value])
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("supervision:register_export", args=["studies"])).content)
    ).active
    assert (
        sheet.cell(2, 6).value == dt.datetime(2027, 3, 1) and sheet.cell(2, 6).number_format == tabular.XLSX_DATE_FORMAT
    )


def test_the_search_box_finds_a_network_by_a_members_name(users, school):
    registers.network_save(
        user=users[Role.DIRECTOR.value], network=Network(), data={"year": 2570, "kind": "academic_centre",
        "name": "ศูนย์พัฒนาวิชาการกลุ่มสาระคณิตศาสตร์"},
        members=registers.parse_members("นางวิไลวรรณ ทองประเสริฐ | 1099000001 | ประธานศูนย์"),
    )  # fmt: skip

    def titles(user):
        return [h.title for group in search(user, "วิไลวรรณ") for h in group.hits]

    assert "ศูนย์พัฒนาวิชาการกลุ่มสาระคณิตศาสตร์" in titles(users[Role.SECRETARY.value])
    assert "ศูนย์พัฒนาวิชาการกลุ่มสาระคณิตศาสตร์" not in titles(users[Role.SCHOOL.value])


def test_a_year_outside_the_buddhist_era_is_refused(users, school):
    with pytest.raises(ValidationError, match="2500"):
        practice(users, school, "ผลงาน", year=2026)
