"""The secretary's information system in four domains (สารสนเทศ 4 ด้าน), per fiscal year."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core import thaidate
from core.web import save_form

from .. import access, selectors, services
from ..forms_publishing import InformationForm
from ..information_figures import information_chapter


@login_required
def information_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    this_year = thaidate.fiscal_year(thaidate.today())
    wanted = request.GET.get("year", "").strip()
    if wanted:
        if year := thaidate.be_year(wanted):
            return redirect("committee:information_detail", year=year)
        messages.error(request, "กรุณากรอกปีงบประมาณเป็นปี พ.ศ. เช่น 2569")
    years = selectors.information_years() | {this_year}
    return render(request, "committee/information_list.html", {
        "years": sorted(years, reverse=True), "this_year": this_year, "can_write": access.can_write(request.user),
    })  # fmt: skip


@login_required
def information_detail(request: HttpRequest, year: int) -> HttpResponse:
    access.get_information_for_user(request.user, year, write=request.method == "POST")
    form = InformationForm(request.POST or None, entries=selectors.information_entries(year))
    action = lambda data: services.information_save(user=request.user, fiscal_year=year, domains=form.domains())  # noqa: E731
    if save_form(request, form, action, success=f"บันทึกสารสนเทศ 4 ด้าน ปีงบประมาณ {year} แล้ว"):
        return redirect("committee:information_detail", year=year)
    if request.method == "POST":
        messages.error(request, "ยังไม่ได้บันทึก กรุณาตรวจข้อความที่แจ้ง ข้อความที่พิมพ์ไว้ยังอยู่ครบ")
    chapter = information_chapter(year)
    boxes = {b["domain"]: b for b in form.boxes()}
    return render(request, "committee/information_detail.html", {
        "year": year, "domains": [{**d, "box": boxes[d["domain"]]} for d in chapter], "form": form,
        "can_write": access.can_write(request.user), "doc_params": {"fiscal_year": year},
        "can_publish": access.can_publish(request.user),
    })  # fmt: skip
