"""Correspondence (งานสารบรรณ): the office roles read the registers, committee members and school staff
are not told they exist (404); each kind of work answers 403 to roles without it (correspondence/access.py)."""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from core import thaidate
from correspondence import keeping, phrases, services
from tests.access.matrix import Case, World, everyone, post_only

OUTSIDERS = {"member": 404, "school": 404}  # not readers: the registers are not theirs to know of
READ = everyone(200, **OUTSIDERS)
REGISTRAR_PAGE = everyone(403, administrator=200, clerk=200)  # a page for the registrar's work
REGISTRAR_ACT = everyone(403, administrator=302, clerk=302, **OUTSIDERS)  # an entry's registrar action
API_ANONYMOUS = 401  # DRF: token authentication answers first
API_READ = {**READ, "anonymous": API_ANONYMOUS}
CHAIN_READ = everyone(200, executive=404, **OUTSIDERS)  # a written draft: owner, issuers, its chain
CHAIN_OWNER = everyone(403, supervisor=302, executive=404, **OUTSIDERS)
CHAIN_APPROVER = everyone(403, director=302, executive=404, **OUTSIDERS)
TEMPLATE_KEEPERS = everyone(403, administrator=200, clerk=200, director=200, **OUTSIDERS)
OLD = dt.datetime(2024, 3, 1, 10, tzinfo=thaidate.BANGKOK)  # BE 2567, kept 1 year: on the 2568 destruction list


def _pdf() -> SimpleUploadedFile:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile("scan.pdf", out.getvalue(), content_type="application/pdf")


def _incoming(clerk: object, subject: str, **extra: object) -> object:
    return services.letter_register_incoming(
        user=clerk, subject=subject, sender="สพฐ.", recipient_text="ผอ.กลุ่มนิเทศฯ", **extra
    )


def objects(world: World) -> dict:
    u = world.users
    clerk, director, supervisor = u["clerk"], u["director"], u["supervisor"]
    letter = _incoming(clerk, "ขอเชิญประชุม", files=[_pdf()])
    services.letter_present(user=clerk, letter=letter)
    services.letter_instruct(user=director, letter=letter, instruction="มอบดำเนินการ", assignees=[supervisor])
    secret = _incoming(clerk, "เรื่องลับ", secrecy=1, files=[_pdf()])
    draft = services.letter_draft_outgoing(user=supervisor, register_code="send", subject="ร่าง", recipient_text="ผอ.")
    sent = services.letter_issue_outgoing(user=clerk, register_code="send", subject="แจ้ง", recipient_text="ผอ.")
    borrowing = keeping.borrowing_record(
        user=clerk, letter=letter, borrower="นายยืม", received_by="นางให้", borrowed_on=thaidate.today(),
        due_on=thaidate.today() + dt.timedelta(days=7),
    )  # fmt: skip
    old = _incoming(clerk, "หนังสือเก่าครบอายุ", retention_years=1, now=OLD)
    batch = keeping.destruction_record(
        user=clerk, list_year=2568, destroyed_on=dt.date(2026, 3, 15), approval_text="คำสั่งที่ 12/2569",
        committee="นายประธาน ใจดี\nนางกรรมการ หนึ่ง\nนายกรรมการ สอง", letters=[old],
    )  # fmt: skip
    written = _written(supervisor, director)
    return {
        **written, **_delivered(world),
        "corr_letter": letter, "corr_secret": secret, "corr_draft": draft, "corr_sent": sent,
        "corr_assignment": letter.assignments.get(), "corr_attachment": letter.attachments.get(),
        "corr_secret_attachment": secret.attachments.get(), "corr_borrowing": borrowing, "corr_batch": batch,
    }  # fmt: skip


