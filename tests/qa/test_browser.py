from __future__ import annotations

import pytest

from core.roles import Role
from qa.models import SarStatus, SelfAssessmentReport
from tests.conftest import PASSWORD
from tests.helpers import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_school_staff_fill_and_submit_a_sar_and_a_supervisor_reviews_it(page, make_user, school):
    make_user(Role.SCHOOL, username="school")
    make_user(Role.SUPERVISOR, username="supervisor")

    browser_login(page, "school", PASSWORD)
    page.goto("/qa/")
    page.get_by_role("button", name="เริ่มจัดทำ SAR").click()
    selects = page.locator("select[name^='level_']")
    assert selects.count() == 16
    for i in range(selects.count()):
        selects.nth(i).select_option("4" if i else "2")
    page.get_by_label("จุดเด่น").fill("ครูทุ่มเท\nชุมชนมีส่วนร่วม")
    page.get_by_label("จุดที่ควรพัฒนา").fill("การอ่านออกเขียนได้")
    page.get_by_label("แผนพัฒนาเพื่อยกระดับคุณภาพให้สูงขึ้น").fill("โครงการรักการอ่าน")
    page.get_by_role("button", name="บันทึกและส่งรายงาน").click()
    page.get_by_text("ส่งรายงาน SAR ถึงสำนักงานเขตพื้นที่แล้ว").wait_for()
    sar = SelfAssessmentReport.objects.get(school=school)
    assert sar.status == SarStatus.SUBMITTED
    assert sar.ratings.get(standard__code="1").level == 2

    page.context.clear_cookies()
    browser_login(page, "supervisor", PASSWORD)
    page.goto("/qa/sars/?status=submitted")
    page.get_by_role("link", name=school.name).click()
    page.get_by_label("ความเห็นถึงสถานศึกษา").fill("ควรเพิ่มหลักฐานการอ่านของผู้เรียน")
    page.get_by_role("button", name="บันทึกผลการตรวจ").click()
    page.get_by_text("บันทึกผลการตรวจแล้ว").wait_for()
    sar.refresh_from_db()
    assert sar.status == SarStatus.REVIEWED and sar.review_comment == "ควรเพิ่มหลักฐานการอ่านของผู้เรียน"
