"""Who hears of letters: the director of a presented letter, assignees, a school of a letter sent to it,
everyone still on a ด่วนภายใน letter when its deadline nears and passes. Secret letters are never named."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from core import reminders
from core.models import Notification
from core.notifications import SECRET_TITLE
from correspondence import services
from correspondence.delivery import deliveries_send


def _titles(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def test_presenting_tells_the_director_and_assigning_tells_the_assignees(
    users, incoming, django_capture_on_commit_callbacks
):
    letter = incoming(urgency=3)
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_present(user=users["clerk"], letter=letter)
    assert _titles(users["director"]) == [
        f"เสนอหนังสือ: [ด่วนที่สุด] เลขรับ {letter.number}/{letter.year} เรื่อง ขอเชิญประชุมผู้บริหารสถานศึกษา"
    ]
    assert _titles(users["clerk"]) == []  # the actor is not told of their own act
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_instruct(
            user=users["director"], letter=letter, instruction="มอบ ศน.", assignees=[users["supervisor"]]
        )
        services.letter_instruct(
            user=users["director"], letter=letter, instruction="มอบ ศน.", assignees=[users["supervisor"]]
        )
    assert len(_titles(users["supervisor"])) == 1 and _titles(users["supervisor"])[0].startswith("มอบหมายหนังสือ")
    assert not Notification.objects.filter(recipient__in=[users["executive"], users["school"]]).exists()


def test_a_secret_letter_is_never_named_in_a_notice(users, incoming, django_capture_on_commit_callbacks):
    letter = incoming(secrecy=2, subject="การสอบสวนวินัยครู", sender="ผู้ร้องเรียน")
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_present(user=users["clerk"], letter=letter)
    (notice,) = Notification.objects.filter(recipient=users["director"])
    assert notice.title == SECRET_TITLE and "สอบสวน" not in notice.body + notice.title


def test_a_deadline_is_told_a_day_ahead_and_when_passed_once_each(users, incoming, django_capture_on_commit_callbacks):
    deadline = timezone.now() + dt.timedelta(hours=20)
    letter = incoming(urgency=1, deadline=deadline)
    services.letter_instruct(user=users["director"], letter=letter, instruction="ด่วน", assignees=[users["supervisor"]])
    Notification.objects.all().delete()
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.reminders_run()
    assert [t.split(" ")[0] for t in _titles(users["supervisor"])] == ["ใกล้ถึงกำหนดด่วนภายใน"]
    assert _titles(users["director"])
    with django_capture_on_commit_callbacks(execute=True):
        reminders.reminders_run(now=deadline + dt.timedelta(hours=1))
    assert _titles(users["supervisor"])[0].startswith("เลยกำหนดด่วนภายใน")
    assert len(_titles(users["supervisor"])) == 2


def test_a_letter_sent_to_a_school_tells_that_schools_staff_only(
    users, office, school, other_school, make_user, django_capture_on_commit_callbacks
):
    other_staff = make_user("school", school=other_school)
    letter = services.letter_register_outgoing(
        user=users["clerk"], register_code="circular", subject="แจ้งกำหนดการนิเทศ", schools=[school], channel="electronic"
    )
    with django_capture_on_commit_callbacks(execute=True):
        deliveries_send(user=users["clerk"], letter=letter)
    assert _titles(users["school"]) and _titles(users["school"])[0].startswith("หนังสือถึงคุณ")
    assert _titles(other_staff) == []


def test_my_work_marks_a_letter_new_until_i_open_it(users, incoming, client_for, django_capture_on_commit_callbacks):
    from django.urls import reverse

    letter = incoming()
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_instruct(
            user=users["director"], letter=letter, instruction="มอบ ศน.", assignees=[users["supervisor"]]
        )
    client = client_for(users["supervisor"])
    assert 'badge text-bg-danger me-1">ใหม่' in client.get(reverse("correspondence:inbox")).content.decode()
    client.get(reverse("correspondence:letter_detail", args=[letter.pk]))
    assert 'badge text-bg-danger me-1">ใหม่' not in client.get(reverse("correspondence:inbox")).content.decode()
    assert not Notification.objects.filter(recipient=users["supervisor"], read_at__isnull=True).exists()


def test_a_written_letter_tells_each_approver_in_turn_and_the_owner_of_each_decision(
    users, office, django_capture_on_commit_callbacks
):
    from correspondence import chain

    supervisor, director, executive = users["supervisor"], users["director"], users["executive"]
    with django_capture_on_commit_callbacks(execute=True):
        content = chain.letter_write(
            user=supervisor, register_code="send", kind="external", subject="แจ้งกำหนดการนิเทศ",
            recipient_text="ผอ.", body="ข้อความ", signer=executive,
        )  # fmt: skip
        content = chain.content_submit(
            user=supervisor, content=content, chain=[("check", director), ("sign", executive)]
        )
    assert _titles(director)[0].startswith("ร่างหนังสือรอคุณตรวจ/เสนอผ่าน") and not _titles(executive)
    check, sign = content.approvals.order_by("order")
    with django_capture_on_commit_callbacks(execute=True):
        chain.approval_approve(user=director, step=check)
    assert _titles(executive)[0].startswith("ร่างหนังสือรอคุณลงนาม")
    with django_capture_on_commit_callbacks(execute=True):
        chain.approval_return(user=executive, step=sign, reason="แก้วันที่ในย่อหน้าที่สอง")
    assert "แก้วันที่ในย่อหน้าที่สอง" in _titles(supervisor)[0]
