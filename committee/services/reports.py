"""The annual report's narrative sections and its publication."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from .. import access
from ..models import AnnualReport

if TYPE_CHECKING:
    from django.contrib.auth.models import User

NARRATIVE_FIELDS = ("preface", "executive_summary", "recommendations")


@transaction.atomic
def report_get_or_create(*, user: User, fiscal_year: int) -> AnnualReport:
    access.require_writer(user)
    report, _ = AnnualReport.objects.get_or_create(fiscal_year=fiscal_year, defaults={"updated_by": user})
    return report


@transaction.atomic
def report_update(*, user: User, report: AnnualReport, **fields: str) -> AnnualReport:
    access.require_writer(user)
    for key in NARRATIVE_FIELDS:
        if key in fields:
            setattr(report, key, fields[key])
    report.updated_by = user
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_set_published(*, user: User, report: AnnualReport, published: bool) -> AnnualReport:
    access.require_writer(user)
    report.is_published = published
    report.published_at = timezone.now() if published else None
    report.updated_by = user
    report.save(update_fields=["is_published", "published_at", "updated_by", "updated_at"])
    return report
