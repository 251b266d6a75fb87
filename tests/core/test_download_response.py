"""One download response for every exported sheet: the XLSX type and a Thai name with an ASCII fallback."""

from __future__ import annotations

from urllib.parse import unquote

from core import tabular


def test_a_sheet_downloads_under_its_thai_name_with_an_ascii_fallback():
    body = tabular.write_xlsx(["เลขทะเบียน", "เรื่อง"], [[1, "ขอเชิญประชุมคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา"]])
    response = tabular.download_response(
        body, "ทะเบียนหนังสือรับ-2569-11-30.xlsx", fallback="register-receive-20261130.xlsx"
    )
    header = response["Content-Disposition"]
    assert response["Content-Type"] == tabular.XLSX_CONTENT_TYPE and response.content == body
    assert 'filename="register-receive-20261130.xlsx"' in header
    assert unquote(header.split("filename*=UTF-8''")[1]) == "ทะเบียนหนังสือรับ-2569-11-30.xlsx"


def test_a_csv_keeps_its_own_content_type():
    response = tabular.download_response(
        b"a,b\r\n", "ทะเบียนสถานศึกษา-2569-11-30.csv", content_type="text/csv; charset=utf-8"
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="download-2569-11-30.csv"')
