"""Secret letters on the surfaces added by issue 17's round: the home cards, relevance search, the typed
Excel export, the printout with the search carried over, the recipients and เกษียน cards, per-assignee due
dates, the new cleared set (a written letter's approvers) and the published documents. Whoever is not
cleared learns the number, year, register and secrecy level, and nothing else."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from core import documents, pagecache, thaidate
from core import services as core_services
from core.models import ActingAppointment, ActingKind, DocumentJob, display_name
from core.roles import Role
from correspondence import chain, columns, home, search, selectors, services
from correspondence.models import ApprovalRole, LetterKind, Secrecy
from tests.helpers import pdf_compact

SECRET_SUBJECT = "สอบข้อเท็จจริงกรณีร้องเรียนผู้อำนวยการโรงเรียนบ้านโนนสูงหนองบัวพิทยาคม"
SECRET_SENDER = "สำนักงานคณะกรรมการข้าราชการครูและบุคลากรทางการศึกษา (ก.ค.ศ.)"
SECRET_WORD = "ร้องเรียน"
NORMAL_SUBJECT = "ขอเชิญประชุมชี้แจงแนวทางการรับเรื่องร้องเรียนของสถานศึกษา ปีการศึกษา 2569"
WRITTEN_SUBJECT = "ขอรายงานผลการสอบสวนวินัยข้าราชการครูโรงเรียนบ้านหนองตะเคียนสามัคคีวิทยา (ลับ)"


def _home(client_for, user) -> str:  # noqa: ANN001
    response = client_for(user).get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def _card(page: str, name: str) -> str:
    """One action card of the home page (empty when the page has none of that name)."""
    start = page.find(f'data-testid="action-{name}"')
    return "" if start < 0 else page[start : page.find("</section>", start)]


def _acting_today(deputy, *, for_, position: str):  # noqa: ANN001, ANN202
    """`deputy` acting (รักษาราชการแทน) for `for_` today, under `position`."""
    today = thaidate.today()
    ActingAppointment.objects.create(
        principal=for_, deputy=deputy, kind=ActingKind.ACTING, starts_on=today, ends_on=today, position=position
    )
    return deputy


@pytest.fixture
def secret_presented(users, incoming, pdf_upload):
    """A secret letter presented to the director (the clerk registered it), beside a normal one on the same word."""
    letter = incoming(subject=SECRET_SUBJECT, sender=SECRET_SENDER, secrecy=Secrecy.SECRET, files=[pdf_upload()])
    services.letter_present(user=users["clerk"], letter=letter)
    incoming(subject=NORMAL_SUBJECT)
    return letter


@pytest.fixture
def secret_assigned(users, secret_presented, make_user):
    """The secret letter instructed to one supervisor with a due date of their own."""
    assignee = make_user(Role.SUPERVISOR, username="supervisor_assignee")
    services.letter_instruct(
        user=users["director"], letter=secret_presented, instruction="ดำเนินการสอบข้อเท็จจริงแล้วรายงาน",
        assignees=[assignee], due_dates={assignee.pk: dt.date(2026, 3, 17)},
    )  # fmt: skip
    return {"letter": secret_presented, "assignee": assignee}


@pytest.fixture
def secret_written(users, school, office):
    """A secret letter the supervisor writes to a school, checked by the secretary and signed by the executive."""
    content = chain.letter_write(
        user=users["supervisor"], register_code="send", kind=LetterKind.EXTERNAL, subject=WRITTEN_SUBJECT,
        schools=[school], body="ตามที่ได้รับแจ้ง\n\nจึงเรียนมาเพื่อโปรดพิจารณา", signer=users["executive"],
        secrecy=Secrecy.SECRET,
    )  # fmt: skip
    steps = [(ApprovalRole.CHECK, users["secretary"]), (ApprovalRole.SIGN, users["executive"])]
    return chain.content_submit(user=users["supervisor"], content=content, chain=steps)


# --- home page -----------------------------------------------------------------------------------
def test_the_director_card_names_the_first_secret_letter_to_the_cleared_director_only(
    users, client_for, secret_presented
):
    card = _card(_home(client_for, users["director"]), "letters-to-instruct")
    assert SECRET_SUBJECT in card
    assert reverse("correspondence:letter_detail", args=[secret_presented.pk]) in card
    for role in ("supervisor", "secretary", "executive", "administrator"):
        page = _home(client_for, users[role])
        assert _card(page, "letters-to-instruct") == ""
        assert SECRET_SUBJECT not in page and SECRET_SENDER not in page, role


def test_the_clerk_desk_counts_a_secret_letter_but_an_uncleared_registrar_reads_no_word_of_it(
    users, client_for, secret_presented
):
    administrator = users["administrator"]  # registers mail like the clerk, yet is not cleared for secrets
    assert home.clerk_today(administrator)["received"] == 2
    page = _home(client_for, administrator)
    assert 'data-testid="clerk-desk"' in page
    assert SECRET_SUBJECT not in page and SECRET_SENDER not in page


def test_a_deputy_acting_for_the_signer_of_a_secret_draft_is_not_shown_its_subject_on_the_home_card(
    users, make_user, client_for, secret_written
):
    chain.approval_approve(user=users["secretary"], step=secret_written.approvals.get(role=ApprovalRole.CHECK))
    deputy = _acting_today(
        make_user(Role.EXECUTIVE, username="deputy_office_director"),
        for_=users["executive"],
        position="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา",
    )
    assert WRITTEN_SUBJECT in _card(_home(client_for, users["executive"]), "drafts-to-sign")
    page = _home(client_for, deputy)
    assert WRITTEN_SUBJECT not in page
    assert home.to_sign(deputy) == []
    step = secret_written.approvals.get(role=ApprovalRole.SIGN)  # its page is a 404 to them: not theirs to see
    assert client_for(deputy).get(reverse("correspondence:approval_detail", args=[step.pk])).status_code == 404


def test_the_checker_of_a_secret_draft_is_shown_its_subject_while_it_waits_for_them(
    users, client_for, secret_written, make_user
):
    card = _card(_home(client_for, users["secretary"]), "drafts-to-sign")
    assert WRITTEN_SUBJECT in card
    other_secretary = make_user(Role.SECRETARY, username="secretary_outside")
    assert WRITTEN_SUBJECT not in _home(client_for, other_secretary)


# --- register search, export and printout -------------------------------------------------------
def _listed(page: str, letter) -> bool:  # noqa: ANN001
    return f'href="/correspondence/letters/{letter.pk}/"' in page


@pytest.mark.parametrize("role", ["supervisor", "secretary", "executive", "administrator"])
def test_relevance_search_on_a_secret_subject_finds_nothing_of_it_for_the_uncleared(
    role, users, client_for, secret_presented
):
    url = reverse("correspondence:register_list", args=["receive"])
    page = client_for(users[role]).get(url, {"q": SECRET_WORD, "order": "relevance"}).content.decode()
    assert NORMAL_SUBJECT in page
    assert not _listed(page, secret_presented)
    assert SECRET_SUBJECT not in page


def test_relevance_search_puts_the_secret_letter_first_for_the_cleared_clerk(users, client_for, secret_presented):
    url = reverse("correspondence:register_list", args=["receive"])
    page = client_for(users["clerk"]).get(url, {"q": "สอบข้อเท็จจริง", "order": "relevance"}).content.decode()
    assert _listed(page, secret_presented) and SECRET_SUBJECT in page


def test_the_relevance_ranking_counts_only_what_the_uncleared_may_find(users, secret_presented):
    from correspondence.filters import LetterFilter

    def found(user) -> list[int]:  # noqa: ANN001
        qs = selectors.register_entries(user, "receive")
        return [letter.pk for letter in LetterFilter({"q": SECRET_WORD, "order": "relevance"}, queryset=qs).qs]

    assert secret_presented.pk in found(users["clerk"])
    assert secret_presented.pk not in found(users["supervisor"])
    assert len(found(users["supervisor"])) == len(found(users["clerk"])) - 1


def test_the_typed_excel_row_of_a_secret_letter_gives_the_uncleared_number_year_and_secrecy_only(
    users, client_for, secret_assigned
):
    letter = secret_assigned["letter"]
    response = client_for(users["supervisor"]).get(reverse("correspondence:register_export", args=["receive"]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    number_at = columns.EXPORT_HEADERS.index("เลขทะเบียน")
    row = next(r for r in rows if r[number_at] == letter.number)
    shown = dict(zip(columns.EXPORT_HEADERS, row, strict=True))
    assert shown["ปี พ.ศ."] == letter.year and shown["ชั้นความลับ"] == letter.get_secrecy_display()
    assert shown["เรื่อง"] == "(หนังสือชั้นความลับ)"
    for name in ("วันที่และเวลาลงทะเบียน", "ลงวันที่", "จาก", "ถึง", "การปฏิบัติ", "ด่วนภายใน", "สถานะ"):
        assert shown[name] in (None, ""), name
    text = " ".join(str(v) for r in rows for v in r if v is not None)
    assert SECRET_SENDER not in text and "ดำเนินการสอบข้อเท็จจริง" not in text


def _printout(user, filters: dict, capture) -> DocumentJob:  # noqa: ANN001
    today = thaidate.format_numeric(thaidate.today())
    params = documents.get_kind("correspondence.register").params_from(
        {"register": "receive", "date_from": today, "date_to": today, **filters}
    )
    with capture(execute=True):
        job = core_services.document_request(user=user, kind="correspondence.register", params=params)
    job = DocumentJob.objects.get(pk=job.pk)
    assert job.status == "done", job.error
    return job


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_the_printout_with_a_carried_subject_search_follows_clearance_and_its_name_carries_no_subject(
    role, users, client_for, secret_presented, django_capture_on_commit_callbacks
):
    job = _printout(users[role], {"q": "สอบข้อเท็จจริง"}, django_capture_on_commit_callbacks)
    text = pdf_compact(job.result.path)
    assert ("สอบข้อเท็จจริงกรณีร้องเรียน" in text) == (role == "clerk")
    assert "สอบข้อเท็จจริง" not in job.title and "สอบข้อเท็จจริง" not in job.download_name
    assert job.download_name.startswith("ทะเบียนหนังสือรับ")
    other = "supervisor" if role == "clerk" else "clerk"  # a job is its requester's alone, whatever their clearance
    download = reverse("core:document_download", args=[job.pk])
    assert client_for(users[other]).get(download).status_code == 404


# --- the entry's page: recipients, เกษียน card and scan, due dates -------------------------------
def test_the_recipients_card_of_a_secret_draft_is_shown_to_the_owner_not_to_an_uncleared_issuer(
    users, client_for, secret_written, school, make_user
):
    url = reverse("correspondence:letter_detail", args=[secret_written.letter_id])
    secretary = client_for(users["secretary"]).get(url).content.decode()  # issues numbers, is the checker: cleared
    assert 'id="draft-recipients"' in secretary and school.name in secretary
    outsider = make_user(Role.SECRETARY, username="secretary_no_chain")  # issues numbers too, outside the chain
    page = client_for(outsider).get(url).content.decode()
    assert 'id="draft-recipients"' not in page
    assert school.name not in page and WRITTEN_SUBJECT not in page


def test_the_instruct_card_and_its_framed_scan_are_the_cleared_directors_only(users, client_for, secret_presented):
    scan = secret_presented.attachments.get()
    download = reverse("correspondence:attachment_download", args=[scan.pk])
    url = reverse("correspondence:letter_detail", args=[secret_presented.pk])
    director = client_for(users["director"]).get(url).content.decode()
    assert 'id="instruct-card"' in director and f'<iframe src="{download}"' in director
    executive = client_for(users["executive"])
    page = executive.get(url).content.decode()
    assert 'id="instruct-card"' not in page and download not in page
    assert executive.get(download).status_code == 403


def test_a_due_date_of_a_secret_assignment_is_shown_to_the_cleared_never_to_others(users, client_for, secret_assigned):
    letter, assignee = secret_assigned["letter"], secret_assigned["assignee"]
    url = reverse("correspondence:letter_detail", args=[letter.pk])
    due = thaidate.format_full(dt.date(2026, 3, 17))
    assert f"กำหนดเสร็จ {due}" in client_for(assignee).get(url).content.decode()
    page = client_for(users["supervisor"]).get(url).content.decode()
    assert due not in page and display_name(assignee) not in page


# --- the new cleared set: a written letter's approvers --------------------------------------------
def test_header_search_finds_a_secret_draft_for_its_checker_only(users, secret_written, make_user):
    checker, outsider = users["secretary"], make_user(Role.SECRETARY, username="secretary_elsewhere")
    assert [hit.title for hit in search.letter_hits(checker, "สอบสวนวินัย", 5)] == [WRITTEN_SUBJECT]
    assert search.letter_hits(outsider, "สอบสวนวินัย", 5) == []
    assert all("สอบสวนวินัย" not in hit.title for hit in search.letter_hits(outsider, "ลับ", 5))


def test_an_approver_is_cleared_for_the_letter_of_their_step_and_no_other_secret_letter(
    users, secret_written, secret_presented
):
    visible = {letter.pk: letter for letter in selectors.letters_visible_to(users["secretary"])}
    assert not visible[secret_written.letter_id].is_redacted
    assert visible[secret_presented.pk].is_redacted


def test_a_checker_taken_off_the_chain_before_their_turn_no_longer_sees_the_secret_letter(
    users, secret_written, make_user
):
    first, second = users["secretary"], make_user(Role.SECRETARY, username="secretary_second_checker")
    owner = users["supervisor"]
    new = chain.content_new_version(user=owner, content=secret_written, reason="เปลี่ยนผู้ตรวจร่างตามคำสั่งมอบงาน")
    steps = [(ApprovalRole.CHECK, second), (ApprovalRole.SIGN, users["executive"])]
    chain.content_submit(user=owner, content=new, chain=steps)
    assert not selectors.letters_visible_to(second).get(pk=new.letter_id).is_redacted
    assert selectors.letters_visible_to(first).get(pk=new.letter_id).is_redacted
    assert search.letter_hits(first, "สอบสวนวินัย", 5) == []


def test_a_checker_who_decided_stays_cleared_for_the_letter_they_approved(users, secret_written):
    chain.approval_approve(user=users["secretary"], step=secret_written.approvals.get(role=ApprovalRole.CHECK))
    assert not selectors.letters_visible_to(users["secretary"]).get(pk=secret_written.letter_id).is_redacted


def test_the_notices_of_a_secret_draft_to_its_checker_and_the_signers_deputy_carry_no_subject(
    users, make_user, school, office, client_for, django_capture_on_commit_callbacks
):
    from core.models import Notification

    deputy = _acting_today(
        make_user(Role.EXECUTIVE, username="deputy_told_of_drafts"),
        for_=users["secretary"],
        position="เลขานุการคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา",
    )
    with django_capture_on_commit_callbacks(execute=True):
        content = chain.letter_write(
            user=users["supervisor"], register_code="send", kind=LetterKind.EXTERNAL, subject=WRITTEN_SUBJECT,
            schools=[school], body="ตามที่ได้รับแจ้ง", signer=users["executive"], secrecy=Secrecy.SECRET,
        )  # fmt: skip
        steps = [(ApprovalRole.CHECK, users["secretary"]), (ApprovalRole.SIGN, users["executive"])]
        chain.content_submit(user=users["supervisor"], content=content, chain=steps)
    told = Notification.objects.filter(kind="correspondence.to_approve")
    assert set(told.values_list("recipient__username", flat=True)) == {"secretary", "deputy_told_of_drafts"}
    assert all("สอบสวนวินัย" not in f"{n.title} {n.body}" for n in told)
    page = client_for(deputy).get(reverse("core:notifications")).content.decode()
    assert "สอบสวนวินัย" not in page


def test_the_waiting_list_page_does_not_name_a_secret_draft_to_an_uncleared_deputy(
    users, make_user, client_for, secret_written
):
    chain.approval_approve(user=users["secretary"], step=secret_written.approvals.get(role=ApprovalRole.CHECK))
    deputy = _acting_today(
        make_user(Role.EXECUTIVE, username="deputy_on_the_list"),
        for_=users["executive"],
        position="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา",
    )
    page = client_for(deputy).get(reverse("correspondence:approval_list")).content.decode()
    assert WRITTEN_SUBJECT not in page


# --- publishing a generated document (committee publications) -----------------------------------
def test_a_register_printout_holding_secret_entries_cannot_be_published(
    users, secret_presented, django_capture_on_commit_callbacks
):
    from committee.services.publications import publication_publish

    job = _printout(users["director"], {}, django_capture_on_commit_callbacks)
    assert SECRET_SUBJECT.replace(" ", "")[:20] in pdf_compact(job.result.path).replace(" ", "")
    with pytest.raises(ValidationError, match="ทะเบียนหนังสือ"):
        publication_publish(
            user=users["director"], title="ทะเบียนหนังสือรับประจำวัน", kind="other", audience="public", job=job
        )


# --- kept page parts (core/pagecache.py) -------------------------------------------------------------
@pytest.mark.skipif(connection.vendor != "postgresql", reason="parts are kept on PostgreSQL only")
def test_a_part_kept_for_the_cleared_director_is_never_what_an_uncleared_registrar_is_shown(
    users, client_for, secret_presented
):
    """Both sign in first, so no write comes between the director's request and the registrar's: the same
    data generation, the same page and query; only the user in the key differs."""
    director, registrar = client_for(users["director"]), client_for(users["administrator"])
    urls = [
        reverse("home"),
        reverse("correspondence:register_list", args=["receive"]),
        reverse("correspondence:register_list", args=["receive"]) + f"?q={SECRET_WORD}",
    ]
    for url in urls:
        assert SECRET_SUBJECT in director.get(url).content.decode(), url
        generation = pagecache.generation()
        page = registrar.get(url).content.decode()
        assert pagecache.generation() == generation, url
        assert SECRET_SUBJECT not in page and SECRET_SENDER not in page, url
    listed = registrar.get(urls[1]).content.decode()
    assert (
        f'href="{reverse("correspondence:letter_detail", args=[secret_presented.pk])}"' in listed
    )  # its entry, redacted
