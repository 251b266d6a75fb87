"""The correspondence app's sub-navigation (drawn by core: {% subnav "correspondence" %}).

On a letter's own pages the tab of its register is lit (a draft lights ร่างรอออกเลข).
"""

from __future__ import annotations

from django.http import HttpRequest

from core.subnav import Tab, path_has

from . import access

LABEL = "เมนูงานสารบรรณ"


def _register(code: str) -> object:
    def active(request: HttpRequest, context: dict) -> bool:
        letter = context.get("letter")
        on_letter = letter is not None and letter.register.code == code and letter.status != "draft"
        return f"/registers/{code}/" in request.path or on_letter

    return active


def _drafts(request: HttpRequest, context: dict) -> bool:
    letter = context.get("letter")
    return request.path == "/correspondence/drafts/" or (letter is not None and letter.status == "draft")


def _register_args(code: str) -> object:
    return lambda request: (code,)


TABS = [
    Tab("งานของฉัน", "correspondence:inbox", path_has("/inbox/"), icon="inbox"),
    Tab("ทะเบียนรับ", "correspondence:register_list", _register("receive"), args=_register_args("receive")),
    Tab("ทะเบียนส่ง", "correspondence:register_list", _register("send"), args=_register_args("send")),
    Tab("หนังสือเวียน (ว)", "correspondence:register_list", _register("circular"), args=_register_args("circular")),
    Tab("คำสั่ง", "correspondence:register_list", _register("order"), args=_register_args("order")),
    Tab("ร่างรอออกเลข", "correspondence:draft_list", _drafts),
    Tab("ร่างหนังสือส่ง", "correspondence:draft_create", path_has("/drafts/new/"), icon="pencil",
        roles=access.DRAFTERS),
    Tab("เขียนหนังสือ", "correspondence:letter_write", path_has("/write/"), icon="file-earmark-text",
        roles=access.DRAFTERS),
    Tab("รอฉันตรวจ/ลงนาม", "correspondence:approval_list", path_has("/approvals/"), icon="pen"),
    Tab("แม่แบบหนังสือ", "correspondence:template_list", path_has("/letter-templates/"), roles=access.TEMPLATE_KEEPERS),
    Tab("ข้อความเกษียน", "correspondence:phrase_list", path_has("/instruction-phrases/"), roles=access.PHRASE_KEEPERS),
    Tab("ลงทะเบียนรับ", "correspondence:incoming_create", path_has("/receive/new/"), icon="plus-circle",
        roles=access.REGISTRARS),
    Tab("เก็บรักษา/ยืม/ทำลาย", "correspondence:keeping", path_has("/keeping/"), roles=access.REGISTRARS),
    Tab("เลขเริ่มต้นของปี", "correspondence:counters", path_has("/counters/"), roles=access.REGISTRARS),
]  # fmt: skip
