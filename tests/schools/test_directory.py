"""The school directory PDF (ทำเนียบสถานศึกษา), rendered for real and read back."""

from __future__ import annotations

from django.template import Context, Template

from core import services as core_services
from core.models import DocumentJob
from schools import services
from tests.helpers import pdf_text

PRINCIPAL = "ว่าที่ร้อยตรีหญิงรัตนาภรณ์ ศรีสุขสวัสดิ์เจริญวงศ์"


def test_whole_words_keeps_each_word_on_one_line_and_escapes_it():
    html = Template("{{ v|whole_words }}").render(Context({"v": "นางรัตนา <ศรีสุข>"}))
    assert html == '<span class="nw">นางรัตนา</span> <span class="nw">&lt;ศรีสุข&gt;</span>'


def test_the_directory_never_breaks_a_principals_name_inside_a_word(users, school, django_capture_on_commit_callbacks):
    for n in range(3):
        services.school_create(
            code=f"109900010{n}", name=f"โรงเรียนบ้านหนองบัวแดงวิทยาคารพัฒนศึกษา {n}", level_primary=True,
            principal_name=PRINCIPAL, phone="0 4478 1565", cluster=school.cluster,
        )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=users["supervisor"], kind="schools.school_directory")
    job = DocumentJob.objects.get(pk=job.pk)
    assert job.status == "done", job.error
    text = pdf_text(job.result.path)
    assert text.count("ศรีสุขสวัสดิ์เจริญวงศ์") == 3  # a line break inside the surname would read "ศรีสุข สวัสดิ์…"
    assert text.count("0 4478 1565") == 3
