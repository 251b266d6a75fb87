"""The official letter as a PDF (issue 12 part 3): each form in the regulation's order, the Garuda (or its
empty frame) at the right size and place, names that never break, and the stages draft / signed / final."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader

from core.documents import recompose_sara_am
from correspondence import letterpdf, services
from correspondence.models import LetterContent, LetterKind, Secrecy, Urgency
from tests.helpers import compact, pdf_words, save_page_png

CM = 72 / 2.54  # PDF points per centimetre
A4_W, A4_H = 595.28, 841.89
SIGNED_AT = dt.datetime(2026, 11, 30, 7, 5, tzinfo=dt.UTC)  # 14.05 น. in Bangkok
LETTER_DATE = dt.date(2026, 11, 30)
SIGNER = "นางสาวพิมพ์ชนก ศรีสุขเจริญพิพัฒน์ไพบูลย์กุล"
POSITION = "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1"
ADDRESSEE = "ผู้อำนวยการโรงเรียนบ้านห้วยน้ำขุ่นพัฒนาศึกษาวิทยาคม และผู้อำนวยการโรงเรียนในกลุ่มโรงเรียนแม่ริม"
OWNER_UNIT = "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
BODY = [
    "ด้วยสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1 กำหนดนิเทศ ติดตามการจัดการเรียนการสอน"
    " ภาคเรียนที่ 2 ปีการศึกษา 2569 ในสถานศึกษาในสังกัด ระหว่างวันที่ 7 – 18 ธันวาคม 2569",
    "จึงเรียนมาเพื่อโปรดทราบ และแจ้งครูผู้เกี่ยวข้องเตรียมเอกสารประกอบการนิเทศให้พร้อม",
]


@pytest.fixture
def office(office):
    office.office_name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1"
    office.address = "ถนนโชตนา ตำบลช้างเผือก\nอำเภอเมืองเชียงใหม่ เชียงใหม่ 50300"
    office.phone = "0 5311 2345"
    office.save()
    return office


@pytest.fixture
def garuda(office):
    """A neutral placeholder image (a grey block, not an emblem) in place of the official Garuda file."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (270, 300), (150, 150, 150)).save(out, format="PNG")
    office.garuda.save("garuda-test.png", ContentFile(out.getvalue()), save=True)
    return office


@pytest.fixture
def make_letter(users, office):
    """make_letter(kind, numbered=True, **letter fields) -> LetterContent, signed at SIGNED_AT."""

    def make(kind: str = LetterKind.EXTERNAL, *, numbered: bool = True, register_code: str = "", **fields):
        code = register_code or ("order" if kind == LetterKind.ORDER else "send")
        letter = services.letter_draft_outgoing(
            user=users["supervisor"], register_code=code, subject="แจ้งกำหนดการนิเทศ ติดตามการจัดการเรียนการสอน",
            recipient_text=ADDRESSEE, urgency=fields.pop("urgency", 0), secrecy=fields.pop("secrecy", 0),
        )  # fmt: skip
        if numbered:
            letter = services.letter_dispatch(user=users["clerk"], letter=letter, letter_date=LETTER_DATE)
        values = {"addressee": ADDRESSEE, "body": "\n\n".join(BODY), "signer_name": SIGNER,
                  "signer_position": POSITION, "owner_unit": OWNER_UNIT, "owner_phone": "0 5311 2345 ต่อ 210",
                  "owner_email": "supervision@cm1.go.th", "signed_at": SIGNED_AT, **fields}  # fmt: skip
        return LetterContent.objects.create(letter=letter, kind=kind, created_by=users["supervisor"], **values)

    return make


def render(content: LetterContent, stage: str, tmp_path: Path, name: str = "") -> Path:
    path = tmp_path / f"{name or content.kind}-{stage}.pdf"
    path.write_bytes(letterpdf.render_letter(content, stage=stage))
    return path


