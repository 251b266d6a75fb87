"""Registers of networks, good practice, and supervisors' research and KM: list (search), create/edit,
cancel, file download and Excel export. One set of views serves the three registers (REGISTERS)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core import tabular, thaidate
from core.models import display_name
from core.web import run_action, save_form

from .. import access
from ..forms.registers import GoodPracticeForm, NetworkForm, StudyForm
from ..models import GoodPractice, Network, NetworkKind, PracticeKind, Study, StudyKind
from ..selectors.registers import register_records
from ..services import registers as services


@dataclass(frozen=True)
class Register:
    slug: str
    model: type
    form: type[forms.ModelForm]
    title: str  # ทะเบียน… (Thai)
    kinds: list[tuple[str, str]]
    headers: list[str]
    row: Callable[[object], list]
    text_columns: tuple[int, ...] = ()


def _published(flag: bool) -> str:
    return "เผยแพร่แล้ว" if flag else "ยังไม่เผยแพร่"


def _network_row(n: Network) -> list:
    members = list(n.members.all())
    return [
        n.year, n.get_kind_display(), n.name, n.focus, n.cluster.name if n.cluster_id else "",
        display_name(n.coordinator) if n.coordinator_id else "", len(members),
        "\n".join(f"{m.name} ({m.school_name})" if m.school_name else m.name for m in members),
    ]  # fmt: skip


def _practice_row(p: GoodPractice) -> list:
    return [p.year, p.get_kind_display(), p.school.code, p.school.name, p.title, p.owner, _published(p.published),
            p.published_where, p.file_name]  # fmt: skip


def _study_row(s: Study) -> list:
    return [s.year, s.get_kind_display(), s.title, display_name(s.author), s.co_authors, s.date,
            _published(s.published), s.file_name]  # fmt: skip


REGISTERS = {
    "networks": Register(
        "networks", Network, NetworkForm, "ทะเบียนเครือข่าย", NetworkKind.choices,
        ["ปี พ.ศ.", "ประเภท", "ชื่อเครือข่าย", "ด้าน/กลุ่มสาระ", "กลุ่มโรงเรียน", "ศึกษานิเทศก์ผู้ประสาน", "จำนวนสมาชิก",
         "สมาชิก"], _network_row,
    ),
    "practices": Register(
        "practices", GoodPractice, GoodPracticeForm, "ทะเบียนวิธีปฏิบัติที่เป็นเลิศและนวัตกรรม", PracticeKind.choices,
        ["ปี พ.ศ.", "ประเภท", "รหัสสถานศึกษา", "สถานศึกษา", "ชื่อผลงาน", "เจ้าของผลงาน", "การเผยแพร่", "เผยแพร่ที่",
         "ไฟล์"], _practice_row, text_columns=(2,),
    ),
    "studies": Register(
        "studies", Study, StudyForm, "ทะเบียนงานวิจัยและการจัดการความรู้ (KM) ของศึกษานิเทศก์", StudyKind.choices,
        ["ปี พ.ศ.", "ประเภท", "ชื่อเรื่อง", "ผู้จัดทำ", "ผู้ร่วมจัดทำ", "วันที่", "การเผยแพร่", "ไฟล์"], _study_row,
    ),
}  # fmt: skip


def _register(kind: str) -> Register:
    if kind not in REGISTERS:
        raise Http404("ไม่พบทะเบียนนี้")
    return REGISTERS[kind]


def _filters(request: HttpRequest) -> dict:
    year = request.GET.get("year", "")
    return {
        "query": request.GET.get("q", "")[:200], "year": int(year) if year.isdigit() else None,
        "kind": request.GET.get("kind", "")[:20], "cancelled": request.GET.get("cancelled") == "1",
    }  # fmt: skip


@login_required
def register_list(request: HttpRequest, kind: str) -> HttpResponse:
    register = _register(kind)
    access.require_register_reader(request.user)
    filters = _filters(request)
    records = register_records(request.user, register.model, **filters)
    return render(request, "supervision/register_list.html", {
        "register": register, "registers": REGISTERS.values(), "records": records[:500], "filters": filters,
        "can_edit": access.can_edit_registers(request.user), "query_string": request.GET.urlencode(),
    })  # fmt: skip


@login_required
def register_export(request: HttpRequest, kind: str) -> HttpResponse:
    register = _register(kind)
    access.require_register_reader(request.user)
    records = register_records(request.user, register.model, **_filters(request))
    body = tabular.write_xlsx(
        register.headers, (register.row(r) for r in records), title=register.title, text_columns=register.text_columns
    )
    return tabular.download_response(
        body, f"{register.title} ณ {thaidate.format_numeric(thaidate.today())}.xlsx",
        fallback=f"register-{register.slug}-{timezone.localdate():%Y%m%d}.xlsx",
    )  # fmt: skip


def _save(request: HttpRequest, register: Register, form: forms.ModelForm) -> Callable[[dict], object]:
    def action(data: dict) -> object:
        if register.model is Network:
            members = services.parse_members(data.get("members", ""))
            return services.network_save(user=request.user, network=form.instance, data=data, members=members)
        return services.register_record_save(
            user=request.user, record=form.instance, data=data, upload=request.FILES.get("file")
        )

    return action


def _form(request: HttpRequest, register: Register, record: object) -> forms.ModelForm:
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    extra = {"user": request.user} if register.model is Study else {}
    return register.form(data, files, instance=record, **extra)


@login_required
def register_edit(request: HttpRequest, kind: str, pk: int | None = None) -> HttpResponse:
    register = _register(kind)
    if pk is None:
        access.require_register_reader(request.user)
        access.require_register_editor(request.user)
        record = register.model()
    else:
        record = access.get_register_record_for_user(request.user, register.model, pk, write=True)
    form = _form(request, register, record)
    if save_form(request, form, _save(request, register, form), success="บันทึก “{}” แล้ว"):
        return redirect("supervision:register_list", kind=register.slug)
    return render(request, "supervision/register_form.html", {"register": register, "form": form, "record": record})


@login_required
def register_file(request: HttpRequest, kind: str, pk: int) -> FileResponse:
    register = _register(kind)
    record = access.get_register_record_for_user(request.user, register.model, pk)
    if not getattr(record, "file", None):
        raise Http404("ไม่มีไฟล์")
    return FileResponse(record.file.open("rb"), filename=record.file_name or "file", as_attachment=True)


@login_required
@require_POST
def register_cancel(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    register = _register(kind)
    record = access.get_register_record_for_user(request.user, register.model, pk, write=True)
    restore = request.POST.get("restore") == "1"
    call = lambda: services.register_record_cancel(user=request.user, record=record, cancelled=not restore)  # noqa: E731
    run_action(request, call, "นำรายการกลับมาใช้แล้ว" if restore else f"ยกเลิกรายการ “{record}” แล้ว")
    return redirect("supervision:register_list", kind=register.slug)
