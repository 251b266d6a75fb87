"""Pages of schools and clusters: thin views that check access, bind a form and call a service."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from core import pagecache, panels, tabular
from core.collation import thai_order
from core.models import OfficeProfile
from core.thaidate import to_be
from core.web import save_form

from . import access, addresses, selectors, services
from .forms import ClusterForm, ClusterImportForm, ClusterMergeForm, ImportForm, SchoolFilter, SchoolForm
from .tabular import (
    CLUSTER_COLUMNS,
    CLUSTER_REQUIRED,
    SCHOOL_COLUMNS,
    SCHOOL_REQUIRED,
    SCHOOL_TEXT_COLUMNS,
    cluster_export_rows,
    school_export_rows,
)

SCHOOL_FILE_NAMES = ("ทะเบียนสถานศึกษา", "schools")  # the download's name in Thai, and its ASCII fallback
CLUSTER_FILE_NAMES = ("กลุ่มโรงเรียน", "clusters")


@login_required
def school_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    qs = selectors.schools_visible_to(request.user)
    # Built when a part is built (its district choices are a query), not on a request that reads kept parts.
    flt = SimpleLazyObject(lambda: SchoolFilter(request.GET, queryset=qs, district_choices=selectors.districts()))
    context = {"filter": flt, "can_edit": access.can_edit(request.user)}

    def rows() -> dict:
        return {**context, "page": Paginator(thai_order(flt.qs, "name", "code"), 50).get_page(request.GET.get("page"))}

    rows_html = pagecache.cached_render(request, f"schools:{bool(request.htmx)}", "schools/_school_rows.html", rows)
    if request.htmx and not request.htmx.boosted:
        return HttpResponse(rows_html)
    search_html = pagecache.cached_render(request, "schools-search", "schools/_school_search.html", lambda: context)
    return render(request, "schools/school_list.html", {**context, "rows_html": rows_html, "search_html": search_html})


@login_required
def school_detail(request: HttpRequest, pk: int) -> HttpResponse:
    school = access.get_school_for_user(request.user, pk)
    return render(
        request,
        "schools/school_detail.html",
        {
            "school": school,
            "can_edit": access.can_edit(request.user),
            # what the other apps know of this school (visits, SARs), each app's own panel
            "panels": panels.panels_for(request, "school_detail", school=school),
        },
    )


@login_required
def school_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        access.require_editor(request.user)
        school = None
    else:
        school = access.get_school_for_user(request.user, pk, write=True)
    form = SchoolForm(request.POST or None, instance=school)
    saved = save_form(
        request, form, lambda data: services.school_save(user=request.user, school=school, data=data),
        success="บันทึกข้อมูล “{}” แล้ว",
    )  # fmt: skip
    if saved:
        return redirect("schools:school_detail", pk=saved.pk)
    context = {"form": form, "school": school, "provinces": addresses.provinces()}
    return render(request, "schools/school_form.html", context)


@login_required
def address_options(request: HttpRequest) -> JsonResponse:
    """อำเภอ -> ตำบล -> รหัสไปรษณีย์ of one province, for the school form's suggestions ({} if unknown)."""
    access.require_editor(request.user)
    return JsonResponse({"districts": addresses.province_choices(request.GET.get("province", ""))})


