"""The phone form: full save, autosave of incomplete input, teachers/scores/follow-ups, evidence."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.models import LearningArea
from supervision.models import Evidence, ToolItem, Visit


def _form_data(visit, tool, **overrides) -> dict:
    items = ToolItem.objects.filter(section__tool=tool)
    data = {
        "school": visit.school_id, "date": "20/11/2569", "visit_type": "classroom", "tool": tool.pk,
        "policy": "นโยบายด้านคุณภาพ ข้อ 1", "strengths": "นักเรียนมีส่วนร่วม", "to_develop": "การใช้คำถาม",
        "recommendations": "ใช้คำถามปลายเปิด",
        "t-TOTAL_FORMS": "2", "t-INITIAL_FORMS": "0", "t-0-name": "นางสาวครู ใจดี",
        "t-0-learning_area": LearningArea.objects.get(name="ภาษาไทย").pk, "t-0-grade": "ป.3", "t-1-name": "",
        "f-TOTAL_FORMS": "1", "f-INITIAL_FORMS": "0", "f-0-text": "ส่งแผนการจัดการเรียนรู้ที่ปรับปรุง",
        "f-0-due_date": "15/12/2569",
    }  # fmt: skip
    data.update({f"score_{i.pk}": "3" for i in items})
    data.update(overrides)
    return data


@pytest.fixture
def draft(make_visit):
    return make_visit("draft", scores=None)


def test_a_complete_form_saves_teachers_scores_and_follow_ups(users, client_for, draft, classroom_tool):
    response = client_for(users["supervisor"]).post(
        reverse("supervision:visit_edit", args=[draft.pk]), _form_data(draft, classroom_tool)
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.draft_data is None and draft.policy == "นโยบายด้านคุณภาพ ข้อ 1"
    assert [(t.name, t.grade) for t in draft.teachers.all()] == [("นางสาวครู ใจดี", "ป.3")]
    assert draft.scores.filter(value=3).count() == ToolItem.objects.filter(section__tool=classroom_tool).count()
    assert draft.follow_ups.get().due_date.isoformat() == "2026-12-15"


def test_autosave_keeps_an_impossible_date_and_everything_else_typed(users, client_for, draft, classroom_tool):
    client = client_for(users["supervisor"])
    data = _form_data(draft, classroom_tool, date="31/02/2569", strengths="ยังพิมพ์ไม่จบ")
    response = client.post(reverse("supervision:visit_autosave", args=[draft.pk]), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "บันทึกร่างอัตโนมัติแล้ว" in response.content.decode()
    draft.refresh_from_db()
    assert draft.draft_data["date"] == ["31/02/2569"] and draft.draft_data["strengths"] == ["ยังพิมพ์ไม่จบ"]
    page = client.get(reverse("supervision:visit_edit", args=[draft.pk])).content.decode()
    assert "ยังพิมพ์ไม่จบ" in page and "31/02/2569" in page and "ไม่มีวันที่ 31" in page


def test_autosave_of_a_complete_form_applies_it(users, client_for, draft, classroom_tool):
    client_for(users["supervisor"]).post(
        reverse("supervision:visit_autosave", args=[draft.pk]), _form_data(draft, classroom_tool)
    )
    draft.refresh_from_db()
    assert draft.draft_data is None and draft.strengths == "นักเรียนมีส่วนร่วม"


def test_a_follow_up_without_a_date_is_refused_but_kept(users, client_for, draft, classroom_tool):
    client = client_for(users["supervisor"])
    response = client.post(
        reverse("supervision:visit_edit", args=[draft.pk]), _form_data(draft, classroom_tool, **{"f-0-due_date": ""})
    )
    assert response.status_code == 200 and "กรุณากำหนดวันติดตาม" in response.content.decode()
    assert Visit.objects.get(pk=draft.pk).draft_data["f-0-text"] == ["ส่งแผนการจัดการเรียนรู้ที่ปรับปรุง"]


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(out, "JPEG")
    return out.getvalue()


def test_a_photo_is_accepted_by_its_content(users, client_for, draft):
    upload = SimpleUploadedFile("ภาพกิจกรรม.bin", _jpeg(), content_type="application/octet-stream")
    client_for(users["supervisor"]).post(
        reverse("supervision:evidence_upload", args=[draft.pk]), {"file": upload, "caption": "ครูสอน"}
    )
    evidence = Evidence.objects.get(visit=draft)
    assert evidence.content_type == "image/jpeg" and evidence.is_image
    response = client_for(users["supervisor"]).get(reverse("supervision:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert (
        client_for(users["school"]).get(reverse("supervision:evidence_download", args=[evidence.pk])).status_code == 404
    )


def test_a_script_named_like_a_photo_is_refused(users, client_for, draft):
    upload = SimpleUploadedFile("photo.jpg", b"#!/bin/sh\nrm -rf /\n", content_type="image/jpeg")
    response = client_for(users["supervisor"]).post(
        reverse("supervision:evidence_upload", args=[draft.pk]), {"file": upload}, follow=True
    )
    assert "ไฟล์ “photo.jpg” ไม่ใช่ JPEG จริง" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_file_over_the_size_limit_is_refused(users, client_for, draft, settings):
    settings.UPLOAD_MAX_BYTES = 100
    upload = SimpleUploadedFile("big.jpg", _jpeg(), content_type="image/jpeg")
    response = client_for(users["supervisor"]).post(
        reverse("supervision:evidence_upload", args=[draft.pk]), {"file": upload}, follow=True
    )
    assert "เกินที่กำหนด" in response.content.decode()
    assert not Evidence.objects.exists()


def test_the_phone_form_has_autosave_and_a_local_copy(users, client_for, draft):
    page = client_for(users["supervisor"]).get(reverse("supervision:visit_edit", args=[draft.pk])).content.decode()
    assert f'hx-post="/supervision/visits/{draft.pk}/autosave/"' in page
    assert "supervision/visit_form.js" in page and f'data-draft-key="visit-{draft.pk}"' in page
