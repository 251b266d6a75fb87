"""REST API: incoming and outgoing register entries, with the page's filters and the same
access and secrecy rules (rows come from letters_visible_to)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from core.api import error_responses
from core.roles import UserLike

from .. import access, selectors, services
from ..filters import LetterFilter
from ..models import Letter
from .serializers import IncomingCreateSerializer, LetterSerializer, OutgoingCreateSerializer

OUTGOING = ("send", "circular", "order")
INCOMING_400 = {"subject": ["กรุณากรอกช่องนี้"], "letter_date": ["ไม่มีวันที่ 30 กุมภาพันธ์ 2569 ในปฏิทิน"]}
OUTGOING_400 = {"schools": ["ไม่พบสถานศึกษารหัส “1099999999” (หรือสถานศึกษานี้ปิดการใช้งานแล้ว)"]}
LIST_400 = {"date_from": ["กรุณากรอกวันที่ในรูปแบบ วว/ดด/ปปปป (พ.ศ.) เช่น 21/11/2569"]}
# The filters are the register page's own (correspondence.filters): their dates are BE only.
_BE_ONLY = "วันที่แบบ พ.ศ. วว/ดด/ปปปป เท่านั้น เช่น 21/11/2569 (ตัวกรองเดียวกับหน้าทะเบียน; ไม่รับ YYYY-MM-DD)"
LIST_PARAMETERS = [
    OpenApiParameter("date_from", str, description=f"ลงทะเบียนตั้งแต่วันที่: {_BE_ONLY}"),
    OpenApiParameter("date_to", str, description=f"ลงทะเบียนถึงวันที่: {_BE_ONLY}"),
    OpenApiParameter("year", int, description="ปี พ.ศ. ของทะเบียน เช่น 2569"),
]


def _as_drf(exc: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(exc, "error_dict"):
        return serializers.ValidationError(exc.message_dict)
    return serializers.ValidationError({"non_field_errors": exc.messages})


class _LetterList(generics.ListCreateAPIView):
    filterset_class = LetterFilter
    create_serializer: type[serializers.Serializer]

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return self.create_serializer if self.request.method == "POST" else LetterSerializer

    def _visible(self) -> object:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Letter.objects.none()
        access.require_reader(self.request.user)
        return selectors.with_steps(selectors.letters_visible_to(self.request.user)).filter(number__isnull=False)

    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        self.require_writer(request.user)  # 403 before the body is read, as on the pages
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            letter = self.perform_register(dict(serializer.validated_data))
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None
        letter = self._visible().get(pk=letter.pk)
        return Response(LetterSerializer(letter).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["correspondence"])
@extend_schema_view(
    get=extend_schema(
        parameters=LIST_PARAMETERS,
        responses={200: LetterSerializer(many=True), **error_responses(validation_example=LIST_400, not_found=True)},
    )
)
class IncomingList(_LetterList):
    """ทะเบียนหนังสือรับ: list with filters; POST registers a received letter and returns its `number`."""

    create_serializer = IncomingCreateSerializer

    def get_queryset(self) -> object:
        return self._visible().filter(register__code="receive")

    @extend_schema(
        request=IncomingCreateSerializer,
        responses={201: LetterSerializer, **error_responses(validation_example=INCOMING_400)},
    )
    def post(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().post(request, *args, **kwargs)

    def require_writer(self, user: UserLike) -> None:
        access.require_registrar(user, "เฉพาะเจ้าหน้าที่สารบรรณลงทะเบียนรับหนังสือได้")

    def perform_register(self, data: dict) -> Letter:
        return services.letter_register_incoming(user=self.request.user, **data)


@extend_schema(tags=["correspondence"])
@extend_schema_view(
    get=extend_schema(
        parameters=LIST_PARAMETERS,
        responses={200: LetterSerializer(many=True), **error_responses(validation_example=LIST_400, not_found=True)},
    )
)
class OutgoingList(_LetterList):
    """ทะเบียนหนังสือส่ง หนังสือเวียน และคำสั่ง (`register` = send/circular/order); POST issues a number at once."""

    create_serializer = OutgoingCreateSerializer

    def get_queryset(self) -> object:
        code = self.request.query_params.get("register")
        return self._visible().filter(register__code__in=[code] if code in OUTGOING else OUTGOING)

    @extend_schema(
        request=OutgoingCreateSerializer,
        responses={201: LetterSerializer, **error_responses(validation_example=OUTGOING_400)},
    )
    def post(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().post(request, *args, **kwargs)

    def require_writer(self, user: UserLike) -> None:
        access.require_issuer(user)

    def perform_register(self, data: dict) -> Letter:
        return services.letter_register_outgoing(user=self.request.user, register_code=data.pop("register"), **data)


@extend_schema(tags=["correspondence"], responses={200: LetterSerializer, **error_responses(not_found=True)})
class LetterDetail(generics.RetrieveAPIView):
    serializer_class = LetterSerializer
    register_codes: tuple[str, ...] = ()

    def get_queryset(self) -> object:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Letter.objects.none()
        access.require_reader(self.request.user)
        qs = selectors.with_steps(selectors.letters_visible_to(self.request.user))
        return qs.filter(number__isnull=False, register__code__in=self.register_codes)
