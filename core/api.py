"""What every REST API answer shares: errors in Thai, the page size, the error shapes in the schema.

DRF's own Thai catalogue is partial ("Request was throttled.", "Object with code=… does not
exist." stay English) and Django's Http404 says "No Letter matches the given query."; the
exception handler below gives every error the API can raise a Thai message. Messages already in
Thai (a form rule, an access rule's PermissionDenied) are kept as they are.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

THAI_LETTER = re.compile(r"[\u0e01-\u0e5b]")

NOT_FOUND = "ไม่พบรายการที่ขอ หรือคุณไม่มีสิทธิ์เห็นรายการนี้"
PERMISSION_DENIED = "คุณไม่มีสิทธิ์ทำรายการนี้"
NOT_AUTHENTICATED = "กรุณาเข้าสู่ระบบ หรือส่งโทเค็นในส่วนหัว Authorization: Token <โทเค็น>"
AUTHENTICATION_FAILED = "ยืนยันตัวตนไม่สำเร็จ: โทเค็นไม่ถูกต้อง หมดอายุ หรือถูกยกเลิกแล้ว"

# Field errors by their code, for any message that arrives without Thai (DRF defaults, a
# library's validator). Fields that carry a number (max_length…) get their own Thai text where
# they are declared; these are the fall-backs.
FIELD_ERRORS = {
    "required": "กรุณากรอกช่องนี้",
    "null": "ห้ามเว้นว่าง (null)",
    "blank": "ห้ามเว้นว่าง",
    "invalid": "ค่าที่ส่งมาไม่ถูกต้อง",
    "invalid_choice": "ไม่ใช่ตัวเลือกที่ใช้ได้",
    "not_a_list": "ต้องส่งเป็นรายการ (JSON array)",
    "empty": "ต้องมีอย่างน้อยหนึ่งรายการ",
    "max_length": "ยาวเกินที่กำหนด",
    "min_length": "สั้นกว่าที่กำหนด",
    "max_value": "มากเกินที่กำหนด",
    "min_value": "น้อยกว่าที่กำหนด",
    "max_string_length": "ตัวเลขยาวเกินไป",
    "date": "ต้องเป็นวันที่ ไม่ใช่วันเวลา",
    "datetime": "ต้องเป็นวันเวลา ไม่ใช่วันที่",
    "make_aware": "เวลาไม่ถูกต้องสำหรับเขตเวลา",
    "overflow": "วันเวลาอยู่นอกช่วงที่ใช้ได้",
    "does_not_exist": "ไม่พบรายการที่อ้างถึง",
    "incorrect_type": "ชนิดข้อมูลไม่ถูกต้อง",
    "no_match": "ไม่พบรายการที่อ้างถึง",
    "incorrect_match": "ไม่พบรายการที่อ้างถึง",
    "surrogate_characters_not_allowed": "มีอักขระที่ใช้ไม่ได้",
    "null_characters_not_allowed": "มีอักขระ NUL ที่ใช้ไม่ได้",
    "not_a_dict": "ต้องส่งเป็นออบเจกต์ (JSON object)",
    "unique": "มีรายการนี้อยู่แล้ว",
}
GENERIC_FIELD_ERROR = "ค่าที่ส่งมาไม่ถูกต้อง"
# DRF's own wording of these (English, or its partial Thai catalogue's) is always replaced; other
# errors keep a Thai detail given where they were raised (an access rule, a token check, a page number).
ALWAYS_OURS = (
    exceptions.NotAuthenticated,
    exceptions.MethodNotAllowed,
    exceptions.ParseError,
    exceptions.UnsupportedMediaType,
    exceptions.NotAcceptable,
    exceptions.Throttled,
)


def _thai_for(exc: exceptions.APIException, request: object) -> str:
    """The Thai text of a non-field error (everything but ValidationError)."""
    if isinstance(exc, exceptions.NotAuthenticated):
        return NOT_AUTHENTICATED
    if isinstance(exc, exceptions.AuthenticationFailed):
        return AUTHENTICATION_FAILED
    if isinstance(exc, exceptions.PermissionDenied):
        return PERMISSION_DENIED
    if isinstance(exc, exceptions.NotFound):
        return NOT_FOUND
    if isinstance(exc, exceptions.MethodNotAllowed):
        method = getattr(request, "method", "")
        return f"ที่อยู่นี้ไม่รับคำขอแบบ {method}"
    if isinstance(exc, exceptions.ParseError):
        return "อ่านข้อมูลที่ส่งมาไม่ได้: ต้องเป็น JSON ที่ถูกต้อง (UTF-8)"
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return f"ไม่รับข้อมูลชนิด “{getattr(request, 'content_type', '')}” กรุณาส่งเป็น application/json"
    if isinstance(exc, exceptions.NotAcceptable):
        return "ไม่มีรูปแบบคำตอบตามที่ขอในส่วนหัว Accept (ตอบได้เฉพาะ application/json)"
    if isinstance(exc, exceptions.Throttled):
        wait = f" กรุณารอ {exc.wait:.0f} วินาทีแล้วลองใหม่" if exc.wait is not None else ""
        return f"ส่งคำขอถี่เกินไป{wait}"
    return "เกิดข้อผิดพลาดในการทำรายการ"


def _thai_field_errors(detail: object) -> object:
    """Every message in a ValidationError's detail, in Thai: kept when it already is."""
    if isinstance(detail, dict):
        return {key: _thai_field_errors(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_thai_field_errors(item) for item in detail]
    text = str(detail)
    if THAI_LETTER.search(text):
        return text
    return FIELD_ERRORS.get(getattr(detail, "code", ""), GENERIC_FIELD_ERROR)


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler with Thai text: {"detail": "…"} or, for a 400, {field: ["…"]}."""
    request = context.get("request")
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(NOT_FOUND)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = _thai_field_errors(response.data)
    elif isinstance(response.data, dict) and "detail" in response.data:
        detail = str(response.data["detail"])
        generic = isinstance(exc, ALWAYS_OURS) or detail == str(exc.default_detail)
        if generic or not THAI_LETTER.search(detail):
            response.data = {"detail": _thai_for(exc, request)}
    return response


class ThaiPageNumberPagination(PageNumberPagination):
    invalid_page_message = "ไม่มีหน้าที่ “{page_number}” (หน้าแรกคือ 1)"
    page_query_description = "หมายเลขหน้า เริ่มที่ 1 (หน้าละ 50 รายการ; หน้าที่ไม่มีตอบ 404)"


# --- Error shapes for the OpenAPI schema (drf-spectacular) -------------------------
_DETAIL = inline_serializer("ErrorDetail", {"detail": serializers.CharField(help_text="ข้อความภาษาไทย")})


def error_responses(*, validation_example: dict | None = None, not_found: bool = False) -> dict:
    """The 400/401/403/404 answers of an endpoint, for extend_schema(responses=…)."""
    answers = {
        401: OpenApiResponse(
            _DETAIL,
            description="ยังไม่ได้เข้าสู่ระบบ หรือโทเค็นไม่ถูกต้อง",
            examples=[OpenApiExample("ไม่ได้ส่งโทเค็น", {"detail": NOT_AUTHENTICATED})],
        ),  # fmt: skip
        403: OpenApiResponse(
            _DETAIL,
            description="บทบาทของผู้ใช้ไม่มีสิทธิ์ทำรายการนี้",
            examples=[OpenApiExample("ไม่มีสิทธิ์", {"detail": PERMISSION_DENIED})],
        ),  # fmt: skip
    }
    if validation_example is not None:
        answers[400] = OpenApiResponse(
            {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
            description=(
                "ข้อมูลไม่ผ่านการตรวจ: ออบเจกต์ที่คีย์เป็นชื่อช่อง (หรือ non_field_errors) ค่าเป็นรายการข้อความภาษาไทย "
                'หรือ {"detail": "…"} เมื่ออ่าน JSON ไม่ได้'
            ),
            examples=[OpenApiExample("ข้อมูลไม่ครบ", validation_example)],
        )
    if not_found:
        answers[404] = OpenApiResponse(
            _DETAIL, description="ไม่พบรายการ หรือผู้ใช้ไม่มีสิทธิ์รู้ว่ามีรายการนี้ (หรือหน้าที่ขอเกินจำนวนหน้า)",
            examples=[OpenApiExample("ไม่พบ", {"detail": NOT_FOUND})],
        )  # fmt: skip
    return answers
