"""The director's visits (issue 17): the next visit waiting after each decision, and bulk approval."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from core.roles import Role
from supervision.models import Visit, VisitStatus
from supervision.selectors.review import next_pending, pending_review


@pytest.fixture
def other_schools(db, school):
    from schools import services as school_services

    names = ["โรงเรียนบ้านโนนสูงวิทยาคาร", "โรงเรียนชุมชนบ้านหนองกี่พิทยาคม", "โรงเรียนบ้านหัวฝายประชาสรรค์"]
    return [
        school_services.school_create(
            code=f"10990001{i:02d}", name=name, level_primary=True, pupils=90 + i, cluster=school.cluster
        )
        for i, name in enumerate(names)
    ]


@pytest.fixture
def waiting(make_visit, other_schools):
    """Three submitted visits, submitted in this order, and one draft."""
    visits = [make_visit("submitted", school=s, date=dt.date(2026, 11, 10 + i)) for i, s in enumerate(other_schools)]
    return {"submitted": visits, "draft": make_visit("draft")}


def test_the_queue_is_the_submitted_visits_oldest_submission_first(users, waiting):
    assert list(pending_review(users["director"])) == waiting["submitted"]
    assert next_pending(users["director"], after=waiting["submitted"][0]) == waiting["submitted"][1]


def test_only_the_director_has_a_queue(users, waiting):
    assert not pending_review(users["supervisor"]).exists()
    assert next_pending(users["secretary"]) is None


def test_approving_a_visit_opens_the_next_one_waiting(users, client_for, waiting):
    first, second, _third = waiting["submitted"]
    response = client_for(users["director"]).post(reverse("supervision:visit_approve", args=[first.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("supervision:visit_detail", args=[second.pk])
    assert "รอพิจารณาอีก 2 รายการ" in response.content.decode()
    assert Visit.objects.get(pk=first.pk).status == VisitStatus.APPROVED


def test_returning_a_visit_also_opens_the_next_one(users, client_for, waiting):
    first, second, _third = waiting["submitted"]
    response = client_for(users["director"]).post(
        reverse("supervision:visit_return", args=[first.pk]), {"comment": "กรุณาแนบภาพกิจกรรมเพิ่มเติม"}
    )
    assert response["Location"] == reverse("supervision:visit_detail", args=[second.pk])


def test_after_the_last_decision_the_director_stays_on_the_visit(users, client_for, make_visit):
    only = make_visit("submitted")
    response = client_for(users["director"]).post(reverse("supervision:visit_approve", args=[only.pk]))
    assert response["Location"] == reverse("supervision:visit_detail", args=[only.pk])


def test_a_refused_decision_does_not_move_on(users, client_for, waiting):
    first = waiting["submitted"][0]
    response = client_for(users["director"]).post(reverse("supervision:visit_return", args=[first.pk]), {"comment": ""})
    assert response["Location"] == reverse("supervision:visit_detail", args=[first.pk])
    assert Visit.objects.get(pk=first.pk).status == VisitStatus.SUBMITTED


def test_bulk_approval_approves_only_the_ticked_visits_waiting(users, client_for, waiting, make_visit):
    first, second, third = waiting["submitted"]
    approved = make_visit("approved")
    ticked = [first.pk, second.pk, waiting["draft"].pk, approved.pk]
    response = client_for(users["director"]).post(
        reverse("supervision:visit_approve_many"), {"visits": ticked}, follow=True
    )
    html = response.content.decode()
    assert "อนุมัติแล้ว 2 รายการ" in html and "ข้าม 2 รายการ" in html
    statuses = dict(Visit.objects.values_list("pk", "status"))
    assert statuses[first.pk] == statuses[second.pk] == VisitStatus.APPROVED
    assert statuses[third.pk] == VisitStatus.SUBMITTED  # not ticked
    assert statuses[waiting["draft"].pk] == VisitStatus.DRAFT  # not waiting: left alone
    assert Visit.objects.get(pk=first.pk).reviewed_by == users["director"]


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.SECRETARY, Role.ADMIN, Role.SCHOOL])
def test_nobody_but_the_director_approves_in_bulk(role, users, client_for, waiting):
    ids = [v.pk for v in waiting["submitted"]]
    response = client_for(users[role.value]).post(reverse("supervision:visit_approve_many"), {"visits": ids})
    assert response.status_code == 403
    assert not Visit.objects.filter(status=VisitStatus.APPROVED).exists()


def test_bulk_approval_with_nothing_ticked_says_so(users, client_for, waiting):
    response = client_for(users["director"]).post(
        reverse("supervision:visit_approve_many"), {"visits": ["x"]}, follow=True
    )
    assert "ยังไม่ได้เลือกบันทึกที่จะอนุมัติ" in response.content.decode()


def test_the_list_offers_a_tick_box_only_beside_visits_waiting(users, client_for, waiting, make_visit):
    approved = make_visit("approved")
    html = client_for(users["director"]).get(reverse("supervision:visit_list")).content.decode()
    for visit in waiting["submitted"]:
        assert f'name="visits" value="{visit.pk}"' in html
    assert f'name="visits" value="{approved.pk}"' not in html
    assert 'data-confirm="อนุมัติบันทึกการนิเทศทุกรายการที่เลือก' in html
    supervisor_html = client_for(users["supervisor"]).get(reverse("supervision:visit_list")).content.decode()
    assert 'name="visits"' not in supervisor_html and "bulk-approve" not in supervisor_html


def test_the_decision_card_links_to_the_next_visit_waiting(users, client_for, waiting):
    first, second, _third = waiting["submitted"]
    html = client_for(users["director"]).get(reverse("supervision:visit_detail", args=[first.pk])).content.decode()
    link = html[html.index('id="next-pending"') - 80 :]
    assert reverse("supervision:visit_detail", args=[second.pk]) in link[:200] and second.school.name in link[:400]
