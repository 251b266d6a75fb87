from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from supervision import services
from supervision.defaults import CLASSROOM, INTERNAL, QA_FOLLOW_UP
from supervision.models import Tool, ToolItem


def test_the_default_tools_are_shipped(tools):
    classroom = tools[CLASSROOM]
    assert [s.title.split(" ")[0] for s in classroom.sections.all()] == ["ก่อนสอน", "ขณะสอน", "หลังสอน"]
    assert [v for v, _ in classroom.levels] == [3, 2, 1, 0]
    assert INTERNAL in tools and tools[QA_FOLLOW_UP].scale == "yes-no"


def test_an_outline_becomes_sections_and_items(users, client_for, db):
    outline = "# ด้านที่ 1 การวางแผน\n- มีแผนการนิเทศ\n- มีคำสั่ง [ไม่มีความเห็น]\n# ด้านที่ 2\n- ติดตามผล"
    response = client_for(users["supervisor"]).post(
        reverse("supervision:tool_create"),
        {
            "name": "แบบนิเทศการอ่าน",
            "description": "",
            "scale": "1-5",
            "visit_type": "policy",
            "is_active": "on",
            "outline": outline,
        },
    )
    assert response.status_code == 302
    tool = Tool.objects.get(name="แบบนิเทศการอ่าน")
    items = list(ToolItem.objects.filter(section__tool=tool).values_list("text", "allow_comment"))
    assert items == [("มีแผนการนิเทศ", True), ("มีคำสั่ง", False), ("ติดตามผล", True)]
    assert services.tool_outline(tool) == outline


def test_renaming_an_item_keeps_its_scores_but_removing_a_scored_item_is_refused(users, make_visit, classroom_tool):
    make_visit("submitted")
    outline = services.tool_outline(classroom_tool).replace("มีแผนการจัดการเรียนรู้", "มีแผนการสอน")
    data = {
        "name": classroom_tool.name,
        "scale": "0-3",
        "visit_type": "classroom",
        "is_active": True,
        "outline": outline,
    }
    services.tool_save(user=users["supervisor"], tool=classroom_tool, data=data)
    assert ToolItem.objects.filter(text__startswith="มีแผนการสอน", scores__isnull=False).exists()
    shorter = "\n".join(outline.splitlines()[:2])
    with pytest.raises(ValidationError, match="ลบรายการที่มีผลการประเมินแล้วไม่ได้") as refused:
        services.tool_save(user=users["supervisor"], tool=classroom_tool, data={**data, "outline": shorter})
    assert "outline" in refused.value.message_dict


def test_an_outline_without_items_is_refused(db):
    with pytest.raises(ValidationError, match="เครื่องมือต้องมีอย่างน้อยหนึ่งตอนและหนึ่งรายการ"):
        services.parse_outline("# ตอนเดียว")
    with pytest.raises(ValidationError, match="บรรทัดที่ 1"):
        services.parse_outline("- รายการก่อนตอน")


def test_readers_cannot_save_a_tool(users, client_for, tools):
    tool = tools[CLASSROOM]
    response = client_for(users["executive"]).post(reverse("supervision:tool_edit", args=[tool.pk]), {"name": "x"})
    assert response.status_code == 403
