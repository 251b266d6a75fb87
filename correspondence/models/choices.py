"""Choices of the 2526 correspondence regulation (ระเบียบงานสารบรรณ)."""

from __future__ import annotations

from django.db import models


class Direction(models.TextChoices):
    INCOMING = "in", "หนังสือรับ"
    OUTGOING = "out", "หนังสือส่ง"


class NumberFormat(models.TextChoices):
    """How a register prints the ที่ of its entries."""

    SENDER = "sender", "ที่ของผู้ส่ง (ทะเบียนรับ)"
    CODE_NUMBER = "code_number", "รหัสหนังสือ/เลขที่ เช่น ศธ 04123/1234"
    CODE_SERIES = "code_series", "รหัสหนังสือ/อักษรชุด เลขที่ เช่น ศธ 04123/ว 99"
    NUMBER_YEAR = "number_year", "เลขที่/ปี พ.ศ. เช่น 185/2569"


class Urgency(models.IntegerChoices):
    NORMAL = 0, "ปกติ"
    URGENT = 1, "ด่วน"
    VERY_URGENT = 2, "ด่วนมาก"
    MOST_URGENT = 3, "ด่วนที่สุด"


class Secrecy(models.IntegerChoices):
    NORMAL = 0, "ปกติ"
    CONFIDENTIAL = 1, "ลับ"
    SECRET = 2, "ลับมาก"
    TOP_SECRET = 3, "ลับที่สุด"


class DocumentType(models.TextChoices):
    EXTERNAL = "external", "หนังสือภายนอก"
    INTERNAL = "internal", "หนังสือภายใน (บันทึกข้อความ)"
    STAMPED = "stamped", "หนังสือประทับตรา"
    DIRECTIVE = "directive", "หนังสือสั่งการ (คำสั่ง ระเบียบ ข้อบังคับ)"
    PUBLIC = "public", "หนังสือประชาสัมพันธ์ (ประกาศ แถลงการณ์ ข่าว)"
    RECORD = "record", "หนังสือที่เจ้าหน้าที่ทำขึ้นหรือรับไว้เป็นหลักฐาน"


class Channel(models.TextChoices):
    PAPER = "paper", "กระดาษ (ไปรษณีย์/นำส่ง)"
    EMAIL = "email", "ไปรษณีย์อิเล็กทรอนิกส์ (อีเมล)"
    ELECTRONIC = "electronic", "ระบบสารบรรณอิเล็กทรอนิกส์"


class Status(models.TextChoices):
    DRAFT = "draft", "ร่าง รอออกเลข"
    REGISTERED = "registered", "ลงทะเบียนแล้ว"
    PRESENTED = "presented", "เสนอ ผอ.กลุ่มแล้ว"
    ASSIGNED = "assigned", "สั่งการ/มอบหมายแล้ว"
    DONE = "done", "ปฏิบัติแล้ว"
    CANCELLED = "cancelled", "ยกเลิก"


class StepKind(models.TextChoices):
    DRAFTED = "drafted", "ร่างหนังสือ"
    REGISTERED = "registered", "ลงทะเบียนรับ"
    ISSUED = "issued", "ออกเลขทะเบียนส่ง"
    ATTACHED = "attached", "แนบไฟล์"
    PRESENTED = "presented", "เสนอ ผอ.กลุ่ม"
    INSTRUCTED = "instructed", "เกษียนหนังสือ/สั่งการ"
    ASSIGNED = "assigned", "มอบหมาย"
    ACKNOWLEDGED = "acknowledged", "รับทราบ"
    DONE = "done", "ปฏิบัติแล้ว"
    CANCELLED = "cancelled", "ยกเลิก"
    BORROWED = "borrowed", "ยืมหนังสือ"
    RETURNED = "returned", "คืนหนังสือ"
    DESTROYED = "destroyed", "ทำลายหนังสือ"
    # Letters written in the system (models.drafting): the approval chain and delivery.
    SUBMITTED = "submitted", "เสนอร่างหนังสือ"
    CHECKED = "checked", "ตรวจร่าง/เสนอผ่าน"
    DRAFT_RETURNED = "draft_returned", "ส่งร่างกลับแก้ไข"
    SIGNED = "signed", "ลงนาม"
    NEW_VERSION = "new_version", "ยกเลิกฉบับเดิม แก้ไขเป็นฉบับใหม่"
    SENT = "sent", "ส่งหนังสือ"
    REMINDED = "reminded", "เตือนผู้รับที่ยังไม่รับทราบ"
    REPLIED = "replied", "ลงทะเบียนหนังสือตอบ"
