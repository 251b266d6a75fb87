"""School staff (issue 17): the SAR's evidence boxes are large enough to write a few lines in."""

from __future__ import annotations

import re

from django.urls import reverse


def test_every_evidence_box_of_the_sar_is_several_lines_high_and_labelled(school_user, client_for, draft):
    html = client_for(school_user).get(reverse("qa:sar_edit", args=[draft.pk])).content.decode()
    boxes = re.findall(r"<textarea name=\"evidence_\d+\"[^>]*>", html)
    assert len(boxes) == draft.ratings.count() > 0
    for box in boxes:
        assert 'rows="4"' in box and "sar-evidence" in box and 'aria-label="หลักฐาน / ข้อมูลสนับสนุน' in box


def test_evidence_typed_over_several_lines_is_kept(school_user, client_for, draft):
    rating = draft.ratings.select_related("standard").first()
    text = "ผลการทดสอบ O-NET ชั้นประถมศึกษาปีที่ 6 ปีการศึกษา 2568\nรายงานโครงการรักการอ่าน\nภาพกิจกรรมชุมนุมวิทยาศาสตร์"
    client_for(school_user).post(
        reverse("qa:sar_edit", args=[draft.pk]), {f"evidence_{rating.standard_id}": text, "action": "save"}
    )
    rating.refresh_from_db()
    assert rating.evidence.replace("\r\n", "\n") == text
