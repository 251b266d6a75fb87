"""Reading and writing CSV / XLSX tables for imports and exports.

Imports are all-or-nothing: callers validate every row, collect RowErrors, and only
write when there are none (see schools.services.schools_import). Reading is bounded: the
upload's size, an XLSX's uncompressed size and compression ratio are checked before openpyxl
opens it, and rows are read one at a time up to the limits below, never the whole sheet first.

Exports never fail on stored text and never write a formula: strings go through core.text's
rule (no control character reaches the XML) and are written as text cells; a CSV cell that
starts like a formula (= + - @ tab) gets a leading apostrophe (OWASP "CSV injection").

XLSX cells carry their type: a date is a date and a number a number (so a sheet sorts, sums and
filters them), shown in the Buddhist Era through the cell's number format (XLSX_DATE_FORMAT);
text made of digits (a 10-digit school code, a phone number) is a text cell formatted "@" so
neither Excel nor LibreOffice turns it into a number or drops its leading zeros.
Download names: `attachment_disposition("ทะเบียนสถานศึกษา-2569-11-30.xlsx")`; a whole download:
`download_response(write_xlsx(...), "ทะเบียนสถานศึกษา-2569-11-30.xlsx", fallback="schools-2569-11-30.xlsx")`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse
from django.utils import timezone

from .text import clean_text

MAX_IMPORT_ROWS = 20000  # data rows, header and empty rows not counted
MAX_SHEET_ROWS = 50000  # rows read at most, empty ones included (a sheet can declare a million empty rows)
MAX_IMPORT_COLUMNS = 100
MAX_IMPORT_BYTES = 5 * 1024 * 1024  # the uploaded file itself
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024  # every part of the XLSX zip, uncompressed
MAX_COMPRESSION_RATIO = 200  # spreadsheet XML packs 5-50 times; far more is a zip bomb
XLSX_MAX_CELL_CHARS = 32767  # Excel's limit; a longer cell makes Excel "repair" the file

_MB = 1024 * 1024
_UNREADABLE_XLSX = "อ่านไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ .xlsx"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_INVALID_TITLE = re.compile(r"[\\*?:/\[\]]")
_INVALID_FILENAME = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]')
_CODE_LIKE = re.compile(r"[\d\s().+-]*\d[\d\s().+-]*")  # 0012345678, 0 4412 3456, +66 44 123 456

# Excel's LCID number-format prefix [$-NNCCLLLL]: NN=01 Western digits, CC=07 Thai Buddhist calendar,
# LLLL=041E Thai, so the year shows as 2569 and the month as พ.ย. (LibreOffice 7.4 shows "30 พ.ย. 2569",
# checked by converting an export to CSV; it does not read the newer "[$-th-TH,107]" form, which it
# shows as a serial number). The value stays a real date: it sorts and filters as one.
XLSX_DATE_FORMAT = "[$-107041E]d mmm yyyy"
XLSX_DATETIME_FORMAT = "[$-107041E]d mmm yyyy hh:mm"


@dataclass(frozen=True)
class RowError:
    row: int  # as the user sees it in the spreadsheet: header is row 1
    column: str
    message: str


class ImportFailed(Exception):
    """Nothing was saved; `errors` says what to fix, row by row."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} ข้อผิดพลาด")
        self.errors = errors


class NumericCell(str):
    """A cell Excel stored as a number: a code in it may have lost its leading zeros."""


def _clean(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float):
        return NumericCell(value)
    return clean_text(str(value), multiline=True).strip()


# --- imports -------------------------------------------------------------------------------------


