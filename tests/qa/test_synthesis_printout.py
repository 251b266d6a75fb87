"""The district SAR synthesis as printed: early-childhood standards under their own heading and in their
own tables, apart from the basic-education ones; a standard below ดี named with its level; widths in cm."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from core import documents
from core import services as core_services
from core.models import DocumentJob
from qa import services
from qa.models import EducationLevel, Level, Standard
from schools import services as school_services
from tests.helpers import compact, on_one_line, pdf_compact

pytestmark = pytest.mark.django_db
YEAR = 2567
SCHOOLS = [  # name, cluster, early standard 1, basic standard 2
    ("โรงเรียนบ้านห้วยน้ำขาวมิตรภาพประชาสงเคราะห์วิทยา", "กลุ่มโรงเรียนแม่สอดพัฒนาเครือข่ายที่ 1", Level.FAIR, Level.GOOD),
    ("โรงเรียนชุมชนบ้านแม่ระมาดน้อยวิทยาคารสามัคคี", "กลุ่มโรงเรียนแม่ระมาดสามัคคีพัฒนา", Level.VERY_GOOD, Level.DEVELOPING),
    ("โรงเรียนอนุบาลท่าสองยางราษฎร์บำรุงวิทยา", "กลุ่มโรงเรียนแม่สอดพัฒนาเครือข่ายที่ 1", Level.EXCELLENT, Level.GOOD),
]


@pytest.fixture
def kindergarten_district(users):
    """Three schools teaching kindergarten and primary, so each SAR rates both sets of standards."""
    sup, clusters = users["supervisor"], {}
    for n, (name, cluster, early_1, basic_2) in enumerate(SCHOOLS, start=1):
        if cluster not in clusters:
            clusters[cluster] = school_services.cluster_create(name=cluster)
        school = school_services.school_create(code=f"10990200{n:02d}", name=name, level_kindergarten=True,
                                               level_primary=True, pupils=120 * n, cluster=clusters[cluster])  # fmt: skip
        sar = services.sar_start(user=sup, school=school, academic_year=YEAR)
        wanted = {(EducationLevel.EARLY_CHILDHOOD, "1"): early_1, (EducationLevel.BASIC, "2"): basic_2}
        levels = {r.standard_id: wanted.get((r.standard.standard_set.education_level, r.standard.code), Level.GOOD)
                  for r in sar.ratings.select_related("standard__standard_set")}  # fmt: skip
        services.sar_update(user=sup, sar=sar, levels=levels, strengths="ครูทุ่มเท", to_develop="การอ่านออกเขียนได้",
                            development_plan="โครงการรักการอ่าน")  # fmt: skip
        services.sar_submit(user=sup, sar=sar)


@pytest.mark.slow
def test_early_childhood_standards_print_under_their_own_heading_apart_from_basic_ones(
    django_capture_on_commit_callbacks, users, kindergarten_district
):
    params = documents.get_kind("qa.sar_synthesis").params_from({"year": YEAR})
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(user=users["supervisor"], kind="qa.sar_synthesis", params=params)
    job = DocumentJob.objects.get(pk=job.pk)
    assert job.status == "done", job.error
    path = Path(job.result.path)
    found = pdf_compact(path)
    early = Standard.objects.get(standard_set__education_level=EducationLevel.EARLY_CHILDHOOD, code="1", parent=None)
    basic = Standard.objects.get(standard_set__education_level=EducationLevel.BASIC, code="1", parent=None)
    # section 1: a heading per level, early childhood first, each level's standards under its own heading
    early_at = found.index(compact("1.1 ระดับการศึกษาปฐมวัย"))
    basic_at = found.index(compact("1.2 ระดับการศึกษาขั้นพื้นฐาน"))
    assert early_at < found.index(compact(early.name), early_at) < basic_at
    assert found.index(compact(basic.name), basic_at) > basic_at
    # early standard 1: ปานกลาง 1, ดีเลิศ 1, ยอดเยี่ยม 1 of 3 (levels กำลังพัฒนา … ยอดเยี่ยม, then รวม)
    assert compact(f"มาตรฐานที่ 1 {early.name} 0 1 0 1 1 3") in found
    # the breakdowns by cluster and by size carry the level headings too, and name the column by level
    for section in ("2", "3"):
        assert compact(f"{section}.1 ระดับการศึกษาปฐมวัย") in found
        assert compact(f"{section}.2 ระดับการศึกษาขั้นพื้นฐาน") in found
    assert "มาตรฐานปฐมวัย" in found and "มาตรฐานขั้นพื้นฐาน" in found
    # section 4: a standard below ดี is named with its level, never a bare "1" that could be either
    assert on_one_line(path, "ปฐมวัย 1 (ปานกลาง)")
    assert on_one_line(path, "ขั้นพื้นฐาน 2 (กำลังพัฒนา)")
    out = Path(settings.BASE_DIR) / "var" / "test" / "printouts"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(out / "qa.sar_synthesis-p1")], check=True)  # fmt: skip
