"""The synthesis on a small hand-built district; every expected count is worked out in the comments."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from qa import services
from qa.selectors import annual_report_qa_data
from qa.synthesis import build, phrase_key, recurring_phrases
from schools import services as school_services

from .conftest import fill_sar

pytestmark = pytest.mark.django_db
YEAR = 2567


@pytest.fixture
def district(users):
    """Cluster A: s1 (80 pupils, small), s2 (300, medium); cluster B: s3 (80, small), s4 (700, large),
    s5 (90, small, SAR still a draft), s6 (no SAR). Standards other than 1 and 1.1 are all ดี (3)."""
    sup = users["supervisor"]
    a = school_services.cluster_create(name="กลุ่มเอ")
    b = school_services.cluster_create(name="กลุ่มบี")
    specs = [  # name, cluster, pupils, level of 1, level of 1.1, strengths, needs, final status
        ("ส1", a, 80, 2, 1, "1. ครูทุ่มเท\n- ชุมชนมีส่วนร่วม", "ผลสัมฤทธิ์คณิตศาสตร์ต่ำ", "submit"),
        ("ส2", a, 300, 4, 3, "ครูทุ่มเท", "การใช้เทคโนโลยี", "submit"),
        ("ส3", b, 80, 2, 5, "ครู ทุ่มเท.", "๑) ผลสัมฤทธิ์คณิตศาสตร์ต่ำ", "submit"),
        ("ส4", b, 700, 5, 4, "อาคารสถานที่สะอาด\nอาคารสถานที่สะอาด", "การใช้เทคโนโลยี", "review"),
        ("ส5", b, 90, 1, 1, "ครูทุ่มเท", "ผลสัมฤทธิ์คณิตศาสตร์ต่ำ", "draft"),
    ]
    schools = {}
    for n, (name, cluster, pupils, l1, l11, strengths, needs, final) in enumerate(specs, start=1):
        school = school_services.school_create(
            code=f"10990100{n:02d}", name=f"โรงเรียน{name}", level_primary=True, pupils=pupils, cluster=cluster
        )
        schools[name] = school
        sar = services.sar_start(user=sup, school=school, academic_year=YEAR)
        fill_sar(sar, sup, levels={"1": l1, "1.1": l11}, strengths=strengths, to_develop=needs)
        if final in ("submit", "review"):
            services.sar_submit(user=sup, sar=sar)
        if final == "review":
            services.sar_review(user=sup, sar=sar, comment="เรียบร้อย")
    schools["ส6"] = school_services.school_create(
        code="1099010006", name="โรงเรียนส6", level_primary=True, pupils=50, cluster=b
    )
    return schools


def _stats(data, code):
    return next(
        s for s in data.standards if s.standard.code == code and s.standard.standard_set.education_level == "basic"
    )


def test_only_submitted_and_reviewed_sars_are_counted(district):
    data = build(YEAR)
    assert data.sars == 4  # ส1–ส4; ส5 is a draft, ส6 has none
    assert data.schools_expected == 7  # ส1–ส6 plus the school of the `users` fixture


def test_levels_per_standard_and_sub_standard_match_the_hand_count(district):
    data = build(YEAR)
    # levels of standard 1: ส1 2, ส2 4, ส3 2, ส4 5  -> [กำลังพัฒนา 0, ปานกลาง 2, ดี 0, ดีเลิศ 1, ยอดเยี่ยม 1]
    assert _stats(data, "1").overall.counts == [0, 2, 0, 1, 1]
    assert _stats(data, "1").overall.below_good == 2
    # levels of 1.1: ส1 1, ส2 3, ส3 5, ส4 4
    assert _stats(data, "1.1").overall.counts == [1, 0, 1, 1, 1]
    # every other standard is ดี in the four counted SARs
    assert _stats(data, "2.3").overall.counts == [0, 0, 4, 0, 0]
    assert len(data.standards) == 16


def test_levels_by_cluster_and_by_size_class_match_the_hand_count(district):
    std1 = _stats(build(YEAR), "1")
    by_cluster = {d.label: d.counts for d in std1.by_cluster}
    assert by_cluster == {"กลุ่มเอ": [0, 1, 0, 1, 0], "กลุ่มบี": [0, 1, 0, 0, 1]}  # A: ส1 2, ส2 4; B: ส3 2, ส4 5
    by_size = [(d.label, d.counts) for d in std1.by_size]
    # small: ส1 2, ส3 2; medium: ส2 4; large: ส4 5 — in size order, empty classes left out
    assert by_size == [("เล็ก", [0, 2, 0, 0, 0]), ("กลาง", [0, 0, 0, 1, 0]), ("ใหญ่", [0, 0, 0, 0, 1])]


def test_schools_below_good_are_listed_with_their_weak_standards(district):
    rows = build(YEAR).below_good
    assert [r.school.name for r in rows] == ["โรงเรียนส1", "โรงเรียนส3"]
    assert [(s.code, level) for s, level in rows[0].standards] == [("1", 2), ("1.1", 1)]
    assert [(s.code, level) for s, level in rows[1].standards] == [("1", 2)]


def test_recurring_strengths_and_needs_count_schools_not_lines(district):
    data = build(YEAR)
    # "ครูทุ่มเท" in ส1 (numbered), ส2, ส3 (spaced, full stop) = 3; ส5 is a draft; ส4's repeated line counts once
    assert data.strengths[0] == ("ครูทุ่มเท", 3)
    assert ("อาคารสถานที่สะอาด", 1) in data.strengths and ("ชุมชนมีส่วนร่วม", 1) in data.strengths
    assert sorted(data.needs) == [("การใช้เทคโนโลยี", 2), ("ผลสัมฤทธิ์คณิตศาสตร์ต่ำ", 2)]


def test_phrase_matching_ignores_numbering_bullets_spaces_and_end_punctuation():
    assert phrase_key("  ๒.๑) ครู ทุ่มเท .")[0] == phrase_key("- ครูทุ่มเท")[0] == "ครูทุ่มเท"
    assert phrase_key("   ")[0] == ""
    assert recurring_phrases(["ก\nข", "ข", ""]) == [("ข", 2), ("ก", 1)]


def test_annual_report_data_follows_the_contract(district):
    data = annual_report_qa_data(YEAR)
    assert data["sars"] == 4 and data["below_good"] == 2
    first = data["standards"][0]
    assert first["code"] == "1" and first["name"] == "คุณภาพของผู้เรียน"
    assert first["levels"] == {"กำลังพัฒนา": 0, "ปานกลาง": 2, "ดี": 0, "ดีเลิศ": 1, "ยอดเยี่ยม": 1}


def test_annual_report_data_of_an_empty_year_is_zero(db):
    assert annual_report_qa_data(2500) == {"standards": [], "below_good": 0, "sars": 0}


def test_the_synthesis_page_shows_counts_and_the_chart_data(district, users, client_for):
    page = client_for(users["executive"]).get(reverse("qa:synthesis") + f"?year={YEAR}&by=size").content.decode()
    assert "chart.umd.min.js" in page and 'id="chart-data"' in page
    assert "โรงเรียนส1" in page and "ครูทุ่มเท" in page and "ใหญ่" in page


def test_the_excel_export_has_one_row_per_counted_sar(district, users, client_for):
    from openpyxl import load_workbook

    response = client_for(users["supervisor"]).get(reverse("qa:synthesis_export", args=[YEAR]))
    assert "filename*=UTF-8''" in response["Content-Disposition"] and "sar-synthesis" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:5] == ("รหัสสถานศึกษา", "ชื่อสถานศึกษา", "กลุ่มโรงเรียน", "ขนาด", "สถานะ")
    assert len(body) == 4
    s1 = next(r for r in body if r[1] == "โรงเรียนส1")
    assert (
        s1[0] == "1099010001" and s1[header.index("มฐ. 1")] == "ปานกลาง" and s1[header.index("มฐ. 1.1")] == "กำลังพัฒนา"
    )