def page_texts(path: Path) -> list[str]:
    """Each page's text read back with pypdf in the order of its positions on the page (top to bottom, then
    left to right), ำ recomposed and whitespace removed."""
    return [compact(recompose_sara_am(_text_by_position(page))) for page in PdfReader(str(path)).pages]


def _text_by_position(page: object) -> str:
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((y, x, text))

    page.extract_text(visitor_text=visit)
    lines: list[list[tuple[float, float, str]]] = []
    for run in sorted(runs, key=lambda r: -r[0]):
        if lines and abs(lines[-1][0][0] - run[0]) < 4:  # same baseline, give or take a stacked mark
            lines[-1].append(run)
        else:
            lines.append([run])
    return "\n".join("".join(t for _, _, t in sorted(line, key=lambda r: r[1])) for line in lines)


def assert_in_order(text: str, parts: list[str]) -> None:
    pos = 0
    for part in parts:
        found = text.find(compact(part), pos)
        assert found >= 0, f"“{part}” missing, or not after the part before it"
        pos = found + len(compact(part))


EXPECTED_ORDER = {
    LetterKind.EXTERNAL: [
        "ที่ ศธ 04123/1", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1", "ถนนโชตนา", "30 พฤศจิกายน 2569",
        "เรื่อง แจ้งกำหนดการนิเทศ", "เรียน " + ADDRESSEE, "อ้างถึง หนังสือสำนักงาน", "สิ่งที่ส่งมาด้วย 1. กำหนดการนิเทศ",
        "2. แบบบันทึกการนิเทศ", BODY[0], BODY[1], "ขอแสดงความนับถือ", "ลงนามทางอิเล็กทรอนิกส์", SIGNER, POSITION,
        OWNER_UNIT, "โทร. 0 5311 2345 ต่อ 210", "อีเมล supervision@cm1.go.th",
    ],
    LetterKind.MEMO: [
        "บันทึกข้อความ", "ส่วนราชการ " + OWNER_UNIT, "โทร. 0 5311 2345 ต่อ 210", "ที่ ศธ 04123/1",
        "วันที่ 30 พฤศจิกายน 2569", "เรื่อง แจ้งกำหนดการนิเทศ", "เรียน " + ADDRESSEE, "อ้างถึง หนังสือสำนักงาน",
        "สิ่งที่ส่งมาด้วย 1. กำหนดการนิเทศ", BODY[0], BODY[1], "ลงนามทางอิเล็กทรอนิกส์", SIGNER, POSITION,
    ],
    LetterKind.STAMPED: [
        "ที่ ศธ 04123/1", "ถึง " + ADDRESSEE, "อ้างถึง หนังสือสำนักงาน", "สิ่งที่ส่งมาด้วย 1. กำหนดการนิเทศ", BODY[0],
        BODY[1], "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1", "ลงนามทางอิเล็กทรอนิกส์",
        "30 พฤศจิกายน 2569", OWNER_UNIT, "โทร. 0 5311 2345 ต่อ 210", "อีเมล supervision@cm1.go.th",
    ],
    LetterKind.ORDER: [
        "คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1", "ที่ 1/2569", "เรื่อง แจ้งกำหนดการนิเทศ", BODY[0],
        BODY[1], "สั่ง ณ วันที่ 30 พฤศจิกายน พ.ศ. 2569", "ลงนามทางอิเล็กทรอนิกส์", SIGNER, POSITION,
    ],
    LetterKind.ANNOUNCEMENT: [
        "ประกาศสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1", "เรื่อง แจ้งกำหนดการนิเทศ", BODY[0], BODY[1],
        "ประกาศ ณ วันที่ 30 พฤศจิกายน พ.ศ. 2569", "ลงนามทางอิเล็กทรอนิกส์", SIGNER, POSITION,
    ],
}  # fmt: skip


