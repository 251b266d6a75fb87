"""The committee's sub-navigation (drawn by core: {% subnav "committee" %})."""

from __future__ import annotations

from core.subnav import Tab, path_has, path_is

LABEL = "เมนู ก.ต.ป.น."
TABS = [
    Tab("ก.ต.ป.น.", "committee:index", path_is("/committee/")),
    Tab("การประชุม", "committee:meeting_list", path_has("/committee/meetings", "/committee/items")),
    Tab("คณะที่ประชุม", "committee:body_list", path_has("/committee/bodies")),
    Tab("มติที่ต้องติดตาม", "committee:resolution_list", path_has("/committee/resolutions")),
    Tab("รายชื่อกรรมการ", "committee:member_list", path_has("/committee/members")),
    Tab("รายงานประจำปี", "committee:report_list", path_has("/committee/reports")),
    Tab("สารสนเทศ 4 ด้าน", "committee:information_list", path_has("/committee/information")),
    Tab("การเผยแพร่", "committee:publication_list", path_has("/committee/publications")),
]
