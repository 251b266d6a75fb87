"""ข้อมูลพื้นฐาน: the administrator manages logins, roles, profiles, clusters and letter templates in
the app, without the Django admin; nobody else can."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from core import services_people
from core.models import StaffProfile
from core.tabular import ImportFailed
from correspondence.models import LetterTemplate
from schools import services as school_services
from schools.forms import SchoolForm
from schools.models import SchoolMembership
from tests.conftest import PASSWORD

User = get_user_model()
NEW_PASSWORD = "ศึกษานิเทศก์-2569-Sarabun"
LONG_NAME = {"first_name": "กิ่งก้านต์ฤทธิ์", "last_name": "ศรีสุวรรณภูมิ์พิทักษ์ไพศาล"}


def _signs_in(username: str, password: str) -> bool:
    response = Client().post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302


def _create(client: Client, **extra: object) -> object:
    data = {
        "username": "kingkan.s", "password": NEW_PASSWORD, "prefix": "นางสาว", **LONG_NAME,
        "email": "kingkan@office.go.th", "position": "ศึกษานิเทศก์", "academic_rank": "ชำนาญการพิเศษ",
        "phone": "044 611 234", "roles": ["supervisor"], **extra,
    }  # fmt: skip
    return client.post(reverse("core:people_create"), data)


def test_the_administrator_creates_a_login_with_its_roles_and_it_signs_in(users, client_for):
    response = _create(client_for(users["administrator"]))
    member = User.objects.get(username="kingkan.s")
    assert response.status_code == 302 and response.url == reverse("core:people_account", args=[member.pk])
    assert list(member.groups.values_list("name", flat=True)) == ["supervisor"]
    assert member.profile.display_name == "นางสาวกิ่งก้านต์ฤทธิ์ ศรีสุวรรณภูมิ์พิทักษ์ไพศาล"
    assert (member.profile.position, member.profile.academic_rank, member.profile.phone) == (
        "ศึกษานิเทศก์", "ชำนาญการพิเศษ", "044 611 234")  # fmt: skip
    assert _signs_in("kingkan.s", NEW_PASSWORD)


def test_a_taken_username_is_refused_in_thai_and_nothing_typed_is_lost(users, client_for):
    response = _create(client_for(users["administrator"]), username="clerk")
    page = response.content.decode()
    assert response.status_code == 200 and "มีชื่อผู้ใช้นี้แล้ว" in page
    assert LONG_NAME["last_name"] in page
    assert User.objects.filter(last_name=LONG_NAME["last_name"]).count() == 0


def test_the_administrator_changes_the_position_printed_on_documents_and_the_roles(users, client_for):
    clerk = users["clerk"]
    data = {**LONG_NAME, "email": "", "prefix": "นาง", "position": "เจ้าพนักงานธุรการชำนาญงาน",
            "academic_rank": "", "phone": "", "roles": ["clerk", "secretary"]}  # fmt: skip
    response = client_for(users["administrator"]).post(reverse("core:people_account", args=[clerk.pk]), data)
    assert response.status_code == 302
    clerk.refresh_from_db()
    assert StaffProfile.objects.get(user=clerk).position == "เจ้าพนักงานธุรการชำนาญงาน"
    assert sorted(clerk.groups.values_list("name", flat=True)) == ["clerk", "secretary"]
    assert clerk.first_name == LONG_NAME["first_name"]


def test_giving_the_administrator_role_makes_a_superuser_and_taking_it_away_undoes_it(users):
    clerk = users["clerk"]
    services_people.account_roles_set(user=users["administrator"], member=clerk, roles=["clerk", "administrator"])
    clerk.refresh_from_db()
    assert clerk.is_superuser and clerk.is_staff
    services_people.account_roles_set(user=users["administrator"], member=clerk, roles=["clerk"])
    clerk.refresh_from_db()
    assert not clerk.is_superuser and not clerk.is_staff


def test_the_administrator_cannot_take_away_their_own_role_or_switch_themselves_off(users):
    admin = users["administrator"]
    with pytest.raises(ValidationError, match="ถอดบทบาทผู้ดูแลระบบของตนเองไม่ได้"):
        services_people.account_roles_set(user=admin, member=admin, roles=["clerk"])
    with pytest.raises(ValidationError, match="ปิดการใช้งานบัญชีของตนเองไม่ได้"):
        services_people.account_set_active(user=admin, member=admin, active=False)


def test_a_deactivated_login_cannot_sign_in_and_keeps_its_name_until_reactivated(users, client_for):
    supervisor, admin = users["supervisor"], client_for(users["administrator"])
    response = admin.post(reverse("core:people_set_active", args=[supervisor.pk]), {"active": "0"})
    assert response.status_code == 302
    supervisor.refresh_from_db()
    assert supervisor.is_active is False and User.objects.filter(pk=supervisor.pk).exists()
    assert not _signs_in(supervisor.username, PASSWORD)
    listed = admin.get(reverse("core:people"), {"state": "inactive"}).content.decode()
    assert supervisor.username in listed
    admin.post(reverse("core:people_set_active", args=[supervisor.pk]), {"active": "1"})
    assert _signs_in(supervisor.username, PASSWORD)


def test_a_deactivated_login_loses_its_open_session(users, client_for):
    supervisor = users["supervisor"]
    session = client_for(supervisor)
    services_people.account_set_active(user=users["administrator"], member=supervisor, active=False)
    assert session.get(reverse("home")).status_code == 302  # sent to the login page


def test_the_one_time_link_sets_a_password_once(users, client_for):
    clerk = users["clerk"]
    page = client_for(users["administrator"]).post(reverse("core:people_reset_link", args=[clerk.pk]))
    link = page.context["link"]
    assert link.startswith("http://testserver/accounts/reset/")
    visitor = Client()
    form_page = visitor.get(link, follow=True)
    assert form_page.context["validlink"] is True
    done = visitor.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert _signs_in(clerk.username, NEW_PASSWORD)
    again = Client().get(link, follow=True)
    assert again.context["validlink"] is False and "ลิงก์นี้ใช้ไม่ได้แล้ว" in again.content.decode()


def test_the_administrator_sets_a_password_and_a_weak_one_is_refused_in_thai(users, client_for):
    clerk, admin = users["clerk"], client_for(users["administrator"])
    url = reverse("core:people_password", args=[clerk.pk])
    weak = admin.post(url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 200 and _signs_in(clerk.username, PASSWORD)
    assert "ใช้กันทั่วไป" in weak.content.decode() and "ตัวเลขล้วน" in weak.content.decode()
    assert "This password" not in weak.content.decode()
    assert admin.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}).status_code == 302
    assert _signs_in(clerk.username, NEW_PASSWORD)


def test_a_new_school_staff_login_goes_on_to_choose_its_school(users, client_for):
    response = _create(client_for(users["administrator"]), roles=["school"])
    member = User.objects.get(username="kingkan.s")
    assert response.url == reverse("schools:member_edit", args=[member.pk])


def test_a_school_staff_login_is_given_its_school_from_the_people_pages(users, client_for, other_school):
    member = users["school"]
    url = reverse("schools:member_edit", args=[member.pk])
    response = client_for(users["administrator"]).post(url, {"school": other_school.pk, "position": "ครูวิชาการ"})
    assert response.status_code == 302
    membership = SchoolMembership.objects.get(user=member)
    assert (membership.school, membership.position) == (other_school, "ครูวิชาการ")


@pytest.mark.parametrize("role", ["clerk", "supervisor", "director", "executive", "school"])
def test_nobody_but_the_administrator_manages_logins(role, users, client_for):
    client, target = client_for(users[role]), users["secretary"]
    assert client.get(reverse("core:people")).status_code == 403
    assert client.post(reverse("core:people_set_active", args=[target.pk]), {"active": "0"}).status_code == 403
    assert client.post(reverse("core:people_reset_link", args=[target.pk])).status_code == 403
    target.refresh_from_db()
    assert target.is_active


def test_the_hub_links_every_kind_of_reference_data(users, client_for):
    page = client_for(users["administrator"]).get(reverse("core:reference")).content.decode()
    for name in ("core:people", "schools:cluster_list", "correspondence:template_list", "correspondence:phrase_list",
                 "core:office"):  # fmt: skip
        assert f'href="{reverse(name)}"' in page


# --- clusters -----------------------------------------------------------------------------------


def test_an_empty_cluster_is_retired_and_no_longer_offered_for_a_school(users, client_for, school):
    typo = school_services.cluster_create(name="กลุ่มโรงเรียนโคกสุง")
    response = client_for(users["director"]).post(
        reverse("schools:cluster_set_active", args=[typo.pk]), {"active": "0"}
    )
    assert response.status_code == 302
    typo.refresh_from_db()
    assert typo.is_active is False
    assert typo not in SchoolForm().fields["cluster"].queryset
    assert typo in SchoolForm(instance=school_services.school_create(code="1099000077", name="โรงเรียนบ้านโคกสุง",
                                                                     cluster=typo)).fields["cluster"].queryset  # fmt: skip


def test_a_cluster_with_open_schools_cannot_be_retired(users, school):
    with pytest.raises(ValidationError, match="ยังมีสถานศึกษาที่เปิดสอน 1 แห่ง"):
        school_services.cluster_set_active(user=users["administrator"], cluster=school.cluster, active=False)


def test_an_import_naming_a_retired_cluster_is_refused(users):
    retired = school_services.cluster_create(name="กลุ่มโรงเรียนเก่าที่เลิกใช้")
    school_services.cluster_set_active(user=users["administrator"], cluster=retired, active=False)
    row = {"รหัสสถานศึกษา": "1031000123", "ชื่อสถานศึกษา": "โรงเรียนบ้านหนองตะครอง", "กลุ่มโรงเรียน": retired.name}
    with pytest.raises(ImportFailed, match="ข้อผิดพลาด") as failed:
        school_services.schools_import(user=users["administrator"], rows=[row])
    assert any("ปิดการใช้งานแล้ว" in e.message for e in failed.value.errors)


# --- letter templates -------------------------------------------------------------------------------

TEMPLATE = {
    "name": "ขอเชิญประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา", "kind": "external",
    "register_code": "send", "subject": "ขอเชิญประชุม ก.ต.ป.น.", "salutation": "เรียน",
    "addressee": "ผู้อำนวยการโรงเรียนในสังกัด", "enclosures": "ระเบียบวาระการประชุม",
    "body": "ด้วยสำนักงานเขตพื้นที่การศึกษากำหนดประชุม…", "closing": "ขอแสดงความนับถือ", "is_active": "on",
}  # fmt: skip


def test_the_administrator_creates_edits_and_retires_a_letter_template(users, client_for):
    admin = client_for(users["administrator"])
    assert admin.post(reverse("correspondence:template_create"), TEMPLATE).status_code == 302
    template = LetterTemplate.objects.get(name=TEMPLATE["name"])
    edited = {**TEMPLATE, "subject": "ขอเชิญประชุม ก.ต.ป.น. ครั้งที่ ๒/๒๕๖๙"}
    assert admin.post(reverse("correspondence:template_edit", args=[template.pk]), edited).status_code == 302
    retired = {k: v for k, v in edited.items() if k != "is_active"}
    assert admin.post(reverse("correspondence:template_edit", args=[template.pk]), retired).status_code == 302
    template.refresh_from_db()
    assert template.subject.endswith("๒/๒๕๖๙") and template.is_active is False
    assert template.history.count() == 3  # every change audited, by whom
    assert template.history.first().history_user == users["administrator"]


def test_every_change_to_a_login_is_in_its_history_with_who_made_it(users, client_for):
    admin, clerk = users["administrator"], users["clerk"]
    services_people.account_update(
        user=admin, member=clerk, data={"position": "เจ้าพนักงานธุรการชำนาญงาน", "roles": ["clerk", "secretary"]}
    )
    services_people.account_set_active(user=admin, member=clerk, active=False)
    messages = [entry.get_change_message() for entry in services_people.account_history(clerk)]
    assert messages == ["ปิดการใช้งานบัญชี", "แก้ไขตำแหน่ง", "กำหนดบทบาท: เจ้าหน้าที่สารบรรณ, เลขานุการ ก.ต.ป.น."]
    assert {entry.user for entry in services_people.account_history(clerk)} == {admin}
    page = client_for(admin).get(reverse("core:people_account", args=[clerk.pk])).content.decode()
    assert "ปิดการใช้งานบัญชี" in page[page.index('id="account-history"') :]
