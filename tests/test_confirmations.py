"""Irreversible steps ask first: every submit button that issues a number, publishes, approves, signs,
sends, returns, cancels or destroys carries data-confirm (static/js/confirm.js asks in Thai)."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
IRREVERSIBLE = ("ออกเลข", "เผยแพร่", "อนุมัติ", "ยกเลิกหนังสือ", "ลงนาม", "ทำลาย", "ส่งหนังสือ", "ส่งคืน", "ยกเลิกรายการ")
BUTTON = re.compile(r"<button\b([^>]*)>(.*?)</button>", re.S)
MARKUP = re.compile(r"<[^>]+>|\{[%{].*?[%}]\}", re.S)


def unconfirmed_buttons(html: str) -> list[str]:
    found = []
    for attrs, label in BUTTON.findall(html):
        text = MARKUP.sub("", label).strip()
        if any(word in text for word in IRREVERSIBLE) and "data-confirm" not in attrs and 'type="button"' not in attrs:
            found.append(text)
    return found


def test_the_scan_finds_an_unconfirmed_number_button():
    assert unconfirmed_buttons('<button class="btn" type="submit">ออกเลขทะเบียนส่ง</button>') == ["ออกเลขทะเบียนส่ง"]
    assert unconfirmed_buttons('<button type="submit" data-confirm="ยืนยัน">ออกเลข</button>') == []


def test_every_irreversible_button_in_the_templates_asks_first():
    missing = {
        str(path.relative_to(TEMPLATES)): found
        for path in TEMPLATES.rglob("*.html")
        if (found := unconfirmed_buttons(path.read_text(encoding="utf-8")))
    }
    assert missing == {}
