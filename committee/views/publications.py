"""Publishing to schools or to everyone (การเผยแพร่), the list school staff read, and withdrawing."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import save_form, submit_form

from .. import access, selectors, services
from ..forms_publishing import PublicationForm, WithdrawForm


@login_required
def publication_list(request: HttpRequest) -> HttpResponse:
    access.require_publication_reader(request.user)
    user = request.user
    withdrawn = selectors.publications_visible_to(user).filter(withdrawn_at__isnull=False)
    return render(request, "committee/publication_list.html", {
        "publications": selectors.current_publications_for(user),
        "withdrawn": withdrawn if access.sees_withdrawn_publications(user) else [],
        "can_publish": access.can_publish(user), "school_only": access.is_school_staff_only(user),
    })  # fmt: skip


@login_required
def publication_create(request: HttpRequest) -> HttpResponse:
    access.require_publisher(request.user)
    prefill = {k: request.GET[k] for k in ("title", "kind", "audience", "fiscal_year") if request.GET.get(k)}
    form = PublicationForm(request.POST or None, request.FILES or None, user=request.user, initial=prefill)
    action = lambda data: services.publication_publish(  # noqa: E731
        user=request.user, title=data["title"], kind=data["kind"], audience=data["audience"],
        description=data["description"], fiscal_year=data["fiscal_year"], upload=data["upload"], job=data["job"],
    )  # fmt: skip
    if save_form(request, form, action, success="เผยแพร่ “{}” แล้ว"):
        return redirect("committee:publication_list")
    return render(request, "committee/publication_form.html", {"form": form})


@login_required
def publication_file(request: HttpRequest, pk: int) -> FileResponse:
    publication = access.get_publication_for_user(request.user, pk)
    return _file_response(publication)


@login_required
@require_POST
def publication_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    publication = access.get_publication_for_user(request.user, pk, write=True)
    form = WithdrawForm(request.POST)
    submit_form(request, form, f"ถอนการเผยแพร่ “{publication}” แล้ว",
                lambda data: services.publication_withdraw(user=request.user, publication=publication, **data))  # fmt: skip
    return redirect("committee:publication_list")


def _file_response(publication) -> FileResponse:  # noqa: ANN001 - Publication
    pdf_or_image = publication.mime.startswith("image/") or publication.mime == "application/pdf"
    return FileResponse(publication.file.open("rb"), as_attachment=not pdf_or_image, filename=publication.filename,
                        content_type=publication.mime)  # fmt: skip


def public_index(request: HttpRequest) -> HttpResponse:
    """The office's public page: what is published to everyone, no login, no personal data (the office's
    name comes from the core.context_processors.office context)."""
    return render(request, "committee/public_index.html", {"publications": selectors.public_publications()})


def public_file(request: HttpRequest, pk: int) -> FileResponse:
    return _file_response(access.get_public_publication(pk))
