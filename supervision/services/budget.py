"""Budget execution: record and withdraw spending entries against plan activities."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from core import thaidate
from core.roles import UserLike

from .. import access
from ..models import Activity, BudgetCategory, Project, Spending

__all__ = ["spending_delete", "spending_record"]

CENT = Decimal("0.01")


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return thaidate.parse_be_date(str(value))
    except thaidate.ThaiDateError as exc:
        raise ValidationError({"date": str(exc)}) from None


def _as_money(value: Decimal | str | int) -> Decimal:
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ValidationError({"amount": "กรุณากรอกจำนวนเงินเป็นตัวเลข เช่น 2,450.50"}) from None
    if not amount.is_finite() or amount <= 0:
        raise ValidationError({"amount": "จำนวนเงินต้องมากกว่า 0 บาท"})
    if amount != amount.quantize(CENT):
        raise ValidationError({"amount": "จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)"})
    return amount.quantize(CENT)


def _spent(**filters: object) -> Decimal:
    return Spending.objects.filter(**filters).aggregate(s=Sum("amount"))["s"] or Decimal(0)


def _check_budget(activity: Activity, project: Project, amount: Decimal) -> bool:
    """True when the entry takes the activity over its own budget (allowed only when the project pools)."""
    remaining = activity.budget_total - _spent(activity=activity)
    if amount <= remaining:
        return False
    if not project.pooled_budget:
        raise ValidationError({
            "amount": f"เกินงบประมาณของกิจกรรม: คงเหลือ {max(remaining, Decimal(0)):,.2f} บาท "
            "(โครงการนี้ไม่ได้ขอถัวจ่าย)"
        })  # fmt: skip
    planned = sum((a.budget_total for a in project.activities.all()), Decimal(0))
    project_remaining = planned - _spent(activity__project=project)
    if amount > project_remaining:
        raise ValidationError({
            "amount": f"เกินงบประมาณรวมของโครงการ: คงเหลือทั้งโครงการ {max(project_remaining, Decimal(0)):,.2f} บาท"
        })  # fmt: skip
    return True


@transaction.atomic
def spending_record(
    *,
    user: UserLike,
    activity: Activity,
    date: dt.date | str,
    amount: Decimal | str | int,
    category: str,
    purpose: str,
    document_number: str = "",
    paid_by: str = "",
) -> Spending:
    """Record a payment for an activity. Over the activity's budget it is refused, unless the project
    pools its budget (ถัวจ่าย) and the project's total still covers it: then it is kept and flagged."""
    access.require_plan_editor(user)
    day, money = _as_date(date), _as_money(amount)
    if category not in BudgetCategory.values:
        raise ValidationError({"category": "กรุณาเลือกหมวดรายจ่าย: ค่าตอบแทน ค่าใช้สอย หรือค่าวัสดุ"})
    if not (purpose or "").strip():
        raise ValidationError({"purpose": "กรุณาระบุว่าจ่ายเพื่ออะไร"})
    project = Project.objects.select_for_update().get(pk=activity.project_id)
    activity = Activity.objects.get(pk=activity.pk)
    over = _check_budget(activity, project, money)
    return Spending.objects.create(
        activity=activity, date=day, amount=money, category=category, purpose=purpose.strip()[:500],
        document_number=(document_number or "").strip()[:100], paid_by=(paid_by or "").strip()[:200],
        recorded_by=user, over_activity_budget=over,
    )  # fmt: skip


@transaction.atomic
def spending_delete(*, user: UserLike, spending: Spending) -> None:
    """Withdraw an entry recorded by mistake."""
    access.require_plan_editor(user)
    spending.delete()
