"""Registering a received letter and presenting it to the director can be one step of the service
(the receive form's การปฏิบัติ "เสนอ ผอ.กลุ่มทันที"), so the API and the page do the same."""

from __future__ import annotations

from correspondence.models import Status, StepKind

SUBJECT = "ขอเชิญประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา ครั้งที่ 3/2569"


def test_a_letter_registered_with_present_now_reaches_the_director_in_the_same_step(incoming):
    letter = incoming(subject=SUBJECT, present_now=True)
    assert letter.status == Status.PRESENTED
    assert list(letter.steps.values_list("kind", flat=True)) == [StepKind.REGISTERED, StepKind.PRESENTED]


def test_a_letter_registered_without_present_now_waits_for_the_clerk(incoming):
    letter = incoming(subject=SUBJECT)
    assert letter.status == Status.REGISTERED
    assert list(letter.steps.values_list("kind", flat=True)) == [StepKind.REGISTERED]
