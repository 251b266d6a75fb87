"""Home-page panels: a supervisor's next visits and follow-ups, the director's reviews, the school's
acknowledgements and survey, the executive's key figures; and a school page's visits."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from core import thaidate
from core.panels import ACTION
from schools.models import School

from . import access, home, selectors
from .selectors.review import pending_review


def supervision_panel(request: HttpRequest) -> dict | None:
    """A visitor's next planned visits and the follow-ups due within 14 days or overdue by at most 30."""
    user = request.user
    if not access.can_create_visits(user):
        return None
    due, older = home.follow_ups_window(user)
    return {
        "template": "supervision/_home_panel.html",
        "next_visits": home.next_visits(user),
        "due": due,
        "older": older,
        "today": thaidate.today(),
    }


def review_action(request: HttpRequest) -> dict | None:
    """The director's card: submitted visits waiting for approval, linked to the oldest one."""
    if not access.can_review_visits(request.user):
        return None
    waiting = pending_review(request.user)
    first = waiting.select_related(None).select_related("school").first()  # the card names its school only
    return {
        "kind": ACTION, "name": "visits-to-review", "icon": "bi-clipboard-check", "count": waiting.count(),
        "label": "อนุมัติบันทึกการนิเทศ", "unit": "บันทึก",
        "hint": f"เรื่องแรก: {first.school.name}" if first else "ไม่มีบันทึกรอพิจารณา",
        "url": reverse("supervision:visit_detail", args=[first.pk]) if first else _visit_list("submitted"),
        "list_url": _visit_list("submitted"), "list_label": "ดูรายการรออนุมัติทั้งหมด",
    }  # fmt: skip


def returned_action(request: HttpRequest) -> dict | None:
    """A supervisor's card, only when the director sent visits back for correction."""
    user = request.user
    if not access.can_create_visits(user) or not (count := home.returned_count(user)):
        return None
    return {
        "kind": ACTION, "name": "visits-returned", "icon": "bi-arrow-return-left", "count": count,
        "label": "บันทึกการนิเทศที่ส่งกลับให้แก้ไข", "unit": "บันทึก", "hint": "แก้ไขตามความเห็นแล้วส่งใหม่",
        "url": _visit_list("returned") + "&mine=1",
    }  # fmt: skip


def acknowledge_action(request: HttpRequest) -> dict | None:
    """School staff's card: approved visit results waiting for the school to acknowledge."""
    user = request.user
    if not access.is_school_staff(user):
        return None
    waiting = home.to_acknowledge(user)
    first = waiting.select_related(None).first()  # the card reads its date and id only
    hint = f"เปิดผลการนิเทศ {thaidate.format_full(first.date)} อ่านแล้วกดรับทราบ" if first else "ไม่มีผลการนิเทศรอรับทราบ"
    return {
        "kind": ACTION, "name": "visits-to-acknowledge", "icon": "bi-check2-square", "count": waiting.count(),
        "label": "ผลการนิเทศที่รอสถานศึกษารับทราบ", "unit": "ครั้ง", "hint": hint,
        "url": reverse("supervision:visit_detail", args=[first.pk]) if first else reverse("supervision:visit_list"),
    }  # fmt: skip


def survey_panel(request: HttpRequest) -> dict | None:
    """School staff: the QR code of the latest unanswered satisfaction survey, with what it is for."""
    user = request.user
    if not access.is_school_staff(user) or not (visit := home.open_survey(user)):
        return None
    url = selectors.survey_url_for(request, visit, user)
    if not url:
        return None
    return {"template": "supervision/_home_survey.html", "visit": visit, "url": url, "qr": selectors.qr_svg(url)}


def _visit_list(status: str) -> str:
    return f"{reverse('supervision:visit_list')}?status={status}"


def school_panel(request: HttpRequest, *, school: School) -> dict | None:
    """The school page's recent visits, for whoever may see them."""
    visits = selectors.visits_visible_to(request.user).filter(school=school)
    return {
        "template": "supervision/_school_panel.html",
        "school": school,
        "visits": list(visits.select_related("created_by__profile")[:20]),
        "can_start_visit": access.can_create_visits(request.user),
    }
