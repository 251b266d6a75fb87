from __future__ import annotations

import secrets

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from supervision import services
from supervision.models import SurveyAnswer, SurveyInvitation

ANSWERS = {"q1": "5", "q2": "4", "q3": "5", "q4": "4", "q5": "5", "comment": "ขอบคุณศึกษานิเทศก์"}


@pytest.fixture
def invitation(make_visit):
    return make_visit("acknowledged").survey


def test_the_survey_is_issued_only_at_acknowledgement(make_visit):
    visit = make_visit("approved")
    assert not SurveyInvitation.objects.filter(visit=visit).exists()


def test_the_token_is_long_random_and_different_per_visit(make_visit, invitation):
    other = make_visit("acknowledged").survey
    assert len(invitation.token) >= 43 and invitation.token != other.token


def test_the_school_answers_once_without_an_account(client, invitation):
    url = reverse("supervision:survey", args=[invitation.token])
    assert client.get(url).status_code == 200
    response = client.post(url, ANSWERS)
    assert response.status_code == 200 and "บันทึกคำตอบแล้ว" in response.content.decode()
    answer = SurveyAnswer.objects.get(invitation=invitation)
    assert answer.satisfied and str(answer.mean) == "4.60"
    again = client.post(url, {**ANSWERS, "q1": "1"})
    assert again.status_code == 409 and "ตอบได้ครั้งเดียว" in again.content.decode()
    assert SurveyAnswer.objects.count() == 1 and SurveyAnswer.objects.get().ratings[0] == 5


def test_a_guessed_or_altered_token_finds_nothing(client, invitation):
    for token in (secrets.token_urlsafe(32), invitation.token[:-1], invitation.token.upper(), "1"):
        if token == invitation.token:
            continue
        assert client.get(reverse("supervision:survey", args=[token])).status_code == 404
        assert client.post(reverse("supervision:survey", args=[token]), ANSWERS).status_code == 404
    with pytest.raises(ValidationError, match="ไม่พบแบบสอบถามนี้"):
        services.survey_answer(token="guess", ratings=[5, 5, 5, 5, 5])


def test_incomplete_ratings_are_refused_and_nothing_is_stored(client, invitation):
    url = reverse("supervision:survey", args=[invitation.token])
    response = client.post(url, {**ANSWERS, "q3": ""})
    assert "กรุณาให้คะแนน 1–5 ทุกข้อ" in response.content.decode()
    with pytest.raises(ValidationError, match="กรุณาให้คะแนน 1–5 ทุกข้อ"):
        services.survey_answer(token=invitation.token, ratings=[5, 5, 5, 5, 9])
    assert not SurveyAnswer.objects.exists()


def test_the_link_and_qr_code_are_shown_to_the_school_and_the_team_only(invitation, users, client_for):
    url = reverse("supervision:visit_detail", args=[invitation.visit_id])
    for role in ("school", "supervisor", "director"):
        page = client_for(users[role]).get(url).content.decode()
        assert invitation.token in page and "<svg" in page
    for role in ("executive", "member", "secretary"):
        assert invitation.token not in client_for(users[role]).get(url).content.decode()
