"""Validators shared by the pages' forms and the REST API, so both doors take the same input.

A rule lives here once; a form field and a serializer field both list it in `validators=[...]`
(Django's and DRF's fields both run Django validators and turn their ValidationError into the
field's error), so the API can never be looser than the page, nor answer in another language.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.deconstruct import deconstructible

# Dates: the Buddhist Era years a clerk may type on the pages (core.thaidate.parse_be_date
# refuses the rest), as Christian Era dates for input that arrives in ISO 8601.
BE_YEAR_MIN, BE_YEAR_MAX = 2400, 2700
DATE_MIN = dt.date(BE_YEAR_MIN - 543, 1, 1)  # 1 มกราคม 2400 = 1857-01-01
DATE_MAX = dt.date(BE_YEAR_MAX - 543, 12, 31)  # 31 ธันวาคม 2700 = 2157-12-31

# Free text without a column limit (ถึง, หมายเหตุ): long enough for the recipients of a circular
# to every school of a large office ("ผู้อำนวยการโรงเรียน…" × 400, which the register writes
# itself and a correction form must take back), short enough that a pasted file or a script's
# runaway string is refused with a message.
LONG_TEXT_MAX = 20000

SCHOOL_CODE = re.compile(r"^\d{10}$")


def validate_date_in_range(value: dt.date | dt.datetime | None) -> None:
    """A date (or date and time) between 1 มกราคม 2400 and 31 ธันวาคม 2700 (พ.ศ.)."""
    if value is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    if not DATE_MIN <= day <= DATE_MAX:
        raise ValidationError(
            "วันที่ต้องอยู่ระหว่างปี พ.ศ. %(low)s ถึง %(high)s (ค.ศ. %(low_ce)s ถึง %(high_ce)s) ได้รับปี ค.ศ. %(year)s",
            code="date_range",
            params={
                "low": BE_YEAR_MIN,
                "high": BE_YEAR_MAX,
                "low_ce": DATE_MIN.year,
                "high_ce": DATE_MAX.year,
                "year": day.year,
            },
        )


@deconstructible
class ThaiMaxLengthValidator(MaxLengthValidator):
    """Django's max-length rule with the message in Thai (counts characters, not bytes)."""

    message = "ยาวได้ไม่เกิน %(limit_value)d ตัวอักษร (ส่งมา %(show_value)d ตัวอักษร)"
    code = "max_length"


validate_long_text = ThaiMaxLengthValidator(LONG_TEXT_MAX)


def validate_school_code(value: object) -> str:
    """A school's 10-digit code as text (Arabic digits), or a Thai ValidationError.

    Checked before any database look-up, so a NUL byte or a stray string is a field error,
    never a database error."""
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else None
    if text is None or not SCHOOL_CODE.match(text):
        shown = repr(value) if not isinstance(value, str) else value.encode("unicode_escape").decode()[:40]
        raise ValidationError("รหัสสถานศึกษาต้องเป็นตัวเลข 10 หลัก ได้รับ “%(value)s”", code="invalid", params={"value": shown})
    return text
