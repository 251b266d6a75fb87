"""Group events (กิจกรรมกลุ่ม): draft → held (counts) or cancelled; attendance per school; evidence.
Also the office's visit and event types and an activity's schedule, target schools and targets."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from core import thaidate
from core.roles import UserLike
from schools.models import Cluster, School

from .. import access
from ..models import (
    Activity,
    ActivityTarget,
    EventAttendance,
    EventEvidence,
    EventStatus,
    EventType,
    GroupEvent,
    TargetScope,
    VisitType,
)
from .visits import evidence_fields

__all__ = [
    "activity_targets_save", "event_add_cluster", "event_cancel", "event_evidence_add", "event_evidence_delete",
    "event_hold", "event_save", "event_set_attendance", "event_type_save", "visit_type_save",
]  # fmt: skip

EVENT_FIELDS = ("event_type", "title", "date", "end_date", "place", "activity", "other_people", "agenda", "outcomes")


def _require_editable(user: UserLike, event: GroupEvent) -> None:
    if not access.can_edit_event(user, event):
        raise ValidationError("กิจกรรมนี้แก้ไขไม่ได้ (ยกเลิกแล้ว หรือคุณไม่ได้อยู่ในคณะผู้ดำเนินการ)")


@transaction.atomic
def event_save(*, user: UserLike, event: GroupEvent | None = None, fields: dict, people: list) -> GroupEvent:
    """Create (as a draft) or update an event; its fiscal year follows its date."""
    if event is None:
        access.require_event_recorder(user)
        event = GroupEvent(created_by=user)
    else:
        _require_editable(user, event)
    for name in EVENT_FIELDS:
        if name in fields:
            setattr(event, name, fields[name])
    if event.end_date and event.end_date < event.date:
        raise ValidationError({"end_date": "วันสิ้นสุดต้องไม่ก่อนวันที่จัด"})
    event.fiscal_year = thaidate.fiscal_year(event.date)
    event.save()
    event.people.set(people)
    return event


@transaction.atomic
def event_set_attendance(*, user: UserLike, event: GroupEvent, rows: list[tuple[School, int, str]]) -> int:
    """Replace the schools that took part: (school, number of teachers, note); a school appears once."""
    _require_editable(user, event)
    seen: dict[int, tuple[School, int, str]] = {}
    for school, teachers, note in rows:
        if teachers < 0:
            raise ValidationError(f"จำนวนครูของ {school.name} ต้องไม่ติดลบ")
        seen[school.pk] = (school, teachers, note)
    event.attendance.exclude(school_id__in=seen).delete()
    for school, teachers, note in seen.values():
        EventAttendance.objects.update_or_create(
            event=event, school=school, defaults={"teachers": teachers, "note": note[:300]}
        )
    return len(seen)


@transaction.atomic
def event_add_cluster(*, user: UserLike, event: GroupEvent, cluster: Cluster) -> int:
    """Attendance by cluster in one step: every active school of the cluster not yet listed is added."""
    _require_editable(user, event)
    listed = set(event.attendance.values_list("school_id", flat=True))
    schools = School.objects.filter(cluster=cluster, is_active=True).exclude(pk__in=listed)
    EventAttendance.objects.bulk_create([EventAttendance(event=event, school=s) for s in schools])
    return len(schools)


@transaction.atomic
def event_hold(*, user: UserLike, event: GroupEvent) -> GroupEvent:
    """Mark the event as held: from now on it counts for its schools and its activity."""
    _require_editable(user, event)
    if event.status != EventStatus.DRAFT:
        raise ValidationError("บันทึกว่าจัดแล้วได้เฉพาะกิจกรรมที่เป็นร่าง")
    if not event.attendance.exists():
        raise ValidationError("กรุณาระบุโรงเรียนที่เข้าร่วมอย่างน้อย 1 โรงเรียนก่อนบันทึกว่าจัดแล้ว")
    if event.date > thaidate.today():
        raise ValidationError("กิจกรรมยังไม่ถึงวันจัด บันทึกว่าจัดแล้วได้ตั้งแต่วันที่จัด")
    event.status = EventStatus.HELD
    event.save(update_fields=["status", "updated_at"])
    return event


@transaction.atomic
def event_cancel(*, user: UserLike, event: GroupEvent, reason: str) -> GroupEvent:
    """Cancel (never delete): a cancelled event stays on record and no longer counts."""
    _require_editable(user, event)
    if not reason.strip():
        raise ValidationError("กรุณาระบุเหตุผลที่ยกเลิก")
    event.status = EventStatus.CANCELLED
    event.cancel_reason = reason.strip()[:300]
    event.save(update_fields=["status", "cancel_reason", "updated_at"])
    return event


@transaction.atomic
def event_evidence_add(*, user: UserLike, event: GroupEvent, upload: UploadedFile, caption: str = "") -> EventEvidence:
    """A file or photo, checked by its bytes like a visit's evidence."""
    _require_editable(user, event)
    return EventEvidence.objects.create(event=event, **evidence_fields(user=user, upload=upload, caption=caption))


