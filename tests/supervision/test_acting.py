"""An acting group director (รักษาราชการแทน) does the director's work inside the dates, nothing outside."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from core import thaidate
from core.models import ActingAppointment
from core.roles import Role, holders_of, is_acting
from correspondence import services as corr
from supervision.models import VisitStatus


def _appoint(users, *, starts: int, ends: int) -> ActingAppointment:
    today = thaidate.today()
    return ActingAppointment.objects.create(
        principal=users["director"], deputy=users["secretary"], position="ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
        starts_on=today + dt.timedelta(days=starts), ends_on=today + dt.timedelta(days=ends),
    )  # fmt: skip


def _fresh(user):
    user.refresh_from_db()
    user.__dict__.pop("_role_cache", None)
    return user


def test_inside_the_dates_the_deputy_approves_a_visit_and_writes_the_instruction(users, client_for, make_visit):
    _appoint(users, starts=-1, ends=2)
    deputy = _fresh(users["secretary"])
    assert is_acting(deputy, Role.DIRECTOR) and not is_acting(users["director"], Role.DIRECTOR)
    assert set(holders_of(Role.DIRECTOR)) == {users["director"], deputy}
    visit = make_visit(status="submitted")
    response = client_for(deputy).post(reverse("supervision:visit_approve", args=[visit.pk]), {"comment": "เห็นชอบ"})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.APPROVED
    assert visit.reviewed_as == "รักษาราชการแทนผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
    page = client_for(users["supervisor"]).get(reverse("supervision:visit_detail", args=[visit.pk])).content.decode()
    assert "(รักษาราชการแทนผู้อำนวยการกลุ่มนิเทศ" in page  # the history says in whose place
    letter = corr.letter_register_incoming(
        user=users["clerk"], subject="ขอเชิญประชุม", sender="สพฐ.", recipient_text="ผอ.กลุ่ม"
    )
    corr.letter_instruct(user=deputy, letter=letter, instruction="มอบ ศน. ดำเนินการ", assignees=[users["supervisor"]])
    step = letter.steps.get(kind="instructed", actor=deputy)
    assert step.text == "มอบ ศน. ดำเนินการ (รักษาราชการแทนผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา)"


def test_the_director_decides_in_their_own_name(users, make_visit):
    from supervision import services

    visit = services.visit_approve(user=users["director"], visit=make_visit(status="submitted"))
    assert visit.reviewed_as == ""


def test_outside_the_dates_the_deputy_gets_403(users, client_for, make_visit):
    _appoint(users, starts=-10, ends=-1)  # ended yesterday
    _appoint(users, starts=1, ends=5)  # starts tomorrow
    deputy = _fresh(users["secretary"])
    assert not is_acting(deputy, Role.DIRECTOR) and set(holders_of(Role.DIRECTOR)) == {users["director"]}
    visit = make_visit(status="submitted")
    response = client_for(deputy).post(reverse("supervision:visit_approve", args=[visit.pk]), {"comment": "เห็นชอบ"})
    assert response.status_code in (403, 404)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.SUBMITTED


def test_the_deputys_signature_on_the_visit_record_carries_their_position_and_the_acting_line(
    users, make_visit, django_capture_on_commit_callbacks
):
    from core.models import StaffProfile
    from supervision import services
    from tests.helpers import compact, pdf_compact, render_document

    _appoint(users, starts=-1, ends=2)
    deputy = _fresh(users["secretary"])
    StaffProfile.objects.update_or_create(
        user=deputy, defaults={"position": "ศึกษานิเทศก์", "academic_rank": "ชำนาญการพิเศษ"}
    )
    visit = services.visit_approve(user=_fresh(deputy), visit=make_visit(status="submitted"))
    text = pdf_compact(render_document(users["director"], "supervision.visit_record", {"visit": visit.pk},
                                       django_capture_on_commit_callbacks))  # fmt: skip
    assert compact("ศึกษานิเทศก์ชำนาญการพิเศษรักษาราชการแทนผู้อำนวยการกลุ่มนิเทศ") in text
