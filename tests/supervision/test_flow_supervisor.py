"""A supervisor on a phone (issue 17): her clusters' schools first, the tool suggested by the visit type,
labelled boxes, the save status in sight, and several photos at once with their captions shown and printed."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from schools import services as school_services
from supervision.defaults import CLASSROOM
from supervision.forms import VisitForm, VisitStartForm
from supervision.forms.pickers import OTHER_SCHOOLS, school_choices
from supervision.models import Evidence

CAPTIONS = ["ครูใช้บัตรคำฝึกอ่านออกเสียง ชั้นประถมศึกษาปีที่ 2", "นักเรียนนำเสนอผลงานกลุ่มหน้าชั้นเรียน"]


@pytest.fixture
def clusters(users, school):
    """The supervisor answers for the test school's cluster; another cluster's school comes first by name."""
    school.cluster.responsible_supervisors.add(users["supervisor"])
    other = school_services.cluster_create(name="กลุ่มโรงเรียนกระสังสามัคคี")
    far = school_services.school_create(
        code="1099000099", name="โรงเรียนกระสังพิทยาคม", level_primary=True, pupils=300, cluster=other
    )
    return {"mine": school.cluster, "far": far}


def test_her_clusters_schools_come_first_in_a_group_of_their_own(users, school, clusters):
    choices = school_choices(users["supervisor"])
    labels = [label for label, _rows in choices[1:]]
    assert labels == [f"กลุ่มที่ฉันรับผิดชอบ: {school.cluster.name}", OTHER_SCHOOLS]
    assert choices[1][1] == [(school.pk, school.name)]
    assert (clusters["far"].pk, clusters["far"].name) in choices[2][1]


def test_the_start_form_and_the_visit_form_show_her_schools_first(users, school, clusters, make_visit):
    start = VisitStartForm(user=users["supervisor"]).as_p()
    assert start.index("กลุ่มที่ฉันรับผิดชอบ") < start.index("โรงเรียนกระสังพิทยาคม")
    visit = make_visit("draft")
    edit = str(VisitForm(instance=visit, user=users["supervisor"])["school"])
    assert edit.index(school.name) < edit.index("โรงเรียนกระสังพิทยาคม")
    assert "---------" not in edit


def test_someone_without_clusters_gets_the_plain_list(users, school, clusters):
    assert school_choices(users["director"]) is None


def test_a_school_outside_her_clusters_can_still_be_chosen(users, clusters, tools):
    data = {"school": clusters["far"].pk, "date": "20/11/2569", "visit_type": "classroom", "tool": ""}
    assert VisitStartForm(data, user=users["supervisor"]).is_valid()


def test_the_tool_is_suggested_by_the_visit_type(users, tools):
    form = VisitStartForm(user=users["supervisor"], initial={"visit_type": "classroom"})
    assert form.initial["tool"] == tools[CLASSROOM].pk
    html = str(form["tool"])
    assert 'data-visit-type="classroom"' in html and "data-tool-suggest" in html


def test_the_start_page_loads_the_tool_suggestion(users, client_for, tools):
    html = client_for(users["supervisor"]).get(reverse("supervision:visit_start")).content.decode()
    assert "js/tool-suggest.js" in html
    assert "ระบบเลือกเครื่องมือที่ใช้กับการนิเทศประเภทนี้ให้" in html


@pytest.fixture
def edit_page(users, client_for, make_visit):
    visit = make_visit("draft")
    return visit, client_for(users["supervisor"]).get(
        reverse("supervision:visit_edit", args=[visit.pk])
    ).content.decode()


def test_teacher_and_follow_up_boxes_have_labels(edit_page):
    _visit, html = edit_page
    for field_id, label in [("id_t-0-name", "ชื่อครู"), ("id_t-0-learning_area", "กลุ่มสาระฯ"), ("id_t-0-grade", "ชั้น"),
                            ("id_f-0-text", "สิ่งที่ต้องติดตาม"), ("id_f-0-due_date", "กำหนดติดตาม")]:  # fmt: skip
        assert f'for="{field_id}">{label}</label>' in html
    assert 'for="id_t-__prefix__-name">ชื่อครู</label>' in html  # rows added on the phone are labelled too


def test_the_save_status_sits_in_a_sticky_bar_at_the_bottom(edit_page):
    _visit, html = edit_page
    bar = html[html.index('id="save-bar"') - 80 :]
    assert "sticky-bottom" in bar[:120]
    assert bar.index('id="autosave-status"') < bar.index("</form>")


def test_there_is_one_restore_banner(edit_page):
    _visit, html = edit_page
    assert html.count('id="local-restore"') == 1 and "data-saved-text=" in html


def test_the_visit_form_has_no_dashes_for_an_empty_choice(edit_page):
    _visit, html = edit_page
    assert "---------" not in html and "— ไม่ใช้เครื่องมือ —" in html and "— ไม่ระบุกิจกรรมตามแผน —" in html


def _jpeg(color: str) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(out, "JPEG")
    return SimpleUploadedFile(f"IMG_{color}.jpg", out.getvalue(), content_type="image/jpeg")


def test_several_photos_go_up_at_once_each_with_its_caption(users, client_for, make_visit):
    visit = make_visit("draft")
    client = client_for(users["supervisor"])
    response = client.post(
        reverse("supervision:evidence_upload", args=[visit.pk]),
        {"file": [_jpeg("red"), _jpeg("blue")], "caption": CAPTIONS},
    )
    assert response.status_code == 302
    assert list(Evidence.objects.filter(visit=visit).order_by("id").values_list("original_name", "caption")) == [
        ("IMG_red.jpg", CAPTIONS[0]), ("IMG_blue.jpg", CAPTIONS[1]),
    ]  # fmt: skip
    edit = client.get(reverse("supervision:visit_edit", args=[visit.pk])).content.decode()
    assert all(f'<figcaption class="small">{c}</figcaption>' in edit for c in CAPTIONS)
    detail = client.get(reverse("supervision:visit_detail", args=[visit.pk])).content.decode()
    assert f"ภาพที่ 1 {CAPTIONS[0]}" in detail and f"ภาพที่ 2 {CAPTIONS[1]}" in detail


def test_one_caption_typed_for_several_photos_goes_with_each(users, client_for, make_visit):
    visit = make_visit("draft")
    client_for(users["supervisor"]).post(
        reverse("supervision:evidence_upload", args=[visit.pk]),
        {"file": [_jpeg("red"), _jpeg("green")], "caption": "กิจกรรมชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)"},
    )
    assert set(Evidence.objects.values_list("caption", flat=True)) == {"กิจกรรมชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)"}


def test_one_bad_file_refuses_the_whole_batch_and_names_it(users, client_for, make_visit):
    visit = make_visit("draft")
    fake = SimpleUploadedFile("ภาพที่สาม.jpg", b"not an image at all", content_type="image/jpeg")
    response = client_for(users["supervisor"]).post(
        reverse("supervision:evidence_upload", args=[visit.pk]), {"file": [_jpeg("red"), fake]}, follow=True
    )
    assert "ภาพที่สาม.jpg" in response.content.decode()
    assert not Evidence.objects.exists()


def test_the_upload_form_takes_several_photos_from_the_camera(edit_page):
    _visit, html = edit_page
    camera = html[html.index('id="evidence-camera"') - 60 : html.index('id="evidence-camera"') + 120]
    assert 'capture="environment"' in camera and "multiple" in camera
    assert "js/photo-captions.js" in html


@pytest.mark.slow
def test_photos_uploaded_together_print_with_their_captions(users, make_visit, django_capture_on_commit_callbacks):
    from supervision import services
    from tests.helpers import compact, pdf_compact, render_document

    visit = make_visit("draft")
    services.evidence_add_many(
        user=users["supervisor"], visit=visit, files=[_jpeg("red"), _jpeg("blue")], captions=CAPTIONS
    )
    path = render_document(users["supervisor"], "supervision.visit_record", {"visit": visit.pk},
                           django_capture_on_commit_callbacks)  # fmt: skip
    text = pdf_compact(path)
    assert compact(f"ภาพที่ 1 {CAPTIONS[0]}") in text and compact(f"ภาพที่ 2 {CAPTIONS[1]}") in text


def test_the_survey_qr_code_comes_with_a_sentence_saying_what_it_is(users, client_for, make_visit):
    visit = make_visit("acknowledged")  # the survey is offered once the school has acknowledged
    html = client_for(users["school"]).get(reverse("supervision:visit_detail", args=[visit.pk])).content.decode()
    note = html.index('id="survey-qr-note"')
    assert "คิวอาร์โค้ดนี้เปิดแบบสอบถามความพึงพอใจต่อการนิเทศครั้งนี้" in html[note : note + 300]
    assert note < html.index("<svg", note)
