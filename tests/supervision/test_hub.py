from __future__ import annotations

import datetime as dt

from django.urls import reverse

from core import thaidate


def test_due_follow_ups_show_on_the_supervisors_home_page(users, client_for, make_visit):
    visit = make_visit("approved")
    today = thaidate.today()
    visit.follow_ups.create(text="ติดตามการใช้แบบสังเกตพฤติกรรม", due_date=today + dt.timedelta(days=3))
    visit.follow_ups.create(text="ไกลเกินไปยังไม่ต้องแสดง", due_date=today + dt.timedelta(days=60))
    done = visit.follow_ups.create(text="ติดตามแล้วไม่ต้องแสดง", due_date=today, done_at=visit.created_at)
    page = client_for(users["supervisor"]).get(reverse("home")).content.decode()
    assert 'id="supervision-panel"' in page and "ติดตามการใช้แบบสังเกตพฤติกรรม" in page
    assert "ไกลเกินไปยังไม่ต้องแสดง" not in page and done.text not in page
    other = client_for(users["secretary"]).get(reverse("home")).content.decode()
    assert "ติดตามการใช้แบบสังเกตพฤติกรรม" not in other


def test_the_school_home_page_asks_for_acknowledgement(users, client_for, make_visit):
    visit = make_visit("approved")
    page = client_for(users["school"]).get(reverse("home")).content.decode()
    assert "ผลการนิเทศที่รอสถานศึกษารับทราบ" in page and reverse("supervision:visit_detail", args=[visit.pk]) in page


def test_the_hub_lists_my_returned_record_and_the_directors_queue(users, client_for, make_visit):
    returned = make_visit("returned")
    waiting = make_visit("submitted")
    mine = client_for(users["supervisor"]).get(reverse("supervision:index")).content.decode()
    assert reverse("supervision:visit_edit", args=[returned.pk]) in mine and "ส่งกลับให้แก้ไข" in mine
    director = client_for(users["director"]).get(reverse("supervision:index")).content.decode()
    assert "รอพิจารณา" in director and reverse("supervision:visit_detail", args=[waiting.pk]) in director


def test_school_staff_are_sent_from_the_hub_to_their_visits(users, client_for):
    response = client_for(users["school"]).get(reverse("supervision:index"))
    assert response.status_code == 302 and response["Location"] == reverse("supervision:visit_list")


def test_the_school_page_lists_its_visits_as_each_role_may_see_them(users, client_for, make_visit, school):
    draft, approved = make_visit("draft"), make_visit("approved")
    url = reverse("schools:school_detail", args=[school.pk])
    mine = client_for(users["supervisor"]).get(url).content.decode()
    assert reverse("supervision:visit_detail", args=[draft.pk]) in mine and "บันทึกการนิเทศโรงเรียนนี้" in mine
    staff = client_for(users["school"]).get(url).content.decode()
    assert reverse("supervision:visit_detail", args=[approved.pk]) in staff
    assert reverse("supervision:visit_detail", args=[draft.pk]) not in staff