def _delivered(world: World) -> dict:
    """A circular the clerk sent electronically to the test's school, with a file."""
    from correspondence import attachments, delivery

    clerk = world.users["clerk"]
    letter = services.letter_register_outgoing(
        user=clerk, register_code="circular", subject="แจ้งโรงเรียน", schools=[world.school], channel="electronic"
    )
    file = attachments.attachment_add(user=clerk, letter=letter, upload=_pdf())
    (sent,) = delivery.deliveries_send(user=clerk, letter=letter)
    return {"corr_delivered": letter, "corr_delivery": sent, "corr_delivered_file": file}


def _written(supervisor: object, director: object) -> dict:
    """A letter written in the system, sent up a one-step chain (the director signs), and a template."""
    from correspondence import chain
    from correspondence.models import LetterTemplate

    content = chain.letter_write(
        user=supervisor, register_code="send", kind="external", subject="แจ้งกำหนดการนิเทศ", recipient_text="ผอ.",
        body="ข้อความ", signer=director,
    )  # fmt: skip
    content = chain.content_submit(user=supervisor, content=content, chain=[("sign", director)])
    template = LetterTemplate.objects.create(name="ขอเชิญประชุม")
    phrase = phrases.phrase_add(user=director, text="มอบ ศน. ประจำกลุ่มโรงเรียนดำเนินการ")
    return {
        "corr_content": content, "corr_step": content.approvals.get(), "corr_template": template,
        "corr_phrase": phrase,
    }  # fmt: skip


def _pk(key: str):  # noqa: ANN202
    return lambda world: {"pk": world.objects[key].pk}


# Receipts of a delivered letter: the registry and the owner; other readers 403, outsiders 404.
RECEIPTS = everyone(403, administrator=200, clerk=200, director=200, secretary=200, member=404, school=404)
RECEIPTS_OR_SCHOOL = everyone(404, administrator=200, clerk=200, director=200, secretary=200, school=200)

