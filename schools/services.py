"""Writes of schools, clusters and school staff membership, including all-or-nothing imports.

`school_create` and `cluster_create` are the setup primitives (demo data, imports, benchmarks);
every write a person makes through a page goes through a service that takes the acting `user`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from core.roles import Role, UserLike, has_role
from core.tabular import ImportFailed, NumericCell, RowError

from . import access
from .forms import SchoolForm
from .models import Cluster, School, SchoolMembership
from .tabular import CLUSTER_COLUMNS, school_row_to_form_data

User = get_user_model()


@transaction.atomic
def cluster_create(*, name: str, supervisors: list | None = None, note: str = "") -> Cluster:
    cluster = Cluster(name=name, note=note)
    cluster.full_clean()
    cluster.save()
    cluster.responsible_supervisors.set(supervisors or [])
    return cluster


@transaction.atomic
def cluster_merge(*, user: UserLike, source: Cluster, target: Cluster) -> int:
    """Merge a duplicate or misspelt cluster into the right one: its schools, supervisors and
    officers move to `target`, then the emptied `source` is removed. Returns the schools moved."""
    access.require_editor(user)
    if source.pk == target.pk:
        raise ValidationError("กรุณาเลือกกลุ่มโรงเรียนปลายทางที่ไม่ใช่กลุ่มเดิม")
    moved = School.objects.filter(cluster=source).update(cluster=target)
    target.responsible_supervisors.add(*source.responsible_supervisors.all())
    target.chair = target.chair or source.chair
    target.vice_chair = target.vice_chair or source.vice_chair
    if target.note or source.note:
        target.note = "\n".join(filter(None, [target.note, f"รวมจากกลุ่ม “{source.name}”"]))
    target.save()
    try:
        source.delete()
    except ProtectedError:
        raise ValidationError(f"ยังมีข้อมูลอื่นอ้างถึงกลุ่ม “{source.name}” จึงรวมไม่ได้") from None
    return moved


@transaction.atomic
def cluster_set_active(*, user: UserLike, cluster: Cluster, active: bool) -> Cluster:
    """Retire a cluster no longer in use (it stays in history, is no longer offered), or bring it back.
    A cluster that still has open schools cannot be retired: move them or merge the cluster first."""
    access.require_editor(user)
    open_schools = School.objects.filter(cluster=cluster, is_active=True).count()
    if not active and open_schools:
        raise ValidationError(
            f"กลุ่ม “{cluster.name}” ยังมีสถานศึกษาที่เปิดสอน {open_schools} แห่ง กรุณาย้ายสถานศึกษาหรือรวมกลุ่มก่อนปิดการใช้งาน"
        )
    cluster.is_active = active
    cluster.save(update_fields=["is_active"])
    return cluster


@transaction.atomic
def school_create(*, cluster: Cluster | None = None, **fields: object) -> School:
    school = School(cluster=cluster, **fields)
    school.full_clean()
    school.save()
    return school


@transaction.atomic
def school_save(*, user: UserLike, school: School | None, data: dict) -> School:
    """Create (school=None) or update a school from validated form data."""
    access.require_editor(user)
    school = school or School()
    for name, value in data.items():
        setattr(school, name, value)
    school.full_clean()
    school.save()
    return school


@transaction.atomic
def cluster_save(*, user: UserLike, cluster: Cluster | None, data: dict) -> Cluster:
    """Create (cluster=None) or update a cluster; `data` may hold `responsible_supervisors`."""
    access.require_editor(user)
    data = dict(data)
    supervisors = data.pop("responsible_supervisors", None)
    cluster = cluster or Cluster()
    for name, value in data.items():
        setattr(cluster, name, value)
    cluster.full_clean()
    cluster.save()
    if supervisors is not None:
        cluster.responsible_supervisors.set(supervisors)
    return cluster


@transaction.atomic
def membership_set(*, user: UserLike | None, member: UserLike, school: School | None, position: str = "") -> None:
    """Make `member` staff of `school` (None ends the membership). `user` None is the setup path."""
    if user is not None:
        access.require_editor(user)
    member._state.fields_cache.pop("school_membership", None)  # school_id_of reads it afresh
    if school is None:
        SchoolMembership.objects.filter(user=member).delete()
        return
    if not has_role(member, Role.SCHOOL):
        raise ValidationError("ผู้ใช้นี้ไม่ได้มีบทบาทบุคลากรสถานศึกษา")
    SchoolMembership.objects.update_or_create(user=member, defaults={"school": school, "position": position})


@transaction.atomic
def cluster_set_officers(*, cluster: Cluster, chair: School | None, vice_chair: School | None) -> Cluster:
    cluster.chair = chair
    cluster.vice_chair = vice_chair
    cluster.full_clean()
    cluster.save(update_fields=["chair", "vice_chair"])
    return cluster


def _form_errors(form: SchoolForm) -> list[tuple[str, str]]:
    out = []
    for field, messages in form.errors.items():
        label = form.fields[field].label if field in form.fields else "ทั้งแถว"
        out.extend((str(label), str(m)) for m in messages)
    return out


def unknown_clusters(rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    """The cluster names of an import that are not in the system, each with the nearest existing name ('' if none).

    A typo ("กลุ่มโรงเรียนโคกสุง") must never silently become a new cluster: the import page shows
    these names and creates only the ones the user ticks.
    """
    existing = list(Cluster.objects.values_list("name", flat=True))
    names: dict[str, str] = {}
    for row in rows:
        _, name, _ = school_row_to_form_data(row)
        if name and name not in existing and name not in names:
            close = difflib.get_close_matches(name, existing, n=1, cutoff=0.75)
            names[name] = close[0] if close else ""
    return list(names.items())


def _cluster_error(name: str, existing: list[str]) -> str:
    close = difflib.get_close_matches(name, existing, n=1, cutoff=0.75)
    hint = f" หมายถึง “{close[0]}” หรือไม่" if close else " หากเป็นกลุ่มใหม่ ให้ติ๊กยืนยันชื่อนี้แล้วนำเข้าอีกครั้ง"
    return f"ไม่พบกลุ่มโรงเรียน “{name}” ในระบบ{hint}"


@transaction.atomic
def schools_import(*, user: UserLike, rows: list[dict[str, str]], new_clusters: Iterable[str] = ()) -> dict[str, int]:
    """Create or update schools by code. All rows are checked; any error saves nothing.

    A cluster name not in the system is created only when it is in `new_clusters` (the names
    the user confirmed after seeing them); otherwise its rows fail with the nearest existing name.

    Returns counts {'created': n, 'updated': m}; raises ImportFailed with per-row errors.
    """
    access.require_editor(user)
    confirmed = {name.strip() for name in new_clusters if name.strip()}
    errors: list[RowError] = []
    clusters = {c.name: c for c in Cluster.objects.all()}
    existing = {s.code: s for s in School.objects.all()}
    seen: dict[str, int] = {}
    valid: list[SchoolForm] = []
    for number, row in enumerate(rows, start=2):
        data, cluster_name, cell_errors = school_row_to_form_data(row)
        errors += [RowError(number, "ระดับ/เปิดสอน", msg) for msg in cell_errors]
        code = data.get("code", "")
        if code in seen:
            errors.append(RowError(number, "รหัสสถานศึกษา", f"รหัส {code} ซ้ำกับแถวที่ {seen[code]}"))
        seen[code] = number
        if cluster_name in clusters and not clusters[cluster_name].is_active:
            errors.append(RowError(number, "กลุ่มโรงเรียน", f"กลุ่ม “{cluster_name}” ปิดการใช้งานแล้ว กรุณาใช้กลุ่มอื่น"))
        if cluster_name and cluster_name not in clusters:
            if cluster_name not in confirmed:
                errors.append(RowError(number, "กลุ่มโรงเรียน", _cluster_error(cluster_name, list(clusters))))
            else:
                clusters[cluster_name] = cluster_create(name=cluster_name)
        data["cluster"] = clusters[cluster_name].pk if cluster_name in clusters else None
        form = SchoolForm(data=data, instance=existing.get(code))
        if form.is_valid():
            valid.append(form)
        else:
            errors += [RowError(number, col, msg) for col, msg in _form_errors(form)]
    if errors:
        transaction.set_rollback(True)
        raise ImportFailed(errors)
    created = sum(1 for f in valid if f.instance.pk is None)
    for form in valid:
        form.save()
    return {"created": created, "updated": len(valid) - created}


@transaction.atomic
def clusters_import(*, user: UserLike, rows: list[dict[str, str]]) -> dict[str, int]:
    """Create or update clusters by name, with chair/vice-chair school codes and supervisors."""
    access.require_editor(user)
    headers = {key: header for header, key in CLUSTER_COLUMNS}
    errors: list[RowError] = []
    schools = {s.code: s for s in School.objects.all()}
    supervisors = {u.username: u for u in User.objects.filter(groups__name=Role.SUPERVISOR)}
    existing = {c.name: c for c in Cluster.objects.all()}
    counts = {"created": 0, "updated": 0}
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):
        name = row.get(headers["name"], "").strip()
        if not name:
            errors.append(RowError(number, headers["name"], "กรุณากรอกชื่อกลุ่มโรงเรียน"))
            continue
        if name in seen:
            errors.append(RowError(number, headers["name"], f"ชื่อกลุ่ม “{name}” ซ้ำในไฟล์"))
        seen.add(name)
        officers = {}
        for key in ("chair", "vice_chair"):
            cell = row.get(headers[key], "")
            code = cell.zfill(10) if isinstance(cell, NumericCell) else cell.strip()
            if code and code not in schools:
                errors.append(RowError(number, headers[key], f"ไม่พบโรงเรียนรหัส {code}"))
            officers[key] = schools.get(code)
        if officers["chair"] and officers["chair"] == officers["vice_chair"]:
            errors.append(RowError(number, headers["vice_chair"], "ประธานและรองประธานต้องมาจากคนละโรงเรียน"))
        usernames = [u.strip() for u in row.get(headers["responsible_supervisors"], "").split(",") if u.strip()]
        unknown = [u for u in usernames if u not in supervisors]
        if unknown:
            errors.append(
                RowError(number, headers["responsible_supervisors"], f"ไม่พบศึกษานิเทศก์ชื่อผู้ใช้: {', '.join(unknown)}")
            )
        if errors:
            continue
        cluster = existing.get(name) or Cluster(name=name)
        counts["updated" if cluster.pk else "created"] += 1
        cluster.note = row.get(headers["note"], "")
        cluster.chair, cluster.vice_chair = officers["chair"], officers["vice_chair"]
        cluster.save()
        cluster.responsible_supervisors.set([supervisors[u] for u in usernames])
    if errors:
        transaction.set_rollback(True)
        raise ImportFailed(errors)
    return counts
