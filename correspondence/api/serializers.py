"""API representations of register entries. Read rows come from letters_visible_to(), so
secret entries arrive already redacted for people without clearance."""

from __future__ import annotations

import datetime as dt

from rest_framework import serializers

from core import thaidate
from schools.models import School

from .. import columns
from ..models import Channel, DocumentType, Letter, Secrecy, Urgency

THAI = {
    "required": "กรุณากรอกช่องนี้",
    "blank": "ห้ามเว้นว่าง",
    "null": "ห้ามเว้นว่าง",
    "invalid": "ค่าที่ส่งมาไม่ถูกต้อง",
    "invalid_choice": "“{input}” ไม่ใช่ตัวเลือกที่ใช้ได้",
    "max_length": "ยาวเกิน {max_length} ตัวอักษร",
    "min_value": "ต้องไม่น้อยกว่า {min_value}",
    "max_value": "ต้องไม่มากกว่า {max_value}",
    "date": "ต้องเป็นวันที่ ไม่ใช่วันเวลา",
    "make_aware": "เวลาไม่ถูกต้องสำหรับเขตเวลา {timezone}",
    "overflow": "วันเวลาอยู่นอกช่วงที่ใช้ได้",
    "does_not_exist": "ไม่พบสถานศึกษารหัส “{value}”",
    "invalid_int": "ต้องเป็นจำนวนเต็ม",
}


def _msgs(*keys: str) -> dict:
    return {k: THAI[k] for k in keys}


class BEDateField(serializers.DateField):
    """Accepts '2026-11-21' or a BE date typed as clerks do, '21/11/2569'."""

    default_error_messages = {"invalid": "วันที่ไม่ถูกต้อง ใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.) หรือ YYYY-MM-DD"}

    def to_internal_value(self, value: object) -> dt.date:
        text = str(value or "").strip()
        if "/" in text:
            try:
                return thaidate.parse_be_date(text)
            except thaidate.ThaiDateError as exc:
                raise serializers.ValidationError(str(exc)) from None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail("invalid")


class LetterSerializer(serializers.ModelSerializer):
    register = serializers.SlugRelatedField(slug_field="code", read_only=True)
    document_no = serializers.CharField(read_only=True, help_text="ที่ ตามที่พิมพ์บนหนังสือ")
    urgency_display = serializers.CharField(source="get_urgency_display", read_only=True)
    secrecy_display = serializers.CharField(source="get_secrecy_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    letter_date_be = serializers.SerializerMethodField(help_text="ลงวันที่ แบบ พ.ศ.")
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
    subject = serializers.CharField(max_length=500, error_messages=_msgs("required", "blank", "null", "max_length"))
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=0, error_messages=_msgs("invalid_choice"))
    deadline = serializers.DateTimeField(
        required=False, allow_null=True, default_timezone=thaidate.BANGKOK,
        error_messages={"invalid": "วันเวลาไม่ถูกต้อง ใช้รูปแบบ ISO 8601 เช่น 2026-11-21T16:30"},
    )  # fmt: skip
    secrecy = serializers.ChoiceField(choices=Secrecy.choices, default=0, error_messages=_msgs("invalid_choice"))
    document_type = serializers.ChoiceField(choices=DocumentType.choices, default=DocumentType.EXTERNAL,
                                            error_messages=_msgs("invalid_choice"))  # fmt: skip
    channel = serializers.ChoiceField(
        choices=Channel.choices, default=Channel.PAPER, error_messages=_msgs("invalid_choice")
    )
    remarks = serializers.CharField(required=False, allow_blank=True, default="")
    retention_years = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=99,
        error_messages=_msgs("invalid", "min_value", "max_value") | {"invalid": THAI["invalid_int"]},
    )  # fmt: skip
    keep_forever = serializers.BooleanField(required=False, default=False)


class IncomingCreateSerializer(_EntryFields):
    """ลงทะเบียนหนังสือรับ: the response carries the issued receive number in `number`."""

    sender = serializers.CharField(max_length=300, error_messages=_msgs("required", "blank", "null", "max_length"))
    recipient_text = serializers.CharField(error_messages=_msgs("required", "blank", "null"))
    external_no = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    letter_date = BEDateField(required=False, allow_null=True)


class OutgoingCreateSerializer(_EntryFields):
    """An outgoing entry numbered at once in send, circular (ว) or order."""

    register = serializers.ChoiceField(choices=[("send", "หนังสือส่ง"), ("circular", "หนังสือเวียน"), ("order", "คำสั่ง")],
                                       default="send", error_messages=_msgs("invalid_choice"))  # fmt: skip
    recipient_text = serializers.CharField(required=False, allow_blank=True, default="")
    schools = serializers.SlugRelatedField(
        slug_field="code", queryset=School.objects.all(), many=True, required=False,
        help_text="รหัสสถานศึกษา 10 หลักของผู้รับ", error_messages=_msgs("does_not_exist", "invalid"),
    )  # fmt: skip
    letter_date = BEDateField(required=False, allow_null=True)

    def validate(self, data: dict) -> dict:
        if not data.get("schools") and not data.get("recipient_text", "").strip():
            raise serializers.ValidationError(
                {"recipient_text": "กรุณาระบุผู้รับอย่างน้อยหนึ่งราย (recipient_text หรือ schools)"}
            )
        return data
