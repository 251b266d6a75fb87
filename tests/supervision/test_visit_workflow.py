from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from supervision import services
from supervision.models import SurveyInvitation, Visit, VisitStatus

from .conftest import VISIT_DAY


def test_a_visit_goes_from_draft_to_acknowledged_and_a_survey_is_issued(users, make_visit):
    visit = make_visit("acknowledged")
    assert visit.status == VisitStatus.ACKNOWLEDGED
    assert visit.reviewed_by == users["director"] and visit.acknowledged_by == users["school"]
    assert visit.fiscal_year == 2570
    assert SurveyInvitation.objects.filter(visit=visit).count() == 1


def test_the_recording_supervisor_is_always_in_the_team(users, make_visit):
    visit = make_visit()
    assert list(visit.team.all()) == [users["supervisor"]]


def test_submitting_needs_every_tool_item_scored(users, make_visit):
    visit = make_visit(scores=None)
    with pytest.raises(ValidationError, match="ยังไม่ได้ให้คะแนน"):
        services.visit_submit(user=users["supervisor"], visit=visit)
    assert Visit.objects.get(pk=visit.pk).status == VisitStatus.DRAFT


def test_submitting_needs_some_findings(users, make_visit):
    visit = make_visit(strengths="", to_develop="")
    Visit.objects.filter(pk=visit.pk).update(recommendations="")
    with pytest.raises(ValidationError, match="จุดเด่น"):
        services.visit_submit(user=users["supervisor"], visit=visit)


def test_an_unsaved_raw_draft_blocks_submission_until_it_is_fixed(users, make_visit):
    visit = make_visit()
    services.visit_autosave_raw(user=users["supervisor"], visit=visit, raw={"date": ["31/02/2569"]})
    with pytest.raises(ValidationError, match="ยังไม่ผ่านการตรวจสอบ"):
        services.visit_submit(user=users["supervisor"], visit=visit)


@pytest.mark.parametrize("role", ["supervisor", "secretary", "executive", "school", "clerk", "member", "administrator"])
def test_only_the_group_director_approves(users, make_visit, role):
    visit = make_visit("submitted")
    with pytest.raises(PermissionDenied, match="เฉพาะผู้อำนวยการกลุ่มนิเทศฯ อนุมัติบันทึกการนิเทศได้"):
        services.visit_approve(user=users[role], visit=visit)
    services.visit_approve(user=users["director"], visit=visit)
    assert Visit.objects.get(pk=visit.pk).status == VisitStatus.APPROVED


def test_a_return_needs_a_comment_and_reopens_the_draft_for_the_team(users, make_visit):
    visit = make_visit("submitted")
    with pytest.raises(ValidationError, match="กรุณาระบุสิ่งที่ต้องแก้ไขเมื่อส่งกลับ"):
        services.visit_return(user=users["director"], visit=visit, comment="  ")
    services.visit_return(user=users["director"], visit=visit, comment="กรุณาแนบภาพกิจกรรม")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.RETURNED and visit.review_comment == "กรุณาแนบภาพกิจกรรม"
    services.visit_submit(user=users["supervisor"], visit=visit)
    assert Visit.objects.get(pk=visit.pk).status == VisitStatus.SUBMITTED


def test_a_draft_cannot_be_approved_and_an_approved_visit_cannot_be_returned(users, make_visit):
    with pytest.raises(ValidationError, match="อนุมัติได้เฉพาะบันทึกที่ส่งแล้วและรอพิจารณา"):
        services.visit_approve(user=users["director"], visit=make_visit("draft"))
    with pytest.raises(ValidationError, match="ส่งกลับได้เฉพาะบันทึกที่ส่งแล้วและรอพิจารณา"):
        services.visit_return(user=users["director"], visit=make_visit("approved"), comment="แก้")


def test_only_staff_of_the_visited_school_acknowledge(users, make_visit, make_user, other_school):
    visit = make_visit("approved")
    outsider = make_user("school", school=other_school)
    for user in (outsider, users["supervisor"], users["director"]):
        with pytest.raises(PermissionDenied, match="เฉพาะบุคลากรของสถานศึกษาที่รับการนิเทศรับทราบได้"):
            services.visit_acknowledge(user=user, visit=visit)
    services.visit_acknowledge(user=users["school"], visit=visit, note="รับทราบและจะดำเนินการ")
    with pytest.raises(ValidationError, match="รับทราบได้เฉพาะบันทึกที่ผู้อำนวยการกลุ่มอนุมัติแล้ว"):
        services.visit_acknowledge(user=users["school"], visit=visit)


def test_a_submitted_visit_can_no_longer_be_edited_by_its_author(users, make_visit):
    visit = make_visit("submitted")
    with pytest.raises(PermissionDenied, match="แก้ไขได้เฉพาะร่างของตนเองหรือของคณะที่ตนร่วมนิเทศ"):
        services.visit_autosave_raw(user=users["supervisor"], visit=visit, raw={"strengths": ["x"]})


def test_a_team_member_may_edit_but_another_supervisor_may_not(users, make_visit, make_user):
    colleague = make_user("supervisor")
    stranger = make_user("supervisor")
    visit = make_visit(team=[colleague])
    services.visit_autosave_raw(user=colleague, visit=visit, raw={"strengths": ["ทีมเพิ่มข้อมูล"]})
    with pytest.raises(PermissionDenied, match="แก้ไขได้เฉพาะร่างของตนเองหรือของคณะที่ตนร่วมนิเทศ"):
        services.visit_autosave_raw(user=stranger, visit=visit, raw={"strengths": ["ไม่ใช่ทีม"]})


def test_only_supervisors_start_visits(users, school, classroom_tool):
    for role in ("executive", "school", "clerk", "member"):
        with pytest.raises(PermissionDenied, match="เฉพาะศึกษานิเทศก์บันทึกการนิเทศได้"):
            services.visit_create(user=users[role], school=school, date=VISIT_DAY, visit_type="classroom")


def test_follow_ups_are_marked_done_once_by_the_team(users, make_visit):
    visit = make_visit("approved")
    action = visit.follow_ups.create(text="ส่งแผนการสอนที่ปรับปรุง", due_date=VISIT_DAY)
    with pytest.raises(PermissionDenied, match="เฉพาะคณะผู้นิเทศบันทึกผลการติดตามได้"):
        services.follow_up_mark_done(user=users["school"], action=action)
    services.follow_up_mark_done(user=users["supervisor"], action=action, note="ส่งแล้ว")
    with pytest.raises(ValidationError, match="บันทึกผลการติดตามรายการนี้แล้ว"):
        services.follow_up_mark_done(user=users["supervisor"], action=action)


def test_every_workflow_step_is_kept_in_the_history(users, make_visit):
    visit = make_visit("approved")
    statuses = list(visit.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[-2:] == ["submitted", "approved"]
    assert "draft" in statuses
