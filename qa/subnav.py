"""The QA app's sub-navigation (drawn by core: {% subnav "qa" %})."""

from __future__ import annotations

from core.roles import UserLike
from core.subnav import Tab, url_name_in

from . import access

LABEL = "เมนูงานประกันคุณภาพ"
_OFFICE = access.READERS


def _school_only(user: UserLike) -> bool:
    return access.own_school_id(user) is not None


TABS = [
    Tab("ภาพรวม", "qa:index", url_name_in("index"), roles=_OFFICE),
    Tab("รายงาน SAR", "qa:sar_list", url_name_in("sar_list", "sar_detail", "sar_edit"), roles=_OFFICE),
    Tab("ยังไม่ส่ง", "qa:sar_missing", url_name_in("sar_missing"), roles=_OFFICE),
    Tab("ผลการสังเคราะห์", "qa:synthesis", url_name_in("synthesis"), roles=_OFFICE),
    Tab("ประเมินภายนอก (สมศ.)", "qa:external_list", lambda r, c: "external" in (r.resolver_match.url_name or ""),
        roles=_OFFICE),
    Tab("กำหนดส่ง", "qa:deadlines", url_name_in("deadlines"), roles=_OFFICE),
    Tab("งานประกันคุณภาพของโรงเรียน", "qa:school_qa", url_name_in("school_qa"), visible=_school_only,
        args=lambda request: (access.own_school_id(request.user),)),
    Tab("รายงาน SAR", "qa:sar_list", url_name_in("sar_list", "sar_detail", "sar_edit"), visible=_school_only),
    Tab("ผลประเมินภายนอก", "qa:external_list", lambda r, c: "external" in (r.resolver_match.url_name or ""),
        visible=_school_only),
    Tab("มาตรฐานการศึกษา", "qa:standards", url_name_in("standards")),
]  # fmt: skip
