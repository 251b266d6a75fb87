"""Every QA page, role by role: who reads, who writes, who gets 404 or 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from qa import services

pytestmark = pytest.mark.django_db

OFFICE_READERS = ("administrator", "clerk", "supervisor", "director", "secretary", "executive", "member")


@pytest.fixture
def other_sar(other_school, users, year):
    return services.sar_start(user=users["supervisor"], school=other_school, academic_year=year)


@pytest.mark.parametrize("role", [*OFFICE_READERS, "school"])
def test_sar_detail_access_per_role(role, users, client_for, draft, other_sar):
    client = client_for(users[role])
    own = client.get(reverse("qa:sar_detail", args=[draft.pk]))
    other = client.get(reverse("qa:sar_detail", args=[other_sar.pk]))
    assert own.status_code == 200
    assert other.status_code == (404 if role == "school" else 200)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("school", 200),
        ("supervisor", 200),
        ("director", 200),
        ("administrator", 200),
        ("clerk", 403),
        ("executive", 403),
        ("member", 403),
        ("secretary", 403),
    ],
)
def test_sar_edit_access_per_role(role, expected, users, client_for, draft):
    assert client_for(users[role]).get(reverse("qa:sar_edit", args=[draft.pk])).status_code == expected


def test_secretary_who_is_also_a_supervisor_may_record_a_sar(make_user, client_for, draft):
    from django.contrib.auth.models import Group

    user = make_user("secretary")
    user.groups.add(Group.objects.get_or_create(name="supervisor")[0])
    assert client_for(user).get(reverse("qa:sar_edit", args=[draft.pk])).status_code == 200


def test_school_staff_get_404_for_another_schools_sar_edit(users, client_for, other_sar):
    assert client_for(users["school"]).get(reverse("qa:sar_edit", args=[other_sar.pk])).status_code == 404


def test_nobody_edits_a_submitted_sar(users, client_for, submitted):
    for role in ("school", "supervisor", "administrator"):
        assert client_for(users[role]).get(reverse("qa:sar_edit", args=[submitted.pk])).status_code == 403


@pytest.mark.parametrize("name", ["qa:sar_submit", "qa:sar_review", "qa:sar_return"])
def test_post_only_steps_refuse_get(name, users, client_for, draft):
    assert client_for(users["supervisor"]).get(reverse(name, args=[draft.pk])).status_code == 405


def test_review_by_a_reader_is_forbidden_and_changes_nothing(users, client_for, submitted):
    for role in ("clerk", "member", "executive", "school"):
        response = client_for(users[role]).post(reverse("qa:sar_review", args=[submitted.pk]), {"comment": "x"})
        assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


@pytest.mark.parametrize("role", OFFICE_READERS)
def test_office_pages_open_for_office_readers(role, users, client_for, submitted, year):
    client = client_for(users[role])
    for name in ("qa:index", "qa:sar_list", "qa:sar_missing", "qa:synthesis", "qa:external_list", "qa:deadlines"):
        assert client.get(reverse(name) + f"?year={year}").status_code == 200, name
    assert client.get(reverse("qa:synthesis_export", args=[year])).status_code == 200


def test_school_staff_are_sent_to_their_school_page_and_kept_off_office_pages(users, client_for, school):
    client = client_for(users["school"])
    response = client.get(reverse("qa:index"))
    assert response.status_code == 302 and response.url == reverse("qa:school_qa", args=[school.pk])
    for name in ("qa:sar_missing", "qa:synthesis", "qa:deadlines"):
        assert client.get(reverse(name)).status_code == 403, name


def test_school_staff_see_only_their_school_qa_page(users, client_for, school, other_school):
    client = client_for(users["school"])
    assert client.get(reverse("qa:school_qa", args=[school.pk])).status_code == 200
    assert client.get(reverse("qa:school_qa", args=[other_school.pk])).status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"), [("director", 302), ("supervisor", 302), ("clerk", 403), ("school", 403)]
)
def test_setting_a_deadline_per_role(role, expected, users, client_for, year):
    response = client_for(users[role]).post(reverse("qa:deadlines"), {"academic_year": year, "deadline": "31/05/2569"})
    assert response.status_code == expected


def test_a_nonsense_deadline_is_refused_in_thai(users, client_for, year):
    response = client_for(users["director"]).post(
        reverse("qa:deadlines"), {"academic_year": year, "deadline": "31/02/2569"}
    )
    assert response.status_code == 200 and "ไม่มีวันที่ 31 กุมภาพันธ์ 2569" in response.content.decode()


def test_sar_file_download_follows_sar_access(users, client_for, draft, other_sar):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .test_sar import PDF_BYTES

    services.sar_update(user=users["supervisor"], sar=other_sar, levels={}, file=SimpleUploadedFile("a.pdf", PDF_BYTES))
    assert client_for(users["member"]).get(reverse("qa:sar_file", args=[other_sar.pk])).status_code == 200
    assert client_for(users["school"]).get(reverse("qa:sar_file", args=[other_sar.pk])).status_code == 404


def test_the_home_page_shows_the_school_its_sar_and_the_office_who_has_not_sent(users, client_for, draft, other_school):
    school_home = client_for(users["school"]).get("/").content.decode()
    assert "งานประกันคุณภาพ: SAR ปีการศึกษา" in school_home and "ร่าง" in school_home
    office_home = client_for(users["director"]).get("/").content.decode()
    assert "ยังไม่ส่ง" in office_home and reverse("qa:sar_missing") in office_home
    assert "งานประกันคุณภาพ: SAR" not in client_for(users["clerk"]).get("/").content.decode()


def test_office_staff_key_in_a_paper_sar_for_any_school_but_school_staff_only_their_own(
    users, client_for, other_school, year
):
    response = client_for(users["supervisor"]).post(
        reverse("qa:sar_start"), {"school": other_school.pk, "academic_year": year}
    )
    assert response.status_code == 302
    refused = client_for(users["school"]).post(
        reverse("qa:sar_start"), {"school": other_school.pk, "academic_year": year + 1}
    )
    assert refused.status_code == 200 and "เลือกได้เฉพาะสถานศึกษาในรายการ" in refused.content.decode()
    assert not other_school.sars.filter(academic_year=year + 1).exists()
    assert client_for(users["clerk"]).get(reverse("qa:sar_start")).status_code == 403
