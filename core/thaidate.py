"""Thai calendar: Buddhist-Era dates, fiscal and academic years, Thai numerals.

พ.ศ. (BE) = ค.ศ. (CE) + 543. Fiscal year (ปีงบประมาณ) runs 1 Oct – 30 Sep and is named
by the BE year it ends in. Academic year (ปีการศึกษา) starts about 16 May.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")
BE_OFFSET = 543

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


class ThaiDateError(ValueError):
    """A date the user typed cannot be read; the message is Thai and user-facing."""


def to_be(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def to_ce(year_be: int) -> int:
    return year_be - BE_OFFSET


def local_date(value: dt.date | dt.datetime) -> dt.date:
    """The calendar date in Bangkok of a date or an (aware) datetime."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(BANGKOK)
        return value.date()
    return value


def today() -> dt.date:
    return dt.datetime.now(BANGKOK).date()


def format_full(value: dt.date | dt.datetime | None) -> str:
    """'21 พฤศจิกายน 2569'."""
    if value is None:
        return ""
    d = local_date(value)
    return f"{d.day} {THAI_MONTHS[d.month - 1]} {to_be(d.year)}"


def format_short(value: dt.date | dt.datetime | None) -> str:
    """'21 พ.ย. 69'."""
    if value is None:
        return ""
    d = local_date(value)
    return f"{d.day} {THAI_MONTHS_ABBR[d.month - 1]} {to_be(d.year) % 100:02d}"


def format_numeric(value: dt.date | dt.datetime | None) -> str:
    """'21/11/2569', the form clerks type."""
    if value is None:
        return ""
    d = local_date(value)
    return f"{d.day:02d}/{d.month:02d}/{to_be(d.year)}"


def format_datetime(value: dt.datetime | None) -> str:
    """'21 พ.ย. 69 14.05 น.' in Bangkok time."""
    if value is None:
        return ""
    local = value.astimezone(BANGKOK) if value.tzinfo else value
    return f"{format_short(local.date())} {local:%H.%M} น."


def format_month_year(value: dt.date) -> str:
    """'พฤศจิกายน 2569'."""
    return f"{THAI_MONTHS[value.month - 1]} {to_be(value.year)}"


_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def parse_be_date(text: str) -> dt.date:
    """Read a date typed as 'วว/ดด/ปปปป' in the Buddhist Era, e.g. '21/11/2569'.

    Thai digits are accepted. Raises ThaiDateError with a Thai message.
    """
    cleaned = (text or "").translate(_ARABIC_DIGITS)
    match = _NUMERIC.match(cleaned)
    if not match:
        raise ThaiDateError("กรุณากรอกวันที่ในรูปแบบ วว/ดด/ปปปป (พ.ศ.) เช่น 21/11/2569")
    day, month, year_be = (int(g) for g in match.groups())
    if year_be < 2400 or year_be > 2700:
        raise ThaiDateError(f"ปี {year_be} ไม่ใช่ปีพุทธศักราชที่ใช้ได้ กรุณากรอกปี พ.ศ. เช่น {to_be(today().year)}")
    if not 1 <= month <= 12:
        raise ThaiDateError(f"ไม่มีเดือนที่ {month} เดือนต้องอยู่ระหว่าง 1 ถึง 12")
    try:
        return dt.date(to_ce(year_be), month, day)
    except ValueError:
        raise ThaiDateError(f"ไม่มีวันที่ {day} {THAI_MONTHS[month - 1]} {year_be} ในปฏิทิน") from None


def thai_digits(text: object) -> str:
    return str(text).translate(_THAI_DIGITS)


def arabic_digits(text: object) -> str:
    return str(text).translate(_ARABIC_DIGITS)


_TAG_OR_STYLE = re.compile(r"(<style\b.*?</style>|<script\b.*?</script>|<[^>]+>|&[#\w]+;)", re.S | re.I)


def thai_digits_html(html: str) -> str:
    """Convert digits in the text of an HTML document, leaving tags, CSS and entities alone."""
    parts = _TAG_OR_STYLE.split(html)
    return "".join(part if i % 2 else thai_digits(part) for i, part in enumerate(parts))


# --- Fiscal year (ปีงบประมาณ) --------------------------------------------

YEAR_MIN, YEAR_MAX = 2500, 2700  # a BE fiscal or academic year the office may ask for


def be_year(value: object) -> int | None:
    """A BE year typed or sent in a URL ("2569", " 2569 "), or None when it is not one the office may ask for."""
    text = str(value if value is not None else "").strip()
    return int(text) if text.isdigit() and YEAR_MIN <= int(text) <= YEAR_MAX else None


def fiscal_year(value: dt.date | dt.datetime) -> int:
    """BE fiscal year of a date: 1 Oct 2569 – 30 Sep 2570 is ปีงบประมาณ 2570."""
    d = local_date(value)
    return to_be(d.year + 1 if d.month >= 10 else d.year)


def fiscal_year_range(year_be: int) -> tuple[dt.date, dt.date]:
    """First and last day of a BE fiscal year."""
    end_ce = to_ce(year_be)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


# --- Academic year (ปีการศึกษา) -------------------------------------------


@dataclass(frozen=True)
class AcademicCalendar:
    """Start of the academic year and of each semester, as (month, day).

    Defaults follow the usual OBEC calendar; offices override them in the office
    profile because the dates move from year to year.
    """

    year_start: tuple[int, int] = (5, 16)
    semester1: tuple[tuple[int, int], tuple[int, int]] = ((5, 16), (10, 11))
    semester2: tuple[tuple[int, int], tuple[int, int]] = ((11, 1), (4, 1))


DEFAULT_ACADEMIC_CALENDAR = AcademicCalendar()


def academic_year(value: dt.date | dt.datetime, cal: AcademicCalendar = DEFAULT_ACADEMIC_CALENDAR) -> int:
    """BE academic year: 16 May 2569 – 15 May 2570 is ปีการศึกษา 2569."""
    d = local_date(value)
    start = dt.date(d.year, *cal.year_start)
    return to_be(d.year if d >= start else d.year - 1)


def semester(value: dt.date | dt.datetime, cal: AcademicCalendar = DEFAULT_ACADEMIC_CALENDAR) -> tuple[int, int | None]:
    """(academic year, semester 1 or 2), semester None in a school break."""
    d = local_date(value)
    year_be = academic_year(d, cal)
    year_ce = to_ce(year_be)
    s1_start = dt.date(year_ce, *cal.semester1[0])
    s1_end = dt.date(year_ce, *cal.semester1[1])
    s2_start = dt.date(year_ce, *cal.semester2[0])
    s2_end = dt.date(year_ce + 1, *cal.semester2[1])
    if s1_start <= d <= s1_end:
        return year_be, 1
    if s2_start <= d <= s2_end:
        return year_be, 2
    return year_be, None


def calendar_year_be(value: dt.date | dt.datetime) -> int:
    """BE calendar year in Bangkok time: correspondence and meeting numbers restart on 1 Jan."""
    return to_be(local_date(value).year)