def read_table(upload: UploadedFile, *, required: Sequence[str]) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, with or without BOM, or Thai Windows) or XLSX file, keyed by header.

    Cells come back as stripped strings cleaned by core.text. Raises ValidationError (Thai) for an
    unreadable or oversized file, missing columns, or more than MAX_IMPORT_ROWS rows.
    """
    name = (upload.name or "").lower()
    if not name.endswith((".xlsx", ".csv")):
        raise ValidationError("รองรับเฉพาะไฟล์ .csv หรือ .xlsx")
    if (upload.size or 0) > MAX_IMPORT_BYTES:
        raise ValidationError(f"ไฟล์นำเข้าต้องมีขนาดไม่เกิน {MAX_IMPORT_BYTES // _MB} MB")
    header, rows = _read_xlsx(upload, required) if name.endswith(".xlsx") else _read_csv(upload, required)
    return [dict(zip(header, row, strict=False)) for row in rows]


def _read_csv(upload: UploadedFile, required: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp874")  # Thai Windows encoding, common in Excel's "CSV"
        except UnicodeDecodeError:
            raise ValidationError("อ่านไฟล์ CSV ไม่ได้ กรุณาบันทึกเป็น CSV UTF-8") from None
    rows = _guarded(csv.reader(io.StringIO(text)), "อ่านไฟล์ CSV ไม่ได้ รูปแบบไฟล์ไม่ถูกต้อง")
    return _collect(([_without_formula_guard(c) for c in row] for row in rows), required)


def _without_formula_guard(cell: str) -> str:
    """A cell as it was before write_csv neutralised it ("'+66 44..." -> "+66 44..."), so CSV round trips."""
    if cell.startswith("'") and cell[1:].lstrip().startswith(_FORMULA_START):
        return cell[1:]
    return cell


def _read_xlsx(upload: UploadedFile, required: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook

    _check_xlsx_archive(upload)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise ValidationError(_UNREADABLE_XLSX) from None
    try:
        if (sheet.max_row or 0) > MAX_SHEET_ROWS:
            raise ValidationError(
                f"ไฟล์ระบุว่าแผ่นงานมี {sheet.max_row:,} แถว เกิน {MAX_SHEET_ROWS:,} แถวที่อ่านได้ "
                "กรุณาลบแถวที่ไม่ใช้ออก (รวมแถวว่างที่จัดรูปแบบไว้) แล้วบันทึกใหม่"
            )
        rows = sheet.iter_rows(max_row=MAX_SHEET_ROWS + 1, max_col=MAX_IMPORT_COLUMNS, values_only=True)
        return _collect(_guarded(rows, _UNREADABLE_XLSX), required)
    finally:
        workbook.close()


def _check_xlsx_archive(upload: UploadedFile) -> None:
    """Refuse a zip bomb before openpyxl unpacks anything: total size and each part's ratio."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ValidationError(_UNREADABLE_XLSX) from None
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ValidationError(
            f"ไฟล์ Excel นี้เมื่อแตกไฟล์แล้วมีขนาด {unpacked / _MB:,.0f} MB เกิน {MAX_XLSX_UNPACKED_BYTES // _MB} MB "
            "ที่นำเข้าได้ กรุณาแบ่งเป็นหลายไฟล์หรือลบแถวที่ไม่ใช้ออก"
        )
    for part in parts:
        if part.file_size > _MB and part.file_size > MAX_COMPRESSION_RATIO * max(part.compress_size, 1):
            raise ValidationError("ไฟล์ Excel นี้ถูกบีบอัดผิดปกติ (อาจเป็นไฟล์อันตราย) ระบบไม่เปิดอ่าน")
    upload.seek(0)


def _guarded(rows: Iterator[Sequence[object]], message: str) -> Iterator[Sequence[object]]:
    """`rows`, with a parser's error (bad XML, a CSV field over the size limit) as a Thai ValidationError."""
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception:  # noqa: BLE001 - csv.Error, XML parse errors, openpyxl's own
            raise ValidationError(message) from None
        yield row


