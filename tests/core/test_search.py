"""Issue 17 item 4: one search box in the header over letters (secrecy kept), visits, schools, meetings
and the user's documents, each narrowed to what the user may see; a page grouped by kind and an htmx
list that answers as the user types."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse

from committee.services import item_add, meeting_create, meeting_publish_agenda
from core import search, thaidate
from core.models import DocumentJob, JobStatus, OfficeProfile
from core.roles import Role
from correspondence import delivery, services
from correspondence.models import Secrecy
from correspondence.models.letters import REDACTED
from schools import services as school_services
from supervision.models import Visit, VisitStatus
from tests.conftest import PASSWORD
from tests.helpers import browser_login

NORMAL_SUBJECT = "ขอเชิญประชุมปฏิบัติการคัดกรองนักเรียนทดสอบค้นหา"
SECRET_SUBJECT = "สอบข้อเท็จจริงกรณีร้องเรียนทดสอบค้นหา"
SECRET_SENDER = "ศูนย์ดำรงธรรมจังหวัดทดสอบค้นหา"
MEETING_TITLE = "การประชุม ก.ต.ป.น. ทดสอบค้นหา"
AGENDA_TITLE = "รายงานผลการนิเทศติดตามการอ่านออกเขียนได้"
POLICY = "นโยบายอ่านออกเขียนได้ทดสอบค้นหา"
QUERY = "ทดสอบค้นหา"


@pytest.fixture
def office(db):
    profile = OfficeProfile.get()
    profile.letter_code = "ศธ 04123"
    profile.save()
    return profile


def _visit(school, user, *, status=VisitStatus.APPROVED, policy: str = POLICY) -> Visit:
    day = thaidate.today()
    visit = Visit.objects.create(
        school=school, date=day, fiscal_year=thaidate.fiscal_year(day), visit_type="policy", created_by=user,
        status=status, policy=policy,
    )  # fmt: skip
    visit.team.add(user)
    return visit


@pytest.fixture
def world(users, office, school, other_school):
    """One of each kind, all findable by QUERY: a normal and a secret letter, visits at two schools,
    a published meeting, and a school named for the query."""
    clerk = users["clerk"]
    normal = services.letter_register_incoming(
        user=clerk, subject=NORMAL_SUBJECT, sender="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", recipient_text="ผอ.กลุ่ม"
    )
    secret = services.letter_register_incoming(
        user=clerk, subject=SECRET_SUBJECT, sender=SECRET_SENDER, recipient_text="ผอ.กลุ่ม",
        secrecy=Secrecy.SECRET, external_no="ลับ 0099/2569",
    )  # fmt: skip
    own = _visit(school, users["supervisor"])
    other = _visit(other_school, users["supervisor"], policy=f"{POLICY} อีกแห่ง")
    meeting = meeting_create(
        user=users["secretary"], date=thaidate.today() + dt.timedelta(days=7), start_time=dt.time(9, 0),
        place="ห้องประชุมเขต", title=MEETING_TITLE,
    )  # fmt: skip
    item_add(user=users["secretary"], meeting=meeting, section=3, title=AGENDA_TITLE)
    meeting_publish_agenda(user=users["secretary"], meeting=meeting)
    named = school_services.school_create(
        code="1099000077", name="โรงเรียนบ้านทดสอบค้นหา", level_primary=True, district="เมือง", cluster=school.cluster
    )
    return {"normal": normal, "secret": secret, "own": own, "other": other, "meeting": meeting, "named": named}


def _titles(user, query: str = QUERY) -> set[str]:
    return {hit.title for group in search.search(user, query) for hit in group.hits}


# --- per role: each finds exactly what its own pages would show it -----------------------------------
EXPECTED = {  # role: (normal letter, secret letter, visit at the test school, other school's visit, meeting)
    Role.ADMIN: (True, False, True, True, True),
    Role.CLERK: (True, True, False, False, True),
    Role.SUPERVISOR: (True, False, True, True, True),
    Role.DIRECTOR: (True, True, True, True, True),
    Role.SECRETARY: (True, False, True, True, True),
    Role.MEMBER: (False, False, True, True, True),
    Role.EXECUTIVE: (True, False, True, True, True),
    Role.SCHOOL: (False, False, True, False, False),
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_finds_only_what_it_may_see(role, users, world, client_for, school, other_school):
    user = users[role.value]
    response = client_for(user).get(reverse("core:search"), {"q": QUERY})
    assert response.status_code == 200
    html = response.content.decode()
    normal, secret, own_visit, other_visit, meeting = EXPECTED[role]
    assert (NORMAL_SUBJECT in html) is normal
    assert (SECRET_SUBJECT in html) is secret and (SECRET_SENDER in html) is secret
    own_url = reverse("supervision:visit_detail", args=[world["own"].pk])
    other_url = reverse("supervision:visit_detail", args=[world["other"].pk])
    assert (f'href="{own_url}"' in html) is own_visit
    assert (f'href="{other_url}"' in html) is other_visit
    assert (MEETING_TITLE in html) is meeting
    # every role sees schools; school staff only their own
    assert "โรงเรียนบ้านทดสอบค้นหา" in _titles(user) or role == Role.SCHOOL
    if role == Role.SCHOOL:
        assert _titles(user, "โรงเรียนบ้าน") & {"โรงเรียนบ้านทดสอบค้นหา", other_school.name} == set()
        assert school.name in _titles(user, "โรงเรียนบ้าน")


def test_the_results_page_is_grouped_by_kind_with_badges(users, world, client_for):
    html = client_for(users["director"]).get(reverse("core:search"), {"q": QUERY}).content.decode()
    headings = re.findall(r'<h2 class="h5" id="search-group-\d+">\s*([^<]+?)\s*<span', html)
    assert headings == ["หนังสือ", "การนิเทศ", "สถานศึกษา", "ประชุม ก.ต.ป.น."]
    assert html.count('<span class="badge text-bg-light border">หนังสือ</span>') == 2
    assert 'aria-label="คำค้น"' in html and 'role="search"' in html


def test_anonymous_users_are_sent_to_log_in_and_post_is_refused(client, users, client_for):
    assert client.get(reverse("core:search"), {"q": QUERY}).status_code == 302
    assert client_for(users["clerk"]).post(reverse("core:search"), {"q": QUERY}).status_code == 405


# --- secrecy -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["supervisor", "secretary", "executive", "administrator"])
def test_the_uncleared_never_find_a_secret_letter_by_subject_or_sender(role, users, world):
    user = users[role]
    for query in (SECRET_SUBJECT, SECRET_SENDER, "ร้องเรียน", "ดำรงธรรม", "ลับ 0099", REDACTED, "ชั้นความลับ"):
        assert not any(g.kind == "หนังสือ" for g in search.search(user, query)), query


def test_the_uncleared_find_a_secret_entry_by_number_only_as_the_register_shows_it(users, world):
    secret = world["secret"]
    hits = [h for g in search.search(users["supervisor"], f"{secret.number}/{secret.year}") for h in g.hits]
    mine = [h for h in hits if h.url == reverse("correspondence:letter_detail", args=[secret.pk])]
    assert len(mine) == 1
    assert mine[0].title == REDACTED
    assert SECRET_SENDER not in mine[0].detail and "ลับ 0099" not in mine[0].detail
    thai = thaidate.thai_digits(f"{secret.number}/{secret.year}")  # typed in Thai digits
    assert any(h.title == REDACTED for g in search.search(users["supervisor"], thai) for h in g.hits)


def test_the_cleared_find_it_by_subject_sender_and_the_senders_number(users, world):
    for role in ("clerk", "director"):
        for query in ("ร้องเรียน", "ดำรงธรรม", "ลับ 0099"):
            assert SECRET_SUBJECT in _titles(users[role], query), (role, query)


def test_a_person_the_director_routes_it_to_finds_it_then(users, world):
    supervisor = users["supervisor"]
    assert SECRET_SUBJECT not in _titles(supervisor, "ร้องเรียน")
    services.letter_instruct(
        user=users["director"], letter=world["secret"], instruction="มอบดำเนินการ", assignees=[supervisor]
    )
    assert SECRET_SUBJECT in _titles(supervisor, "ร้องเรียน")


def test_school_staff_find_letters_delivered_to_their_school_only(users, office, school, other_school, make_user):
    clerk = users["clerk"]
    kru_other = make_user(Role.SCHOOL, "kru_other", school=other_school)
    ours = services.letter_register_outgoing(
        user=clerk, register_code="circular", subject="แจ้งกำหนดสอบวัดผลทดสอบค้นหา", schools=[school]
    )
    theirs = services.letter_register_outgoing(
        user=clerk, register_code="circular", subject="เฉพาะโรงเรียนบ้านอื่นทดสอบค้นหา", schools=[other_school]
    )
    for letter in (ours, theirs):
        delivery.deliveries_send(user=clerk, letter=letter)
    hits = [h for g in search.search(users["school"], QUERY) for h in g.hits if g.kind == "หนังสือ"]
    assert [h.title for h in hits] == [ours.subject]
    assert hits[0].url.startswith("/correspondence/school/")
    assert [h.title for g in search.search(kru_other, QUERY) for h in g.hits if g.kind == "หนังสือ"] == [theirs.subject]


def test_a_school_user_finds_no_other_schools_visit(users, school, other_school, client_for):
    _visit(school, users["supervisor"], policy="นิเทศการอ่าน")
    other = _visit(other_school, users["supervisor"], policy="นิเทศการอ่าน")
    html = client_for(users["school"]).get(reverse("core:search"), {"q": "นิเทศการอ่าน"}).content.decode()
    assert school.name in html
    assert other_school.name not in html and reverse("supervision:visit_detail", args=[other.pk]) not in html
    # by the other school's own name or code: nothing at all
    for query in (other_school.name, other_school.code):
        assert search.search(users["school"], query) == []


def test_a_draft_visit_is_found_by_its_author_not_by_a_colleague(users, school, django_user_model):
    draft = _visit(school, users["supervisor"], status=VisitStatus.DRAFT, policy="ร่างการนิเทศลับเฉพาะ")
    colleague = django_user_model.objects.create_user("colleague", password="x")
    colleague.groups.add(*users["supervisor"].groups.all())
    assert _titles(users["supervisor"], "ร่างการนิเทศ") == {draft.school.name}
    assert _titles(colleague, "ร่างการนิเทศ") == set()


def test_a_meeting_is_found_by_an_agenda_items_title_and_by_its_number(users, world):
    meeting = world["meeting"]
    title = f"{MEETING_TITLE} ครั้งที่ {meeting.number}/{meeting.year}"
    for query in ("ติดตามการอ่านออก", f"{meeting.number}/{meeting.year}", f"ครั้งที่ {meeting.number}"):
        assert title in _titles(users["member"], query), query


def test_a_draft_meeting_is_found_by_the_secretariat_only(users):
    meeting_create(user=users["secretary"], date=thaidate.today(), start_time=dt.time(13, 0), place="ห้องร่าง",
                   title="ประชุมร่างยังไม่แจ้ง")  # fmt: skip
    assert "ประชุมร่างยังไม่แจ้ง ครั้งที่" in " ".join(_titles(users["secretary"], "ประชุมร่าง"))
    assert _titles(users["member"], "ประชุมร่าง") == set()


def test_documents_are_the_users_own(users):
    mine = DocumentJob.objects.create(kind="x", title="ทะเบียนหนังสือรับ ปี 2569", requested_by=users["clerk"])
    DocumentJob.objects.create(kind="x", title="ทะเบียนหนังสือรับ ของคนอื่น", requested_by=users["director"])
    hits = [h for g in search.search(users["clerk"], "ทะเบียนหนังสือรับ") for h in g.hits]
    assert [(h.kind, h.title, h.url) for h in hits] == [("เอกสารของฉัน", mine.title, reverse("core:documents"))]
    mine.status = JobStatus.DONE
    mine.result.save("register.pdf", ContentFile(b"%PDF-1.4"))
    hit = search.search(users["clerk"], "ทะเบียนหนังสือรับ")[0].hits[0]
    assert hit.url == reverse("core:document_download", args=[mine.pk])


# --- the query ----------------------------------------------------------------------------------------
def test_one_character_is_too_short_and_says_so(users, world, client_for):
    assert search.search(users["director"], "ท") == []
    assert search.search(users["director"], " ท \u200b") == []  # invisible characters do not count
    page = client_for(users["director"]).get(reverse("core:search"), {"q": "ท"}).content.decode()
    assert '<div class="alert alert-warning" role="status">พิมพ์อย่างน้อย 2 ตัวอักษร</div>' in page
    assert NORMAL_SUBJECT not in page
    assert search.search(users["director"], "ทด")  # two are enough


def test_sql_wildcards_and_nul_are_harmless(users, world, client_for):
    director = client_for(users["director"])
    for query in ("%%", "__", "%_", "\\%", "' OR 1=1 --", "ทดสอบ%ค้นหา"):
        assert search.search(users["director"], query) == [], query
        assert director.get(reverse("core:search"), {"q": query}).status_code == 200
    # NUL and zero-width characters pasted from a PDF are cleaned away, not sent to the database
    assert NORMAL_SUBJECT in _titles(users["director"], "ทดสอบ\x00ค้นหา")
    assert NORMAL_SUBJECT in _titles(users["director"], "ทดสอบ\u200bค้นหา")
    response = director.get(reverse("core:search"), {"q": "\x00\x00"})
    assert response.status_code == 200 and "alert-warning" not in response.content.decode()  # an empty box
    assert director.get(reverse("core:search"), {"q": "ก" * 5000}).status_code == 200


def test_clean_query_keeps_thai_marks_and_bounds_the_length():
    assert search.clean_query("  ผู้อำนวยการ\t\u200bโรงเรียน ") == "ผู้อำนวยการ โรงเรียน"
    assert len(search.clean_query("ก" * 1000)) == search.MAX_LENGTH


def test_each_kind_is_bounded(users, office):
    for n in range(search.LIMIT + 3):
        services.letter_register_incoming(
            user=users["clerk"], subject=f"หนังสือชุดทดสอบจำนวน {n}", sender="สพฐ.", recipient_text="ผอ.กลุ่ม"
        )
    groups = search.search(users["clerk"], "หนังสือชุดทดสอบ")
    assert [len(g.hits) for g in groups] == [search.LIMIT]


# --- the header box and the list as the user types ----------------------------------------------------
def test_the_header_has_a_labelled_search_box_that_asks_htmx_as_the_user_types(users, client_for):
    html = client_for(users["supervisor"]).get(reverse("home")).content.decode()
    box = re.search(r'<input[^>]*id="app-search-q"[^>]*>', html).group(0)
    assert 'aria-label="ค้นหา' in box and 'name="q"' in box and 'type="search"' in box
    assert f'hx-get="{reverse("core:search")}"' in box
    assert 'hx-trigger="input changed delay:300ms, search"' in box
    assert 'action="/search/"' in html and "js/search.js" in html
    assert "<script>" not in html.split("app-search-q")[1].split("</form>")[0]  # no inline script (CSP)


def test_the_partial_answers_an_htmx_request_with_the_list_only(users, world, client_for):
    response = client_for(users["director"]).get(reverse("core:search"), {"q": QUERY}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html and "HX-Request" in response["Vary"]
    assert NORMAL_SUBJECT in html and SECRET_SUBJECT in html
    assert '<ul class="list-group list-group-flush"' in html
    assert '<span class="badge text-bg-secondary">การนิเทศ</span>' in html
    status = re.search(r'<span id="app-search-status"[^>]*hx-swap-oob="true">\s*(.*?)\s*</span>', html, re.S)
    assert (
        status and status.group(1) == "พบ 6 รายการ"
    )  # 2 letters, 2 visits, a school, a meeting; read out by screen readers, outside the list
    assert f"{reverse('core:search')}?q=" in html  # to the page grouped by kind
    empty = client_for(users["director"]).get(reverse("core:search"), {"q": ""}, HTTP_HX_REQUEST="true")
    empty_html = empty.content.decode()
    assert "card" not in empty_html and "พบ" not in empty_html  # a cleared box closes the list and its status
    short = client_for(users["director"]).get(reverse("core:search"), {"q": "ท"}, HTTP_HX_REQUEST="true")
    assert "พิมพ์อย่างน้อย 2 ตัวอักษร" in short.content.decode()
    none = client_for(users["director"]).get(reverse("core:search"), {"q": "ไม่มีทางพบ"}, HTTP_HX_REQUEST="true")
    assert "ไม่พบรายการที่ตรงกับ" in none.content.decode()


def test_the_partial_never_shows_an_uncleared_user_the_secret_subject(users, world, client_for):
    for q in ("ร้องเรียน", "ดำรงธรรม"):
        html = client_for(users["supervisor"]).get(reverse("core:search"), {"q": q}, HTTP_HX_REQUEST="true")
        assert SECRET_SUBJECT not in html.content.decode() and "ไม่พบรายการ" in html.content.decode()


# --- PostgreSQL: the letters' subject search uses its trigram index ---------------------------------
@pytest.mark.postgres
def test_the_subject_search_can_use_the_trigram_index(users, world):
    from correspondence.search import letters_matching

    qs = letters_matching(users["supervisor"], "ร้องเรียน")  # an uncleared reader: the secrecy test included
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = qs.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "corr_letter_subject_search_trgm" in plan and "corr_letter_sender_upper_trgm" in plan


# --- in a real browser: typing, the list, the keyboard, a phone --------------------------------------
SHOTS = os.environ.get("SEARCH_SHOTS", "")  # a folder to save screenshots in, to look at them


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_typing_in_the_header_box_lists_hits_reachable_by_keyboard(page, users, world, size):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.set_viewport_size({"width": size[0], "height": size[1]})
    browser_login(page, "director", PASSWORD)
    if size[0] < 992:
        page.get_by_role("button", name="เปิดเมนู").click()
    box = page.get_by_role("searchbox", name=re.compile("ค้นหาหนังสือ"))
    box.press_sequentially("ร้องเรียน", delay=30)
    hit = page.locator("#app-search-results a.search-hit", has_text=SECRET_SUBJECT)
    hit.wait_for()
    assert page.locator("#app-search-status").inner_text().strip() == "พบ 1 รายการ"
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/search-{size[0]}.png")
    box.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").count(SECRET_SUBJECT) == 1
    page.keyboard.press("Escape")
    assert page.locator("#app-search-results a").count() == 0
    assert page.evaluate("document.activeElement.id") == "app-search-q"
    box.press("Enter")  # the page grouped by kind
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.get_by_role("heading", name=re.compile("หนังสือ")).is_visible()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/search-page-{size[0]}.png", full_page=True)
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors


def test_a_search_costs_one_query_or_two_per_kind(users, world, django_assert_max_num_queries):
    director = users["director"]
    search.search(director, QUERY)  # warm: roles and the like, cached on the user
    # letters by text then by number, visits, office type + schools, meetings, documents,
    # and the supervision registers: networks, good practices, studies
    with django_assert_max_num_queries(10):
        assert search.search(director, "12/2569") is not None