CASES = {
    "correspondence:index": Case(expect=everyone(302, **OUTSIDERS)),
    "correspondence:inbox": Case(expect=READ),
    "correspondence:register_list": Case(kwargs=lambda w: {"code": "receive"}, expect=READ),
    "correspondence:register_export": Case(kwargs=lambda w: {"code": "receive"}, expect=READ),
    "correspondence:incoming_create": Case(expect=REGISTRAR_PAGE),
    "correspondence:draft_list": Case(expect=READ),
    "correspondence:draft_create": Case(expect=everyone(200, executive=403, member=403, school=403)),
    "correspondence:counters": Case(expect=REGISTRAR_PAGE),
    "correspondence:letter_detail": [
        Case(kwargs=_pk("corr_letter"), expect=READ),
        Case(kwargs=_pk("corr_secret"), expect=READ),  # the number is known to readers, the content redacted
        # a draft: its owner (the supervisor) and who issues numbers
        Case(kwargs=_pk("corr_draft"), expect=everyone(200, executive=403, **OUTSIDERS)),
    ],
    "correspondence:letter_edit": [
        Case(kwargs=_pk("corr_letter"), expect=everyone(403, administrator=200, clerk=200, **OUTSIDERS)),
        # a secret entry is not shown to whoever is not cleared for it, not even in a form
        Case(kwargs=_pk("corr_secret"), expect=everyone(404, clerk=200, director=403)),
    ],
    "correspondence:letter_dispatch": post_only(
        everyone(302, supervisor=403, executive=403, **OUTSIDERS), kwargs=_pk("corr_draft")
    ),
    # the administrator cancels first; the clerk is then let in and told the number is cancelled already
    "correspondence:letter_cancel": post_only(
        everyone(403, administrator=302, clerk=200, **OUTSIDERS),
        kwargs=_pk("corr_sent"),
        data=lambda w: {"reason": "ออกเลขซ้ำ"},
    ),
    "correspondence:letter_present": post_only(REGISTRAR_ACT, kwargs=_pk("corr_letter")),
    "correspondence:letter_instruct": post_only(
        everyone(403, director=302, **OUTSIDERS),
        kwargs=_pk("corr_letter"),
        data=lambda w: {"instruction": "ทราบ", "assignees": [w.users["supervisor"].pk]},
    ),
    "correspondence:letter_attach": post_only(REGISTRAR_ACT, kwargs=_pk("corr_letter")),
    # the letter is on loan already: the registrar is let in and shown the page again with the refusal
    "correspondence:borrowing_create": post_only(
        everyone(403, administrator=200, clerk=200, **OUTSIDERS), kwargs=_pk("corr_letter")
    ),
    "correspondence:borrowing_return": post_only(REGISTRAR_ACT, kwargs=_pk("corr_borrowing")),
    # only the assignee knows their assignment
    "correspondence:assignment_acknowledge": post_only(everyone(404, supervisor=302), kwargs=_pk("corr_assignment")),
    "correspondence:assignment_complete": post_only(
        everyone(404, supervisor=302), kwargs=_pk("corr_assignment"), data=lambda w: {"result": "ดำเนินการแล้ว"}
    ),
    "correspondence:attachment_download": [
        Case(kwargs=_pk("corr_attachment"), expect=READ),
        # a secret entry's file: the clerk and the group director only
        Case(kwargs=_pk("corr_secret_attachment"), expect=everyone(403, clerk=200, director=200, **OUTSIDERS)),
    ],
    "correspondence:keeping": Case(expect=REGISTRAR_PAGE),
    # an empty form re-renders the keeping page with its errors
    "correspondence:destruction_create": post_only(REGISTRAR_PAGE),
    "correspondence:destruction_detail": Case(
        kwargs=_pk("corr_batch"), expect=everyone(403, administrator=200, clerk=200, **OUTSIDERS)
    ),
    # letters written in the system: the owner (supervisor), the issuers and the chain know a version
    "correspondence:letter_write": Case(expect=everyone(200, executive=403, **OUTSIDERS)),
    "correspondence:content_detail": Case(kwargs=_pk("corr_content"), expect=CHAIN_READ),
    "correspondence:content_pdf": Case(kwargs=_pk("corr_content"), expect=CHAIN_READ),
    # in review: its owner is sent back to the version's page; the other readers may not write it
    "correspondence:content_edit": Case(kwargs=_pk("corr_content"), expect=CHAIN_OWNER),
    "correspondence:content_submit": Case(kwargs=_pk("corr_content"), expect=CHAIN_OWNER),
    "correspondence:content_new_version": post_only(CHAIN_OWNER, kwargs=_pk("corr_content")),
    "correspondence:approval_list": Case(expect=READ),
    "correspondence:approval_detail": Case(kwargs=_pk("corr_step"), expect=CHAIN_READ),
    # only the named approver acts (a sign step cannot be approved: a Thai message, back to the page)
    "correspondence:approval_approve": post_only(CHAIN_APPROVER, kwargs=_pk("corr_step")),
    "correspondence:approval_return": post_only(
        CHAIN_APPROVER, kwargs=_pk("corr_step"), data=lambda w: {"reason": "แก้ย่อหน้าที่สอง"}
    ),
    "correspondence:approval_sign": post_only(CHAIN_APPROVER, kwargs=_pk("corr_step")),
    "correspondence:template_list": Case(expect=TEMPLATE_KEEPERS),
    "correspondence:template_create": Case(expect=TEMPLATE_KEEPERS),
    "correspondence:template_edit": Case(kwargs=_pk("corr_template"), expect=TEMPLATE_KEEPERS),
    # the เกษียน's quick phrases: kept by the letter templates' keepers. The administrator adds the phrase
    # first; the clerk and the director then send the same words and get the page again, refused as a duplicate.
    "correspondence:phrase_list": [
        Case(expect=TEMPLATE_KEEPERS),
        Case(
            method="post",
            data=lambda w: {"text": "ทราบ ถือปฏิบัติ"},
            expect=everyone(403, administrator=302, clerk=200, director=200, **OUTSIDERS),
        ),
    ],
    "correspondence:phrase_edit": [
        Case(kwargs=_pk("corr_phrase"), expect=TEMPLATE_KEEPERS),
        Case(
            method="post",
            kwargs=_pk("corr_phrase"),
            data=lambda w: {"text": "มอบ ศน. ดำเนินการ"},
            expect=everyone(403, administrator=302, clerk=302, director=302, **OUTSIDERS),
        ),
    ],
    "correspondence:phrase_move": post_only(
        everyone(403, administrator=302, clerk=302, director=302, **OUTSIDERS),
        kwargs=_pk("corr_phrase"),
        data=lambda w: {"direction": "up"},
    ),
    "correspondence:phrase_set_active": post_only(
        everyone(403, administrator=302, clerk=302, director=302, **OUTSIDERS),
        kwargs=_pk("corr_phrase"),
        data=lambda w: {"active": "0"},
    ),
    # the REST API (session or token): lists and details as the pages, POST for whoever may register / issue
    "corr-api-incoming": [
        Case(expect=API_READ),
        Case(
            method="post",
            data=lambda w: {"subject": "ขอข้อมูล", "sender": "สพฐ.", "recipient_text": "ผอ."},
            expect={**everyone(403, administrator=201, clerk=201), "anonymous": API_ANONYMOUS},
        ),
    ],
    "corr-api-incoming-detail": Case(kwargs=_pk("corr_letter"), expect=API_READ),
    "corr-api-outgoing": [
        Case(expect=API_READ),
        Case(
            method="post",
            data=lambda w: {"register": "send", "subject": "แจ้ง", "recipient_text": "ผอ."},
            expect={**everyone(201, supervisor=403, executive=403, member=403, school=403), "anonymous": API_ANONYMOUS},
        ),
    ],
    "corr-api-outgoing-detail": Case(kwargs=_pk("corr_sent"), expect=API_READ),
    # Delivery to schools: the school's staff read and acknowledge (the rest of correspondence stays 404 for
    # them); the sender's side (the owner, clerk, director, secretary, administrator) sees the receipts.
    "correspondence:school_inbox": Case(expect=everyone(404, school=200)),
    "correspondence:school_letter": Case(kwargs=_pk("corr_delivery"), expect=RECEIPTS_OR_SCHOOL),
    # A register-only circular has no PDF of its own: 404 for everyone.
    "correspondence:school_letter_pdf": Case(kwargs=_pk("corr_delivery"), expect=everyone(404)),
    "correspondence:school_attachment": Case(
        kwargs=lambda w: {"pk": w.objects["corr_delivery"].pk, "attachment_pk": w.objects["corr_delivered_file"].pk},
        expect=RECEIPTS_OR_SCHOOL,
    ),
    "correspondence:school_acknowledge": post_only(
        everyone(404, school=302, administrator=403, clerk=403, director=403, secretary=403),
        kwargs=_pk("corr_delivery"),
    ),
    "correspondence:letter_receipts": Case(kwargs=_pk("corr_delivered"), expect=RECEIPTS),
    "correspondence:letter_receipts_export": Case(kwargs=_pk("corr_delivered"), expect=RECEIPTS),
    "correspondence:letter_remind": post_only(
        {**RECEIPTS, "administrator": 302, "clerk": 302, "director": 302, "secretary": 403},
        kwargs=_pk("corr_delivered"),
    ),
    "correspondence:delivery_reply": post_only(
        everyone(404, administrator=302, clerk=302, director=403, secretary=403), kwargs=_pk("corr_delivery")
    ),
    "corr-api-letter-pdf": Case(kwargs=_pk("corr_delivered"), expect={**everyone(404), "anonymous": 401}),
    "corr-api-letter-deliveries": Case(
        kwargs=_pk("corr_delivered"), expect={**RECEIPTS, "school": 403, "anonymous": 401}
    ),
}
