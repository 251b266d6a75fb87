"""The printed registers (issue 11): condensed การปฏิบัติ, density with real routing, cancelled entries,
recipients never cut, the orders register's own columns, and the page's filter carried to paper."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from core import documents, thaidate
from core import services as core_services
from core.models import DocumentJob, OfficeProfile
from correspondence import printing, services
from schools import services as school_services
from tests.helpers import compact, pdf_compact, pdf_page_count

LONG_TO = "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
NAMES = [("วิไลวรรณ", "ศรีสุวรรณวงศ์ชัย"), ("ประภาพร", "เจริญรุ่งเรืองกิจ"), ("ธนพัฒน์", "วงศ์ประเสริฐสกุล")]
PRINTOUTS = Path("var/test/printouts")


def _print(user, register: str, capture, **extra) -> DocumentJob:
    today = thaidate.format_numeric(thaidate.today())
    params = documents.get_kind("correspondence.register").params_from(
        {"register": register, "date_from": today, "date_to": today, **extra}
    )
    with capture(execute=True):
        job = core_services.document_request(user=user, kind="correspondence.register", params=params)
    job = DocumentJob.objects.get(pk=job.pk)
    assert job.status == "done", job.error
    return job


def _save_png(job: DocumentJob, kind: str) -> None:
    if shutil.which("pdftoppm"):
        PRINTOUTS.mkdir(parents=True, exist_ok=True)
        out = PRINTOUTS / f"{kind}-p1"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", job.result.path, str(out)],
                       check=True)  # fmt: skip


@pytest.fixture
def people(make_user, django_user_model):
    director = make_user("director")
    sups = [make_user("supervisor") for _ in range(2)]
    for user, (first, last) in zip([director, *sups], NAMES, strict=True):
        django_user_model.objects.filter(pk=user.pk).update(first_name=first, last_name=last)
        user.refresh_from_db()
    return director, sups


def _routed(users, people, incoming, n: int):
    director, sups = people
    letter = incoming(subject=f"แจ้งผลการประเมินการพัฒนาครูด้านสะเต็มศึกษา ครั้งที่ {n}/2569", recipient_text=LONG_TO,
                      sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", external_no=f"ศธ 04169/{3000 + n}")  # fmt: skip
    services.letter_present(user=users["clerk"], letter=letter)
    services.letter_instruct(user=director, letter=letter, instruction="มอบ ศน.ประภาพร และ ศน.ธนพัฒน์", assignees=sups)
    for a in letter.assignments.all():
        services.assignment_acknowledge(user=a.assignee, assignment=a)
        services.assignment_complete(user=a.assignee, assignment=a, result="ดำเนินการและแจ้งสถานศึกษาในกลุ่มแล้ว")
    return letter


def test_the_action_column_is_one_condensed_line(users, people, incoming):
    letter = _routed(users, people, incoming, 1)
    letter = type(letter).objects.prefetch_related("steps__target", "steps__actor").get(pk=letter.pk)
    today = printing.day_month(thaidate.today())
    assert printing.action_line(letter) == f"เสนอ {today}; มอบ ศน.ประภาพร, ศน.ธนพัฒน์; ปฏิบัติแล้ว {today}"


@pytest.mark.slow
def test_at_least_ten_routed_entries_fit_on_a_landscape_page(
    users, people, incoming, django_capture_on_commit_callbacks
):
    for n in range(30):
        _routed(users, people, incoming, n)
    job = _print(users["clerk"], "receive", django_capture_on_commit_callbacks)
    _save_png(job, "correspondence.register")
    assert pdf_page_count(job.result.path) <= 3
    text = pdf_compact(job.result.path)
    assert all(f"ศธ04169/{3000 + n}" in text for n in range(30))
    assert compact("มอบ ศน.ประภาพร, ศน.ธนพัฒน์") in text
    assert "ดำเนินการและแจ้งสถานศึกษาในกลุ่มแล้ว" not in text  # the full history is on the entry's page, not here


def test_a_cancelled_entry_prints_its_reason_in_the_remarks(users, incoming, django_capture_on_commit_callbacks):
    letter = incoming(subject="หนังสือที่ลงทะเบียนซ้ำโดยผิดพลาด")
    services.letter_cancel(user=users["clerk"], letter=letter, reason="ลงทะเบียนซ้ำกับเลขทะเบียนรับที่ 9")
    text = pdf_compact(_print(users["clerk"], "receive", django_capture_on_commit_callbacks).result.path)
    assert compact("ยกเลิก: ลงทะเบียนซ้ำกับเลขทะเบียนรับที่ 9") in text


def test_a_long_list_of_schools_is_summarised_and_attached_in_full(
    users, school, office, django_capture_on_commit_callbacks
):
    schools = [school] + [
        school_services.school_create(code=f"10990001{n:02d}", name=f"โรงเรียนบ้านหนองบัวพัฒนาศึกษา{n}",
                                      level_primary=True, district="เมือง", pupils=90, cluster=school.cluster)
        for n in range(14)
    ]  # fmt: skip
    services.letter_register_outgoing(
        user=users["clerk"], register_code="circular", subject="ขอเชิญประชุมผู้บริหารสถานศึกษา", schools=schools
    )
    job = _print(users["clerk"], "circular", django_capture_on_commit_callbacks)
    _save_png(job, "correspondence.register-circular")
    text = pdf_compact(job.result.path)
    assert compact("ผู้อำนวยการโรงเรียนในกลุ่มทดสอบหนึ่ง (15 โรง) ตามบัญชีแนบ") in text
    assert "…" not in text
    assert all(compact(f"ผู้อำนวยการ{s.name}") in text for s in schools)


def test_the_orders_register_has_its_own_columns(users, office, django_capture_on_commit_callbacks):
    profile = OfficeProfile.get()
    profile.director_name = "นายสมเกียรติ ศรีสุวรรณวงศ์"
    profile.save()
    services.letter_register_outgoing(
        user=users["clerk"],
        register_code="order",
        subject="แต่งตั้งคณะกรรมการนิเทศ ติดตามการจัดการศึกษา",
        recipient_text="ศึกษานิเทศก์ทุกคน",
    )
    job = _print(users["clerk"], "order", django_capture_on_commit_callbacks)
    _save_png(job, "correspondence.register-order")
    text = pdf_compact(job.result.path)
    assert compact("เลขที่ ลงวันที่ เรื่อง ผู้ลงนาม หน่วยงานเจ้าของเรื่อง หมายเหตุ") in text
    assert "แบบที่14" not in text and "การปฏิบัติ" not in text
    assert compact("นายสมเกียรติ ศรีสุวรรณวงศ์") in text


def test_a_printout_from_a_filtered_page_prints_only_that_filter(users, incoming, django_capture_on_commit_callbacks):
    incoming(subject="ขอเชิญอบรมลูกเสือเนตรนารี")
    incoming(subject="แจ้งกำหนดการทดสอบระดับชาติ")
    text = pdf_compact(_print(users["clerk"], "receive", django_capture_on_commit_callbacks, q="ลูกเสือ").result.path)
    assert "ขอเชิญอบรมลูกเสือเนตรนารี" in text and "แจ้งกำหนดการทดสอบระดับชาติ" not in text
    assert compact("เรื่อง (ค้นคำไทยได้): ลูกเสือ") in text


def test_a_bad_filter_is_refused_in_thai(db):
    kind = documents.get_kind("correspondence.register")
    with pytest.raises(ValidationError, match="เลขทะเบียน"):
        kind.params_from({"register": "receive", "date_from": "1/1/2569", "date_to": "2/1/2569", "number": "abc"})
