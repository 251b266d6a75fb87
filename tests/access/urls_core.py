"""Core pages: home, accounts, health, the office profile, and "my documents" (each user's own jobs only)."""

from __future__ import annotations

from django.core.files.base import ContentFile

from core.models import DocumentJob, JobStatus
from tests.access.matrix import ANONYMOUS, Case, World, everyone, post_only


def objects(world: World) -> dict:
    """A finished and a failed job of the supervisor's: nobody else may read or retry them."""
    done = DocumentJob.objects.create(
        kind="schools.school_directory", title="ทำเนียบ", requested_by=world.users["supervisor"], status=JobStatus.DONE
    )
    done.result.save("directory.pdf", ContentFile(b"%PDF-1.7 test"))
    failed = DocumentJob.objects.create(
        kind="schools.school_directory", title="ทำเนียบ", requested_by=world.users["supervisor"],
        status=JobStatus.FAILED,
    )  # fmt: skip
    return {"done_job": done, "failed_job": failed}


OWN_ONLY = everyone(404, supervisor=200)  # the administrator too: a job may hold its requester's secrets

CASES = {
    "home": Case(expect=everyone(200)),
    "healthz": Case(expect={ANONYMOUS: 200}, others=200),
    "login": Case(expect={ANONYMOUS: 200}, others=302),  # a logged-in user is sent on
    "logout": post_only({ANONYMOUS: 302}, others=302, get=dict.fromkeys((*everyone(405), ANONYMOUS), 405)),
    "password_change": Case(expect=everyone(200)),
    "password_change_done": Case(expect=everyone(200)),
    "core:documents": Case(expect=everyone(200)),
    "core:document_request": post_only(
        everyone(302, school=403), data=lambda w: {"kind": "schools.school_directory", "next": "/"}
    ),
    "core:document_download": Case(kwargs=lambda w: {"pk": w.objects["done_job"].pk}, expect=OWN_ONLY),
    "core:document_retry": post_only(
        everyone(404, supervisor=302), kwargs=lambda w: {"pk": w.objects["failed_job"].pk}
    ),
    "core:office": Case(expect=everyone(403, administrator=200)),
    "core:profile": Case(expect=everyone(200)),
    "api-schema": Case(expect={ANONYMOUS: 200}, others=200),
}