@pytest.mark.parametrize("kind", list(EXPECTED_ORDER))
def test_each_form_prints_every_part_in_the_regulations_order(kind, make_letter, garuda, tmp_path):
    content = make_letter(
        kind, enclosures="กำหนดการนิเทศ\nแบบบันทึกการนิเทศ",
        reference_text="หนังสือสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน ที่ ศธ 04010/ว 1234 ลงวันที่ 2 พฤศจิกายน 2569",
    )  # fmt: skip
    path = render(content, "final", tmp_path)
    save_page_png(path, f"letter-{kind}")
    text = "".join(page_texts(path))
    assert_in_order(text, EXPECTED_ORDER[kind])


def test_the_order_and_the_announcement_have_no_salutation_and_the_announcement_no_number(make_letter, tmp_path):
    order = "".join(page_texts(render(make_letter(LetterKind.ORDER), "final", tmp_path)))
    notice = "".join(page_texts(render(make_letter(LetterKind.ANNOUNCEMENT), "final", tmp_path)))
    assert "เรียนผู้อำนวยการ" not in order + notice
    assert "ที่1/2569" in order
    assert "ที่ศธ" not in notice and "ที่1/" not in notice
    assert "ขอแสดงความนับถือ" not in order + notice


# --- the Garuda: the office's file at the form's size and place, or a marked empty frame -------------


def _drawing(path: Path) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float]]]:
    """What page 1 draws, in PDF points: each image as (left, bottom, width, height) from its placement
    matrix, and the end points of every dashed stroke (the empty Garuda frame's border)."""
    page = PdfReader(str(path)).pages[0]
    images = set(page["/Resources"].get("/XObject", {}).keys())
    state = {"ctm": (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), "dashed": False}
    stack: list[dict] = []
    placed: list[tuple[float, float, float, float]] = []
    dashed: list[tuple[float, float]] = []

    def point(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = state["ctm"]
        return a * x + c * y + e, b * x + d * y + f

    def visit(op: bytes, args: list, cm: list, tm: list) -> None:
        if op == b"q":
            stack.append(dict(state))
        elif op == b"Q":
            state.update(stack.pop())
        elif op == b"cm":
            a, b, c, d, e, f = (float(x) for x in args)
            m = state["ctm"]
            state["ctm"] = (a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3],
                            e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5])  # fmt: skip
        elif op == b"d":
            state["dashed"] = bool(args[0])
        elif op in (b"m", b"l") and state["dashed"]:
            dashed.append(point(float(args[0]), float(args[1])))
        elif op == b"Do" and args[0] in images:
            (left, bottom), (right, top) = point(0, 0), point(1, 1)
            placed.append((min(left, right), min(bottom, top), abs(right - left), abs(top - bottom)))

    page.extract_text(visitor_operand_before=visit)
    return placed, dashed


def _image_placements(path: Path) -> list[tuple[float, float, float, float]]:
    return _drawing(path)[0]


@pytest.mark.parametrize("kind", [LetterKind.EXTERNAL, LetterKind.STAMPED, LetterKind.ORDER, LetterKind.ANNOUNCEMENT])
def test_the_garuda_is_3_cm_high_centred_at_the_top(kind, make_letter, garuda, tmp_path):
    (left, bottom, width, height), *others = _image_placements(render(make_letter(kind), "final", tmp_path))
    assert not others
    assert height == pytest.approx(3 * CM, abs=0.5)
    assert left + width / 2 == pytest.approx((3 * CM + A4_W - 2 * CM) / 2, abs=1)  # centred between the margins
    assert A4_H - (bottom + height) == pytest.approx(1.5 * CM, abs=1)  # 1.5 cm from the top edge


def test_the_memos_garuda_is_1_5_cm_high_at_the_top_left_beside_the_heading(make_letter, garuda, tmp_path):
    path = render(make_letter(LetterKind.MEMO), "final", tmp_path)
    [(left, bottom, width, height)] = _image_placements(path)
    assert height == pytest.approx(1.5 * CM, abs=0.5)
    assert left == pytest.approx(3 * CM, abs=1)
    assert A4_H - (bottom + height) == pytest.approx(1.5 * CM, abs=1)
    [(word, top)] = [(w, t) for w, t in pdf_words(path) if w == "บันทึกข้อความ"]
    assert A4_H - bottom - 1.5 * CM < top + 10 < A4_H - bottom  # the heading stands beside the Garuda


