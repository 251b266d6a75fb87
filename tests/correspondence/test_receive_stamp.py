"""The receive stamp (ตรารับหนังสือ, แบบที่ 12) on the scans of received letters (issue 12, part 6)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject

from core.documents import html_to_pdf, recompose_sara_am
from core.roles import Role
from correspondence import services
from correspondence.models import Attachment, Letter
from tests.helpers import save_page_png

OFFICE_NAME = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 5"
REGISTERED_AT = dt.datetime(2026, 11, 21, 2, 30, tzinfo=dt.UTC)  # 09.30 น. in Bangkok
STAMP_CM = {"width": 5.0, "height": 2.5, "top": 1.0, "right": 1.0}
DPI = 144
CM = 2.54


@pytest.fixture
def stamp_office(office):
    office.office_name = OFFICE_NAME
    office.save()
    return office


@pytest.fixture
def receive(users, stamp_office, django_capture_on_commit_callbacks):
    """receive(upload, **columns): the clerk registers a received letter with one scan at 09.30 น.
    (the stamp is drawn once the registration is committed, as after a real request)."""

    def make(upload: SimpleUploadedFile, **kwargs) -> Letter:
        data = {"subject": "ขอเชิญประชุมผู้บริหารสถานศึกษา", "sender": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
                "recipient_text": "ผู้อำนวยการกลุ่มนิเทศฯ", "external_no": "ศธ 04010/ว 1234", "now": REGISTERED_AT}  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            return services.letter_register_incoming(user=users["clerk"], files=[upload], **{**data, **kwargs})

    return make


def _letter_scan(pages: int = 1) -> bytes:
    """A received letter as a scanner would give it: text at the top left and in the body, `pages` pages."""
    body = "".join(
        f'<p style="break-before: {"page" if i else "auto"}">ที่ ศธ 04010/ว 1234 หน้า {i + 1}</p>'
        "<p>เรื่อง ขอเชิญประชุมผู้บริหารสถานศึกษา</p><p>เรียน ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา</p>"
        for i in range(pages)
    )
    font = (Path(settings.FONT_DIR) / "SarabunPrint-Regular.ttf").as_uri()
    style = (
        f'@font-face{{font-family:S;src:url("{font}")}}html{{font:14pt S}}@page{{size:A4;margin:1cm 11.5cm 2cm 2cm}}'
    )
    return html_to_pdf(f"<style>{style}</style>{body}")


def _upload(data: bytes, name: str = "scan.pdf", content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def _image(fmt: str, size: tuple[int, int] = (1240, 1754), mark=(120, 120, 600, 180), **save: object) -> bytes:
    image = Image.new("RGB", size, "white")
    image.paste((40, 40, 40), mark)  # a line of "text" at the top left (as the scan is seen)
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def _blank_pdf(*, width: float, height: float, rotate: int = 0, offset: tuple[int, int] = (0, 0)) -> bytes:
    writer = PdfWriter()
    page = writer.add_blank_page(width=width, height=height)
    x, y = offset
    page.mediabox = RectangleObject([x, y, x + width, y + height])
    if rotate:
        page.rotate(rotate)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _encrypted(data: bytes, *, user_password: str, owner_password: str = "owner") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _skeleton(text: str) -> str:
    """Text without spaces or Thai vowel and tone marks above and below the line."""
    return re.sub(r"[\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", "", recompose_sara_am(text))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stored(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def _stamped_path(letter: Letter) -> Path:
    attachment = letter.attachments.get()
    assert attachment.stamped_file, "no stamped copy"
    return Path(attachment.stamped_file.path)


def _first_page_text(path: Path) -> str:
    return re.sub(r"\s+", "", recompose_sara_am(PdfReader(str(path)).pages[0].extract_text()))


def _ink_box_cm(path: Path, tmp_path: Path) -> tuple[float, float, float, float, float, float]:
    """(page width, page height, left, top, right, bottom) in cm of the dark pixels of page 1 as it is seen
    (poppler applies /Rotate and the crop box), within the right half of the top third of the page."""
    out = tmp_path / "seen"
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(out)], check=True)  # fmt: skip
    with Image.open(f"{out}.png") as image:
        w, h = image.size
        quarter = image.crop((w // 2, 0, w, h // 3)).point(lambda v: 255 if v < 160 else 0)
        found = quarter.getbbox()
    assert found, "nothing is printed in the top right of the page as it is seen"
    left, top, right, bottom = found
    px = CM / DPI
    return w * px, h * px, (left + w // 2) * px, top * px, (right + w // 2) * px, bottom * px


def _assert_stamp_at_top_right(path: Path, tmp_path: Path) -> None:
    page_w, _page_h, left, top, right, bottom = _ink_box_cm(path, tmp_path)
    assert right == pytest.approx(page_w - STAMP_CM["right"], abs=0.05)
    assert top == pytest.approx(STAMP_CM["top"], abs=0.05)
    assert right - left == pytest.approx(STAMP_CM["width"], abs=0.05)
    assert bottom - top == pytest.approx(STAMP_CM["height"], abs=0.05)


def test_the_stamped_copy_carries_the_office_number_date_and_time_of_its_entry(receive, tmp_path):
    letter = receive(_upload(_letter_scan()))
    path = _stamped_path(letter)
    save_page_png(path, "receive-stamp")
    text = _first_page_text(path)
    assert re.sub(r"\s+", "", OFFICE_NAME) in text
    assert f"เลขรับ{letter.number}" in text
    assert "วันที่21พ.ย.69" in text and "เวลา09.30น." in text
    assert "เรื่องขอเชิญประชุมผู้บริหารสถานศึกษา" in text  # the letter itself is still there under the stamp
    _assert_stamp_at_top_right(path, tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        "สพป.ชม.5",
        OFFICE_NAME,
        "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาพระนครศรีอยุธยาอ่างทองและสุพรรณบุรีเขตการศึกษาพิเศษ",
    ],
)
def test_the_office_name_is_shrunk_to_fit_inside_the_box(name, receive, stamp_office):
    stamp_office.office_name = name
    stamp_office.save()
    letter = receive(_upload(_blank_pdf(width=595.28, height=841.89)))
    pt = 72 / CM
    x, y = (21.0 - STAMP_CM["right"] - STAMP_CM["width"]) * pt, STAMP_CM["top"] * pt
    w, h = STAMP_CM["width"] * pt, STAMP_CM["height"] * pt
    crop = [str(round(v)) for v in (x, y, w, h)]
    inside = subprocess.run(["pdftotext", "-x", crop[0], "-y", crop[1], "-W", crop[2], "-H", crop[3],
                             str(_stamped_path(letter)), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    # poppler orders a tone mark by where it is drawn, which at 6 pt can be after the next letter: compare the
    # letters without their marks (the text itself is read back with pypdf in the test above)
    assert _skeleton(name) in _skeleton(inside)
    assert _skeleton(inside).endswith(_skeleton("เวลา 09.30 น."))  # the last line is still inside the box


def test_only_the_first_page_is_stamped_and_every_page_is_kept(receive):
    letter = receive(_upload(_letter_scan(pages=3)))
    reader = PdfReader(str(_stamped_path(letter)))
    assert len(reader.pages) == 3
    assert "เลขรับ" in reader.pages[0].extract_text()
    assert all("เลขรับ" not in page.extract_text() for page in reader.pages[1:])
    assert "หน้า 3" in reader.pages[2].extract_text()


def test_the_original_file_stays_byte_identical(receive):
    scan = _letter_scan()
    letter = receive(_upload(scan))
    attachment = letter.attachments.get()
    assert _sha(_stored(attachment.file)) == _sha(scan)
    assert _sha(_stored(attachment.stamped_file)) != _sha(scan)
    assert attachment.size == len(scan)


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_a_turned_page_with_an_offset_box_gets_the_stamp_at_its_seen_top_right(rotate, receive, tmp_path):
    letter = receive(_upload(_blank_pdf(width=612, height=792, rotate=rotate, offset=(100, 200))))
    path = _stamped_path(letter)
    page_w, page_h, *_ = _ink_box_cm(path, tmp_path)
    letter_w, letter_h = 612 / 72 * CM, 792 / 72 * CM
    assert (page_w, page_h) == pytest.approx((letter_h, letter_w) if rotate % 180 else (letter_w, letter_h), abs=0.05)
    _assert_stamp_at_top_right(path, tmp_path)
    assert f"เลขรับ{letter.number}" in _first_page_text(path)


def test_a_landscape_page_gets_the_stamp_at_its_top_right(receive, tmp_path):
    letter = receive(_upload(_blank_pdf(width=842, height=595)))
    _assert_stamp_at_top_right(_stamped_path(letter), tmp_path)


@pytest.mark.parametrize(
    ("fmt", "name", "mime", "save"),
    [("JPEG", "scan.jpg", "image/jpeg", {"dpi": (150, 150), "quality": 90}), ("PNG", "scan.png", "image/png", {})],
)
def test_jpeg_and_png_scans_get_a_stamped_pdf_of_their_paper_size(fmt, name, mime, save, receive, tmp_path):
    image = _image(fmt, **save)
    letter = receive(_upload(image, name, mime))
    attachment = letter.attachments.get()
    path = _stamped_path(letter)
    assert path.read_bytes().startswith(b"%PDF") and _sha(_stored(attachment.file)) == _sha(image)
    page_w, page_h, *_ = _ink_box_cm(path, tmp_path)
    assert (page_w, page_h) == pytest.approx((21.0, 29.7), abs=0.1)  # 150 dpi A4, or fitted to A4 without a DPI
    _assert_stamp_at_top_right(path, tmp_path)
    assert f"เลขรับ{letter.number}" in _first_page_text(path)


def test_a_photo_taken_sideways_is_stamped_at_the_top_right_as_it_is_seen(receive, tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown turned 90° clockwise: a portrait page
    letter = receive(
        _upload(_image("JPEG", size=(1754, 1240), mark=(120, 640, 180, 1120), exif=exif), "photo.jpg", "image/jpeg")
    )
    path = _stamped_path(letter)
    page_w, page_h, *_ = _ink_box_cm(path, tmp_path)
    assert page_h > page_w
    _assert_stamp_at_top_right(path, tmp_path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"\x00garbage" * 50, "ไฟล์ PDF เสียหาย"),
        ("encrypted", "ตั้งรหัสผ่านสำหรับเปิดไว้"),
    ],
)
def test_a_scan_that_cannot_be_stamped_is_registered_and_the_page_says_why(
    data, reason, users, receive, client_for, django_capture_on_commit_callbacks
):
    if data == "encrypted":
        data = _encrypted(_letter_scan(), user_password="รหัสลับ")
    client = client_for(users["clerk"])
    form = {"external_no": "ศธ 04010/ว 555", "letter_date": "03/11/2569", "sender": "สพฐ.", "recipient_text": "ผอ.",
            "subject": "หนังสือที่สแกนเสีย", "urgency": "0", "secrecy": "0", "document_type": "external",
            "channel": "paper", "files": _upload(data, "เสีย.pdf")}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("correspondence:incoming_create"), form)
    assert response.status_code == 302
    letter = Letter.objects.get(subject="หนังสือที่สแกนเสีย")
    attachment = letter.attachments.get()
    assert letter.number == 1 and not attachment.stamped_file
    assert _sha(_stored(attachment.file)) == _sha(data)
    page = client.get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode()
    assert "ประทับตรารับไม่ได้: “เสีย.pdf”" in page and reason in page
    stamped_url = reverse("correspondence:attachment_download", args=[attachment.pk]) + "?stamped=1"
    assert client.get(stamped_url).status_code == 404
    assert client.get(reverse("correspondence:attachment_download", args=[attachment.pk])).status_code == 200


def test_a_pdf_locked_only_against_editing_is_stamped_and_stays_locked_in_the_original(receive):
    locked = _encrypted(_letter_scan(), user_password="")
    letter = receive(_upload(locked))
    attachment = letter.attachments.get()
    assert PdfReader(io.BytesIO(_stored(attachment.file))).is_encrypted
    assert _sha(_stored(attachment.file)) == _sha(locked)
    assert f"เลขรับ{letter.number}" in _first_page_text(_stamped_path(letter))


def test_outgoing_entries_are_not_stamped(users, stamp_office, django_capture_on_commit_callbacks):
    letter = services.letter_register_outgoing(user=users["clerk"], register_code="send", subject="แจ้งกำหนดการนิเทศ",
                                               recipient_text="ผู้อำนวยการโรงเรียนในสังกัด")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_add(user=users["clerk"], letter=letter, upload=_upload(_letter_scan()))
    attachment = letter.attachments.get()
    assert not attachment.stamped_file
    assert not letter.steps.filter(text__startswith="ประทับตรารับไม่ได้").exists()


def test_the_entry_page_links_the_original_and_the_stamped_copy(users, receive, client_for):
    letter = receive(_upload(_letter_scan(), "หนังสือเชิญ.pdf"))
    attachment = letter.attachments.get()
    client = client_for(users["clerk"])
    page = client.get(reverse("correspondence:letter_detail", args=[letter.pk])).content.decode()
    url = reverse("correspondence:attachment_download", args=[attachment.pk])
    assert f'href="{url}">ไฟล์ต้นฉบับ</a>' in page
    assert f'href="{url}?stamped=1"' in page and "ฉบับประทับตรารับ</a>" in page
    original, stamped = client.get(url), client.get(url, {"stamped": "1"})
    assert b"".join(original.streaming_content) == _stored(attachment.file)
    assert stamped["Content-Type"] == "application/pdf"
    assert b"".join(stamped.streaming_content) == _stored(attachment.stamped_file)
    assert "หนังสือเชิญ-ประทับตรารับ.pdf" in stamped["Content-Disposition"] or "filename*=" in stamped["Content-Disposition"]


ALL_ROLES = [role.value for role in Role]


@pytest.mark.parametrize("secrecy", [0, 1])
@pytest.mark.parametrize("role", [*ALL_ROLES, "assignee"])
def test_the_stamped_copy_follows_the_access_rules_of_the_original(
    role, secrecy, users, receive, make_user, client_for
):
    letter = receive(_upload(_letter_scan()), secrecy=secrecy)
    users["assignee"] = make_user("supervisor", username="assignee")
    services.letter_present(user=users["clerk"], letter=letter)
    services.letter_instruct(
        user=users["director"], letter=letter, instruction="ดำเนินการ", assignees=[users["assignee"]]
    )
    client = client_for(users[role])
    url = reverse("correspondence:attachment_download", args=[letter.attachments.get().pk])
    original, stamped = client.get(url).status_code, client.get(url, {"stamped": "1"}).status_code
    assert stamped == original
    if role in ("member", "school"):
        assert stamped == 404  # outsiders are not told the entry exists
    elif secrecy and role not in ("clerk", "director", "assignee"):
        assert stamped == 403  # the number is known, the secret content is not
    else:
        assert stamped == 200


def test_the_backfill_stamps_old_entries_once_and_counts_them(receive, capsys):
    letters = [receive(_upload(_letter_scan())) for _ in range(2)]
    Attachment.objects.update(stamped_file="")  # as entries registered before the stamp existed
    call_command("stamp_scans")
    assert "ประทับตรารับแล้ว 2 ไฟล์" in capsys.readouterr().out
    assert all(letter.attachments.get().stamped_file for letter in letters)
    call_command("stamp_scans")
    assert "ประทับตรารับแล้ว 0 ไฟล์" in capsys.readouterr().out
    old = Path(letters[0].attachments.get().stamped_file.path)
    call_command("stamp_scans", "--all")
    assert "ประทับตรารับแล้ว 2 ไฟล์" in capsys.readouterr().out
    assert not old.exists() and Path(letters[0].attachments.get().stamped_file.path).exists()


def test_the_backfill_counts_a_broken_scan_and_notes_it_once(receive, capsys):
    letter = receive(_upload(b"%PDF-1.4\n" + b"\x00" * 400))
    call_command("stamp_scans")
    call_command("stamp_scans")
    assert "ประทับไม่ได้ 1 ไฟล์" in capsys.readouterr().out
    assert letter.steps.filter(text__startswith="ประทับตรารับไม่ได้").count() == 1
