from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from committee import services
from committee.models import Category, Position
from correspondence.models import Letter
from correspondence.services import letter_issue_outgoing


def test_publishing_registers_the_invitation_as_an_outgoing_letter(secretary, make_meeting, client_for):
    meeting = make_meeting(dt.date(2026, 12, 20))
    services.item_add(user=secretary, meeting=meeting, section=4, title="พิจารณาแผน")
    response = client_for(secretary).post(
        reverse("committee:meeting_publish", args=[meeting.pk]), {"send_invitation": "1"}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    letter = meeting.invitation_letter
    assert letter is not None and letter.register.code == "send"
    assert "ขอเชิญประชุม" in letter.subject and "ครั้งที่ 1/2569" in letter.subject
    assert meeting.invitation_number == letter.document_no and meeting.invitation_number
    page = client_for(secretary).get(reverse("committee:meeting_detail", args=[meeting.pk])).content.decode()
    assert f"หนังสือเชิญประชุม ที่ <strong>{letter.document_no}</strong>" in page


def test_the_invitation_is_issued_once(secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 12, 20))
    services.item_add(user=secretary, meeting=meeting, section=4, title="พิจารณาแผน")
    services.meeting_publish_agenda(user=secretary, meeting=meeting, send_invitation=True)
    with pytest.raises(ValidationError, match="ออกหนังสือเชิญประชุมแล้ว"):
        services.invitation_issue(user=secretary, meeting=meeting)
    assert Letter.objects.filter(subject__contains="ขอเชิญประชุม").count() == 1


def test_publishing_without_the_letter_issues_no_number(secretary, make_meeting):
    meeting = make_meeting(dt.date(2026, 12, 20))
    services.item_add(user=secretary, meeting=meeting, section=4, title="พิจารณาแผน")
    services.meeting_publish_agenda(user=secretary, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.invitation_number == "" and not Letter.objects.exists()


def test_an_appointment_order_must_come_from_the_orders_register(secretary):
    order = letter_issue_outgoing(
        user=secretary, register_code="order", subject="แต่งตั้งคณะกรรมการ ก.ต.ป.น.", recipient_text="ผู้ที่ได้รับแต่งตั้ง"
    )
    letter = letter_issue_outgoing(user=secretary, register_code="send", subject="เรื่องอื่น", recipient_text="โรงเรียน")
    fields = dict(
        prefix="นาย",
        first_name="ก",
        last_name="ข",
        position=Position.MEMBER,
        category=Category.EXPERT,
        term_start=dt.date(2026, 1, 1),
    )
    member = services.member_create(user=secretary, appointment_order=order, **fields)
    assert member.order_display == order.document_no
    with pytest.raises(ValidationError, match="appointment_order"):
        services.member_create(user=secretary, appointment_order=letter, **fields)