@pytest.mark.parametrize(("kind", "height"), [(LetterKind.EXTERNAL, 3.0), (LetterKind.MEMO, 1.5)])
def test_without_an_uploaded_garuda_a_marked_empty_frame_of_its_size_prints_in_its_place(
    kind, height, make_letter, tmp_path
):
    path = render(make_letter(kind), "final", tmp_path, name=f"{kind}-no-garuda")
    save_page_png(path, f"letter-{kind}-no-garuda")
    images, dashed = _drawing(path)
    assert images == []
    assert "ตราครุฑ(ยังไม่ได้อัปโหลด)" in page_texts(path)[0]
    xs, ys = [x for x, _ in dashed], [y for _, y in dashed]
    left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
    assert top - bottom == pytest.approx(height * CM, abs=1)
    assert right - left == pytest.approx(height * letterpdf.GARUDA_WIDTH_RATIO * CM, abs=1)
    assert A4_H - top == pytest.approx(1.5 * CM, abs=1)
    if kind == LetterKind.MEMO:
        assert left == pytest.approx(3 * CM, abs=1)
    else:
        assert (left + right) / 2 == pytest.approx((3 * CM + A4_W - 2 * CM) / 2, abs=1)


def test_a_garuda_upload_replaces_the_frame(make_letter, garuda, tmp_path):
    assert "ยังไม่ได้อัปโหลด" not in page_texts(render(make_letter(), "final", tmp_path))[0]


# --- names, stages, marks -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(EXPECTED_ORDER))
def test_long_thai_names_with_stacked_marks_wrap_only_between_words(kind, make_letter, tmp_path):
    acting = "ปฏิบัติราชการแทนผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1"
    content = make_letter(kind, acting_wording=acting)
    path = render(content, "final", tmp_path)
    lines = [compact(line) for page in PdfReader(str(path)).pages for line in _text_by_position(page).split("\n")]
    # The stamped letter is signed by the office's stamp, not a person; orders and notices have no addressee.
    names = {LetterKind.STAMPED: [ADDRESSEE], LetterKind.ORDER: [SIGNER], LetterKind.ANNOUNCEMENT: [SIGNER]}
    names = names.get(kind, [SIGNER, ADDRESSEE])
    for phrase in names:
        for word in phrase.split():
            assert any(word in line for line in lines), f"“{word}” of “{phrase}” broken across lines"
    text = "".join(page_texts(path))
    for phrase in (POSITION, acting) if kind != LetterKind.STAMPED else ():  # may wrap between words
        assert compact(phrase) in text


def test_the_draft_has_a_watermark_and_no_number_date_or_signature(make_letter, tmp_path):
    content = make_letter(numbered=False)
    text = page_texts(render(content, "draft", tmp_path))[0]
    assert "ร่าง" in text
    assert "ที่ศธ04123/เรื่อง" not in text and "ที่ศธ04123/" in text  # the code prints, the number is blank
    assert "2569เรื่อง" not in text.replace("ปีการศึกษา2569", "")
    assert "ลงนามทางอิเล็กทรอนิกส์" not in text


def test_the_signed_letter_carries_the_typed_name_signature_but_no_number_or_date(make_letter, tmp_path):
    content = make_letter(numbered=False)
    text = page_texts(render(content, "signed", tmp_path))[0]
    assert compact("ลงนามทางอิเล็กทรอนิกส์ 30 พฤศจิกายน 2569 เวลา 14.05 น.") in text
    assert "ร่าง" not in text
    assert "ศธ04123/1" not in text
    assert text.count("30พฤศจิกายน2569") == 1  # only in the signature record, not as the letter's date


def test_the_final_letter_carries_the_number_and_the_date_issued_on_dispatch(make_letter, tmp_path):
    content = make_letter()
    assert content.letter.reference == "ศธ 04123/1"
    text = page_texts(render(content, "final", tmp_path))[0]
    assert "ที่ศธ04123/1" in text
    assert text.count("30พฤศจิกายน2569") == 2  # the letter's date and the signature record


