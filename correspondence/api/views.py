"""REST API: incoming and outgoing register entries, with the page's filters and the same
access and secrecy rules (rows come from letters_visible_to)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import error_responses
from core.roles import UserLike

from .. import access, delivery, selectors, services
from ..chain import content_current
from ..filters import LetterFilter
from ..models import Channel, Letter, Secrecy
from .serializers import (
    DeliveryStatusSerializer,
    IncomingCreateSerializer,
    LetterSerializer,
    OutgoingCreateSerializer,
)  # fmt: skip

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


# --- Letters written in the system: the PDF and the delivery status (issue 12 part 8) ------------
SECRET_TO_YOU = "คุณไม่มีสิทธิ์เห็นหนังสือชั้นความลับนี้"


def letter_for_api(user: UserLike, pk: int) -> tuple[Letter, bool]:
    """The letter and whether `user` reads it as office staff (True) or as one of its recipients (False).

    Office readers: the letter page's rule (404 unknown, 403 a draft not theirs) and 403 for a secret
    letter they are not cleared for. Everyone else (school staff, committee members) knows only the
    letters delivered to them or their school, never a secret one: any other letter is a 404.
    """
    if access.can_read(user):
        letter = access.get_letter_for_user(user, pk)
        if letter.is_redacted:
            raise PermissionDenied(SECRET_TO_YOU)
        return letter, True
    delivered = selectors.inbox_for_user(user).values("letter_id")  # the inbox's own rule
    letters = Letter.objects.select_related("register").filter(secrecy=Secrecy.NORMAL, pk__in=delivered)
    return get_object_or_404(letters, pk=pk), False


def letter_pdf_file(letter: Letter, *, final_only: bool = False):  # noqa: ANN201 - FieldFile
    """The final PDF (numbered and dated) once dispatched, else the signed one; None when neither exists."""
    content = content_current(letter)
    if content is None:
        return None
    if content.final_pdf:
        return content.final_pdf
    return None if final_only or not content.signed_pdf else content.signed_pdf


class PDFRenderer(BaseRenderer):
    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data: object, accepted_media_type: str | None = None, renderer_context: dict | None = None):  # noqa: ANN201
        return data if isinstance(data, bytes) else JSONRenderer().render(data)


@extend_schema(
    tags=["correspondence"],
    responses={
        (200, "application/pdf"): OpenApiResponse(
            OpenApiTypes.BINARY, description="ไฟล์ PDF ของหนังสือ: ฉบับส่ง (มีเลขที่และวันที่) เมื่อส่งแล้ว "
            "มิฉะนั้นฉบับที่ลงนามแล้ว"
        ),
        **error_responses(not_found=True),
    },
)  # fmt: skip
class LetterPdf(APIView):
    """ไฟล์ PDF ของหนังสือที่ร่างในระบบ: ฉบับส่งเมื่อออกเลขและส่งแล้ว มิฉะนั้นฉบับที่ลงนามแล้ว; ยังไม่ลงนาม = 404.

    สิทธิ์เดียวกับหน้าหนังสือ: หนังสือชั้นความลับที่ผู้ขอไม่มีสิทธิ์ = 403; บุคลากรสถานศึกษาและกรรมการ
    เห็นเฉพาะหนังสือที่ส่งถึงตน/สถานศึกษาของตน (ฉบับส่งเท่านั้น; การเปิดครั้งแรกบันทึกเวลาเปิดอ่าน) อื่น ๆ 404."""

    renderer_classes = [JSONRenderer, PDFRenderer]

    def get(self, request: Request, pk: int) -> HttpResponse:
        letter, office = letter_for_api(request.user, pk)
        pdf = letter_pdf_file(letter, final_only=not office)
        if pdf is None:
            raise Http404("หนังสือนี้ยังไม่มีไฟล์ที่ลงนามแล้ว")
        if not office:  # a recipient reading it: the first opening is timestamped, as on the inbox page
            for received in selectors.inbox_for_user(request.user).filter(letter=letter):
                delivery.delivery_open(user=request.user, delivery=received)
        with pdf.open("rb") as handle:
            body = handle.read()
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="letter-{letter.pk}.pdf"'
        return response


def delivery_counts(deliveries: object) -> dict[str, int]:
    electronic = Q(channel=Channel.ELECTRONIC)
    return deliveries.aggregate(
        total=Count("pk"),
        electronic=Count("pk", filter=electronic),
        email=Count("pk", filter=Q(channel=Channel.EMAIL)),
        paper=Count("pk", filter=Q(channel=Channel.PAPER)),
        opened=Count("pk", filter=Q(first_opened_at__isnull=False)),
        acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
        not_acknowledged=Count("pk", filter=electronic & Q(acknowledged_at__isnull=True)),
    )  # fmt: skip


@extend_schema(tags=["correspondence"], responses={200: DeliveryStatusSerializer, **error_responses(not_found=True)})
class LetterDeliveries(APIView):
    """ผลการส่งหนังสือ: ผู้รับแต่ละราย ช่องทาง เวลาเปิดอ่านครั้งแรกและเวลารับทราบ และจำนวนสรุป.

    กฎเดียวกับหน้าการรับทราบ: เจ้าของเรื่อง เจ้าหน้าที่สารบรรณ ผู้อำนวยการกลุ่ม เลขานุการ และผู้ดูแลระบบ
    (ที่มีสิทธิ์เห็นหนังสือชั้นความลับนั้น); บุคลากรสำนักงานอื่นและผู้รับ (สถานศึกษา/กรรมการ) = 403;
    ผู้ที่ไม่รู้จักหนังสือนี้ = 404; หนังสือที่ยังไม่ออกเลข = 403."""

    def get(self, request: Request, pk: int) -> Response:
        letter, office = letter_for_api(request.user, pk)
        if not office:
            raise PermissionDenied("ผลการส่งหนังสือดูได้เฉพาะเจ้าของเรื่องและเจ้าหน้าที่สารบรรณ")
        letter = access.get_receipts_for_user(request.user, pk)  # the receipts page's rule
        deliveries = selectors.receipts_of(letter)
        data = {
            "letter": letter.pk, "document_no": letter.document_no, "subject": letter.subject,
            "counts": delivery_counts(deliveries), "deliveries": list(deliveries),
        }  # fmt: skip
        return Response(DeliveryStatusSerializer(data).data)
