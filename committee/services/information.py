"""The secretary's information system in four domains: one save for all four (nothing typed is lost)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from .. import access
from ..models import Domain, DomainInformation
from ..models.information import TEXT_FIELDS

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def information_save(*, user: User, fiscal_year: int, domains: dict[str, dict[str, str]]) -> list[DomainInformation]:
    """Write the typed text of each domain given (keyed by Domain value); unknown keys are ignored."""
    access.require_writer(user)
    saved = []
    for domain in Domain.values:
        texts = domains.get(domain)
        if texts is None:
            continue
        entry, _ = DomainInformation.objects.select_for_update().get_or_create(
            fiscal_year=fiscal_year, domain=domain, defaults={"updated_by": user}
        )
        for key in TEXT_FIELDS:
            setattr(entry, key, (texts.get(key) or "").strip())
        entry.updated_by = user
        entry.full_clean()
        entry.save()
        saved.append(entry)
    return saved
