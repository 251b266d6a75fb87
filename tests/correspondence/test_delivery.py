"""Issue 12 parts 4-5: a dispatched letter reaches the schools (and people) it is sent to, they open it
and press รับทราบ, and the sender sees who has and who has not, reminds the laggards by e-mail (a real
SMTP server), exports the table, prints envelope labels and registers the replies."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from core.roles import Role
from correspondence import delivery, services
from correspondence.models import Channel, Delivery, LetterContent, RoutingStep, Secrecy, StepKind
from schools import services as school_services
from tests.helpers import pdf_compact, render_document, save_page_png

SUBJECT = "แจ้งกำหนดการนิเทศ ติดตามการจัดการเรียนรู้ ภาคเรียนที่ ๒"


@pytest.fixture
def far_school(db):
    cluster = school_services.cluster_create(name="กลุ่มโรงเรียนไกล")
    return school_services.school_create(
        code="1099000003", name="โรงเรียนบ้านไกล", level_primary=True, district="ไกล", pupils=50, cluster=cluster
    )


@pytest.fixture
def staff(make_user, school, other_school, far_school):
    """School-staff logins: two of the cluster's schools, one of another cluster; all with an e-mail."""
    return {
        "near": make_user(Role.SCHOOL, "kru_near", school=school, email="near@school.test"),
        "other": make_user(Role.SCHOOL, "kru_other", school=other_school, email="other@school.test"),
        "far": make_user(Role.SCHOOL, "kru_far", school=far_school, email="far@school.test"),
    }


@pytest.fixture
def circular(users, office, school, other_school):
    """A numbered circular to every school of the cluster, sent electronically."""

    def make(subject: str = SUBJECT, schools: list | None = None, secrecy: int = 0, **send):
        letter = services.letter_register_outgoing(
            user=users["clerk"], register_code="circular", subject=subject, recipient_text="ผู้อำนวยการโรงเรียนในกลุ่ม",
            schools=schools if schools is not None else list(school.cluster.schools.all()),
            secrecy=secrecy, urgency=2,
        )  # fmt: skip
        delivery.deliveries_send(user=users["clerk"], letter=letter, **send)
        return letter

    return make


def _delivery(letter, school) -> Delivery:
    return Delivery.objects.get(letter=letter, school=school)


# --- reaching exactly the cluster ------------------------------------------------------------------
def test_a_circular_to_a_cluster_reaches_exactly_that_clusters_school_users(
    circular, staff, client_for, school, other_school
):
    letter = circular()
    assert {d.school for d in letter.deliveries.all()} == {school, other_school}
    for name in ("near", "other"):
        page = client_for(staff[name]).get(reverse("correspondence:school_inbox"))
        assert page.status_code == 200 and SUBJECT in page.content.decode()
    far = client_for(staff["far"]).get(reverse("correspondence:school_inbox"))
    assert far.status_code == 200 and SUBJECT not in far.content.decode()
    step = RoutingStep.objects.get(letter=letter, kind=StepKind.SENT)
    assert step.text == "ส่งทางระบบถึง 2 โรงเรียน"


def test_a_school_user_sees_no_other_schools_letter_and_no_secret_letter(circular, staff, client_for, other_school):
    to_other = circular(subject="เฉพาะโรงเรียนบ้านอื่น", schools=[other_school])
    secret = circular(subject="เรื่องลับของโรงเรียน", schools=[], secrecy=Secrecy.CONFIDENTIAL)
    # Bypass the service as a later correction could: a delivery of a secret letter still stays hidden.
    Delivery.objects.create(
        letter=secret, channel=Channel.ELECTRONIC, school=staff["near"].school_membership.school, name="x",
        sent_by=secret.created_by,
    )  # fmt: skip
    near = client_for(staff["near"])
    body = near.get(reverse("correspondence:school_inbox")).content.decode()
    assert "เฉพาะโรงเรียนบ้านอื่น" not in body and "เรื่องลับ" not in body
    for d in Delivery.objects.filter(letter__in=[to_other, secret]):
        assert near.get(reverse("correspondence:school_letter", args=[d.pk])).status_code == 404
    # The rest of correspondence stays hidden from school staff.
    assert near.get(reverse("correspondence:letter_detail", args=[to_other.pk])).status_code == 404
    assert near.get(reverse("correspondence:inbox")).status_code == 404


