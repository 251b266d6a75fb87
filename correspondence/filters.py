"""Register search (django-filter): number, ที่, sender, recipient, Thai subject text, BE date
range, urgency, status, assignee. Text filters only match entries whose content the user may
see, so a search can never reveal what a secret entry is about."""

from __future__ import annotations

import datetime as dt

import django_filters
from django.db import connection
from django.db.models import Exists, F, Lookup, OuterRef, Q, QuerySet, Value
from django.db.models.functions import StrIndex, Upper

from core import thaidate
from core.forms import BEDateField
from core.models import display_name

from .forms import staff_queryset
from .models import Assignment, Status, Urgency
from .selectors import subject_contains

RELEVANCE_POOL = 1000  # ?order=relevance ranks the newest 1,000 matches (the count is capped there too)


class BEDateFilter(django_filters.DateFilter):
    field_class = BEDateField


def _cleared(qs: QuerySet, q: Q) -> QuerySet:
    return qs.filter(Q(is_cleared=True) & q)


def _day_start(value: dt.date) -> dt.datetime:
    return dt.datetime.combine(value, dt.time.min, tzinfo=thaidate.BANGKOK)


class LetterFilter(django_filters.FilterSet):
    number = django_filters.NumberFilter(label="เลขทะเบียน", field_name="number")
    year = django_filters.NumberFilter(label="ปี พ.ศ.", field_name="year")
    reference = django_filters.CharFilter(label="ที่", method="filter_reference")
    sender = django_filters.CharFilter(label="จาก", method="filter_sender")
    recipient = django_filters.CharFilter(label="ถึง", method="filter_recipient")
    q = django_filters.CharFilter(label="เรื่อง (ค้นคำไทยได้)", method="filter_subject")
    date_from = BEDateFilter(label="ลงทะเบียนตั้งแต่", method="filter_from")
    date_to = BEDateFilter(label="ถึงวันที่", method="filter_to")
    # A blank first choice: otherwise the box shows "ปกติ" and every search quietly keeps only ปกติ letters.
    urgency = django_filters.TypedChoiceFilter(
        label="ชั้นความเร็ว", choices=[("", "ทุกชั้นความเร็ว"), *Urgency.choices], coerce=int, method="filter_urgency"
    )
    status = django_filters.ChoiceFilter(
        label="สถานะ", choices=[c for c in Status.choices if c[0] != Status.DRAFT], empty_label="ทุกสถานะ",
        method="filter_status",
    )  # fmt: skip
    # ?order=relevance: the entries whose subject starts with (then holds earliest) the searched words come first.
    order = django_filters.ChoiceFilter(
        label="เรียงตาม", choices=[("relevance", "ตรงคำค้นมากที่สุดก่อน")], empty_label="ใหม่ล่าสุดก่อน",
        method="filter_order",
    )  # fmt: skip
    assignee = django_filters.ModelChoiceFilter(
        label="ผู้รับมอบ", queryset=staff_queryset(), method="filter_assignee", empty_label="ผู้รับมอบ: ทุกคน"
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.form.fields["assignee"]
        field.queryset = staff_queryset()
        field.label_from_instance = display_name
        for f in self.form.fields.values():
            css = "form-select form-select-sm" if hasattr(f, "choices") else "form-control form-control-sm"
            # The BE date box comes with its own class ("be-date"): add Bootstrap's, don't skip it.
            f.widget.attrs["class"] = f"{f.widget.attrs.get('class', '')} {css}".strip()
            f.widget.attrs.setdefault("aria-label", str(f.label))
            if not hasattr(f, "choices"):
                f.widget.attrs.setdefault("placeholder", str(f.label))

    def filter_reference(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        # Our own ที่ (outgoing) is public; the sender's ที่ of a received secret letter is not.
        return qs.filter(Q(reference__icontains=value) | (Q(is_cleared=True) & Q(external_no__icontains=value)))

    def filter_sender(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return _cleared(qs, Q(sender__icontains=value))

    def filter_recipient(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return _cleared(qs, Q(recipient_text__icontains=value))

    def filter_subject(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return _cleared(qs, subject_contains(value.strip()))

    # A secret entry's urgency and status are hidden from the uncleared: filtering by them must not find it.
    # (A date range may: the number's place between its neighbours says as much.)
    def filter_urgency(self, qs: QuerySet, name: str, value: int) -> QuerySet:
        return _cleared(qs, Q(urgency=value))

    def filter_status(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return _cleared(qs, Q(status=value))

    def filter_from(self, qs: QuerySet, name: str, value: dt.date) -> QuerySet:
        return qs.filter(registered_at__gte=_day_start(value))

    def filter_to(self, qs: QuerySet, name: str, value: dt.date) -> QuerySet:
        return qs.filter(registered_at__lt=_day_start(value + dt.timedelta(days=1)))

    def filter_order(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs  # ranked in filter_queryset, once every other filter (the assignee's too) has narrowed the rows

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        qs = super().filter_queryset(queryset)
        term = (self.form.cleaned_data.get("q") or "").strip()
        if self.form.cleaned_data.get("order") != "relevance" or not term:
            return qs
        return by_relevance(qs, term)

    def filter_assignee(self, qs: QuerySet, name: str, value: object) -> QuerySet:
        routed = Exists(Assignment.objects.filter(letter=OuterRef("pk"), assignee=value))
        return _cleared(qs, Q(routed))


def by_relevance(qs: QuerySet, term: str) -> QuerySet:
    """The newest RELEVANCE_POOL matches, the subject that starts with (then holds earliest) `term` first.

    The pool is read once, as ids (one walk down the register's newest entries, the cost of a newest-first
    page of 1,000): the count and the page then read those rows by id instead of each finding them again."""
    newest = list(qs.order_by("-year", "-number", "-id").values_list("pk", flat=True)[:RELEVANCE_POOL])
    ranked = qs.filter(_among(newest)).annotate(match_at=StrIndex("subject_upper", Upper(Value(term))))
    return ranked.order_by("match_at", "-year", "-number", "-id")


def _among(ids: list[int]) -> Q:
    """Rows whose id is in `ids`: on PostgreSQL one array (`id = ANY(%s)`), not a thousand parameters to bind."""
    return Q(_IdInArray(F("pk"), ids)) if connection.vendor == "postgresql" else Q(pk__in=ids)


class _IdInArray(Lookup):
    prepare_rhs = False  # the list is sent whole, as one array parameter

    def as_sql(self, compiler: object, connection: object) -> tuple[str, list]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]
