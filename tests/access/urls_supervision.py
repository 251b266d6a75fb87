"""Supervision: visits by team and status, plans for office and committee roles, tools for office staff.

The rules are supervision/access.py. Objects are built through the services. Where a POST would
change the state the next role sees, the case is chosen so it does not (an incomplete draft, a
return without a comment, a visit already approved), so each role's answer is the rule's and not
an effect of the order the roles are tried in.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile

from core import thaidate
from supervision import services
from supervision.models import Project, SchoolGroup, Tool, Visit
from tests.access.matrix import Case, World, everyone, post_only

ROLES_ALL = everyone(200)
VISITORS = everyone(403, supervisor=200, director=200)
# A draft of the supervisor: the director and the administrator read it, only its team edits it.
DRAFT_READ = everyone(404, administrator=200, supervisor=200, director=200)
DRAFT_EDIT = everyone(404, administrator=403, supervisor=200, director=403)
# An approved visit: every role but the clerk reads it (school staff: their own school's).
APPROVED_READ = everyone(200, clerk=404)
# Plans: every office and committee role reads; school staff do not know plans exist.
PLAN_READ = everyone(200, school=404)
PLAN_EDIT = everyone(403, administrator=200, supervisor=200, director=200, school=404)
PLAN_WRITE_POST = everyone(403, administrator=302, supervisor=302, director=302, school=404)
# Tools: office staff read; editors change.
TOOL_READ = everyone(200, member=403, school=403)
TOOL_EDIT = everyone(403, administrator=200, supervisor=200, director=200)
DASHBOARD = everyone(200, clerk=403, school=403)
EVENT_DRAFT = everyone(404, administrator=200, supervisor=200, director=200)
EVENT_DRAFT_POST = everyone(404, administrator=302, supervisor=302, director=302)


def _pdf(name: str = "หลักฐาน.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% access table\n", content_type="application/pdf")


def _visit(world: World, *, strengths: str = "ครูใช้สื่อหลากหลาย", follow_up: bool = False) -> Visit:
    """A draft by the supervisor at the test school, complete enough to submit unless `strengths` is empty."""
    supervisor = world.users["supervisor"]
    day = thaidate.today()
    visit = services.visit_create(user=supervisor, school=world.school, date=day, visit_type="classroom")
    follow_ups = [{"text": "ติดตามการวัดผล", "due_date": day}] if follow_up else []
    fields = {"school": world.school, "date": day, "visit_type": "classroom", "strengths": strengths}
    return services.visit_save(
        user=supervisor, visit=visit, fields=fields, team=[], teachers=[], scores={}, follow_ups=follow_ups
    )


def _visits(world: World) -> dict:
    supervisor, director = world.users["supervisor"], world.users["director"]
    draft = _visit(world)
    draft_evidence = services.evidence_add(user=supervisor, visit=draft, upload=_pdf())
    incomplete = _visit(world, strengths="")
    submitted = _visit(world)
    services.visit_submit(user=supervisor, visit=submitted)
    approved = _visit(world, follow_up=True)
    evidence = services.evidence_add(user=supervisor, visit=approved, upload=_pdf())
    services.visit_submit(user=supervisor, visit=approved)
    services.visit_approve(user=director, visit=approved)
    acknowledged = _visit(world)
    services.visit_submit(user=supervisor, visit=acknowledged)
    services.visit_approve(user=director, visit=acknowledged)
    services.visit_acknowledge(user=world.users["school"], visit=acknowledged)
    return {
        "draft": draft, "draft_evidence": draft_evidence, "incomplete": incomplete, "submitted": submitted,
        "approved": approved, "evidence": evidence, "follow_up": approved.follow_ups.get(),
        "survey": acknowledged.survey,
    }  # fmt: skip


def _plans(world: World) -> dict:
    director = world.users["director"]
    plan = services.plan_get_or_create(fiscal_year=thaidate.fiscal_year(thaidate.today()), user=director)
    project = services.project_save(
        user=director,
        project=Project(plan=plan),
        data={"order": 1, "name": "โครงการทดสอบสิทธิ์"},
        activities=[{"id": None, "DELETE": False, "order": 1, "name": "กิจกรรมทดสอบ", "responsible_users": []}],
        indicators=[],
    )
    activity = project.activities.get()
    type(activity).objects.filter(pk=activity.pk).update(amount=20000)
    spending = services.spending_record(
        user=director,
        activity=activity,
        date=thaidate.today(),
        amount="3600.00",
        category="operating",
        purpose="ค่าอาหาร",
    )
    note = services.phase_note_add(user=director, project=project, note="เริ่มวางแผน", evidence=_pdf())
    group = services.school_group_save(
        user=director, group=SchoolGroup(plan=plan), data={"name": "กลุ่มทดสอบ", "schools": [world.school]}
    )
    return {"plan": plan, "project": project, "activity": activity, "phase_note": note, "school_group": group,
            "spending": spending}  # fmt: skip


def _registers(world: World) -> dict:
    """One row of each register (issue 16), the good practice with a file to download."""
    from supervision.models import GoodPractice, Network, Study
    from supervision.services import registers

    director = world.users["director"]
    network = registers.network_save(
        user=director, network=Network(), data={"year": 2570, "kind": "core_teachers", "name": "เครือข่ายครูแกนนำ"},
        members=[{"name": "นางสาวสมใจ ใจดี", "school": world.school, "school_text": "", "role": "ครูแกนนำ"}],
    )  # fmt: skip
    practice = registers.register_record_save(
        user=director, record=GoodPractice(), upload=_pdf("ผลงาน.pdf"),
        data={"year": 2570, "kind": "innovation", "school": world.school, "title": "นวัตกรรมการอ่าน"},
    )  # fmt: skip
    study = registers.register_record_save(
        user=director, record=Study(), data={"year": 2570, "kind": "km", "title": "KM วันอังคาร", "author": director}
    )
    return {"network": network, "practice": practice, "study": study}


def _events(world: World) -> dict:
    """Group events (issue 16): a draft of the supervisor with evidence, and a held one with the test school."""
    from supervision.models import EventType

    supervisor = world.users["supervisor"]
    fields = {"event_type": EventType.objects.get(code="group"), "title": "พบกลุ่ม สวัสดีคุณครู", "date": thaidate.today()}
    draft = services.event_save(user=supervisor, fields=fields, people=[supervisor])
    event_evidence = services.event_evidence_add(user=supervisor, event=draft, upload=_pdf())
    held = services.event_save(user=supervisor, fields=fields, people=[supervisor])
    services.event_set_attendance(user=supervisor, event=held, rows=[(world.school, 12, "")])
    services.event_hold(user=supervisor, event=held)
    return {"event_draft": draft, "event_held": held, "event_evidence": event_evidence}


def _register(kind: str, key: str = "") -> Callable[[World], dict]:
    if not key:
        return lambda world: {"kind": kind}
    return lambda world: {"kind": kind, "pk": world.objects["supervision"][key].pk}


def objects(world: World) -> dict:
    tool = services.tool_save(
        user=world.users["director"],
        tool=Tool(),
        data={"name": "แบบทดสอบสิทธิ์", "scale": "0-3", "is_active": True, "outline": "# ตอนที่ 1\n- ข้อที่ 1"},
    )
    return {"supervision": {**_visits(world), **_plans(world), **_registers(world), **_events(world), "tool": tool}}


def _pk(key: str) -> Callable[[World], dict]:
    return lambda world: {"pk": world.objects["supervision"][key].pk}


def _year(world: World) -> dict:
    return {"year": world.objects["supervision"]["plan"].fiscal_year}


CASES = {
    # The hub; school staff are sent to their visit list.
    "supervision:index": Case(expect=everyone(200, school=302)),
    "supervision:visit_list": Case(expect=ROLES_ALL),
    "supervision:visit_export": Case(expect=ROLES_ALL),
    "supervision:visit_start": Case(expect=VISITORS),
    "supervision:visit_detail": [
        Case(kwargs=_pk("draft"), expect=DRAFT_READ),
        Case(kwargs=_pk("approved"), expect=APPROVED_READ),
    ],
    "supervision:visit_edit": Case(kwargs=_pk("draft"), expect=DRAFT_EDIT),
    "supervision:visit_autosave": post_only(DRAFT_EDIT, kwargs=_pk("draft")),
    # An incomplete draft: its team is told what is missing (302), the others may not submit it.
    "supervision:visit_submit": post_only(
        everyone(404, administrator=403, supervisor=302, director=403), kwargs=_pk("incomplete")
    ),
    # Already approved: the director is told so (302); nobody else may approve (403), the clerk does not see it.
    "supervision:visit_approve": post_only(everyone(403, clerk=404, director=302), kwargs=_pk("approved")),
    # Bulk approval from the list: the group director's only; nothing ticked, so she is sent back to the list (302).
    "supervision:visit_approve_many": post_only(everyone(403, director=302)),
    # Submitted, returned without a comment: the director is asked for one (302); the rest who see it: 403.
    "supervision:visit_return": post_only(
        everyone(404, administrator=403, supervisor=403, director=302, secretary=403), kwargs=_pk("submitted")
    ),
    # Only the visited school acknowledges (the school comes last, so the visit is still approved for the others).
    "supervision:visit_acknowledge": post_only(everyone(403, clerk=404, school=302), kwargs=_pk("approved")),
    # No file: the team is told to choose one (302).
    "supervision:evidence_upload": post_only(
        everyone(404, administrator=403, supervisor=302, director=403), kwargs=_pk("draft")
    ),
    "supervision:evidence_download": [
        Case(kwargs=_pk("draft_evidence"), expect=DRAFT_READ),
        Case(kwargs=_pk("evidence"), expect=APPROVED_READ),
    ],
    # Evidence of an approved visit is part of the record: nobody deletes it.
    "supervision:evidence_delete": post_only(everyone(403, clerk=404), kwargs=_pk("evidence")),
    # The visit team records the follow-up; the others who see the visit may not.
    "supervision:follow_up_done": post_only(everyone(403, clerk=404, supervisor=302), kwargs=_pk("follow_up")),
    # Public by unguessable token: the school answers without an account.
    "supervision:survey": Case(
        kwargs=lambda w: {"token": w.objects["supervision"]["survey"].token}, expect=everyone(200, anonymous=200)
    ),
    "supervision:plan_current": Case(expect=everyone(302, school=403)),
    "supervision:plan_detail": Case(kwargs=_year, expect=PLAN_READ),
    "supervision:plan_edit": Case(kwargs=_year, expect=PLAN_EDIT),
    # The first editor copies, the next are told the copy exists: a redirect either way.
    "supervision:plan_copy": post_only(PLAN_WRITE_POST, kwargs=_year),
    "supervision:school_group_create": Case(kwargs=_year, expect=PLAN_EDIT),
    "supervision:school_group_edit": Case(kwargs=_pk("school_group"), expect=PLAN_EDIT),
    "supervision:project_create": Case(kwargs=_year, expect=PLAN_EDIT),
    "supervision:project_detail": Case(kwargs=_pk("project"), expect=PLAN_READ),
    "supervision:activity_detail": Case(kwargs=_pk("activity"), expect=PLAN_READ),
    "supervision:activity_spending": Case(kwargs=_pk("activity"), expect=PLAN_READ),
    # The administrator (asked first) deletes the entry; for every role after it, it is gone. Who may
    # delete is tested role by role in tests/supervision/test_budget.py.
    "supervision:spending_delete": post_only(everyone(404, administrator=302), kwargs=_pk("spending")),
    "supervision:project_edit": Case(kwargs=_pk("project"), expect=PLAN_EDIT),
    # Without a note: editors are asked for one (302).
    "supervision:project_phase": post_only(PLAN_WRITE_POST, kwargs=_pk("project")),
    "supervision:activity_phase": post_only(PLAN_WRITE_POST, kwargs=_pk("activity")),
    "supervision:phase_note_evidence": Case(kwargs=_pk("phase_note"), expect=PLAN_READ),
    "supervision:tool_list": Case(expect=TOOL_READ),
    "supervision:tool_create": Case(expect=TOOL_EDIT),
    "supervision:tool_edit": Case(kwargs=_pk("tool"), expect=TOOL_READ),
    "supervision:dashboard": Case(expect=DASHBOARD),
    # Group events: plan readers see held ones; a draft only its people, the director and the administrator.
    "supervision:event_list": Case(expect=everyone(200, school=403)),
    "supervision:event_create": Case(expect=VISITORS),
    "supervision:event_detail": [
        Case(kwargs=_pk("event_draft"), expect=EVENT_DRAFT),
        Case(kwargs=_pk("event_held"), expect=PLAN_READ),
    ],
    "supervision:event_edit": Case(kwargs=_pk("event_draft"), expect=EVENT_DRAFT),
    # Without data each editor is sent back with a message (302) and the draft stays a draft.
    "supervision:event_attendance": post_only(EVENT_DRAFT_POST, kwargs=_pk("event_draft")),
    "supervision:event_add_cluster": post_only(EVENT_DRAFT_POST, kwargs=_pk("event_draft")),
    "supervision:event_hold": post_only(EVENT_DRAFT_POST, kwargs=_pk("event_draft")),
    "supervision:event_cancel": post_only(EVENT_DRAFT_POST, kwargs=_pk("event_draft")),
    "supervision:event_evidence_upload": post_only(EVENT_DRAFT_POST, kwargs=_pk("event_draft")),
    "supervision:event_evidence_download": Case(kwargs=_pk("event_evidence"), expect=EVENT_DRAFT),
    "supervision:visit_types": Case(expect=everyone(200, school=403)),
    "supervision:activity_targets": Case(kwargs=_pk("activity"), expect=PLAN_EDIT),
    # Issue 16: the project result report's typed parts, the summary chooser, survey questions, registers.
    "supervision:project_report_edit": Case(kwargs=_pk("project"), expect=PLAN_EDIT),
    "supervision:summary_choice": Case(expect=everyone(403, administrator=200, supervisor=200, director=200)),
    "supervision:survey_questions_edit": Case(kwargs=_year, expect=PLAN_EDIT),
    "supervision:register_list": [
        Case(kwargs=_register("networks"), expect=PLAN_READ),
        Case(kwargs=_register("practices"), expect=PLAN_READ),
        Case(kwargs=_register("studies"), expect=PLAN_READ),
    ],
    "supervision:register_export": Case(kwargs=_register("practices"), expect=PLAN_READ),
    "supervision:register_create": Case(kwargs=_register("studies"), expect=PLAN_EDIT),
    "supervision:register_edit": [
        Case(kwargs=_register("networks", "network"), expect=PLAN_EDIT),
        Case(kwargs=_register("practices", "practice"), expect=PLAN_EDIT),
        Case(kwargs=_register("studies", "study"), expect=PLAN_EDIT),
    ],
    "supervision:register_file": Case(kwargs=_register("practices", "practice"), expect=PLAN_READ),
    # Cancelling twice is harmless: editors are sent back to the list (302) every time.
    "supervision:register_cancel": post_only(PLAN_WRITE_POST, kwargs=_register("studies", "study")),
}
