"""API representations of register entries. Read rows come from letters_visible_to(), so
secret entries arrive already redacted for people without clearance.

Input is checked by the same rules as the pages' forms: the lengths come from
correspondence.forms (which reads them from the model), dates and long text from
core.validators. Every message is Thai (core.api translates whatever DRF adds)."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core import thaidate
from core.validators import (
    BE_YEAR_MAX,
    BE_YEAR_MIN,
    LONG_TEXT_MAX,
    validate_date_in_range,
    validate_long_text,
    validate_school_code,
)
from schools.models import School

from .. import columns
from ..forms import EXTERNAL_NO_MAX, RECIPIENT_MAX, SENDER_MAX, SUBJECT_MAX
from ..models import Channel, DocumentType, Letter, Secrecy, Urgency

THAI = {
    "required": "กรุณากรอกช่องนี้",
    "blank": "ห้ามเว้นว่าง",
    "null": "ห้ามเว้นว่าง (null)",
    "invalid": "ค่าที่ส่งมาไม่ถูกต้อง",
    "invalid_choice": "“{input}” ไม่ใช่ตัวเลือกที่ใช้ได้",
    "max_length": "ยาวได้ไม่เกิน {max_length} ตัวอักษร",
    "min_length": "ต้องยาวอย่างน้อย {min_length} ตัวอักษร",
    "min_value": "ต้องไม่น้อยกว่า {min_value}",
    "max_value": "ต้องไม่มากกว่า {max_value}",
    "max_string_length": "ตัวเลขยาวเกินไป",
    "date": "ต้องเป็นวันที่ ไม่ใช่วันเวลา",
    "make_aware": "เวลาไม่ถูกต้องสำหรับเขตเวลา {timezone}",
    "overflow": "วันเวลาอยู่นอกช่วงที่ใช้ได้",
}
TEXT = {**THAI, "invalid": "ต้องเป็นข้อความ"}
INTEGER = {**THAI, "invalid": "ต้องเป็นจำนวนเต็ม"}
BOOLEAN = {**THAI, "invalid": "ต้องเป็น true หรือ false"}

ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
DATE_FORMATS = (
    f"วันที่แบบ พ.ศ. วว/ดด/ปปปป เช่น 21/11/2569 (คั่นด้วย / . หรือ - ได้ เลขไทยได้) หรือแบบ ISO 8601 "
    f"ค.ศ. YYYY-MM-DD เช่น 2026-11-21; ปี พ.ศ. {BE_YEAR_MIN}–{BE_YEAR_MAX} "
    f"(ค.ศ. {BE_YEAR_MIN - 543}–{BE_YEAR_MAX - 543})"
)
DATETIME_FORMATS = (
    "วันเวลาแบบ พ.ศ. วว/ดด/ปปปป ชช:นน เช่น 21/11/2569 16:30 (ไม่ระบุเวลา = 16:30 เหมือนหน้าเว็บ) "
    "หรือแบบ ISO 8601 เช่น 2026-11-21T16:30 หรือ 2026-11-21T16:30:00+07:00 (ไม่ระบุเขตเวลา = เวลาไทย); "
    f"ปี พ.ศ. {BE_YEAR_MIN}–{BE_YEAR_MAX}"
)
_BE_DATE_PATTERN = r"^\s*[0-9๐-๙]{1,2}\s*[/.-]\s*[0-9๐-๙]{1,2}\s*[/.-]\s*[0-9๐-๙]{4}"
_BE_TIME = re.compile(r"^(?P<date>.+?)\s+(?P<hour>[0-9๐-๙]{1,2})[:.](?P<minute>[0-9๐-๙]{2})\s*$")


def _django_errors(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(exc.messages)


@extend_schema_field(
    {
        "type": "string",
        "pattern": rf"{_BE_DATE_PATTERN}\s*$|^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$",
        "example": "21/11/2569",
        "description": DATE_FORMATS,
    }  # fmt: skip
)
class BEDateField(serializers.DateField):
    """Accepts a BE date typed as clerks do ('21/11/2569', as the pages' BEDateField) or ISO '2026-11-21'."""

    default_error_messages = {**THAI, "invalid": "วันที่ไม่ถูกต้อง ใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.) หรือ YYYY-MM-DD (ค.ศ.)"}

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("help_text", DATE_FORMATS)
        super().__init__(validators=[validate_date_in_range], **kwargs)

    def to_internal_value(self, value: object) -> dt.date:
        if not isinstance(value, str):
            self.fail("invalid")
        text = value.strip()
        if ISO_DATE.match(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                self.fail("invalid")
        try:
            return thaidate.parse_be_date(text)  # the pages' rule: BE years 2400–2700, real calendar days
        except thaidate.ThaiDateError as exc:
            raise serializers.ValidationError(str(exc)) from None


@extend_schema_field(
    {"type": "string", "example": "21/11/2569 16:30", "description": DATETIME_FORMATS, "nullable": True}
)
class BEDateTimeField(serializers.DateTimeField):
    """ISO 8601 as DRF reads it, or a BE date with an optional 'ชช:นน' time (16:30 if none, as on the pages)."""

    default_error_messages = {
        **THAI,
        "invalid": "วันเวลาไม่ถูกต้อง ใช้รูปแบบ วว/ดด/ปปปป ชช:นน (พ.ศ.) หรือ ISO 8601 เช่น 2026-11-21T16:30",
    }

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("help_text", DATETIME_FORMATS)
        super().__init__(default_timezone=thaidate.BANGKOK, validators=[validate_date_in_range], **kwargs)

    def to_internal_value(self, value: object) -> dt.datetime:
        if not isinstance(value, str):
            self.fail("invalid")
        text = value.strip()
        if not re.match(_BE_DATE_PATTERN, text):
            return super().to_internal_value(text)
        time = dt.time(16, 30)
        if match := _BE_TIME.match(text):
            text = match["date"]
            hour, minute = int(thaidate.arabic_digits(match["hour"])), int(thaidate.arabic_digits(match["minute"]))
            if hour > 23 or minute > 59:
                raise serializers.ValidationError("เวลาไม่ถูกต้อง ใช้รูปแบบ ชช:นน เช่น 16:30")
            time = dt.time(hour, minute)
        try:
            day = thaidate.parse_be_date(text)
        except thaidate.ThaiDateError as exc:
            raise serializers.ValidationError(str(exc)) from None
        return dt.datetime.combine(day, time, tzinfo=thaidate.BANGKOK)


@extend_schema_field({"type": "string", "pattern": "^[0-9]{10}$", "example": "1099000001"})
class SchoolCodeField(serializers.SlugRelatedField):
    """An active school by its 10-digit code, as the page's school list offers only active schools.

    The code's shape is checked before the database is asked, so a NUL byte or a word is a field error."""

    default_error_messages = {
        "does_not_exist": "ไม่พบสถานศึกษารหัส “{value}” (หรือสถานศึกษานี้ปิดการใช้งานแล้ว)",
        "invalid": "รหัสสถานศึกษาไม่ถูกต้อง",
    }

    def __init__(self, **kwargs: object) -> None:
        super().__init__(slug_field="code", queryset=School.objects.filter(is_active=True), **kwargs)

    def to_internal_value(self, data: object) -> School:
        try:
            code = validate_school_code(data)
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None
        school = self.get_queryset().filter(code=code).first()
        if school is None:
            self.fail("does_not_exist", slug_name="code", value=code)
        return school


class LetterSerializer(serializers.ModelSerializer):
    register = serializers.SlugRelatedField(slug_field="code", read_only=True)
    document_no = serializers.CharField(read_only=True, help_text="ที่ ตามที่พิมพ์บนหนังสือ")
    urgency_display = serializers.CharField(source="get_urgency_display", read_only=True)
    secrecy_display = serializers.CharField(source="get_secrecy_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    letter_date = serializers.DateField(read_only=True, help_text="ลงวันที่ แบบ ISO 8601 ค.ศ. (YYYY-MM-DD)")
    letter_date_be = serializers.SerializerMethodField(help_text="ลงวันที่ แบบ พ.ศ. (วว/ดด/ปปปป)")
    action = serializers.SerializerMethodField(help_text="การปฏิบัติ (จากประวัติการดำเนินการ)")
    is_redacted = serializers.BooleanField(read_only=True, help_text="จริง = หนังสือชั้นความลับที่ผู้ขอไม่มีสิทธิ์ดูเนื้อหา")

    class Meta:
        model = Letter
        fields = [
            "id", "register", "year", "number", "document_no", "registered_at", "letter_date", "letter_date_be",
            "sender", "recipient_text", "subject", "action", "remarks", "urgency", "urgency_display", "deadline",
            "secrecy", "secrecy_display", "document_type", "channel", "status", "status_display", "retention_years",
            "cancel_reason", "cancelled_at", "is_redacted",
        ]  # fmt: skip
        read_only_fields = fields

    def get_letter_date_be(self, letter: Letter) -> str:
        return thaidate.format_numeric(letter.letter_date) if letter.letter_date else ""

    def get_action(self, letter: Letter) -> str:
        return columns.action_text(letter)


class _EntryFields(serializers.Serializer):
    default_error_messages = {"invalid": "ข้อมูลต้องเป็นออบเจกต์ JSON ({{…}}) ได้รับ {datatype}"}

    subject = serializers.CharField(max_length=SUBJECT_MAX, error_messages=TEXT)
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL, error_messages=THAI)
    deadline = BEDateTimeField(required=False, allow_null=True)
    secrecy = serializers.ChoiceField(choices=Secrecy.choices, default=Secrecy.NORMAL, error_messages=THAI)
    document_type = serializers.ChoiceField(
        choices=DocumentType.choices, default=DocumentType.EXTERNAL, error_messages=THAI
    )
    channel = serializers.ChoiceField(choices=Channel.choices, default=Channel.PAPER, error_messages=THAI)
    remarks = serializers.CharField(
        required=False, allow_blank=True, default="", validators=[validate_long_text], error_messages=TEXT,
        help_text=f"ไม่เกิน {LONG_TEXT_MAX} ตัวอักษร",
    )  # fmt: skip
    retention_years = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=99, error_messages=INTEGER,
        help_text="อายุการเก็บ (ปี) 1–99; ไม่ส่ง = ค่าปกติของสำนักงาน",
    )  # fmt: skip
    keep_forever = serializers.BooleanField(required=False, default=False, error_messages=BOOLEAN)


class IncomingCreateSerializer(_EntryFields):
    """ลงทะเบียนหนังสือรับ: the response carries the issued receive number in `number`."""

    sender = serializers.CharField(max_length=SENDER_MAX, error_messages=TEXT)
    recipient_text = serializers.CharField(max_length=RECIPIENT_MAX, error_messages=TEXT)
    external_no = serializers.CharField(max_length=EXTERNAL_NO_MAX, required=False, allow_blank=True, default="",
                                        error_messages=TEXT)  # fmt: skip
    letter_date = BEDateField(required=False, allow_null=True)


class OutgoingCreateSerializer(_EntryFields):
    """An outgoing entry numbered at once in send, circular (ว) or order."""

    register = serializers.ChoiceField(choices=[("send", "หนังสือส่ง"), ("circular", "หนังสือเวียน"), ("order", "คำสั่ง")],
                                       default="send", error_messages=THAI)  # fmt: skip
    recipient_text = serializers.CharField(
        required=False, allow_blank=True, default="", validators=[validate_long_text], error_messages=TEXT,
        help_text=f"ผู้รับอื่น ๆ ไม่เกิน {LONG_TEXT_MAX} ตัวอักษร; เว้นว่างได้เมื่อระบุ schools",
    )  # fmt: skip
    schools = serializers.ManyRelatedField(
        child_relation=SchoolCodeField(), required=False,
        help_text="รหัสสถานศึกษา 10 หลักของผู้รับ (เฉพาะสถานศึกษาที่เปิดใช้งาน)",
        error_messages={"not_a_list": "ต้องส่งเป็นรายการรหัสสถานศึกษา เช่น [\"1099000001\"] ได้รับ {input_type}",
                        "empty": "ต้องมีรหัสสถานศึกษาอย่างน้อยหนึ่งรหัส", **THAI},
    )  # fmt: skip
    letter_date = BEDateField(required=False, allow_null=True)

    def validate(self, data: dict) -> dict:
        if not data.get("schools") and not data.get("recipient_text", "").strip():
            raise serializers.ValidationError(
                {"recipient_text": "กรุณาระบุผู้รับอย่างน้อยหนึ่งราย (recipient_text หรือ schools)"}
            )
        return data


# --- Letters written in the system: delivery status (issue 12 part 8) ---------------------------
class DeliverySerializer(serializers.Serializer):
    """One recipient of a dispatched letter on one channel, and what they did with it."""

    id = serializers.IntegerField(read_only=True)
    channel = serializers.CharField(read_only=True, help_text="electronic, email หรือ paper")
    channel_display = serializers.CharField(source="get_channel_display", read_only=True)
    school_code = serializers.CharField(source="school.code", default=None, read_only=True, help_text="รหัสสถานศึกษา")
    school_name = serializers.CharField(source="school.name", default=None, read_only=True)
    user_id = serializers.IntegerField(read_only=True, allow_null=True, help_text="ผู้รับที่มีบัญชีในระบบ")
    name = serializers.CharField(read_only=True, help_text="ชื่อผู้รับ")
    address = serializers.CharField(read_only=True, help_text="ที่อยู่หรืออีเมล (ช่องทางกระดาษ/อีเมล)")
    sent_at = serializers.DateTimeField(read_only=True)
    first_opened_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="เปิดอ่านครั้งแรกเมื่อ")
    acknowledged_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="รับทราบเมื่อ")
    reminder_count = serializers.IntegerField(read_only=True, help_text="จำนวนครั้งที่เตือน")
    reminded_at = serializers.DateTimeField(read_only=True, allow_null=True)
    error = serializers.CharField(read_only=True, help_text="ข้อผิดพลาดในการส่ง (ถ้ามี)")


class DeliveryCountsSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="จำนวนผู้รับทั้งหมด")
    electronic = serializers.IntegerField(help_text="ส่งทางระบบสารบรรณอิเล็กทรอนิกส์")
    email = serializers.IntegerField(help_text="ส่งทางอีเมล")
    paper = serializers.IntegerField(help_text="ส่งเป็นกระดาษ")
    opened = serializers.IntegerField(help_text="เปิดอ่านแล้ว")
    acknowledged = serializers.IntegerField(help_text="รับทราบแล้ว")
    not_acknowledged = serializers.IntegerField(help_text="ยังไม่รับทราบ (ทางระบบสารบรรณอิเล็กทรอนิกส์)")


class DeliveryStatusSerializer(serializers.Serializer):
    """ผลการส่งหนังสือ: who received it, on which channel, who opened and acknowledged it."""

    letter = serializers.IntegerField(help_text="id ของหนังสือ")
    document_no = serializers.CharField(help_text="ที่ ตามที่พิมพ์บนหนังสือ")
    subject = serializers.CharField()
    counts = DeliveryCountsSerializer()
    deliveries = DeliverySerializer(many=True)