@login_required
def school_export(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_reader(request.user)
    qs = SchoolFilter(
        request.GET, queryset=selectors.schools_visible_to(request.user), district_choices=selectors.districts()
    ).qs
    qs = thai_order(qs, "name", "code")  # the order of the list on screen
    headers = [h for h, _, _ in SCHOOL_COLUMNS]
    return _table_response(headers, school_export_rows(qs), SCHOOL_FILE_NAMES, fmt, SCHOOL_TEXT_COLUMNS)


@login_required
def school_import(request: HttpRequest) -> HttpResponse:
    access.require_editor(request.user)
    return _import(
        request,
        required=SCHOOL_REQUIRED,
        run=lambda rows, form: services.schools_import(
            user=request.user, rows=rows, new_clusters=form.cleaned_data["new_clusters"]
        ),
        offer=services.unknown_clusters,
        title="นำเข้าข้อมูลสถานศึกษา",
        done_url="schools:school_list",
    )


@login_required
def cluster_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    clusters = list(thai_order(selectors.clusters_visible_to(request.user), "name"))
    for cluster in clusters:
        cluster.directory_params = {"cluster": cluster.pk}
    return render(
        request,
        "schools/cluster_list.html",
        {"clusters": clusters, "can_edit": access.can_edit(request.user)},
    )


@login_required
def cluster_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = access.get_cluster_for_user(request.user, pk)
    schools = thai_order(selectors.schools_visible_to(request.user).filter(cluster=cluster), "name", "code")
    return render(
        request,
        "schools/cluster_detail.html",
        {"cluster": cluster, "schools": schools, "can_edit": access.can_edit(request.user)},
    )


@login_required
def cluster_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        access.require_editor(request.user)
        cluster = None
    else:
        cluster = access.get_cluster_for_user(request.user, pk, write=True)
    form = ClusterForm(request.POST or None, instance=cluster)
    saved = save_form(
        request, form, lambda data: services.cluster_save(user=request.user, cluster=cluster, data=data),
        success="บันทึก “{}” แล้ว",
    )  # fmt: skip
    if saved:
        return redirect("schools:cluster_detail", pk=saved.pk)
    return render(request, "schools/cluster_form.html", {"form": form, "cluster": cluster})


@login_required
def cluster_export(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_reader(request.user)
    clusters = thai_order(selectors.clusters_visible_to(request.user), "name")
    return _table_response(
        [h for h, _ in CLUSTER_COLUMNS], cluster_export_rows(clusters), CLUSTER_FILE_NAMES, fmt, [1, 2]
    )


@login_required
def cluster_import(request: HttpRequest) -> HttpResponse:
    access.require_editor(request.user)
    return _import(
        request,
        required=CLUSTER_REQUIRED,
        run=lambda rows, form: services.clusters_import(user=request.user, rows=rows),
        title="นำเข้าข้อมูลกลุ่มโรงเรียน",
        done_url="schools:cluster_list",
        form_class=ClusterImportForm,
    )


def _import(
    request: HttpRequest,
    *,
    required: list[str],
    run: Callable[[object], object],
    title: str,
    done_url: str,
    form_class: type[ClusterImportForm] = ImportForm,
    offer: Callable[[object], list] | None = None,
) -> HttpResponse:
    form = form_class(request.POST or None, request.FILES or None)
    errors: list[tabular.RowError] = []
    if request.method == "POST" and form.is_valid():
        try:
            rows = tabular.read_table(form.cleaned_data["file"], required=required)
            offered = offer(rows) if offer else None  # read before the import's transaction is rolled back
            counts = run(rows, form)
        except ValidationError as exc:
            form.add_error("file", exc)
        except tabular.ImportFailed as exc:
            errors = exc.errors
            if offered:
                form.offer_clusters(offered)
        else:
            messages.success(
                request, f"นำเข้าสำเร็จ: เพิ่มใหม่ {counts['created']} รายการ ปรับปรุง {counts['updated']} รายการ"
            )
            return redirect(done_url)
    return render(request, "schools/import_form.html", {"form": form, "errors": errors, "title": title})


def _table_response(
    headers: list[str], rows: Iterable[list[object]], names: tuple[str, str], fmt: str, text_columns: list[int]
) -> HttpResponse:
    """The table as a download named in Thai with today's BE date (`names`: Thai, ASCII fallback)."""
    today = timezone.localdate()
    stamp = f"{to_be(today.year)}-{today:%m-%d}.{fmt}"
    if fmt == "xlsx":
        body = tabular.write_xlsx(headers, rows, title=OfficeProfile.get().office_name, text_columns=text_columns)
        content_type = tabular.XLSX_CONTENT_TYPE
    else:
        body = tabular.write_csv(headers, rows)
        content_type = "text/csv; charset=utf-8"
    return tabular.download_response(
        body, f"{names[0]}-{stamp}", fallback=f"{names[1]}-{stamp}", content_type=content_type
    )


@login_required
def cluster_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge a duplicate or misspelt cluster into the right one (its schools move, it disappears)."""
    source = access.get_cluster_for_user(request.user, pk, write=True)
    form = ClusterMergeForm(request.POST or None, source=source)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        try:
            moved = services.cluster_merge(user=request.user, source=source, target=target)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"รวมกลุ่ม “{source.name}” เข้ากับ “{target.name}” แล้ว ย้ายสถานศึกษา {moved} แห่ง")
            return redirect("schools:cluster_detail", pk=target.pk)
    return render(request, "schools/cluster_merge.html", {"cluster": source, "form": form})
