"""In a browser: the administrator goes from the menu to ข้อมูลพื้นฐาน, adds a supervisor with a
one-time link, and switches off a login after being asked; that person can no longer sign in."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import PASSWORD
from tests.helpers import browser_login

User = get_user_model()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_administrator_adds_a_person_and_switches_another_off(page, users):
    browser_login(page, users["administrator"].username, PASSWORD)
    page.goto("/manage/")
    page.get_by_role("link", name="เพิ่มผู้ใช้").click()
    page.get_by_label("ชื่อผู้ใช้ (สำหรับเข้าสู่ระบบ)").fill("pornthip.k")
    page.get_by_label("คำนำหน้าชื่อ").select_option("นางสาว")
    page.locator("#id_first_name").fill("พรทิพย์")
    page.get_by_label("นามสกุล").fill("เกียรติศักดิ์สิทธิ์ธำรง")
    page.get_by_label("ตำแหน่ง (พิมพ์ในเอกสาร)").fill("ศึกษานิเทศก์")
    page.get_by_label("ศึกษานิเทศก์", exact=True).check()
    page.get_by_role("button", name="บันทึก").click()
    page.get_by_text("สร้างบัญชี “pornthip.k” แล้ว").wait_for()

    page.get_by_role("link", name="ตั้งรหัสผ่านใหม่ / สร้างลิงก์ตั้งรหัสผ่าน").click()
    page.get_by_role("button", name="สร้างลิงก์").click()
    link = page.locator("#reset-link-value").input_value()
    assert "/accounts/reset/" in link

    clerk = users["clerk"]
    page.goto(f"/manage/people/{clerk.pk}/")
    page.get_by_role("button", name="ปิดการใช้งานบัญชี").click()
    page.get_by_text("ปิดการใช้งานบัญชี “clerk” แล้ว").wait_for()
    assert page.confirmations and "จะเข้าสู่ระบบไม่ได้" in page.confirmations[-1]
    clerk.refresh_from_db()
    assert clerk.is_active is False
    assert User.objects.get(username="pornthip.k").groups.filter(name="supervisor").exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_people_list_fits_a_phone(page, users):
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, users["administrator"].username, PASSWORD)
    page.goto("/manage/people/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