def test_a_circular_drafts_with_its_series_and_a_blank_number(make_letter, tmp_path):
    content = make_letter(numbered=False, register_code="circular")
    assert "ที่ศธ04123/ว" in page_texts(render(content, "draft", tmp_path))[0]


def test_urgency_prints_large_at_the_top_left_and_secrecy_top_and_bottom_of_every_page(make_letter, tmp_path):
    long_body = "\n\n".join(BODY * 12)
    content = make_letter(urgency=Urgency.MOST_URGENT, secrecy=Secrecy.CONFIDENTIAL, body=long_body)
    path = render(content, "final", tmp_path, name="marked")
    save_page_png(path, "letter-marked")
    save_page_png(path, "letter-marked", page=2)
    pages = page_texts(path)
    assert len(pages) >= 2
    assert pages[0].startswith("ด่วนที่สุด") or "ด่วนที่สุด" in pages[0][:40]
    for page in range(len(pages)):
        tops = [top for word, top in _page_words(path, page + 1) if word == "ลับ"]
        assert len(tops) == 2 and min(tops) < 1.5 * CM and max(tops) > A4_H - 2 * CM, tops


def _page_words(path: Path, page: int) -> list[tuple[str, float]]:
    import subprocess

    html = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    found = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', html)
    return [(recompose_sara_am(word), float(top)) for top, word in found]


def test_pages_after_the_first_are_numbered_in_thai_numerals_when_the_office_asks(make_letter, office, tmp_path):
    office.thai_numerals = True
    office.save()
    content = make_letter(body="\n\n".join(BODY * 12))
    path = render(content, "final", tmp_path, name="thai-numerals")
    save_page_png(path, "letter-thai-numerals", page=2)
    pages = page_texts(path)
    assert len(pages) >= 2
    assert pages[1].startswith("-๒-")
    assert "-๑-" not in pages[0]
    assert "ที่ศธ๐๔๑๒๓/๑" in pages[0] and "๓๐พฤศจิกายน๒๕๖๙" in pages[0]
    assert not re.search(r"[0-9]", "".join(pages))


def test_the_letter_text_reads_back_exactly_as_typed(make_letter, tmp_path):
    content = make_letter(body="ขอให้ผู้อำนวยการโรงเรียนนำเสนอผลการดำเนินงานที่ยอดเยี่ยม ณ ห้องประชุมโพธิ์ทอง")
    assert compact(content.body) in page_texts(render(content, "final", tmp_path))[0]


def test_the_letter_is_written_as_pdf_a(make_letter, tmp_path):
    xmp = PdfReader(str(render(make_letter(), "final", tmp_path))).xmp_metadata
    assert xmp is not None and b"pdfaid" in xmp.stream.get_data()


def test_an_unknown_stage_is_refused(make_letter):
    with pytest.raises(ValueError, match="stage"):
        letterpdf.render_letter(make_letter(), stage="printed")


def _text_sizes(path: Path) -> dict[str, float]:
    """Each text run of page 1 with the size it is printed at, in points (Tf size × the text and page scale)."""
    sizes: dict[str, float] = {}

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        if text.strip():
            sizes[compact(recompose_sara_am(text))] = round(size * abs(tm[3] * cm[3]), 1)

    PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
    return sizes


def test_the_body_is_set_at_the_16_pt_th_sarabun_equivalent_and_the_memo_heading_larger(make_letter, tmp_path):
    sizes = _text_sizes(render(make_letter(LetterKind.MEMO), "final", tmp_path))
    body = [size for text, size in sizes.items() if len(text) > 10 and text in compact(BODY[0] + BODY[1])]
    assert body and set(body) == {14.0}  # Sarabun 14 pt = TH Sarabun 16 pt (templates/documents/base.html)
    assert sizes["บันทึกข้อความ"] > 20
