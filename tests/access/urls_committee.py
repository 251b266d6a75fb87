"""The committee (ก.ต.ป.น.): see committee/access.py.

The secretary and the administrator write; the group director and the executive read everything, drafts
included; members, supervisors and clerks read what is published (drafts are 404 to them); school staff
get 403 on the app's pages and 404 on its objects. POSTs are chosen so that one role's request does not
change what the next role may see (an action the rules refuse, or one that can be repeated).
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from committee import services
from core import thaidate
from tests.access.matrix import LOGIN, Case, World, everyone


def expect(writers: int, full: int, published: int, school: int) -> dict[str, int]:
    """Status by group: writers (administrator, secretary), full readers (director, executive),
    readers of what is published (member, supervisor, clerk), school staff."""
    return {
        "administrator": writers, "secretary": writers, "director": full, "executive": full,
        "member": published, "supervisor": published, "clerk": published, "school": school, "anonymous": LOGIN,
    }  # fmt: skip


PAGE = everyone(200, school=403)  # the app's lists: every reader; school staff are refused
CREATE = expect(200, 403, 403, 403)  # a new object: writers only; nothing to hide, so 403
DRAFT_READ = expect(200, 200, 404, 404)  # a draft (agenda, minutes, report): the secretariat and executives
PUBLIC_READ = expect(200, 200, 200, 404)  # published: every reader
DRAFT_WRITE = expect(200, 403, 404, 404)  # a form on a draft
PUBLIC_WRITE = expect(200, 403, 403, 404)  # a form on a published object


def post_only(expect: dict[str, int], **kw: object) -> list[Case]:
    """matrix.post_only, with the URL's kwargs on the GET case too (it passes them to the POST case only)."""
    kwargs = kw.get("kwargs", lambda world: {})
    return [Case(method="get", kwargs=kwargs, expect=everyone(405)), Case(method="post", expect=expect, **kw)]


def _pdf() -> SimpleUploadedFile:
    from pypdf import PdfWriter

    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=200, height=200)
    writer.write(out)
    return SimpleUploadedFile("เอกสาร.pdf", out.getvalue(), content_type="application/pdf")


def _meeting(secretary: object, date: dt.date):  # noqa: ANN202
    return services.meeting_create(user=secretary, date=date, start_time=dt.time(9, 30), place="ห้องประชุม")


def objects(world: World) -> dict:
    secretary, today = world.users["secretary"], thaidate.today()
    member = services.member_create(user=secretary, prefix="นาย", first_name="วิชาญ", last_name="ศึกษาดี",
                                    position="member", category="expert", term_start=today - dt.timedelta(days=900))  # fmt: skip
    bare = _meeting(secretary, today - dt.timedelta(days=400))  # a draft with no item: it cannot be published

    approved = _meeting(secretary, today - dt.timedelta(days=100))
    approved_item = services.item_add(user=secretary, meeting=approved, section=4, title="แผนนิเทศ")
    services.meeting_publish_agenda(user=secretary, meeting=approved)
    services.meeting_mark_held(user=secretary, meeting=approved)
    services.item_record(user=secretary, item=approved_item, record="อภิปราย", resolution="เห็นชอบ")
    services.minutes_update(user=secretary, minutes=approved.minutes, ended_at=dt.time(12, 0))
    guest = services.guest_add(user=secretary, meeting=approved, name="นางสาวสุนีย์ สารบรรณดี")
    public_resolution = services.resolution_add(user=secretary, item=approved_item, responsible="ศน.")

    held = _meeting(secretary, today - dt.timedelta(days=50))
    held_item = services.item_add(user=secretary, meeting=held, section=4, title="ปฏิทินนิเทศ")
    services.meeting_publish_agenda(user=secretary, meeting=held)
    services.meeting_mark_held(user=secretary, meeting=held)
    services.minutes_approve(user=secretary, minutes=approved.minutes, at_meeting=held)
    draft_resolution = services.resolution_add(user=secretary, item=held_item, text="ติดตามผล")

    published = _meeting(secretary, today + dt.timedelta(days=30))
    published_item = services.item_add(user=secretary, meeting=published, section=4, title="พิจารณาปฏิทิน")
    public_attachment = services.attachment_add(user=secretary, item=published_item, upload=_pdf())
    services.meeting_publish_agenda(user=secretary, meeting=published)

    draft = _meeting(secretary, today + dt.timedelta(days=60))
    draft_item = services.item_add(user=secretary, meeting=draft, section=4, title="เรื่องร่าง")
    draft_attachment = services.attachment_add(user=secretary, item=draft_item, upload=_pdf())

    fy = thaidate.fiscal_year(today)
    draft_report = services.report_get_or_create(user=secretary, fiscal_year=fy)
    public_report = services.report_get_or_create(user=secretary, fiscal_year=fy - 1)
    services.report_set_published(user=secretary, report=public_report, published=True)
    publications = _publications(secretary)
    return {"committee": {**publications,
        "member": member, "bare": bare, "approved": approved, "approved_item": approved_item, "guest": guest,
        "public_resolution": public_resolution, "held": held, "held_item": held_item,
        "draft_resolution": draft_resolution, "published": published, "published_item": published_item,
        "public_attachment": public_attachment, "draft": draft, "draft_item": draft_item,
        "draft_attachment": draft_attachment, "draft_report": draft_report, "public_report": public_report,
    }}  # fmt: skip


