from __future__ import annotations

import datetime as dt
import re

import pytest
from django import forms

from core import thaidate
from core.forms import BEDateField

UTC = dt.UTC


def test_it_formats_full_and_short_buddhist_era_dates():
    d = dt.date(2026, 11, 21)
    assert thaidate.format_full(d) == "21 พฤศจิกายน 2569"
    assert thaidate.format_short(d) == "21 พ.ย. 69"
    assert thaidate.format_numeric(d) == "21/11/2569"


def test_midnight_in_bangkok_is_already_the_next_day_while_utc_is_still_the_old_one():
    just_after_midnight_bkk = dt.datetime(2026, 12, 31, 17, 0, 30, tzinfo=UTC)  # 00:00:30 on 1 Jan 2027 in Bangkok
    assert thaidate.local_date(just_after_midnight_bkk) == dt.date(2027, 1, 1)
    assert thaidate.calendar_year_be(just_after_midnight_bkk) == 2570
    assert thaidate.format_full(just_after_midnight_bkk) == "1 มกราคม 2570"
    just_before = dt.datetime(2026, 12, 31, 16, 59, 59, tzinfo=UTC)
    assert thaidate.calendar_year_be(just_before) == 2569


def test_datetime_is_shown_in_bangkok_time():
    assert thaidate.format_datetime(dt.datetime(2026, 11, 21, 7, 5, tzinfo=UTC)) == "21 พ.ย. 69 14.05 น."


@pytest.mark.parametrize(
    ("day", "fiscal"),
    [
        (dt.date(2026, 9, 30), 2569),
        (dt.date(2026, 10, 1), 2570),
        (dt.date(2026, 12, 31), 2570),
        (dt.date(2027, 1, 1), 2570),
        (dt.date(2027, 9, 30), 2570),
        (dt.date(2027, 10, 1), 2571),
    ],
)
def test_fiscal_year_is_named_by_the_be_year_it_ends_in(day, fiscal):
    assert thaidate.fiscal_year(day) == fiscal


def test_fiscal_year_at_midnight_30_september_to_1_october_bangkok():
    last_second = dt.datetime(2026, 9, 30, 16, 59, 59, tzinfo=UTC)  # 23:59:59 Bangkok
    first_second = dt.datetime(2026, 9, 30, 17, 0, 0, tzinfo=UTC)  # 00:00:00 on 1 Oct Bangkok
    assert thaidate.fiscal_year(last_second) == 2569
    assert thaidate.fiscal_year(first_second) == 2570


def test_fiscal_year_range():
    assert thaidate.fiscal_year_range(2570) == (dt.date(2026, 10, 1), dt.date(2027, 9, 30))


@pytest.mark.parametrize(
    ("day", "year", "sem"),
    [
        (dt.date(2026, 5, 15), 2568, None),
        (dt.date(2026, 5, 16), 2569, 1),
        (dt.date(2026, 10, 11), 2569, 1),
        (dt.date(2026, 10, 20), 2569, None),
        (dt.date(2026, 11, 1), 2569, 2),
        (dt.date(2027, 4, 1), 2569, 2),
        (dt.date(2027, 4, 2), 2569, None),
    ],
)
def test_academic_year_and_semester(day, year, sem):
    assert thaidate.academic_year(day) == year
    assert thaidate.semester(day) == (year, sem)


def test_academic_year_start_is_configurable():
    cal = thaidate.AcademicCalendar(year_start=(6, 1))
    assert thaidate.academic_year(dt.date(2026, 5, 20), cal) == 2568
    assert thaidate.academic_year(dt.date(2026, 6, 1), cal) == 2569


def test_thai_numerals_convert_both_ways():
    assert thaidate.thai_digits("ที่ 185/2569") == "ที่ ๑๘๕/๒๕๖๙"
    assert thaidate.arabic_digits("๒๑/๑๑/๒๕๖๙") == "21/11/2569"


def test_thai_numerals_in_html_leave_tags_css_and_entities_alone():
    html = '<style>td{width:3cm}</style><td style="width:2cm">ครั้งที่ 3/2569 &#160;</td>'
    assert (
        thaidate.thai_digits_html(html) == '<style>td{width:3cm}</style><td style="width:2cm">ครั้งที่ ๓/๒๕๖๙ &#160;</td>'
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("21/11/2569", dt.date(2026, 11, 21)),
        ("1/1/2570", dt.date(2027, 1, 1)),
        ("29/02/2567", dt.date(2024, 2, 29)),
        ("๒๑/๑๑/๒๕๖๙", dt.date(2026, 11, 21)),
        (" 21-11-2569 ", dt.date(2026, 11, 21)),
    ],
)
def test_it_reads_be_dates_as_clerks_type_them(typed, expected):
    assert thaidate.parse_be_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message_part"),
    [
        ("29/02/2569", "ไม่มีวันที่ 29 กุมภาพันธ์ 2569"),  # 2026 is not a leap year
        ("31/04/2569", "ไม่มีวันที่ 31 เมษายน 2569"),
        ("21/13/2569", "ไม่มีเดือนที่ 13"),
        ("21/11/2026", "ไม่ใช่ปีพุทธศักราช"),  # a CE year typed by mistake
        ("พรุ่งนี้", "วว/ดด/ปปปป"),
        ("2569-11-21", "วว/ดด/ปปปป"),
    ],
)
def test_it_rejects_impossible_dates_with_a_thai_message(typed, message_part):
    with pytest.raises(thaidate.ThaiDateError, match=re.escape(message_part)):
        thaidate.parse_be_date(typed)


def test_be_date_field_cleans_and_shows_be_dates():
    class F(forms.Form):
        d = BEDateField(label="วันที่")

    form = F(data={"d": "30/09/2569"})
    assert form.is_valid()
    assert form.cleaned_data["d"] == dt.date(2026, 9, 30)
    bad = F(data={"d": "31/09/2569"})
    assert not bad.is_valid()
    assert "ไม่มีวันที่ 31 กันยายน 2569" in bad.errors["d"][0]
    shown = F(initial={"d": dt.date(2026, 10, 1)})
    assert 'value="01/10/2569"' in str(shown["d"])
    assert 'placeholder="วว/ดด/ปปปป"' in str(shown["d"])


def test_template_filters(db):
    from django.template import Context, Template

    out = Template("{{ d|thai_date }}|{{ d|thai_date_short }}|{{ d|be_date }}|{{ d|fiscal_year }}").render(
        Context({"d": dt.date(2026, 10, 1)})
    )
    assert out == "1 ตุลาคม 2569|1 ต.ค. 69|01/10/2569|2570"


@pytest.mark.parametrize(
    ("typed", "year"),
    [("2569", 2569), (" 2569 ", 2569), (2570, 2570), ("2500", 2500), ("2700", 2700),
     ("๒๕๖๙", 2569), ("2499", None), ("2701", None), ("2026", None), ("๒๕๖๙x", None), ("", None), (None, None), ("-2569", None)],
)  # fmt: skip
def test_a_be_year_asked_for_is_read_only_inside_the_offices_range(typed, year):
    assert thaidate.be_year(typed) == year
