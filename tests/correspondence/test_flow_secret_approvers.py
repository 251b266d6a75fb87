"""A secret written letter is routed to its checkers and signer: they read what they must approve."""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.roles import Role
from correspondence import chain, selectors
from correspondence.models import ApprovalRole, LetterKind, Secrecy

SUBJECT = "ขอความร่วมมือตรวจสอบข้อร้องเรียนครูโรงเรียนบ้านหนองบัวแดงวิทยาคม (ลับ)"


@pytest.fixture
def secret_letters(users, make_user, school, office):
    """Two secret letters by the supervisor, each checked by a different secretary and signed by the director."""
    first_checker, second_checker = users["secretary"], make_user(Role.SECRETARY, username="secretary_two")

    def write(subject: str, checker):
        content = chain.letter_write(
            user=users["supervisor"], register_code="send", kind=LetterKind.EXTERNAL, subject=subject,
            schools=[school], body="ตามที่ได้รับแจ้ง\n\nจึงเรียนมาเพื่อโปรดพิจารณา", signer=users["director"],
            secrecy=Secrecy.SECRET,
        )  # fmt: skip
        chain_steps = [(ApprovalRole.CHECK, checker), (ApprovalRole.SIGN, users["director"])]
        return chain.content_submit(user=users["supervisor"], content=content, chain=chain_steps)

    first = write(SUBJECT, first_checker)
    second = write("ขอรายงานผลการสอบข้อเท็จจริงกรณีร้องเรียน (ลับ)", second_checker)
    return {"first": first, "second": second, "first_checker": first_checker, "second_checker": second_checker}


def test_the_checker_of_a_secret_letter_sees_its_subject_and_opens_its_pages(secret_letters, client_for):
    content, checker = secret_letters["first"], secret_letters["first_checker"]
    step = content.approvals.get(approver=checker)
    letter = selectors.letters_visible_to(checker).get(pk=content.letter_id)
    assert not letter.is_redacted
    assert letter.subject == SUBJECT
    client = client_for(checker)
    page = client.get(reverse("correspondence:approval_detail", args=[step.pk]))
    assert page.status_code == 200
    assert SUBJECT in page.content.decode()
    assert client.get(reverse("correspondence:content_detail", args=[content.pk])).status_code == 200


def test_the_checker_of_another_letter_does_not_see_this_one(secret_letters, client_for):
    content, other = secret_letters["first"], secret_letters["second_checker"]
    letter = selectors.letters_visible_to(other).get(pk=content.letter_id)
    assert letter.is_redacted
    assert SUBJECT not in letter.subject
    step = content.approvals.get(approver=secret_letters["first_checker"])
    client = client_for(other)
    assert client.get(reverse("correspondence:approval_detail", args=[step.pk])).status_code == 404
    assert client.get(reverse("correspondence:content_detail", args=[content.pk])).status_code == 404


def test_a_supervisor_outside_every_chain_still_sees_no_secret_subject(secret_letters, make_user):
    outsider = make_user(Role.SUPERVISOR, username="supervisor_outside")
    letters = selectors.letters_visible_to(outsider).filter(secrecy=Secrecy.SECRET)
    assert letters.count() == 2
    assert all(letter.is_redacted for letter in letters)
