"""The supervision app's sub-navigation (drawn by core: {% subnav "supervision" %}); roles from access.py."""

from __future__ import annotations

from core.roles import Role, UserLike, has_role
from core.subnav import Tab, path_has, path_is

from .access import DASHBOARD_READERS, PLAN_READERS, TOOL_READERS

LABEL = "เมนูงานนิเทศ"
OFFICE_AND_COMMITTEE = (*TOOL_READERS, Role.MEMBER)


def _school_staff_only(user: UserLike) -> bool:
    return not has_role(user, *OFFICE_AND_COMMITTEE)


TABS = [
    Tab("หน้างานนิเทศ", "supervision:index", path_is("/supervision/"), roles=OFFICE_AND_COMMITTEE),
    Tab("บันทึกการนิเทศ", "supervision:visit_list", path_has("/visits"), roles=OFFICE_AND_COMMITTEE),
    Tab("แผนนิเทศ", "supervision:plan_current", path_has("/plans", "/projects"), roles=PLAN_READERS),
    Tab("กิจกรรมกลุ่ม", "supervision:event_list", path_has("/events"), roles=PLAN_READERS),
    Tab("เครื่องมือนิเทศ", "supervision:tool_list", path_has("/tools"), roles=TOOL_READERS),
    Tab("ทะเบียนเครือข่าย/ผลงาน", "supervision:register_list", path_has("/registers"), roles=PLAN_READERS,
        args=lambda request: ("networks",)),
    Tab("แดชบอร์ด", "supervision:dashboard", path_has("/dashboard"), roles=DASHBOARD_READERS),
    # school staff see only their school's visit records
    Tab("บันทึกการนิเทศ", "supervision:visit_list", lambda r, c: "/visits" in r.path or r.path == "/supervision/",
        visible=_school_staff_only),
]  # fmt: skip