def test_guessing_another_schools_delivery_by_url_is_404(circular, staff, client_for, other_school, users, pdf_upload):
    letter = circular(schools=[other_school])
    services.attachment_add(user=users["clerk"], letter=letter, upload=pdf_upload("enclosure.pdf"))
    target = _delivery(letter, other_school)
    attachment = letter.attachments.get()
    near = client_for(staff["near"])
    assert near.get(reverse("correspondence:school_letter", args=[target.pk])).status_code == 404
    assert near.get(reverse("correspondence:school_letter_pdf", args=[target.pk])).status_code == 404
    assert near.get(reverse("correspondence:school_attachment", args=[target.pk, attachment.pk])).status_code == 404
    assert near.post(reverse("correspondence:school_acknowledge", args=[target.pk])).status_code == 404
    assert near.get(reverse("correspondence:attachment_download", args=[attachment.pk])).status_code == 404
    # Its own school's staff open the enclosure through the delivery.
    other = client_for(staff["other"])
    response = other.get(reverse("correspondence:school_attachment", args=[target.pk, attachment.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    target.refresh_from_db()
    assert target.acknowledged_at is None


def test_a_cancelled_letter_leaves_the_schools_inbox(circular, staff, client_for, users, school):
    letter = circular()
    services.letter_cancel(user=users["clerk"], letter=letter, reason="ส่งผิดฉบับ")
    near = client_for(staff["near"])
    assert SUBJECT not in near.get(reverse("correspondence:school_inbox")).content.decode()
    assert near.get(reverse("correspondence:school_letter", args=[_delivery(letter, school).pk])).status_code == 404


# --- opening, acknowledging, the receipts table ---------------------------------------------------
def test_the_receipts_table_fills_as_schools_open_and_acknowledge(
    circular, staff, client_for, users, school, other_school
):
    letter = circular()
    receipts = reverse("correspondence:letter_receipts", args=[letter.pk])
    clerk = client_for(users["clerk"])
    assert "รับทราบแล้ว 0/2 โรง" in clerk.get(receipts).content.decode()
    mine = _delivery(letter, school)
    # The clerk looking at the school's page does not count as the school opening it.
    assert clerk.get(reverse("correspondence:school_letter", args=[mine.pk])).status_code == 200
    mine.refresh_from_db()
    assert mine.first_opened_at is None

    near = client_for(staff["near"])
    page = near.get(reverse("correspondence:school_letter", args=[mine.pk]))
    assert page.status_code == 200 and "รับทราบ" in page.content.decode()
    mine.refresh_from_db()
    first = mine.first_opened_at
    assert first and mine.first_opened_by == staff["near"] and mine.acknowledged_at is None
    near.get(reverse("correspondence:school_letter", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.first_opened_at == first  # timestamped once

    assert near.post(reverse("correspondence:school_acknowledge", args=[mine.pk])).status_code == 302
    mine.refresh_from_db()
    acknowledged = mine.acknowledged_at
    assert acknowledged and mine.acknowledged_by == staff["near"]
    delivery.delivery_acknowledge(user=staff["near"], delivery=mine)
    mine.refresh_from_db()
    assert mine.acknowledged_at == acknowledged  # once

    body = clerk.get(receipts).content.decode()
    assert "รับทราบแล้ว 1/2 โรง" in body and "เปิดอ่านแล้ว 1/2 โรง" in body
    pending = clerk.get(receipts + "?pending=1").content.decode()
    assert other_school.name in pending and school.name not in pending


def test_acknowledging_without_opening_records_the_opening_too(circular, staff, other_school):
    letter = circular()
    theirs = delivery.delivery_acknowledge(user=staff["other"], delivery=_delivery(letter, other_school))
    assert theirs.first_opened_at == theirs.acknowledged_at


def test_another_schools_staff_cannot_acknowledge_through_the_service(circular, staff, other_school):
    letter = circular()
    with pytest.raises(PermissionDenied, match="ไม่ได้ส่งถึงคุณหรือโรงเรียนของคุณ"):
        delivery.delivery_acknowledge(user=staff["near"], delivery=_delivery(letter, other_school))
    with pytest.raises(PermissionDenied, match="ไม่ได้ส่งถึงคุณหรือโรงเรียนของคุณ"):
        delivery.delivery_open(user=staff["far"], delivery=_delivery(letter, other_school))


def test_a_person_with_an_account_reads_a_letter_sent_to_them(users, office, client_for, staff):
    letter = services.letter_register_outgoing(
        user=users["secretary"], register_code="send", subject="ขอเชิญประชุม ก.ต.ป.น.", recipient_text="กรรมการ"
    )
    (sent,) = delivery.deliveries_send(user=users["secretary"], letter=letter, people=[users["member"]])
    member = client_for(users["member"])
    assert "ขอเชิญประชุม ก.ต.ป.น." in member.get(reverse("correspondence:school_inbox")).content.decode()
    member.post(reverse("correspondence:school_acknowledge", args=[sent.pk]))
    sent.refresh_from_db()
    assert sent.acknowledged_by == users["member"]
    assert client_for(staff["near"]).get(reverse("correspondence:school_letter", args=[sent.pk])).status_code == 404
    assert RoutingStep.objects.get(letter=letter, kind=StepKind.SENT).text == "ส่งทางระบบถึง 1 คน"


# --- e-mail through a real SMTP server -------------------------------------------------------------
def test_reminders_go_by_real_smtp_to_the_laggards_only(circular, staff, client_for, users, smtp_server, school):
    letter = circular()
    delivery.delivery_acknowledge(user=staff["near"], delivery=_delivery(letter, school))
    owner = client_for(users["clerk"])
    response = owner.post(reverse("correspondence:letter_remind", args=[letter.pk]))
    assert response.status_code == 302
    assert [to for to, _ in smtp_server] == [["other@school.test"]]
    message = smtp_server[0][1]
    assert message["Subject"].strip().startswith("เตือน: หนังสือ ศธ 04123/ว ") and SUBJECT in message["Subject"]
    assert "ยังไม่ได้กดรับทราบ" in message.get_body(("plain",)).get_content()
    lagging = letter.deliveries.get(acknowledged_at__isnull=True)
    assert lagging.reminder_count == 1 and lagging.reminded_at is not None
    assert letter.deliveries.get(acknowledged_at__isnull=False).reminder_count == 0
    assert RoutingStep.objects.filter(letter=letter, kind=StepKind.REMINDED).count() == 1


def test_the_email_channel_sends_the_letters_pdf(circular, users, smtp_server, pdf_bytes):
    letter = circular(schools=[], electronic=False)
    LetterContent.objects.create(
        letter=letter, created_by=users["clerk"], final_pdf=ContentFile(pdf_bytes, name="final.pdf")
    )
    made = delivery.deliveries_send(user=users["clerk"], letter=letter, emails=["Saraban <head@agency.test>"])
    assert [(d.channel, d.address, d.error) for d in made] == [(Channel.EMAIL, "head@agency.test", "")]
    (to, message), = smtp_server  # fmt: skip
    assert to == ["head@agency.test"]
    assert message["Subject"].strip() == f"หนังสือ {letter.document_no} เรื่อง {SUBJECT}"
    (pdf,) = list(message.iter_attachments())
    assert pdf.get_content_type() == "application/pdf" and pdf.get_content() == pdf_bytes
    assert RoutingStep.objects.get(letter=letter, kind=StepKind.SENT).text == "อีเมล 1"


def test_a_secret_letters_email_never_carries_its_subject(circular, users, smtp_server, pdf_bytes):
    letter = circular(subject="ผลการสอบสวนข้อเท็จจริง", schools=[], secrecy=Secrecy.SECRET)
    LetterContent.objects.create(letter=letter, created_by=users["clerk"], final_pdf=ContentFile(pdf_bytes, "f.pdf"))
    delivery.deliveries_send(user=users["clerk"], letter=letter, emails=["head@agency.test"])
    (_, message), = smtp_server  # fmt: skip
    assert "ผลการสอบสวน" not in message["Subject"] and "ลับมาก" in message["Subject"]
    assert "ผลการสอบสวน" not in message.get_body(("plain",)).get_content()
    assert list(message.iter_attachments()) == []


def test_a_failed_email_is_recorded_on_its_delivery_never_raised(circular, users, settings):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        port,
        False,
        2,
    )
    letter = circular(schools=[], electronic=False)
    (made,) = delivery.deliveries_send(user=users["clerk"], letter=letter, emails=["head@agency.test"])
    assert made.error.startswith("ส่งอีเมลไม่สำเร็จ")
    assert RoutingStep.objects.get(letter=letter, kind=StepKind.SENT).text == "อีเมล 1, ส่งอีเมลไม่สำเร็จ 1"


# --- secrecy and bad input ---------------------------------------------------------------------------
def test_top_secret_goes_by_paper_only(users, office, school):
    letter = services.letter_register_outgoing(
        user=users["clerk"], register_code="send", subject="ลับที่สุด", schools=[school], secrecy=Secrecy.TOP_SECRET
    )
    for kwargs in ({"electronic": True}, {"electronic": False, "emails": ["a@b.test"]}):
        with pytest.raises(ValidationError, match="ลับที่สุดส่งได้เฉพาะทางกระดาษ"):
            delivery.deliveries_send(user=users["clerk"], letter=letter, **kwargs)
    assert not letter.deliveries.exists()
    made = delivery.deliveries_send(
        user=users["clerk"], letter=letter, electronic=False, paper=[("ผู้อำนวยการโรงเรียนบ้านทดสอบ", "อ.เมือง")]
    )
    assert [d.channel for d in made] == [Channel.PAPER]


def test_a_secret_letter_never_goes_to_schools_electronically(circular):
    with pytest.raises(ValidationError, match="ไม่ส่งถึงโรงเรียนทางระบบ"):
        circular(secrecy=Secrecy.CONFIDENTIAL)


def test_only_a_numbered_letter_is_sent_and_a_bad_address_is_refused(users, office, school, circular):
    draft = services.letter_draft_outgoing(
        user=users["supervisor"], register_code="send", subject="ร่าง", schools=[school]
    )
    with pytest.raises(ValidationError, match="ออกเลขแล้ว"):
        delivery.deliveries_send(user=users["clerk"], letter=draft)
    letter = circular(schools=[], electronic=False)
    with pytest.raises(ValidationError, match="ไม่ถูกต้อง"):
        delivery.deliveries_send(user=users["clerk"], letter=letter, emails=["not an address"])
    with pytest.raises(PermissionDenied, match="เฉพาะผู้ออกเลขหนังสือและเจ้าของเรื่องส่งหนังสือได้"):
        delivery.deliveries_send(user=users["executive"], letter=letter, paper=[("ก", "ข")])


def test_sending_again_skips_the_schools_already_reached(circular, users):
    letter = circular()
    assert delivery.deliveries_send(user=users["clerk"], letter=letter) == []
    assert letter.deliveries.count() == 2


# --- the sender's pages ------------------------------------------------------------------------------
def test_the_export_opens_with_openpyxl_and_has_real_dates(circular, staff, client_for, users, school):
    letter = circular()
    delivery.delivery_acknowledge(user=staff["near"], delivery=_delivery(letter, school))
    response = client_for(users["director"]).get(reverse("correspondence:letter_receipts_export", args=[letter.pk]))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("ผู้รับ", "ช่องทาง", "ที่อยู่/อีเมล", "ส่งเมื่อ")
    acknowledged = next(r for r in rows[1:] if r[0] == school.name)
    assert isinstance(acknowledged[3], dt.datetime) and isinstance(acknowledged[6], dt.datetime)
    assert acknowledged[7]  # who acknowledged, by name
    lagging = next(r for r in rows[1:] if r[0] != school.name)
    assert lagging[6] is None


def test_a_reply_is_registered_against_the_delivery_it_answers(circular, users, client_for, incoming, other_school):
    letter = circular()
    reply = incoming(subject="ตอบรับกำหนดการนิเทศ", sender=other_school.name)
    target = _delivery(letter, other_school)
    response = client_for(users["clerk"]).post(
        reverse("correspondence:delivery_reply", args=[target.pk]), {"number": reply.number, "year": reply.year}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.reply == reply
    step = RoutingStep.objects.get(letter=letter, kind=StepKind.REPLIED)
    assert step.text == f"{other_school.name} ตอบ: ทะเบียนรับเลขที่ {reply.number}/{reply.year}"
    with pytest.raises(ValidationError, match="หนังสือตอบต้องเป็นรายการในทะเบียนหนังสือรับ"):
        delivery.delivery_reply_register(user=users["clerk"], delivery=_delivery(letter, other_school), letter=letter)
    with pytest.raises(PermissionDenied, match="เฉพาะเจ้าหน้าที่สารบรรณลงทะเบียนหนังสือตอบได้"):
        delivery.delivery_reply_register(user=users["supervisor"], delivery=target, letter=reply)


def test_paper_deliveries_print_on_an_envelope_label_sheet(circular, users, django_capture_on_commit_callbacks):
    letter = circular(schools=[], electronic=False)
    paper = [(f"ผู้อำนวยการโรงเรียนบ้านหนองบัวทองวิทยาคาร {n}", f"หมู่ {n} ตำบลหนองบัว\nอำเภอเมือง จังหวัดขอนแก่น 40000")
             for n in range(1, 17)]  # fmt: skip
    delivery.deliveries_send(user=users["clerk"], letter=letter, electronic=False, paper=paper)
    pdf = render_document(
        users["clerk"], "correspondence.delivery_labels", {"letter": letter.pk}, django_capture_on_commit_callbacks
    )
    save_page_png(pdf, "delivery-labels")
    text = pdf_compact(pdf)
    from pypdf import PdfReader

    assert len(PdfReader(str(pdf)).pages) == 2  # 14 labels a sheet
    for name, address in paper:
        assert f"เรียน{name}".replace(" ", "") in text and address.split("\n")[0].replace(" ", "") in text
    assert "ด่วนมาก" in text and letter.document_no.replace(" ", "") in text
    # Page 1 is a full 2 × 7 sheet: seven "เรียน" in each column, all within the A4 page (842 pt high).
    boxes = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">เรียน</word>', boxes)
    lefts = sorted({round(float(x)) for x, _, _ in found})
    assert len(found) == 14 and len(lefts) == 2 and lefts[1] - lefts[0] > 250  # 9.9 cm = 281 pt apart
    assert all(float(bottom) < 842 - 40 for _, _, bottom in found)


# --- access per role per view --------------------------------------------------------------------------
R = Role
RECEIPTS = {R.ADMIN: 200, R.CLERK: 200, R.DIRECTOR: 200, R.SECRETARY: 200, R.SUPERVISOR: 403, R.EXECUTIVE: 403,
            R.MEMBER: 404, R.SCHOOL: 404}  # fmt: skip
SCHOOL_LETTER = {R.ADMIN: 200, R.CLERK: 200, R.DIRECTOR: 200, R.SECRETARY: 200, R.SUPERVISOR: 404, R.EXECUTIVE: 404,
                 R.MEMBER: 404, R.SCHOOL: 200}  # fmt: skip
ACKNOWLEDGE = {R.ADMIN: 403, R.CLERK: 403, R.DIRECTOR: 403, R.SECRETARY: 403, R.SUPERVISOR: 404, R.EXECUTIVE: 404,
               R.MEMBER: 404, R.SCHOOL: 302}  # fmt: skip
REMIND = {R.ADMIN: 302, R.CLERK: 302, R.DIRECTOR: 302, R.SECRETARY: 403, R.SUPERVISOR: 403, R.EXECUTIVE: 403,
          R.MEMBER: 404, R.SCHOOL: 404}  # fmt: skip
REPLY = {R.ADMIN: 302, R.CLERK: 302, R.DIRECTOR: 403, R.SECRETARY: 403, R.SUPERVISOR: 404, R.EXECUTIVE: 404,
         R.MEMBER: 404, R.SCHOOL: 404}  # fmt: skip


@pytest.mark.parametrize("role", list(Role))
def test_access_to_each_page_per_role(role, circular, users, client_for, school):
    letter = circular()
    mine = _delivery(letter, school)  # the `users` fixture's school user belongs to `school`
    client = client_for(users[role])
    got = {
        "receipts": client.get(reverse("correspondence:letter_receipts", args=[letter.pk])).status_code,
        "export": client.get(reverse("correspondence:letter_receipts_export", args=[letter.pk])).status_code,
        "inbox": client.get(reverse("correspondence:school_inbox")).status_code,
        "letter": client.get(reverse("correspondence:school_letter", args=[mine.pk])).status_code,
        "pdf_missing": client.get(reverse("correspondence:school_letter_pdf", args=[mine.pk])).status_code,
        "acknowledge": client.post(reverse("correspondence:school_acknowledge", args=[mine.pk])).status_code,
        "remind": client.post(reverse("correspondence:letter_remind", args=[letter.pk])).status_code,
        "reply": client.post(reverse("correspondence:delivery_reply", args=[mine.pk]), {"number": 1}).status_code,
    }
    assert got == {
        "receipts": RECEIPTS[role], "export": RECEIPTS[role], "inbox": 200 if role == R.SCHOOL else 404,
        "letter": SCHOOL_LETTER[role], "pdf_missing": 404, "acknowledge": ACKNOWLEDGE[role], "remind": REMIND[role],
        "reply": REPLY[role],
    }  # fmt: skip


def test_the_owner_sees_the_receipts_of_their_own_letter(users, office, school, client_for):
    letter = services.letter_draft_outgoing(
        user=users["supervisor"], register_code="circular", subject=SUBJECT, schools=[school]
    )
    letter = services.letter_dispatch(user=users["clerk"], letter=letter)
    delivery.deliveries_send(user=users["clerk"], letter=letter)
    owner = client_for(users["supervisor"])
    assert owner.get(reverse("correspondence:letter_receipts", args=[letter.pk])).status_code == 200
    assert owner.post(reverse("correspondence:letter_remind", args=[letter.pk])).status_code == 302


@pytest.mark.parametrize("name", ["school_acknowledge", "letter_remind", "delivery_reply"])
def test_post_only_views_refuse_get(name, circular, users, client_for, school):
    letter = circular()
    pk = letter.pk if name == "letter_remind" else _delivery(letter, school).pk
    assert client_for(users["clerk"]).get(reverse(f"correspondence:{name}", args=[pk])).status_code == 405
    assert client_for(users["school"]).get(reverse(f"correspondence:{name}", args=[pk])).status_code == 405


def test_a_school_user_finds_the_inbox_on_the_home_page_with_the_unread_count(circular, users, client_for):
    circular()
    circular(subject="ขอความร่วมมือตอบแบบสอบถาม")
    home = client_for(users["school"]).get(reverse("home")).content.decode()
    assert "หนังสือถึงโรงเรียน" in home and 'data-testid="school-inbox-unread"' in home
    assert 'title="ยังไม่ได้เปิดอ่าน">2<' in home
    assert "หนังสือถึงโรงเรียน" not in client_for(users["supervisor"]).get(reverse("home")).content.decode()


def test_the_school_downloads_the_letters_final_pdf_through_its_delivery(circular, users, staff, client_for, pdf_bytes):
    letter = circular()
    LetterContent.objects.create(letter=letter, created_by=users["clerk"], final_pdf=ContentFile(pdf_bytes, "f.pdf"))
    mine = letter.deliveries.get(school=staff["near"].school_membership.school)
    near = client_for(staff["near"])
    page = near.get(reverse("correspondence:school_letter", args=[mine.pk])).content.decode()
    assert reverse("correspondence:school_letter_pdf", args=[mine.pk]) in page
    response = near.get(reverse("correspondence:school_letter_pdf", args=[mine.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == pdf_bytes
    theirs = letter.deliveries.exclude(pk=mine.pk).get()
    assert near.get(reverse("correspondence:school_letter_pdf", args=[theirs.pk])).status_code == 404


def test_without_an_smtp_server_a_server_says_the_email_was_not_really_sent(circular, users, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH, settings.DEBUG = tmp_path / "mail", False
    letter = circular(schools=[], electronic=False)
    (made,) = delivery.deliveries_send(user=users["clerk"], letter=letter, emails=["head@agency.test"])
    assert "ไม่ได้ส่งจริง" in made.error
    assert len(list((tmp_path / "mail").iterdir())) == 1  # kept as a file under var/mail/ for `make run`
