"""The group's own monthly meeting invites people of the same office by บันทึกข้อความ (หนังสือภายใน);
the ก.ต.ป.น. and every other body write a หนังสือภายนอก."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from committee import services
from committee.models import BodyKind
from correspondence.letterpdf import render_letter
from correspondence.models import LetterKind
from tests.helpers import compact


def _published(user, body=None):
    meeting = services.meeting_create(user=user, body=body, date=dt.date(2026, 12, 11), start_time=dt.time(13, 30),
                                      place="ห้องประชุมกลุ่มนิเทศฯ ชั้น 2")  # fmt: skip
    services.item_add(user=user, meeting=meeting, section=1, title="ประธานแจ้งเพื่อทราบ")
    services.meeting_publish_agenda(user=user, meeting=meeting)
    return meeting


def test_the_groups_monthly_meeting_is_invited_by_memo_and_the_committee_by_external_letter(users, secretary):
    clerk = users["clerk"]
    group = services.body_create(user=clerk, name="ประชุมประจำเดือนกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
                                 kind=BodyKind.INTERNAL, meetings_per_year=12)  # fmt: skip
    memo = services.invitation_draft(user=clerk, meeting=_published(clerk, group))
    assert memo.kind == LetterKind.MEMO
    text = compact(
        "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_letter(memo, stage="draft"))).pages)
    )
    assert compact("บันทึกข้อความ") in text and compact("ขอแสดงความนับถือ") not in text
    assert compact("ครั้งที่ 1/2569") in text
    external = services.invitation_draft(user=secretary, meeting=_published(secretary))
    assert external.kind == LetterKind.EXTERNAL