def _collect(rows: Iterable[Sequence[object]], required: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """The header (first non-empty row) and the data rows padded to its width, read one at a time.

    Stops at the first row past MAX_SHEET_ROWS (empty rows included) or MAX_IMPORT_ROWS data rows.
    """
    header: list[str] | None = None
    body: list[list[str]] = []
    for scanned, raw in enumerate(rows, start=1):
        if scanned > MAX_SHEET_ROWS:
            raise ValidationError(f"ไฟล์มีเกิน {MAX_SHEET_ROWS:,} แถว (นับแถวว่างด้วย) กรุณาลบแถวที่ไม่ใช้ออกแล้วบันทึกใหม่")
        row = _trimmed([_clean(c) for c in raw[:MAX_IMPORT_COLUMNS]])
        if not row:
            continue
        if header is None:
            header = [clean_text(h, multiline=False) for h in row]
            missing = [col for col in required if col not in header]
            if missing:
                raise ValidationError(f"ไฟล์ไม่มีคอลัมน์ที่จำเป็น: {', '.join(missing)}")
            continue
        if len(body) == MAX_IMPORT_ROWS:
            raise ValidationError(f"นำเข้าได้ครั้งละไม่เกิน {MAX_IMPORT_ROWS:,} แถว")
        body.append((row + [""] * len(header))[: len(header)])
    if header is None:
        raise ValidationError("ไฟล์ว่าง ไม่มีข้อมูล")
    return header, body


def _trimmed(row: list[str]) -> list[str]:
    while row and not row[-1]:
        row.pop()
    return row


# --- exports -------------------------------------------------------------------------------------


def _export_text(value: str) -> str:
    """Stored text as it may go into a file: core.text's multiline rule (no control characters)."""
    return clean_text(str(value), multiline=True)


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        text = _export_text(value)
        start = text.lstrip()
        if start.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(start):
            return "'" + text  # shown as text by Excel/LibreOffice, never run as a formula
        return text
    return value


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A UTF-8 CSV (with BOM so Excel opens Thai correctly); formula-like text is neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_csv_value(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _xlsx_value(value: object, *, as_text: bool) -> object:
    """A value openpyxl can always write; text stays text (see _xlsx_cell)."""
    if value is None:
        return ""
    if as_text:
        return _export_text(value)[:XLSX_MAX_CELL_CHARS]
    if isinstance(value, bool | int | Decimal | dt.date | dt.time) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return _export_text(value)[:XLSX_MAX_CELL_CHARS]


def _xlsx_cell(sheet: object, value: object, *, as_text: bool = False) -> object:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=_xlsx_value(value, as_text=as_text))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # openpyxl makes "=..." a formula; a stored "=HYPERLINK(...)" stays text
        if as_text or _CODE_LIKE.fullmatch(cell.value):
            cell.number_format = "@"  # a code or phone number: text, leading zeros kept
    elif isinstance(cell.value, dt.datetime):
        cell.number_format = XLSX_DATETIME_FORMAT
    elif isinstance(cell.value, dt.date):
        cell.number_format = XLSX_DATE_FORMAT
    return cell


def _sheet_title(title: str) -> str:
    """A title Excel accepts: no \\ * ? : / [ ], not wrapped in apostrophes, at most 31 characters."""
    text = _INVALID_TITLE.sub(" ", clean_text(str(title), multiline=False))
    return text[:31].strip().strip("'").strip() or "ข้อมูล"


def write_xlsx(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, title: str = "ข้อมูล", text_columns: Sequence[int] = ()
) -> bytes:
    """An XLSX workbook; `text_columns` are stored as text so codes keep their leading zeros."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(title))
    rows = iter(rows)
    first = next(rows, None)  # its types set the column widths
    for idx, header in enumerate(headers, start=1):
        value = first[idx - 1] if first is not None and idx <= len(first) else None
        wide = 18 if isinstance(value, dt.datetime) else 12  # "30 พ.ย. 2569 09:15" is not cut to ###
        sheet.column_dimensions[get_column_letter(idx)].width = max(wide, len(str(header)) + 4)
    bold = Font(bold=True)
    header_cells = [_xlsx_cell(sheet, h, as_text=True) for h in headers]
    for cell in header_cells:
        cell.font = bold
    sheet.append(header_cells)
    text = set(text_columns)
    for row in itertools.chain([] if first is None else [first], rows):
        sheet.append([_xlsx_cell(sheet, v, as_text=i in text) for i, v in enumerate(row)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- download names ------------------------------------------------------------------------------


def attachment_disposition(name: str, *, fallback: str = "") -> str:
    """A Content-Disposition header that downloads as `name` (Thai kept, RFC 6266/5987).

    Browsers read `filename*=UTF-8''…`; the plain `filename="…"` is an ASCII fallback for old
    clients: `fallback` if given, else `name` without its non-ASCII letters ("download" if none).
    """
    name = _INVALID_FILENAME.sub("-", clean_text(str(name), multiline=False)).strip() or "download"
    stem, dot, ext = name.rpartition(".")
    ascii_name = fallback or _ascii_file_name(stem if dot else name, ext if dot else "")
    ascii_name = _INVALID_FILENAME.sub("-", ascii_name).encode("ascii", "ignore").decode()
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_response(
    body: bytes, name: str, *, fallback: str = "", content_type: str = XLSX_CONTENT_TYPE
) -> HttpResponse:
    """`body` (an XLSX unless `content_type` says otherwise) downloaded as `name`: see attachment_disposition."""
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = attachment_disposition(name, fallback=fallback)
    return response


def _ascii_file_name(stem: str, ext: str) -> str:
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^A-Za-z0-9._-]+", "-", plain)
    plain = re.sub(r"-{2,}", "-", plain).strip("-.")
    if not re.search(r"[A-Za-z]", plain):
        plain = f"download-{plain}" if plain else "download"
    return f"{plain}.{ext}" if ext else plain
