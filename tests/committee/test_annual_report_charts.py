"""The annual report's charts: HTML/CSS bars whose Thai labels are shaped and read back like body text."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines

from committee import services
from committee.charts import Series, bar_chart, label_parts
from core import documents
from core import services as core_services
from core.models import JobStatus
from core.roles import Role
from schools import services as school_services
from supervision import services as sup_services
from supervision.models import Indicator, Project
from tests.helpers import compact, on_one_line, pdf_compact, pdftotext_bbox

from .conftest import hold

DAY = dt.date(2026, 11, 2)  # ปีงบประมาณ 2570
PRINTOUTS = Path(settings.BASE_DIR) / "var" / "test" / "printouts"
LONG_CLUSTER = "กลุ่มเครือข่ายพัฒนาคุณภาพการศึกษาโพธิ์ศรีสุวรรณที่ราบสูงน้ำเกลี้ยง"


def _words(pdf: Path) -> list[dict]:
    """Every word pdftotext finds, with its box (points) and page number, ำ recomposed."""
    out = pdftotext_bbox(pdf)
    words, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
            width = float(re.search(r'width="([\d.]+)"', line).group(1))
        match = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if match:
            x0, y0, x1, y1 = (float(v) for v in match.groups()[:4])
            text = unescape(match.group(5))
            words.append({"text": text, "x0": x0, "y0": y0, "x1": x1, "y1": y1, "page": page, "width": width})
    return words


def _save_page(pdf: Path, page: int, name: str) -> Path:
    PRINTOUTS.mkdir(parents=True, exist_ok=True)
    stem = PRINTOUTS / name
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(stem)], check=True)  # fmt: skip
    return stem.with_suffix(".png")


def _chart_pdf(chart, tmp_path: Path) -> Path:
    """One chart on the base sheet, rendered like any document."""
    source = ('{% extends "documents/base.html" %}{% block body %}'
              '{% include "documents/_bar_chart.html" with chart=chart %}{% endblock %}')  # fmt: skip
    template = engines["django"].from_string(source)
    from core.models import OfficeProfile

    html = documents.recompose_sara_am(template.render({
        "chart": chart, "office": OfficeProfile.get(), "title": "ทดสอบกราฟ",
        "font_dir": Path(settings.FONT_DIR).as_uri(), "printed_on": "",
    }))  # fmt: skip
    path = tmp_path / "chart.pdf"
    path.write_bytes(documents.html_to_pdf(html))
    return path


def test_bars_are_percentages_of_the_largest_value_and_values_carry_their_unit():
    chart = bar_chart(["ดีเลิศ", "ยอดเยี่ยม"], [Series("จำนวน", [152, 304])], unit=" รายการ")
    assert [r.label for r in chart.rows] == ["ดีเลิศ", "ยอดเยี่ยม"]
    assert [r.bars[0].width for r in chart.rows] == [50.0, 100.0]
    assert chart.rows[1].bars[0].display == "304 รายการ"
    assert chart.legend == []
    assert not bar_chart([], [Series("จำนวน", [])])


def test_a_fixed_scale_caps_the_bar_and_two_series_get_a_legend():
    chart = bar_chart(["กลุ่มหนึ่ง"], [Series("เป้าหมาย", [80]), Series("ผล", [120])], max_value=100, unit="%")
    assert [b.width for b in chart.rows[0].bars] == [80.0, 100.0]
    assert [b.display for b in chart.rows[0].bars] == ["80%", "120%"]
    assert [label for _, label in chart.legend] == ["เป้าหมาย", "ผล"]


@pytest.mark.slow
def test_chart_labels_read_back_with_every_stacked_mark_and_values_are_not_clipped(db, tmp_path):
    labels = ["กำลังพัฒนา", "ดีเลิศ", "ยอดเยี่ยม", f"{LONG_CLUSTER}ที่ได้รับการนิเทศครบทุกโรงเรียน"]
    chart = bar_chart(labels, [Series("จำนวน", [12, 151, 304, 96])],
                      title="ผลการประเมินคุณภาพภายใน จำแนกตามระดับที่ได้", unit=" รายการ")  # fmt: skip
    pdf = _chart_pdf(chart, tmp_path)
    text = pdf_compact(pdf)
    for label in [*labels, "ผลการประเมินคุณภาพภายใน จำแนกตามระดับที่ได้"]:
        assert compact(label) in text, label
    assert "ยอดเยียม" not in text.replace("ยอดเยี่ยม", "")
    words = _words(pdf)
    # "304 รายการ" prints whole, on one line, inside the page's right margin (2 cm).
    value = next(w for w in words if w["text"] == "304")
    unit = next(w for w in words if w["text"] == "รายการ" and abs(w["y0"] - value["y0"]) < 2)
    assert unit["x0"] > value["x1"] and unit["x1"] <= unit["width"] - 2 * 72 / 2.54 + 1
    # The long label wraps inside its column and is never cut with "…".
    assert "…" not in text
    _save_page(pdf, 1, "committee.bar_chart-p1")


DEMO_CLUSTERS = ["กลุ่มโรงเรียนหนองบัว–ท่าช้าง", "กลุ่มโรงเรียนห้วยทราย–ดอนตาล", "กลุ่มโรงเรียนบ้านโพธิ์ทองที่สามัคคี",
                 "กลุ่มโรงเรียน ดงมัน หนองกุง ห้วยทราย", "กลุ่มโรงเรียนลำน้ำใส"]  # fmt: skip


def test_a_label_may_wrap_only_at_a_space_after_a_dash_or_after_a_leading_word():
    parts = [(p.text, p.whole) for p in label_parts("กลุ่มโรงเรียนหนองบัว–ท่าช้าง")]
    assert parts == [("กลุ่มโรงเรียน", True), ("\u200b", False), ("หนองบัว–", True), ("\u200b", False), ("ท่าช้าง", True)]
    # A part wider than the label column wraps between Thai words rather than spilling into the bars.
    assert [p.whole for p in label_parts(LONG_CLUSTER)] == [True, False, False]


@pytest.mark.slow
def test_cluster_names_in_a_chart_wrap_between_their_words_never_inside_one(db, tmp_path):
    chart = bar_chart(DEMO_CLUSTERS, [Series("ร้อยละ", [54, 62, 82, 90, 66])], unit="%", max_value=100)
    pdf = _chart_pdf(chart, tmp_path)
    for name in ("ท่าช้าง", "ดอนตาล", "บ้านโพธิ์ทองที่สามัคคี", "กลุ่มโรงเรียนลำน้ำใส"):
        assert on_one_line(pdf, name), name
    text = pdf_compact(pdf)
    assert all(compact(name) in text for name in DEMO_CLUSTERS)  # the break opportunities print nothing
    _save_page(pdf, 1, "committee.bar_chart_clusters-p1")


@pytest.fixture
def long_year(users, secretary, make_meeting):
    """A fiscal year with long Thai cluster, school and indicator names, QA results up to ยอดเยี่ยม."""
    cluster = school_services.cluster_create(name=LONG_CLUSTER)
    second = school_services.cluster_create(name="กลุ่มโรงเรียนบ้านโพธิ์ทองที่สามัคคี")
    schools = [
        school_services.school_create(code=f"10990100{n:02d}", name=name, level_primary=True, district="ขุขันธ์",
                                      pupils=120 + n, cluster=c)  # fmt: skip
        for n, (name, c) in enumerate([
            ("โรงเรียนบ้านโพธิ์ศรีสุวรรณวิทยาคารที่ยอดเยี่ยม", cluster),
            ("โรงเรียนบ้านหนองคูขุนจันทร์ประชาสามัคคี", cluster),
            ("โรงเรียนชุมชนบ้านโพธิ์ทองพิทยาคม", second),
        ])
    ]  # fmt: skip
    director, supervisor = users[Role.DIRECTOR.value], users[Role.SUPERVISOR.value]
    plan = sup_services.plan_get_or_create(fiscal_year=2570, user=director)
    project = Project.objects.create(plan=plan, name="โครงการยกระดับผลสัมฤทธิ์ทางการเรียนด้วยกระบวนการนิเทศที่เข้มแข็ง")
    Indicator.objects.create(project=project, name="ร้อยละของโรงเรียนที่มีระบบนิเทศภายในที่มีคุณภาพระดับยอดเยี่ยม",
                             target="ร้อยละ 80", result="ร้อยละ 92")  # fmt: skip
    visit = sup_services.visit_create(user=supervisor, school=schools[0], date=DAY, visit_type="classroom")
    sup_services.visit_save(user=supervisor, visit=visit, fields={
        "school": schools[0], "date": DAY, "visit_type": "classroom", "strengths": "ครูจัดกิจกรรมเชิงรุก",
        "to_develop": "การวัดผลระหว่างเรียน", "recommendations": "",
    }, team=[], teachers=[], scores={}, follow_ups=[])  # fmt: skip
    sup_services.visit_submit(user=supervisor, visit=visit)
    sup_services.visit_approve(user=director, visit=visit)
    hold(secretary, make_meeting(DAY))
    _qa_year(users, schools)
    return services.report_get_or_create(user=secretary, fiscal_year=2570)


def _qa_year(users, schools) -> None:
    from qa import services as qa_services
    from qa.models import Level

    for school, level in zip(schools, (Level.EXCELLENT, Level.VERY_GOOD, Level.EXCELLENT), strict=True):
        school_services.membership_set(user=None, member=users[Role.SCHOOL.value], school=school)
        sar = qa_services.sar_start(user=users[Role.SCHOOL.value], school=school, academic_year=2569)
        qa_services.sar_update(user=users[Role.SCHOOL.value], sar=sar,
                               levels={r.standard_id: level for r in sar.ratings.all()},
                               strengths="ห้องสมุดมีชีวิต", to_develop="การอ่าน", development_plan="รักการอ่าน")  # fmt: skip
        qa_services.sar_submit(user=users[Role.SCHOOL.value], sar=sar)


@pytest.mark.slow
def test_the_annual_report_charts_print_thai_labels_exactly(django_capture_on_commit_callbacks, secretary, long_year):
    with django_capture_on_commit_callbacks(execute=True):
        job = core_services.document_request(
            user=secretary, kind="committee.annual_report", params={"report": long_year.pk}
        )
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    pdf = Path(job.result.path)
    text = pdf_compact(pdf)
    for label in (
        "ร้อยละของโรงเรียนที่ได้รับการนิเทศ จำแนกตามกลุ่มโรงเรียน",  # coverage chart title
        LONG_CLUSTER,
        "ร้อยละของโรงเรียนที่มีระบบนิเทศภายในที่มีคุณภาพระดับยอดเยี่ยม",  # indicator chart label
        "ผลการประเมินคุณภาพภายใน รวมทุกมาตรฐาน จำแนกตามระดับ",
        "จำนวนครั้งการประชุมเทียบเป้าหมาย",
    ):
        assert compact(label) in text, label
    words = _words(pdf)
    qa_page = next(w["page"] for w in words if w["text"].startswith("ผลการประเมินคุณภาพภายใน"))
    on_chart = [w["text"] for w in words if w["page"] == qa_page]
    assert "ยอดเยี่ยม" in on_chart and "ดีเลิศ" in on_chart
    assert not any(w.endswith("ยอดเยียม") or w == "ที" for w in on_chart)
    assert not any("<svg" in w or "…" in w for w in on_chart)
    _save_page(pdf, 1, "committee.annual_report-p1")
    _save_page(pdf, qa_page, "committee.annual_report-qa-chart")


@pytest.mark.slow
def test_web_charts_use_sarabun_and_wrap_long_thai_labels_whole(page, users, long_year):
    from django.urls import reverse

    from tests.conftest import PASSWORD
    from tests.helpers import browser_login

    browser_login(page, Role.DIRECTOR.value, PASSWORD)
    page.goto(reverse("qa:synthesis") + "?year=2569")
    page.wait_for_function("() => window.Chart && Chart.getChart(document.getElementById('levels-chart'))")
    assert page.evaluate("Chart.defaults.font.family").startswith("Sarabun")
    assert page.evaluate("document.fonts.check('14px Sarabun', 'ที่ยอดเยี่ยม')")
    labels = page.evaluate("Chart.getChart(document.getElementById('levels-chart')).data.labels")
    whole = [("".join(lbl) if isinstance(lbl, list) else lbl) for lbl in labels]
    long_ones = [lbl for lbl in labels if isinstance(lbl, list)]
    assert long_ones, "no long standard name was wrapped"
    assert all(len(line) <= 40 for lbl in long_ones for line in lbl)
    assert not any("…" in w for w in whole)
    from qa.synthesis import build

    expected = [s.standard.name for s in build(2569).standards]
    assert all(any(name in w for w in whole) for name in expected)
    # No wrapped line starts with a combining mark: breaks fall between words, never inside "ที่".
    marks = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
    assert not any(marks.match(line) for lbl in long_ones for line in lbl)
