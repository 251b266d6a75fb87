from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from qa import services
from qa.models import ExternalAssessment, Standard

from .test_sar import PDF_BYTES

pytestmark = pytest.mark.django_db


def _top_basic() -> list[Standard]:
    return list(Standard.objects.filter(standard_set__education_level="basic", parent=None).order_by("order"))


def test_a_supervisor_records_an_onesqa_result_per_standard_with_its_report(users, school):
    s1, s2, s3 = _top_basic()
    report = SimpleUploadedFile("onesqa.pdf", PDF_BYTES)
    assessment = services.external_save(
        user=users["supervisor"], school=school, round_name="รอบที่ 5", assessment_year=2566,
        levels={s1.pk: 3, s2.pk: 4, s3.pk: 3}, overall_result="ได้รับการรับรอง", file=report,
    )  # fmt: skip
    assert {r.standard.code: r.level for r in assessment.results.select_related("standard")} == {"1": 3, "2": 4, "3": 3}
    assert assessment.file.name.endswith(".pdf")


def test_the_same_round_is_not_recorded_twice_for_a_school(users, school):
    services.external_save(user=users["director"], school=school, round_name="รอบที่ 5", assessment_year=2566, levels={})
    with pytest.raises(ValidationError, match="มีผลการประเมินภายนอก รอบที่ 5 อยู่แล้ว"):
        services.external_save(
            user=users["director"], school=school, round_name="รอบที่ 5", assessment_year=2567, levels={}
        )


def test_the_report_must_be_a_pdf(users, school):
    with pytest.raises(ValidationError, match="PDF"):
        services.external_save(
            user=users["supervisor"],
            school=school,
            round_name="รอบที่ 4",
            assessment_year=2560,
            levels={},
            file=SimpleUploadedFile("x.pdf", b"GIF89a not pdf"),
        )
    assert not ExternalAssessment.objects.exists()


@pytest.mark.parametrize("role", ["clerk", "executive", "member", "school", "secretary"])
def test_only_supervisors_director_and_admin_record_external_results(role, users, school):
    with pytest.raises(PermissionDenied, match="เฉพาะศึกษานิเทศก์และผู้ดูแลระบบบันทึกผลการประเมินภายนอกได้"):
        services.external_save(user=users[role], school=school, round_name="รอบที่ 5", assessment_year=2566, levels={})


def test_the_form_records_levels_and_school_staff_read_only_their_own(users, client_for, school, other_school):
    s1, s2, s3 = _top_basic()
    response = client_for(users["supervisor"]).post(
        reverse("qa:external_create"),
        {
            "school": school.pk,
            "round_name": "รอบที่ 5",
            "assessment_year": "2566",
            "assessed_on": "12/01/2566",
            f"level_{s1.pk}": "4",
            f"level_{s2.pk}": "3",
            f"level_{s3.pk}": "",
        },
    )
    assert response.status_code == 302
    assessment = ExternalAssessment.objects.get()
    assert assessment.assessed_on.year == 2023
    assert assessment.results.get(standard=s1).level == 4 and assessment.results.get(standard=s3).level is None
    other = services.external_save(
        user=users["supervisor"], school=other_school, round_name="รอบที่ 5", assessment_year=2566, levels={}
    )
    school_client = client_for(users["school"])
    assert school_client.get(reverse("qa:external_detail", args=[assessment.pk])).status_code == 200
    assert school_client.get(reverse("qa:external_detail", args=[other.pk])).status_code == 404
    assert school_client.get(reverse("qa:external_edit", args=[assessment.pk])).status_code == 403
    assert school_client.get(reverse("qa:external_create")).status_code == 403
    page = school_client.get(reverse("qa:school_qa", args=[school.pk])).content.decode()
    assert "รอบที่ 5" in page
