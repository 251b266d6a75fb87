"""Issue 15 item 5: publishing to schools and to everyone, reading it, and withdrawing it."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from committee import services
from committee.models import Publication
from tests.helpers import render_document

TITLE = "รายงานผลการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา ปีงบประมาณ 2569 ของสำนักงานเขตพื้นที่การศึกษาประถมศึกษา"


def _pdf(name: str = "รายงานประจำปี 2569.pdf") -> SimpleUploadedFile:
    from pypdf import PdfWriter

    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=200, height=200)
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


def publish(user, audience: str = "schools", title: str = TITLE, **kw) -> Publication:
    kw.setdefault("upload", _pdf())
    return services.publication_publish(user=user, title=title, kind="annual_report", audience=audience, **kw)


def test_a_report_published_to_schools_is_read_by_school_staff_and_not_before(users, client_for, secretary):
    school = client_for(users["school"])
    draft = services.report_get_or_create(user=secretary, fiscal_year=2569)
    assert school.get(reverse("committee:report_detail", args=[draft.pk])).status_code == 404
    assert TITLE not in school.get(reverse("home")).content.decode()
    publication = publish(secretary)
    home = school.get(reverse("home")).content.decode()
    assert TITLE in home and reverse("committee:publication_file", args=[publication.pk]) in home
    assert TITLE in school.get(reverse("committee:publication_list")).content.decode()
    response = school.get(reverse("committee:publication_file", args=[publication.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_school_staff_get_404_for_a_withdrawn_publication_and_it_leaves_their_home_page(users, client_for, secretary):
    publication = publish(users["director"])
    services.publication_withdraw(user=secretary, publication=publication, reason="แนบไฟล์ฉบับร่างผิด")
    school = client_for(users["school"])
    assert school.get(reverse("committee:publication_file", args=[publication.pk])).status_code == 404
    assert TITLE not in school.get(reverse("home")).content.decode()
    publication.refresh_from_db()  # kept, marked withdrawn, with who and why
    assert publication.withdrawn_by == secretary and publication.withdraw_reason == "แนบไฟล์ฉบับร่างผิด"


def test_a_withdrawn_publication_disappears_from_the_public_page(client, secretary):
    publication = publish(secretary, audience="public")
    assert TITLE in client.get(reverse("public:index")).content.decode()
    assert client.get(reverse("public:file", args=[publication.pk])).status_code == 200
    services.publication_withdraw(user=secretary, publication=publication, reason="มีข้อมูลไม่ถูกต้อง")
    assert TITLE not in client.get(reverse("public:index")).content.decode()
    assert client.get(reverse("public:file", args=[publication.pk])).status_code == 404


def test_the_anonymous_public_page_shows_no_personal_data(client, users, secretary):
    secretary.first_name, secretary.last_name = "อัญชลี", "เลขานุการดีเด่น"
    secretary.save()
    publish(secretary, audience="public")
    publish(secretary, audience="schools", title="ผลการสังเคราะห์เฉพาะสถานศึกษา")
    page = client.get(reverse("public:index")).content.decode()
    assert TITLE in page and "ผลการสังเคราะห์เฉพาะสถานศึกษา" not in page
    assert "อัญชลี" not in page and "เลขานุการดีเด่น" not in page and secretary.username not in page


@pytest.mark.django_db
def test_the_public_page_is_headed_with_the_offices_name(client):
    from core.models import OfficeProfile

    office = OfficeProfile.get()
    office.office_name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครราชสีมา เขต 7"
    office.save()
    page = client.get(reverse("public:index")).content.decode()
    assert f"เอกสารเผยแพร่ {office.office_name}" in page and office.group_name in page


def test_only_the_secretary_the_director_and_the_administrator_publish(users):
    for role in ("supervisor", "executive", "member", "school"):
        with pytest.raises(PermissionDenied, match="เผยแพร่เอกสารได้"):
            publish(users[role])


def test_a_file_that_is_not_a_pdf_is_refused_with_a_thai_message(secretary):
    fake = SimpleUploadedFile("รายงาน.pdf", b"MZ this is not a pdf" * 10, content_type="application/pdf")
    with pytest.raises(ValidationError, match="ไม่ใช่ PDF จริง"):
        publish(secretary, upload=fake)
    assert not Publication.objects.exists()


def test_a_document_the_system_generated_is_published_as_a_copy(
    secretary, users, client_for, django_capture_on_commit_callbacks
):
    path = render_document(
        secretary, "committee.information", {"fiscal_year": 2569}, django_capture_on_commit_callbacks
    )
    job = secretary.document_jobs.get()
    publication = publish(secretary, upload=None, job=job, title="สารสนเทศการจัดการศึกษา 4 ด้าน ปีงบประมาณ 2569")
    job.result.delete(save=False)  # the job's file may be swept; the publication keeps its own copy
    response = client_for(users["school"]).get(reverse("committee:publication_file", args=[publication.pk]))
    assert b"".join(response.streaming_content)[:5] == b"%PDF-" and path.name != publication.file.name


def test_someone_elses_document_cannot_be_published(secretary, users, django_capture_on_commit_callbacks):
    render_document(
        users["director"], "committee.information", {"fiscal_year": 2569}, django_capture_on_commit_callbacks
    )
    job = users["director"].document_jobs.get()
    with pytest.raises(ValidationError, match="เฉพาะเอกสารที่ระบบสร้างเสร็จแล้วของท่านเอง"):
        publish(secretary, upload=None, job=job)


def test_publishing_from_the_form_without_a_file_keeps_what_was_typed(users, client_for):
    response = client_for(users["secretary"]).post(reverse("committee:publication_create"), {
        "title": TITLE, "kind": "annual_report", "audience": "schools", "description": "ฉบับสมบูรณ์",
    })  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and "กรุณาแนบไฟล์" in page and TITLE in page and "ฉบับสมบูรณ์" in page


def test_withdrawing_needs_a_reason(secretary):
    publication = publish(secretary)
    with pytest.raises(ValidationError, match="กรุณาระบุเหตุผล"):
        services.publication_withdraw(user=secretary, publication=publication, reason="  ")