def _publications(secretary: object) -> dict:
    """One published to schools, one to everyone, one withdrawn (issue 15: publishing)."""

    def publish(title: str, audience: str) -> object:
        return services.publication_publish(user=secretary, title=title, kind="annual_report", audience=audience,
                                            upload=_pdf())  # fmt: skip

    withdrawn = publish("รายงานที่ถอนแล้ว", "public")
    services.publication_withdraw(user=secretary, publication=withdrawn, reason="แนบไฟล์ผิด")
    return {"schools_pub": publish("รายงานถึงสถานศึกษา", "schools"), "public_pub": publish("รายงานสาธารณะ", "public"),
            "withdrawn_pub": withdrawn}  # fmt: skip


PUBLISHER = {**expect(302, 403, 403, 403), "director": 302}  # secretary, director, administrator publish
PUBLICATION_ALL = everyone(200)  # school staff included


def pk(name: str):  # noqa: ANN201
    return lambda world: {"pk": world.objects["committee"][name].pk}


def _attendance(world: World) -> dict:
    member = world.objects["committee"]["member"].pk
    return {"member_pk": member, f"m{member}-member": member, f"m{member}-kind": "present"}


CASES = {
    "committee:index": Case(expect=PAGE),
    "committee:target_set": post_only(expect(302, 403, 403, 403), data=lambda w: {"fiscal_year": 2569, "meetings": 6}),
    "committee:member_list": Case(expect=PAGE),
    "committee:member_create": Case(expect=CREATE),
    "committee:member_edit": Case(kwargs=pk("member"), expect=PUBLIC_WRITE),
    "committee:meeting_list": Case(expect=PAGE),
    "committee:meeting_create": Case(expect=CREATE),
    "committee:meeting_detail": [
        Case(kwargs=pk("draft"), expect=DRAFT_READ),
        Case(kwargs=pk("published"), expect=PUBLIC_READ),
    ],
    "committee:meeting_edit": [
        Case(kwargs=pk("draft"), expect=DRAFT_WRITE),
        Case(kwargs=pk("published"), expect=PUBLIC_WRITE),
    ],
    # Refused for the writers too (no item / not a draft / no reason): the meeting stays as it is.
    "committee:meeting_publish": post_only(expect(302, 403, 404, 404), kwargs=pk("bare")),
    "committee:meeting_held": post_only(expect(302, 403, 403, 404), kwargs=pk("published")),
    "committee:meeting_cancel": post_only(expect(302, 403, 404, 404), kwargs=pk("draft")),
    "committee:meeting_invite": post_only(expect(302, 403, 404, 404), kwargs=pk("draft")),
    "committee:meeting_carry_over": post_only(expect(302, 403, 404, 404), kwargs=pk("draft")),
    # The invitation as a written letter: the secretariat drafts it and sends it once signed.
    "committee:meeting_invitation_draft": post_only(expect(302, 403, 403, 404), kwargs=pk("published")),
    "committee:meeting_invitation_send": post_only(expect(302, 403, 403, 404), kwargs=pk("published")),
    "committee:item_add": [
        Case(kwargs=pk("draft"), expect=DRAFT_WRITE),
        Case(kwargs=pk("published"), expect=PUBLIC_WRITE),
    ],
    "committee:attendance": Case(kwargs=pk("published"), expect=PUBLIC_WRITE),
    "committee:attendance_set": post_only(expect(302, 403, 403, 404), kwargs=pk("published"), data=_attendance),
    "committee:guest_add": post_only(
        expect(302, 403, 403, 404), kwargs=pk("published"), data=lambda w: {"name": "ผู้สังเกตการณ์"}
    ),  # fmt: skip
    # A guest of approved minutes cannot be removed any more; other readers see it with the minutes.
    "committee:attendance_delete": post_only(expect(302, 403, 403, 404), kwargs=pk("guest")),
    "committee:minutes": [
        Case(kwargs=pk("held"), expect=DRAFT_READ),
        Case(kwargs=pk("approved"), expect=PUBLIC_READ),
        Case(kwargs=pk("published"), expect=expect(404, 404, 404, 404)),  # not held yet: no minutes
        Case(method="post", kwargs=pk("approved"), expect=PUBLIC_WRITE),  # approved: refused, the form re-shown
    ],
    "committee:minutes_approve": post_only(expect(302, 403, 404, 404), kwargs=pk("held")),
    "committee:correction_add": post_only(
        expect(302, 403, 403, 404), kwargs=pk("approved"), data=lambda w: {"text": "แก้ไขคำผิด"}
    ),  # fmt: skip
    "committee:item_edit": [
        Case(kwargs=pk("draft_item"), expect=DRAFT_WRITE),
        Case(kwargs=pk("published_item"), expect=PUBLIC_WRITE),
    ],
    "committee:item_delete": post_only(expect(302, 403, 403, 404), kwargs=pk("published_item")),  # not a draft
    "committee:item_move": post_only(
        expect(302, 403, 404, 404), kwargs=pk("draft_item"), data=lambda w: {"direction": "up"}
    ),  # fmt: skip
    "committee:attachment_add": post_only(
        expect(302, 403, 404, 404), kwargs=pk("draft_item"), data=lambda w: {"file": _pdf()}
    ),  # fmt: skip
    "committee:resolution_add": post_only(expect(302, 403, 403, 404), kwargs=pk("approved_item")),
    "committee:attachment_download": [
        Case(kwargs=pk("draft_attachment"), expect=DRAFT_READ),
        Case(kwargs=pk("public_attachment"), expect=PUBLIC_READ),
    ],
    "committee:attachment_delete": post_only(expect(302, 403, 403, 404), kwargs=pk("public_attachment")),
    "committee:resolution_list": Case(expect=PAGE),
    "committee:resolution_detail": [
        Case(kwargs=pk("draft_resolution"), expect=DRAFT_READ),
        Case(kwargs=pk("public_resolution"), expect=PUBLIC_READ),
        Case(
            method="post",
            kwargs=pk("public_resolution"),
            expect=expect(302, 403, 403, 404),
            data=lambda w: {"responsible": "ศน.", "status": "in_progress"},
        ),  # fmt: skip
    ],
    "committee:followup_add": post_only(
        expect(302, 403, 403, 404),
        kwargs=pk("public_resolution"),
        data=lambda w: {"date": "01/01/2569", "note": "ดำเนินการแล้วบางส่วน"},
    ),  # fmt: skip
    "committee:report_list": Case(expect=PAGE),
    "committee:report_create": post_only(expect(302, 403, 403, 403), data=lambda w: {"fiscal_year": 2569}),
    "committee:report_detail": [
        Case(kwargs=pk("draft_report"), expect=DRAFT_READ),
        Case(kwargs=pk("public_report"), expect=PUBLIC_READ),
        Case(
            method="post",
            kwargs=pk("draft_report"),
            expect=expect(302, 403, 404, 404),
            data=lambda w: {"preface": "คำนำ"},
        ),  # fmt: skip
    ],
    "committee:report_publish": post_only(
        expect(302, 403, 403, 404), kwargs=pk("public_report"), data=lambda w: {"publish": "1"}
    ),  # fmt: skip
    # Issue 15: the information system in four domains, the plan on an agenda item, publishing.
    "committee:information_list": Case(expect=PAGE),
    "committee:information_detail": [
        Case(kwargs=lambda w: {"year": 2569}, expect=PAGE),
        Case(
            method="post",
            kwargs=lambda w: {"year": 2569},
            expect=expect(302, 403, 403, 403),
            data=lambda w: {"academic-strengths": "ครูใช้สื่อเทคโนโลยี"},
        ),
    ],  # fmt: skip
    "committee:item_plan": Case(kwargs=pk("draft_item"), expect=DRAFT_WRITE),
    "committee:publication_list": Case(expect=PUBLICATION_ALL),
    "committee:publication_create": Case(expect={**PUBLISHER, "administrator": 200, "secretary": 200, "director": 200}),
    "committee:publication_file": [
        Case(kwargs=pk("schools_pub"), expect=PUBLICATION_ALL),
        Case(kwargs=pk("public_pub"), expect=PUBLICATION_ALL),
        Case(kwargs=pk("withdrawn_pub"), expect={**expect(200, 200, 404, 404), "director": 200}),
    ],
    # No reason given: refused with a message, so the publication stays for the next role.
    "committee:publication_withdraw": post_only(PUBLISHER, kwargs=pk("schools_pub")),
    # Issue 15 items 1–2: meeting bodies (the clerk may create the group's internal one) and minutes autosave.
    "committee:body_list": Case(expect=PAGE),
    "committee:body_create": Case(expect={**CREATE, "clerk": 200}),
    "committee:body_edit": Case(
        kwargs=lambda w: {"pk": w.objects["committee"]["approved"].body_id}, expect=PUBLIC_WRITE
    ),
    "committee:minutes_autosave": post_only(expect(200, 403, 404, 404), kwargs=pk("held")),
    "public:index": Case(expect=everyone(200, anonymous=200)),
    "public:file": [
        Case(kwargs=pk("public_pub"), expect=everyone(200, anonymous=200)),
        Case(kwargs=pk("schools_pub"), expect=everyone(404, anonymous=404)),
        Case(kwargs=pk("withdrawn_pub"), expect=everyone(404, anonymous=404)),
    ],
}
