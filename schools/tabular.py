"""Column layout of the school and cluster spreadsheets: one definition for import and export."""

from __future__ import annotations

from collections.abc import Iterable

from core.tabular import NumericCell

from .models import Cluster, School

LEVELS = [
    ("level_kindergarten", "อนุบาล"),
    ("level_primary", "ประถมศึกษา"),
    ("level_extended", "ขยายโอกาส"),
    ("level_secondary", "มัธยมศึกษา"),
]

# (header, model field or special key, zero-pad width for codes Excel may turn into numbers)
SCHOOL_COLUMNS: list[tuple[str, str, int]] = [
    ("รหัสสถานศึกษา", "code", 10),
    ("รหัส SMIS", "smis_code", 8),
    ("รหัส Percode", "percode", 6),
    ("ชื่อสถานศึกษา", "name", 0),
    ("ระดับที่เปิดสอน", "levels", 0),
    ("ที่อยู่", "address", 0),
    ("ตำบล", "subdistrict", 0),
    ("อำเภอ", "district", 0),
    ("จังหวัด", "province", 0),
    ("รหัสไปรษณีย์", "postal_code", 5),
    ("ละติจูด", "latitude", 0),
    ("ลองจิจูด", "longitude", 0),
    ("ผู้บริหารสถานศึกษา", "principal_name", 0),
    ("โทรศัพท์", "phone", 0),
    ("อีเมล", "email", 0),
    ("จำนวนนักเรียน", "pupils", 0),
    ("จำนวนครู", "teachers", 0),
    ("กลุ่มโรงเรียน", "cluster", 0),
    ("เปิดสอน", "is_active", 0),
]
SCHOOL_REQUIRED = ["รหัสสถานศึกษา", "ชื่อสถานศึกษา"]
SCHOOL_TEXT_COLUMNS = [0, 1, 2, 9]

CLUSTER_COLUMNS: list[tuple[str, str]] = [
    ("ชื่อกลุ่มโรงเรียน", "name"),
    ("รหัสโรงเรียนประธาน", "chair"),
    ("รหัสโรงเรียนรองประธาน", "vice_chair"),
    ("ศึกษานิเทศก์ผู้รับผิดชอบ (ชื่อผู้ใช้ คั่นด้วย ,)", "responsible_supervisors"),
    ("หมายเหตุ", "note"),
]
CLUSTER_REQUIRED = ["ชื่อกลุ่มโรงเรียน"]

YES = {"ใช่", "เปิด", "เปิดสอน", "1", "true", "yes", "y", "x", "✓"}
NO = {"ไม่", "ไม่ใช่", "ปิด", "ยุบ", "0", "false", "no", "n"}


def _pad(value: str, width: int) -> str:
    """Give back the leading zeros Excel drops from codes it stored as numbers; text stays as typed."""
    if width and isinstance(value, NumericCell) and value.isdigit() and len(value) < width:
        return value.zfill(width)
    return value


def school_row_to_form_data(row: dict[str, str]) -> tuple[dict, str, list[str]]:
    """Form data for SchoolForm, the cluster name, and errors found while reading cells."""
    data: dict = {}
    errors: list[str] = []
    cluster_name = ""
    for header, key, width in SCHOOL_COLUMNS:
        value = _pad(row.get(header, ""), width)
        if key == "levels":
            names = {part.strip() for part in value.replace("،", ",").split(",") if part.strip()}
            known = {label for _, label in LEVELS}
            unknown = names - known
            if unknown:
                errors.append(f"ระดับ “{', '.join(sorted(unknown))}” ไม่รู้จัก ใช้ได้: {', '.join(sorted(known))}")
            for field, label in LEVELS:
                data[field] = label in names
        elif key == "cluster":
            cluster_name = value
        elif key == "is_active":
            lowered = value.lower()
            if lowered and lowered not in YES | NO:
                errors.append(f"คอลัมน์ “เปิดสอน” ต้องเป็น ใช่ หรือ ไม่ (พบ “{value}”)")
            data[key] = lowered not in NO
        elif key in ("pupils", "teachers"):
            data[key] = value.replace(",", "") or "0"
        else:
            data[key] = value
    return data, cluster_name, errors


def school_export_rows(schools: Iterable[School]) -> Iterable[list[object]]:
    for s in schools:
        yield [
            s.code, s.smis_code, s.percode, s.name, s.levels_display.replace(", ", ","), s.address,
            s.subdistrict, s.district, s.province, s.postal_code,
            s.latitude, s.longitude,  # numbers (Decimal), blank when unknown
            s.principal_name, s.phone, s.email, s.pupils, s.teachers,
            s.cluster.name if s.cluster else "", "ใช่" if s.is_active else "ไม่",
        ]  # fmt: skip


def cluster_export_rows(clusters: Iterable[Cluster]) -> Iterable[list[object]]:
    for c in clusters:
        yield [
            c.name,
            c.chair.code if c.chair else "",
            c.vice_chair.code if c.vice_chair else "",
            ",".join(u.username for u in c.responsible_supervisors.all()),
            c.note,
        ]
