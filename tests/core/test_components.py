from __future__ import annotations

from django.template import Context, Template

from committee.models import AnnualReport
from supervision.models import Visit, VisitStatus


def _badge(obj: object) -> str:
    return Template("{% status_badge obj %}").render(Context({"obj": obj})).strip()


def test_a_status_badge_takes_its_label_from_the_choices_and_its_colour_from_the_model():
    assert _badge(Visit(status=VisitStatus.RETURNED)) == '<span class="badge text-bg-danger">ส่งกลับให้แก้ไข</span>'
    assert _badge(AnnualReport(is_published=True)) == '<span class="badge text-bg-success">เผยแพร่แล้ว</span>'


def test_a_status_the_model_gives_no_colour_shows_as_secondary():
    visit = Visit(status=VisitStatus.DRAFT)
    visit.STATUS_COLOURS = {}
    assert "text-bg-secondary" in _badge(visit)
