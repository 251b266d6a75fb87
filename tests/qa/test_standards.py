from __future__ import annotations

import pytest
from django.urls import reverse

from qa import selectors, services
from qa.models import EducationLevel, Level, SarRating, StandardSet

pytestmark = pytest.mark.django_db


def _codes(std_set, *, rated: bool | None = None) -> list[str]:
    qs = std_set.standards.order_by("order")
    if rated is not None:
        qs = qs.filter(is_rated=rated)
    return list(qs.values_list("code", flat=True))


def test_the_2561_basic_education_standards_are_seeded_with_their_sub_standards():
    basic = StandardSet.objects.get(education_level=EducationLevel.BASIC, revision_year=2561)
    assert _codes(basic, rated=True) == [
        "1",
        "1.1",
        "1.2",
        "2",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
        "3",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "3.5",
    ]
    assert basic.standards.get(code="1").name == "คุณภาพของผู้เรียน"
    assert basic.standards.get(code="3").name == "กระบวนการจัดการเรียนการสอนที่เน้นผู้เรียนเป็นสำคัญ"
    items_11 = basic.standards.get(code="1.1").children.all()
    assert [i.code for i in items_11] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6"]
    assert not any(i.is_rated for i in items_11)
    assert basic.standards.get(code="1.2").children.count() == 4


def test_the_three_early_childhood_standards_are_seeded_and_rated():
    early = StandardSet.objects.get(education_level=EducationLevel.EARLY_CHILDHOOD, revision_year=2561)
    assert _codes(early, rated=True) == ["1", "2", "3"]
    assert early.standards.get(code="1").name == "คุณภาพของเด็ก"


def test_the_scale_has_five_levels_from_developing_to_excellent():
    assert [label for _, label in Level.choices] == ["กำลังพัฒนา", "ปานกลาง", "ดี", "ดีเลิศ", "ยอดเยี่ยม"]


def test_a_new_revision_applies_from_its_year_and_old_sars_keep_their_set(school, make_user):
    user = make_user("school")
    old_sar = services.sar_start(user=user, school=school, academic_year=2566)
    new_set = StandardSet.objects.create(
        name="มาตรฐานการศึกษา ขั้นพื้นฐาน ฉบับทดสอบ 2568",
        education_level=EducationLevel.BASIC,
        revision_year=2568,
        effective_from=2568,
    )
    new_set.standards.create(code="1", name="มาตรฐานใหม่", order=1)
    assert selectors.standard_set_for(EducationLevel.BASIC, 2567).revision_year == 2561
    assert selectors.standard_set_for(EducationLevel.BASIC, 2568) == new_set
    new_sar = services.sar_start(user=user, school=school, academic_year=2568)
    assert new_set in new_sar.standard_sets.all()
    assert set(SarRating.objects.filter(sar=new_sar).values_list("standard__name", flat=True)) >= {"มาตรฐานใหม่"}
    old_sar.refresh_from_db()
    assert new_set not in old_sar.standard_sets.all()
    assert all(r.standard.standard_set.revision_year == 2561 for r in old_sar.ratings.all())


def test_a_school_with_kindergarten_gets_both_sets_and_one_without_only_basic(school, other_school, make_user):
    school.level_kindergarten = True
    school.save()
    sets = selectors.standard_sets_for_school(school, 2568)
    assert {s.education_level for s in sets} == {"early", "basic"}
    assert [s.education_level for s in selectors.standard_sets_for_school(other_school, 2568)] == ["basic"]
    sar = services.sar_start(user=make_user("supervisor"), school=school, academic_year=2568)
    assert sar.ratings.count() == 16 + 3


def test_the_standards_page_lists_every_set_for_any_logged_in_user(users, client_for):
    for role in ("school", "member", "supervisor"):
        page = client_for(users[role]).get(reverse("qa:standards")).content.decode()
        assert "มาตรฐานการศึกษา ระดับการศึกษาขั้นพื้นฐาน พ.ศ. 2561" in page
        assert "การจัดประสบการณ์ที่เน้นเด็กเป็นสำคัญ" in page