@transaction.atomic
def event_evidence_delete(*, user: UserLike, evidence: EventEvidence) -> None:
    _require_editable(user, evidence.event)
    if evidence.event.status != EventStatus.DRAFT:
        raise ValidationError("ลบหลักฐานได้เฉพาะกิจกรรมที่ยังเป็นร่าง")
    evidence.file.delete(save=False)
    evidence.delete()


@transaction.atomic
def visit_type_save(*, user: UserLike, visit_type: VisitType | None = None, fields: dict) -> VisitType:
    """Add or rename a visit type; its code never changes once visits use it."""
    access.require_type_editor(user)
    visit_type = visit_type or VisitType(code=fields["code"])
    for name in ("name", "order", "is_active"):
        setattr(visit_type, name, fields[name])
    visit_type.save()
    return visit_type


@transaction.atomic
def event_type_save(*, user: UserLike, event_type: EventType | None = None, fields: dict) -> EventType:
    access.require_type_editor(user)
    event_type = event_type or EventType(code=fields["code"])
    for name in ("name", "order", "is_active", "counts_toward_coverage"):
        setattr(event_type, name, fields[name])
    event_type.save()
    return event_type


def _check_scope(fields: dict) -> None:
    scope = fields["scope"]
    if scope == TargetScope.CLUSTER and not fields.get("scope_cluster"):
        raise ValidationError({"scope_cluster": "กรุณาเลือกกลุ่มโรงเรียน"})
    if scope == TargetScope.GROUP and not fields.get("scope_group"):
        raise ValidationError({"scope_group": "กรุณาเลือกกลุ่มสถานศึกษาเป้าหมาย"})
    if scope == TargetScope.SCHOOLS and not fields.get("scope_schools"):
        raise ValidationError({"scope_schools": "กรุณาเลือกโรงเรียนอย่างน้อย 1 โรงเรียน"})
    if fields.get("starts_on") and fields.get("ends_on") and fields["ends_on"] < fields["starts_on"]:
        raise ValidationError({"ends_on": "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม"})


@transaction.atomic
def activity_targets_save(*, user: UserLike, activity: Activity, fields: dict, targets: list[dict]) -> Activity:
    """Schedule, target schools and targets per visit type or event type ({"visit_type"|"event_type", "per_school"})."""
    access.require_plan_editor(user)
    _check_scope(fields)
    for name in ("starts_on", "ends_on", "months", "scope", "scope_cluster", "scope_group", "visits_per_school_target"):
        setattr(activity, name, fields.get(name))
    activity.months = fields.get("months") or ""
    activity.save()
    chosen = list(fields.get("scope_schools") or []) if activity.scope == TargetScope.SCHOOLS else []
    activity.scope_schools.set(chosen)
    activity.targets.all().delete()
    ActivityTarget.objects.bulk_create([
        ActivityTarget(activity=activity, visit_type=t.get("visit_type"), event_type=t.get("event_type"),
                       per_school=t["per_school"])
        for t in targets
    ])  # fmt: skip
    return activity
