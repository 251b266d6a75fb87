"""Pages whose cost follows the user's open work, not the archive (issue 13).

Each role's home page, the inboxes, the receive register and the dashboard run the same number of
queries when the archive of finished letters and the year's visits grow; long lists count no further
than 1,000 rows past the page ("มากกว่า 1,000 รายการ"), and the Thai subject search counts the same way.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.pagination import CappedPaginator
from correspondence.bench import archive_build, open_work_build
from correspondence.filters import LetterFilter
from correspondence.models import Letter
from correspondence.selectors import inbox_for, letters_visible_to
from supervision.bench import build_dataset
from supervision.selectors import current_fiscal_year

PAGES = [
    ("clerk", "/"), ("clerk", "correspondence:inbox"), ("clerk", "receive"),
    ("director", "/"), ("director", "correspondence:inbox"), ("director", "correspondence:approval_list"),
    ("supervisor", "/"), ("supervisor", "correspondence:inbox"), ("supervisor", "supervision:dashboard"),
    ("school", "/"), ("executive", "/"), ("executive", "supervision:dashboard"),
]  # fmt: skip


def _url(name: str) -> str:
    if name == "receive":
        return reverse("correspondence:register_list", args=["receive"])
    return name if name.startswith("/") else reverse(name)


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types, office profile)
    caches["pages"].clear()  # the page built afresh, not its kept parts (core/pagecache.py)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _office(users: dict) -> dict:
    return {"clerk": users["clerk"], "director": users["director"], "staff": [users["supervisor"], users["director"]]}


def _grow(users: dict, *, letters: int, years: list[int], visits: int, prefix: str) -> None:
    archive_build(count=letters, years=years, **_office(users))
    supervisors = [users["supervisor"], users["director"]]
    build_dataset(
        schools=visits // 4, visits=visits, supervisors=supervisors, fiscal_year=current_fiscal_year(), prefix=prefix
    )


@pytest.mark.parametrize(("role", "page"), PAGES)
def test_a_page_runs_as_many_queries_when_the_archive_doubles(role, page, users, client_for):
    open_work_build(per_person=3, **_office(users))
    _grow(users, letters=24, years=[2565, 2566], visits=12, prefix="71")
    client = client_for(users[role])
    small = _queries(client, _url(page))
    _grow(users, letters=48, years=[2560, 2561], visits=40, prefix="72")
    large = _queries(client, _url(page))
    assert large == small, f"{role} {page}: {small} queries with the small archive, {large} with twice as many letters"


def test_the_inbox_holds_the_open_work_and_none_of_the_finished_archive(users):
    open_work_build(per_person=3, **_office(users))
    archive_build(count=30, years=[2566], **_office(users))
    mine = inbox_for(users["supervisor"])
    assert mine.count() == 3
    assert all(letter.status == "assigned" for letter in mine)
    clerk = list(inbox_for(users["clerk"]))
    assert {letter.status for letter in clerk} == {"registered"}
    assert {letter.status for letter in inbox_for(users["director"])} >= {"presented", "assigned"}


def test_a_long_register_says_more_than_1000_entries_instead_of_counting_them_all(users, client_for):
    archive_build(count=1003, years=[2566], **_office(users))
    response = client_for(users["clerk"]).get(_url("receive"))
    text = response.content.decode()
    assert "พบ มากกว่า 1,000 รายการ" in text
    assert "หน้า 1 /" not in text  # no last page number that was never counted


def test_a_short_search_result_is_counted_exactly(users, client_for):
    archive_build(count=40, years=[2566], **_office(users))
    expected = Letter.objects.filter(subject__contains="ลูกเสือเนตรนารี", number__isnull=False).count()
    response = client_for(users["clerk"]).get(_url("receive"), {"q": "ลูกเสือเนตรนารี"})
    assert f"พบ {expected:,} รายการ" in response.content.decode()


def test_the_capped_count_goes_on_with_the_pages_the_user_opens(users):
    archive_build(count=25, years=[2566], **_office(users))
    rows = LetterFilter({"q": "ประจำปีงบประมาณ"}, queryset=letters_visible_to(users["clerk"])).qs
    first = CappedPaginator(rows, 5, cap=10).get_page(1)
    assert first.paginator.capped and first.paginator.count_text == "มากกว่า 10 รายการ"
    assert first.has_next()
    fourth = CappedPaginator(rows, 5, cap=10).get_page(4)
    assert fourth.paginator.count_text == "มากกว่า 20 รายการ" and len(fourth) == 5
    last = CappedPaginator(rows, 5, cap=10).get_page(5)
    assert not last.paginator.capped and last.paginator.count_text == "25 รายการ" and not last.has_next()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index exists on PostgreSQL only")
def test_the_search_count_uses_the_trigram_index_on_postgresql(users):
    archive_build(count=200, years=[2566], **_office(users))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE correspondence_letter")
        cursor.execute("SET enable_seqscan = off")  # a 200-row table would be read whole otherwise
        cursor.execute("SET enable_indexscan = off")
    rows = LetterFilter({"q": "นิเทศภายใน"}, queryset=letters_visible_to(users["clerk"])).qs
    every = rows.count()
    with CaptureQueriesContext(connection) as ctx:
        assert CappedPaginator(rows, 50).get_page(1).paginator.count == every > 0
    count_sql = ctx.captured_queries[-1]["sql"]  # the capped count, as the register page runs it
    assert count_sql.startswith("WITH m AS MATERIALIZED")
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {count_sql}")
        count_plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "corr_letter_subject_search_trgm" in count_plan, count_plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_the_clerks_letters_to_present_are_read_through_the_receive_registers_open_entries(users):
    """Every letter sent stays "registered" for good: the clerk's inbox must reach the receive register's
    registered entries through the (register, open status) index, never by reading every registered entry."""
    import datetime as dt
    import random

    from correspondence.management.commands._bench import fill
    from correspondence.models import Register

    archive_build(count=40, years=[2566], **_office(users))
    start = dt.datetime(2024, 1, 1, 8, tzinfo=dt.UTC)
    fill(Register.objects.get(code="send"), 3000, users["clerk"], random.Random(3), start, 700)  # sent: "registered"
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE correspondence_letter")
    plan = inbox_for(users["clerk"]).explain()
    assert "corr_letter_open_by_register" in plan, plan


def test_asking_for_relevance_puts_the_subject_that_starts_with_the_words_first(users, client_for):
    archive_build(count=12, years=[2566], **_office(users))
    first = Letter.objects.order_by("id").first()
    first.subject = "ลูกเสือเนตรนารีสามัญรุ่นใหญ่ ขอเชิญประชุมผู้กำกับลูกเสือ"
    first.save(update_fields=["subject"])
    params = {"q": "ลูกเสือเนตรนารี", "order": "relevance"}
    rows = LetterFilter(params, queryset=letters_visible_to(users["clerk"])).qs
    assert rows[0] == first
    newest = LetterFilter({"q": "ลูกเสือเนตรนารี"}, queryset=letters_visible_to(users["clerk"])).qs
    assert set(rows) == set(newest)


def test_the_subject_search_reads_the_capitals_the_database_keeps_and_finds_any_case(users):
    """The search matches against Letter.subject_upper (a column the database fills, with its trigram index), so
    no subject read is put in capitals on the way; "o-net" still finds "O-NET", and a subject changed by a bulk
    update (no save()) is found by its new words at once."""
    archive_build(count=6, years=[2566], **_office(users))
    first, second = Letter.objects.order_by("id")[:2]
    Letter.objects.filter(pk=first.pk).update(subject="แจ้งกำหนดการสอบ O-NET ชั้นประถมศึกษาปีที่ 6")
    Letter.objects.filter(pk=second.pk).update(subject="ขอเชิญประชุมเชิงปฏิบัติการลูกเสือเนตรนารีสามัญรุ่นใหญ่")

    def found(q: str, **more: str) -> list[int]:
        return [letter.pk for letter in LetterFilter({"q": q, **more}, queryset=letters_visible_to(users["clerk"])).qs]

    with CaptureQueriesContext(connection) as ctx:
        assert found("o-net") == [first.pk]
    search = ctx.captured_queries[-1]["sql"]
    assert "subject_upper" in search and 'UPPER("correspondence_letter"."subject"' not in search
    assert found("เนตรนารีสามัญ") == [second.pk] == found("เนตรนารีสามัญ", order="relevance")
    assert found("O-Net", order="relevance") == [first.pk]
    assert found("ไม่มีคำนี้ในเรื่องใด") == []


def test_the_capped_count_asks_for_no_order_and_counts_the_same(users):
    """How many rows fill the limit does not depend on their order: the count query sorts nothing, so the
    database may stop at the first matches it finds instead of sorting every match first."""
    archive_build(count=30, years=[2566], **_office(users))
    letters = letters_visible_to(users["clerk"]).order_by("-year", "-number")
    paginator = CappedPaginator(letters, 5, cap=10)
    with CaptureQueriesContext(connection) as ctx:
        assert paginator.get_page(1).paginator.count == 11  # one past the cap: "more than 10"
    assert "ORDER BY" not in ctx.captured_queries[0]["sql"]
    assert CappedPaginator(letters, 5, cap=100).get_page(1).paginator.count == letters.count()
    for nothing in (letters.none(), letters.filter(pk__in=[])):  # no row can match: 0, not an error
        assert CappedPaginator(nothing, 5).get_page(1).paginator.count_text == "0 รายการ"
