"""An access test per role per view; POST-only views refuse GET."""

from __future__ import annotations

import pytest
from django.urls import reverse

from supervision import selectors
from supervision.models import Visit

ROLES = ["administrator", "clerk", "supervisor", "director", "secretary", "member", "executive", "school"]

# Expected status per role: a draft by "supervisor" (secretary is another supervisor).
DRAFT_DETAIL = {
    "administrator": 200,
    "clerk": 404,
    "supervisor": 200,
    "director": 200,
    "secretary": 404,
    "member": 404,
    "executive": 404,
    "school": 404,
}
DRAFT_EDIT = {
    "administrator": 403,
    "clerk": 404,
    "supervisor": 200,
    "director": 403,
    "secretary": 404,
    "member": 404,
    "executive": 404,
    "school": 404,
}
APPROVED_DETAIL = {
    "administrator": 200,
    "clerk": 404,
    "supervisor": 200,
    "director": 200,
    "secretary": 200,
    "member": 200,
    "executive": 200,
    "school": 200,
}
START = {
    "administrator": 403,
    "clerk": 403,
    "supervisor": 200,
    "director": 200,
    "secretary": 403,
    "member": 403,
    "executive": 403,
    "school": 403,
}
DASHBOARD = {
    "administrator": 200,
    "clerk": 403,
    "supervisor": 200,
    "director": 200,
    "secretary": 200,
    "member": 200,
    "executive": 200,
    "school": 403,
}
TOOLS = {
    "administrator": 200,
    "clerk": 200,
    "supervisor": 200,
    "director": 200,
    "secretary": 200,
    "member": 403,
    "executive": 200,
    "school": 403,
}


@pytest.mark.parametrize("role", ROLES)
def test_draft_detail_and_edit_by_role(role, users, client_for, make_visit):
    visit = make_visit("draft")
    client = client_for(users[role])
    assert client.get(reverse("supervision:visit_detail", args=[visit.pk])).status_code == DRAFT_DETAIL[role]
    assert client.get(reverse("supervision:visit_edit", args=[visit.pk])).status_code == DRAFT_EDIT[role]


@pytest.mark.parametrize("role", ROLES)
def test_approved_visit_detail_and_evidence_by_role(role, users, client_for, make_visit, make_user, other_school):
    visit = make_visit("approved")
    client = client_for(users[role])
    assert client.get(reverse("supervision:visit_detail", args=[visit.pk])).status_code == APPROVED_DETAIL[role]


def test_school_staff_of_another_school_do_not_see_the_visit(users, client_for, make_visit, make_user, other_school):
    visit = make_visit("approved")
    outsider = make_user("school", school=other_school)
    assert client_for(outsider).get(reverse("supervision:visit_detail", args=[visit.pk])).status_code == 404
    assert not selectors.visits_visible_to(outsider).exists()


def test_school_staff_never_see_drafts_or_submitted_visits_of_their_school(users, make_visit):
    make_visit("draft")
    make_visit("submitted")
    approved = make_visit("approved")
    assert list(selectors.visits_visible_to(users["school"])) == [approved]


@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(role, users, client_for, tools):
    client = client_for(users[role])
    assert client.get(reverse("supervision:visit_start")).status_code == START[role]
    assert client.get(reverse("supervision:dashboard")).status_code == DASHBOARD[role]
    assert client.get(reverse("supervision:tool_list")).status_code == TOOLS[role]
    assert client.get(reverse("supervision:visit_list")).status_code == 200
    assert client.get(reverse("supervision:visit_export")).status_code == 200
    assert client.get(reverse("supervision:index")).status_code in (200, 302)


@pytest.mark.parametrize(
    "name", ["visit_autosave", "visit_submit", "visit_approve", "visit_return", "visit_acknowledge", "evidence_upload"]
)
def test_post_only_visit_views_refuse_get(name, users, client_for, make_visit):
    visit = make_visit("draft")
    assert client_for(users["supervisor"]).get(reverse(f"supervision:{name}", args=[visit.pk])).status_code == 405


@pytest.mark.parametrize("name", ["follow_up_done", "evidence_delete", "project_phase", "activity_phase"])
def test_other_post_only_views_refuse_get(name, users, client_for):
    assert client_for(users["director"]).get(reverse(f"supervision:{name}", args=[1])).status_code == 405


def test_plan_copy_refuses_get(users, client_for):
    assert client_for(users["director"]).get(reverse("supervision:plan_copy", args=[2570])).status_code == 405


@pytest.mark.parametrize("role", ROLES)
def test_approve_view_by_role(role, users, client_for, make_visit):
    visit = make_visit("submitted")
    client_for(users[role]).post(reverse("supervision:visit_approve", args=[visit.pk]))
    expected = "approved" if role == "director" else "submitted"
    assert Visit.objects.get(pk=visit.pk).status == expected


@pytest.mark.parametrize("role", ROLES)
def test_acknowledge_view_by_role(role, users, client_for, make_visit):
    visit = make_visit("approved")
    client_for(users[role]).post(reverse("supervision:visit_acknowledge", args=[visit.pk]))
    expected = "acknowledged" if role == "school" else "approved"
    assert Visit.objects.get(pk=visit.pk).status == expected


@pytest.mark.parametrize("role", ROLES)
def test_submit_view_by_role(role, users, client_for, make_visit):
    visit = make_visit("draft")
    client_for(users[role]).post(reverse("supervision:visit_submit", args=[visit.pk]))
    expected = "submitted" if role == "supervisor" else "draft"
    assert Visit.objects.get(pk=visit.pk).status == expected
