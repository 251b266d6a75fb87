"""Reading and writing CSV / XLSX tables for imports and exports.

Imports are all-or-nothing: callers validate every row, collect RowErrors, and only
write when there are none (see schools.services.schools_import).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

MAX_IMPORT_ROWS = 20000


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
    return str(value).strip()


def read_table(upload: UploadedFile, *, required: Sequence[str]) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, with or without BOM) or XLSX file, keyed by header.

    Cells come back as stripped strings. Raises ValidationError (Thai) for an
    unreadable file or missing columns.
    """
    name = (upload.name or "").lower()
    if name.endswith(".xlsx"):
        header, rows = _read_xlsx(upload)
    elif name.endswith(".csv"):
        header, rows = _read_csv(upload)
    else:
        raise ValidationError("รองรับเฉพาะไฟล์ .csv หรือ .xlsx")
    missing = [col for col in required if col not in header]
    if missing:
        raise ValidationError(f"ไฟล์ไม่มีคอลัมน์ที่จำเป็น: {', '.join(missing)}")
    if len(rows) > MAX_IMPORT_ROWS:
        raise ValidationError(f"นำเข้าได้ครั้งละไม่เกิน {MAX_IMPORT_ROWS:,} แถว")
    return [dict(zip(header, row, strict=False)) for row in rows]


def _read_csv(upload: UploadedFile) -> tuple[list[str], list[list[str]]]:
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp874")  # Thai Windows encoding, common in Excel's "CSV"
        except UnicodeDecodeError:
            raise ValidationError("อ่านไฟล์ CSV ไม่ได้ กรุณาบันทึกเป็น CSV UTF-8") from None
    reader = csv.reader(io.StringIO(text))
    table = [[_clean(c) for c in row] for row in reader]
    return _split(table)


def _read_xlsx(upload: UploadedFile) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise ValidationError("อ่านไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ .xlsx") from None
    sheet = workbook.worksheets[0]
    table = [[_clean(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return _split(table)


def _split(table: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    table = [row for row in table if any(row)]
    if not table:
        raise ValidationError("ไฟล์ว่าง ไม่มีข้อมูล")
    header, *rows = table
    width = len(header)
    return header, [(row + [""] * width)[:width] for row in rows]


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8-sig")  # BOM so Excel opens Thai correctly


def write_xlsx(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, title: str = "ข้อมูล", text_columns: Sequence[int] = ()
) -> bytes:
    """An XLSX workbook; `text_columns` are stored as text so codes keep their leading zeros."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(["" if v is None else v for v in row])
    for col in text_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col + 1, max_col=col + 1):
            cell.number_format = "@"
            cell.value = "" if cell.value is None else str(cell.value)
    for idx, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=idx).column_letter].width = max(12, len(header) + 4)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
