"""Survey questions as data (issue 16 item 7): the office edits each year's questions; an answer keeps the
questions it was given, so earlier answers stay readable after an edit."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core.roles import Role
from supervision import selectors, services
from supervision.models import SURVEY_QUESTIONS, SurveyAnswer
from supervision.services.survey_questions import survey_questions_save

YEAR_2570 = [
    "การนิเทศแบบพบกลุ่ม “สวัสดีคุณครู” ตรงกับความต้องการของโรงเรียน",
    "ศึกษานิเทศก์ให้คำแนะนำเรื่องการนิเทศภายในที่นำไปใช้ได้จริง",
    "ความพึงพอใจต่อการนิเทศแบบบูรณาการโดยความร่วมมือของภาคีเครือข่ายในภาพรวม",
]


@pytest.fixture
def acknowledged(users, make_visit):
    services.plan_get_or_create(fiscal_year=2570, user=users[Role.DIRECTOR.value])
    visit = make_visit(status="approved")
    services.visit_acknowledge(user=users[Role.SCHOOL.value], visit=visit)
    visit.refresh_from_db()
    return visit


def test_a_year_without_its_own_questions_asks_the_standard_ones(db):
    assert selectors.survey_questions(2570) == SURVEY_QUESTIONS


def test_the_office_sets_a_years_questions_in_order_and_other_years_keep_theirs(users):
    survey_questions_save(user=users[Role.DIRECTOR.value], fiscal_year=2570, text="\n".join(YEAR_2570) + "\n\n")
    assert selectors.survey_questions(2570) == YEAR_2570
    assert selectors.survey_questions(2571) == SURVEY_QUESTIONS
    survey_questions_save(user=users[Role.DIRECTOR.value], fiscal_year=2570, text="")
    assert selectors.survey_questions(2570) == SURVEY_QUESTIONS


def test_duplicate_questions_and_readers_are_refused(users):
    with pytest.raises(ValidationError, match="มีข้อคำถามซ้ำกัน"):
        survey_questions_save(user=users[Role.DIRECTOR.value], fiscal_year=2570, text="ข้อหนึ่ง\nข้อหนึ่ง")
    with pytest.raises(PermissionDenied, match="คุณมีสิทธิ์ดูแผนนิเทศเท่านั้น"):
        survey_questions_save(user=users[Role.EXECUTIVE.value], fiscal_year=2570, text="ข้อหนึ่ง")


def test_the_school_answers_the_years_questions_and_the_answer_keeps_them(acknowledged, users, client):
    survey_questions_save(user=users[Role.DIRECTOR.value], fiscal_year=2570, text="\n".join(YEAR_2570))
    url = reverse("supervision:survey", args=[acknowledged.survey.token])
    page = client.get(url).content.decode()
    assert YEAR_2570[0] in page and SURVEY_QUESTIONS[0] not in page
    assert client.post(url, {"q1": "5", "q2": "4", "q3": "5", "comment": ""}).status_code == 200
    answer = SurveyAnswer.objects.get()
    assert answer.ratings == [5, 4, 5] and answer.questions == YEAR_2570
    survey_questions_save(user=users[Role.DIRECTOR.value], fiscal_year=2570, text="ข้อคำถามใหม่")
    answer.refresh_from_db()
    assert answer.questions == YEAR_2570  # an edit does not change what was answered


def test_ratings_for_the_wrong_number_of_questions_are_refused_in_thai(acknowledged, users):
    survey_questions_save(user=users[Role.DIRECTOR.value], fiscal_year=2570, text="\n".join(YEAR_2570))
    with pytest.raises(ValidationError, match="กรุณาให้คะแนน 1–5 ทุกข้อ"):
        services.survey_answer(token=acknowledged.survey.token, ratings=[5, 5, 5, 5, 5])


def test_answers_given_before_the_migration_keep_the_standard_questions(acknowledged):
    services.survey_answer(token=acknowledged.survey.token, ratings=[5, 4, 4, 5, 5])
    SurveyAnswer.objects.update(questions=[])  # as the rows were before the migration
    migration = importlib.import_module("supervision.migrations.0009_indicators_registers_survey_questions")
    migration.answers_keep_their_questions(apps, None)
    assert SurveyAnswer.objects.get().questions == SURVEY_QUESTIONS


def test_the_questions_page_shows_schools_and_answers_apart(acknowledged, users, client_for):
    services.survey_answer(token=acknowledged.survey.token, ratings=[5, 4, 4, 5, 5])
    client = client_for(users[Role.DIRECTOR.value])
    url = reverse("supervision:survey_questions_edit", args=[2570])
    page = client.get(url).content.decode()
    assert "สถานศึกษาพึงพอใจ 1 จาก 1 โรงเรียน" in page and "คำตอบทั้งหมด 1 ฉบับ" in page
    assert client.post(url, {"questions": "\n".join(YEAR_2570)}).status_code == 302
    assert selectors.survey_questions(2570) == YEAR_2570


def test_the_questions_page_says_how_many_answers_keep_their_questions(acknowledged, users, client_for):
    services.survey_answer(token=acknowledged.survey.token, ratings=[5, 4, 4, 5, 5])
    page = client_for(users[Role.DIRECTOR.value]).get(reverse("supervision:survey_questions_edit", args=[2570]))
    assert "คำตอบที่ได้รับแล้ว (1 ฉบับ)" in page.content.decode()
