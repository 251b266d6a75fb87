"""The QA panel on a school's page, the SAR page's buttons, and the plan feed's refusal of a bad year."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from qa import access, services
from qa.panels import school_panel

from .conftest import fill_sar

pytestmark = pytest.mark.django_db


def _request(user):  # noqa: ANN001, ANN202
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_school_page_shows_its_sars_by_year_and_links_to_its_qa_page(users, client_for, draft, school):
    page = client_for(users["member"]).get(reverse("schools:school_detail", args=[school.pk])).content.decode()
    assert "งานประกันคุณภาพ: รายงานผลการประเมินตนเอง (SAR)" in page
    assert reverse("qa:sar_detail", args=[draft.pk]) in page and f"ปีการศึกษา {draft.academic_year}" in page
    assert reverse("qa:school_qa", args=[school.pk]) in page


def test_school_staff_see_their_own_schools_panel(users, client_for, draft, school):
    page = client_for(users["school"]).get(reverse("schools:school_detail", args=[school.pk])).content.decode()
    assert reverse("qa:sar_detail", args=[draft.pk]) in page


def test_the_panel_is_left_out_for_whoever_may_not_see_the_schools_qa_data(users, school, other_school):
    assert school_panel(_request(users["school"]), school=other_school) is None
    assert school_panel(_request(AnonymousUser()), school=school) is None
    panel = school_panel(_request(users["clerk"]), school=other_school)
    assert panel == {"template": "qa/_school_panel.html", "school": other_school, "sars": []}


def test_the_sar_page_offers_each_user_only_their_buttons(users, draft, school_user):
    assert access.sar_actions(school_user, draft)["edit"] is True
    clerk = access.sar_actions(users["clerk"], draft)
    assert clerk["edit"] is False and clerk["edit_refusal"] == "คุณมีสิทธิ์ดูรายงานนี้เท่านั้น"
    fill_sar(draft, school_user)
    sent = services.sar_submit(user=school_user, sar=draft)
    supervisor = access.sar_actions(users["supervisor"], sent)
    assert supervisor["review"] and supervisor["send_back"] and not supervisor["edit"]
    assert not access.sar_actions(school_user, sent)["review"]


def test_a_rating_follows_its_sars_rule(users, draft, school_user, other_school, year):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    rating = draft.ratings.first()
    assert access.get_sar_rating_for_user(school_user, rating.pk, write=True) == rating
    with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูรายงานนี้เท่านั้น"):
        access.get_sar_rating_for_user(users["clerk"], rating.pk, write=True)
    other = services.sar_start(user=users["supervisor"], school=other_school, academic_year=year)
    with pytest.raises(Http404, match="No SarRating matches the given query"):
        access.get_sar_rating_for_user(school_user, other.ratings.first().pk)


def test_sending_an_incomplete_sar_from_the_form_keeps_the_draft_and_says_what_is_missing(
    draft, school_user, client_for
):
    response = client_for(school_user).post(
        reverse("qa:sar_edit", args=[draft.pk]), {"strengths": "ห้องสมุดมีชีวิต", "action": "submit"}
    )
    assert response.status_code == 200 and "ยังไม่ได้ระบุระดับคุณภาพของมาตรฐาน" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.strengths == "ห้องสมุดมีชีวิต"


def test_a_nonsense_fiscal_year_is_refused_in_thai(users, client_for, year):
    response = client_for(users["director"]).post(
        reverse("qa:synthesis_to_plan", args=[year]), {"fiscal_year": "abc"}, follow=True
    )
    assert "กรุณากรอกปีงบประมาณ (พ.ศ.) เช่น 2570" in response.content.decode()
