"""Issue 15 item 3: the secretary's information system in four domains, on the page, in its own document and
as a chapter of the annual report."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from committee import services
from committee.models import Domain, DomainInformation
from core.roles import Role
from supervision import services as plan_services
from supervision.models import Activity, Project
from tests.helpers import compact, pdf_compact, render_document

FY = 2569
STRENGTHS = "1. ครูโรงเรียนบ้านหนองบัวประชาสามัคคีใช้สื่อเทคโนโลยีในการจัดการเรียนรู้\n2. มีเครือข่ายนิเทศภายในที่เข้มแข็ง"
WEAKNESSES = "ผลสัมฤทธิ์ทางการเรียนวิชาคณิตศาสตร์ ป.6 ต่ำกว่าระดับประเทศ"


def _texts(**overrides: str) -> dict[str, dict[str, str]]:
    base = {"facts": "", "strengths": "", "weaknesses": "", "recommendations": ""}
    return {domain: {**base, **overrides} for domain in Domain.values}


@pytest.fixture
def written(users, school, other_school):
    """Two schools (80 and 700 pupils), a project of 20,000 บาท and the four domains typed in."""
    plan = plan_services.plan_get_or_create(fiscal_year=FY, user=users[Role.DIRECTOR.value])
    project = Project.objects.create(plan=plan, order=1, name="การนิเทศแบบบูรณาการเพื่อยกระดับคุณภาพการศึกษา")
    Activity.objects.create(project=project, order=1, name="นิเทศโรงเรียนกลุ่มสีดำ–สีแดง", amount=Decimal("20000"))
    texts = _texts(strengths=STRENGTHS, weaknesses=WEAKNESSES, recommendations="ควรจัดค่ายคณิตศาสตร์")
    texts[Domain.BUDGET]["facts"] = "ได้รับจัดสรรงบประมาณจาก สพฐ. ตามแผนปฏิบัติการ"
    return services.information_save(user=users["secretary"], fiscal_year=FY, domains=texts)


def test_the_four_domains_are_saved_from_one_form_and_every_box_keeps_its_text(users, client_for):
    data = {f"{d}-strengths": f"จุดเด่น{label}" for d, label in Domain.choices}
    data["general-recommendations"] = "บรรทัดแรก\nบรรทัดที่สอง"
    response = client_for(users["secretary"]).post(reverse("committee:information_detail", args=[FY]), data)
    assert response.status_code == 302
    saved = {d.domain: d for d in DomainInformation.objects.filter(fiscal_year=FY)}
    assert [saved[d].strengths for d in Domain.values] == [f"จุดเด่น{label}" for _, label in Domain.choices]
    assert saved["general"].recommendations == "บรรทัดแรก\nบรรทัดที่สอง"


def test_only_the_secretariat_writes_the_information(users):
    with pytest.raises(PermissionDenied, match="เฉพาะเลขานุการ"):
        services.information_save(user=users["director"], fiscal_year=FY, domains=_texts(strengths="x"))


def test_the_page_shows_the_figures_from_the_system_beside_the_text(written, users, client_for):
    page = client_for(users["director"]).get(reverse("committee:information_detail", args=[FY])).content.decode()
    assert "780 คน" in page  # pupils of both schools (80 + 700)
    assert "20,000.00 บาท" in page and "ครูโรงเรียนบ้านหนองบัวประชาสามัคคีใช้สื่อเทคโนโลยี" in page


def test_the_four_domain_document_prints_each_domain_with_its_figures(
    written, users, django_capture_on_commit_callbacks
):
    path = render_document(users["secretary"], "committee.information", {"fiscal_year": FY},
                           django_capture_on_commit_callbacks)  # fmt: skip
    text = pdf_compact(path)
    for _, label in Domain.choices:
        assert compact(label) in text
    assert compact("นักเรียน780คน") in text and compact("งบประมาณตามแผน20,000.00บาท") in text
    assert compact("ครูโรงเรียนบ้านหนองบัวประชาสามัคคีใช้สื่อเทคโนโลยีในการจัดการเรียนรู้") in text
    assert compact(WEAKNESSES) in text and compact("ได้รับจัดสรรงบประมาณจาก สพฐ.") in text


def test_the_annual_report_prints_the_four_domains_as_a_chapter(written, users, django_capture_on_commit_callbacks):
    report = services.report_get_or_create(user=users["secretary"], fiscal_year=FY)
    path = render_document(users["secretary"], "committee.annual_report", {"report": report.pk},
                           django_capture_on_commit_callbacks)  # fmt: skip
    text = pdf_compact(path)
    chapter = text[text.rindex(compact("ส่วนที่ 8 สารสนเทศการจัดการศึกษา 4 ด้าน")) :]
    assert compact("ด้านการบริหารงานบุคคล") in chapter and compact("นักเรียน780คน") in chapter
    assert compact("มีเครือข่ายนิเทศภายในที่เข้มแข็ง") in chapter


def test_a_year_outside_the_buddhist_era_range_is_not_found(users, client_for):
    assert client_for(users["secretary"]).get(reverse("committee:information_detail", args=[1999])).status_code == 404


def test_only_the_committees_own_members_are_counted_as_its_members(users, committee_members):
    import datetime as dt

    from committee.information_figures import personnel_figures
    from committee.models import BodyKind, Category, Position
    from core import thaidate

    clerk = users["clerk"]
    group = services.body_create(user=clerk, name="ประชุมประจำเดือนกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
                                 kind=BodyKind.INTERNAL, meetings_per_year=12)  # fmt: skip
    services.member_create(user=clerk, body=group, prefix="นางสาว", first_name="กัลยาณี", last_name="ศรีสุวรรณวงศ์",
                           position=Position.MEMBER, category=Category.OFFICE, job_title="ศึกษานิเทศก์ชำนาญการ",
                           term_start=dt.date(2024, 1, 1))  # fmt: skip
    year = thaidate.fiscal_year(thaidate.today())
    assert dict(personnel_figures(year))["กรรมการ ก.ต.ป.น. ที่ดำรงตำแหน่ง"] == f"{len(committee_members)} คน"
