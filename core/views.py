from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from . import access, documents, health, pagecache, panels, selectors, services, thaidate
from .forms import OfficeProfileForm
from .models import OfficeProfile
from .web import flash_errors, run_action, save_form


@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    """The home page answers "what do I do now": pending decisions first (big cards), key figures, the rest."""

    def body() -> tuple[str, bool]:
        parts = panels.home_parts(panels.panels_for(request))
        return render_to_string("core/_home_body.html", parts, request=request), bool(parts["figures"])

    html, has_figures = pagecache.cached_part(request, "home", body)
    return render(request, "core/home.html", {"body": html, "has_figures": has_figures, "today": thaidate.today()})


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """JSON health: 200 when all is well, 503 otherwise.

    `/healthz` checks the database, the broker and the worker's heartbeat; `/healthz?web` only
    this web process and its database (the web container's own health check).
    """
    db = health.database_ok()
    if "web" in request.GET:
        return JsonResponse({"status": "ok" if db else "error", "database": db}, status=200 if db else 503)
    broker = health.broker_ok()
    worker = health.worker_state() if db else health.WorkerState(alive=False, age_seconds=None)
    ok = db and broker and worker.alive
    body = {
        "status": "ok" if ok else "error",
        "database": db,
        "broker": broker,
        "worker": worker.alive,
        "worker_age_seconds": worker.age_seconds,
        "worker_detail": worker.message if db else "ตรวจสัญญาณ worker ไม่ได้ เพราะฐานข้อมูลไม่ตอบ",
    }
    return JsonResponse(body, status=200 if ok else 503)


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    # stale jobs are swept by beat (core.tasks.sweep_stale_jobs), not on every poll of this page
    jobs = selectors.document_jobs_for(request.user)[:100]
    template = "core/_document_rows.html" if request.htmx else "core/document_list.html"
    pending = any(not job.is_finished for job in jobs)
    return render(request, template, {"jobs": jobs, "pending": pending})


@login_required
@require_POST
def document_request(request: HttpRequest) -> HttpResponse:
    kind_name = request.POST.get("kind", "")
    try:
        kind = documents.get_kind(kind_name)
        params = kind.params_from(request.POST)
        job = services.document_request(user=request.user, kind=kind_name, params=params)
    except (documents.DocumentError, ValidationError) as exc:
        flash_errors(request, exc if isinstance(exc, ValidationError) else ValidationError(str(exc)))
        return redirect(request.POST.get("next") or "core:documents")
    if job.message == services.BROKER_DOWN_MESSAGE:  # saved, but the broker did not take it
        messages.warning(request, f"รับคำขอ “{job.title}” แล้ว แต่{services.BROKER_DOWN_MESSAGE}")
    else:
        messages.success(request, f"รับคำขอ “{job.title}” แล้ว ระบบกำลังสร้างเอกสาร ติดตามได้ที่หน้านี้")
    return redirect("core:documents")


@login_required
@require_POST
def document_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = access.get_document_job_for_user(request.user, pk, write=True)
    run_action(
        request, lambda: services.document_job_retry(user=request.user, job=job), f"ส่ง “{job.title}” เข้าคิวสร้างใหม่แล้ว"
    )
    if job.message == services.BROKER_DOWN_MESSAGE:  # the retry was saved, but the broker did not take it
        messages.warning(request, services.BROKER_DOWN_MESSAGE)
    return redirect("core:documents")


@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    job = access.get_document_job_for_user(request.user, pk)
    if not job.result:
        raise Http404("เอกสารยังไม่พร้อม")
    inline = request.GET.get("inline") == "1"
    return FileResponse(job.result.open("rb"), as_attachment=not inline, filename=job.download_name)


@require_GET
def office_logo(request: HttpRequest) -> FileResponse:
    """The office's uploaded logo for the page header (public, like the letterhead it appears on)."""
    logo = OfficeProfile.get().logo
    if not logo:
        raise Http404("ยังไม่ได้อัปโหลดตราสัญลักษณ์")
    try:
        response = FileResponse(logo.open("rb"))
    except OSError as exc:
        raise Http404("เปิดไฟล์ตราสัญลักษณ์ไม่ได้") from exc
    response["Cache-Control"] = "public, max-age=86400"  # the URL carries ?v=<file name>: a new upload is a new URL
    return response


@login_required
def office_profile_edit(request: HttpRequest) -> HttpResponse:
    access.require_office_editor(request.user)
    form = OfficeProfileForm(request.POST or None, request.FILES or None, instance=OfficeProfile.get())
    if save_form(
        request,
        form,
        lambda data: services.office_profile_save(user=request.user, data=data),
        success="บันทึกข้อมูลสำนักงานแล้ว",
    ):
        return redirect("core:office")
    return render(request, "core/office_form.html", {"form": form})


@login_required
def my_profile(request: HttpRequest) -> HttpResponse:
    return render(request, "core/profile.html", {"profile_user": request.user})
