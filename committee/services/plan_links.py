"""An agenda item presents the supervision plan, or one of its projects, for the committee's approval."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from .. import access
from ..models import AgendaItem, AgendaPlanLink
from ._common import require_not_locked

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def item_link_plan(*, user: User, item: AgendaItem, plan=None, project=None) -> AgendaPlanLink | None:  # noqa: ANN001
    """Attach the plan (or a project of it) to the item; no plan and no project removes the link."""
    access.require_meeting_writer(user, item.meeting)  # whoever runs the item's body, as for its other writes
    require_not_locked(item.meeting)
    if project is not None and plan is not None and project.plan_id != plan.pk:
        raise ValidationError({"project": "โครงการที่เลือกไม่อยู่ในแผนนิเทศที่เลือก"})
    plan = plan or (project.plan if project is not None else None)
    if plan is None:
        AgendaPlanLink.objects.filter(item=item).delete()  # a link, not a record: removing it loses nothing
        return None
    link, _ = AgendaPlanLink.objects.update_or_create(item=item, defaults={"plan": plan, "project": project})
    return link
