"""Before ออกเลข, a draft's schools are listed by cluster the way the school directory lists them:
clusters in Thai dictionary order, the schools without a cluster last."""

from __future__ import annotations

from django.urls import reverse

from correspondence import services
from schools import services as school_services


def _school(code: str, name: str, cluster: object = None) -> object:
    return school_services.school_create(
        code=code, name=name, level_primary=True, district="ลำปลายมาศ", province="บุรีรัมย์", pupils=120, cluster=cluster
    )


def test_the_recipients_card_lists_clusters_in_thai_order_and_unclustered_schools_last(users, client_for):
    town = school_services.cluster_create(name="กลุ่มโรงเรียนเมืองบุรีรัมย์")
    lam = school_services.cluster_create(name="กลุ่มโรงเรียนลำปลายมาศ")
    schools = [
        _school("1031000001", "โรงเรียนบ้านหนองไผ่ล้อมวิทยาคาร", lam),
        _school("1031000002", "โรงเรียนอนุบาลบุรีรัมย์", town),
        _school("1031000003", "โรงเรียนบ้านโคกเจริญ (ประชาสามัคคี)"),
    ]
    letter = services.letter_draft_outgoing(
        user=users["supervisor"], register_code="send", subject="แจ้งกำหนดการนิเทศภายใน ภาคเรียนที่ 2/2569",
        schools=schools,
    )  # fmt: skip
    html = client_for(users["clerk"]).get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode()
    card = html[html.index('id="draft-recipients"') :]
    headings = ["กลุ่มโรงเรียนเมืองบุรีรัมย์ (1 แห่ง)", "กลุ่มโรงเรียนลำปลายมาศ (1 แห่ง)", "ไม่สังกัดกลุ่มโรงเรียน (1 แห่ง)"]
    positions = [card.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "สถานศึกษา 3 แห่ง" in card
