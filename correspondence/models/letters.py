"""Register entries (one Letter per entry in any register) and their scanned attachments."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .choices import Channel, DocumentType, Secrecy, Status, Urgency
from .registers import Register

REDACTED = "(หนังสือชั้นความลับ)"
# Fields a person without clearance never sees on a secret entry.
SECRET_FIELDS = ("subject", "subject_upper", "sender", "recipient_text", "external_no", "remarks", "instruction")
# Everything else but the number, year, register and secrecy level (and the ที่ made of the number) is
# blanked too: the uncleared learn only that the number is taken and how secret the entry is.
REDACTED_VALUES = {
    "registered_at": None, "letter_date": None, "deadline": None, "urgency": 0, "document_type": "",
    "channel": "", "status": "", "retention_years": None, "cancel_reason": "", "cancelled_at": None,
    "cancelled_by_id": None, "owner_id": None, "created_by_id": None, "created_at": None, "destruction_id": None,
}  # fmt: skip


class Letter(models.Model):
    """One entry in a register: the columns of forms 13/14 plus urgency, secrecy and keeping."""

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="letters", verbose_name="ทะเบียน")
    year = models.PositiveIntegerField("ปี พ.ศ.", null=True, blank=True)
    number = models.PositiveIntegerField("เลขทะเบียน", null=True, blank=True)  # เลขทะเบียนรับ/ส่ง
    registered_at = models.DateTimeField("วันเวลาลงทะเบียน", null=True, blank=True)
    reference = models.CharField("ที่", max_length=100, blank=True, help_text="ที่ของหนังสือตามที่พิมพ์")
    external_no = models.CharField("ที่ (ของผู้ส่ง)", max_length=100, blank=True)
    letter_date = models.DateField("ลงวันที่", null=True, blank=True)
    sender = models.CharField("จาก", max_length=300)
    recipient_text = models.TextField("ถึง")
    recipient_schools = models.ManyToManyField(
        "schools.School", blank=True, related_name="letters_received", verbose_name="สถานศึกษาผู้รับ"
    )
    subject = models.CharField("เรื่อง", max_length=500)
    # The subject in capitals, kept by the database: a search matches against it (its trigram index, migration
    # 0011) instead of putting every subject it reads in capitals (Thai has no case; "o-net" finds "O-NET").
    subject_upper = models.GeneratedField(
        expression=Upper("subject"), output_field=models.TextField(), db_persist=True,
        verbose_name="เรื่อง (สำหรับค้นหา)",
    )  # fmt: skip
    remarks = models.TextField("หมายเหตุ", blank=True)
    instruction = models.TextField("คำเกษียน/ข้อสั่งการ", blank=True)
    urgency = models.PositiveSmallIntegerField("ชั้นความเร็ว", choices=Urgency.choices, default=Urgency.NORMAL)
    deadline = models.DateTimeField("ด่วนภายใน", null=True, blank=True)
    secrecy = models.PositiveSmallIntegerField("ชั้นความลับ", choices=Secrecy.choices, default=Secrecy.NORMAL)
    document_type = models.CharField(
        "ชนิดของหนังสือ", max_length=20, choices=DocumentType.choices, default=DocumentType.EXTERNAL
    )
    channel = models.CharField("ช่องทาง", max_length=20, choices=Channel.choices, default=Channel.PAPER)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters_owned",
        verbose_name="เจ้าของเรื่อง",
    )
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.REGISTERED)
    STATUS_COLOURS = {  # badge colour per status ({% status_badge letter %})
        Status.DRAFT: "light border", Status.REGISTERED: "info", Status.PRESENTED: "primary",
        Status.ASSIGNED: "warning", Status.DONE: "success", Status.CANCELLED: "secondary",
    }  # fmt: skip
    retention_years = models.PositiveSmallIntegerField(
        "อายุการเก็บ (ปี)", null=True, blank=True, help_text="เว้นว่าง = เก็บไว้ตลอดไป"
    )
    cancel_reason = models.TextField("เหตุผลที่ยกเลิก", blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้ยกเลิก",
    )
    cancelled_at = models.DateTimeField("ยกเลิกเมื่อ", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้บันทึก"
    )
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    destruction = models.ForeignKey(
        "DestructionBatch",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name="การทำลาย",
        help_text="ทำลายแล้วตามบัญชีหนังสือขอทำลาย (รายการยังอยู่ในทะเบียน)",
    )
    history = HistoricalRecords(excluded_fields=["recipient_schools", "subject_upper"])

    class Meta:
        ordering = ["-year", "-number", "-id"]
        verbose_name = "หนังสือ"
        verbose_name_plural = "หนังสือ"
        constraints = [
            # Backstop behind the locked counter: a number is never given twice.
            models.UniqueConstraint(fields=["register", "year", "number"], name="corr_letter_register_year_number"),
            models.CheckConstraint(
                condition=models.Q(status=Status.DRAFT, number__isnull=True, year__isnull=True)
                | (~models.Q(status=Status.DRAFT) & models.Q(number__isnull=False, year__isnull=False)),
                name="corr_letter_draft_iff_unnumbered",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=Status.CANCELLED) | ~models.Q(cancel_reason=""),
                name="corr_letter_cancel_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["register", "year", "number"]),
            models.Index(fields=["registered_at"]),
            models.Index(fields=["status"]),
        ]

    def __str__(self) -> str:
        if self.number is None:
            return f"ร่าง: {self.subject}"
        return f"{self.register.name} {self.number}/{self.year}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.is_redacted:
            raise RuntimeError("a redacted letter must not be saved")
        super().save(*args, **kwargs)

    # --- derived values -----------------------------------------------------
    @property
    def document_no(self) -> str:
        """The ที่ as printed: ours for outgoing entries, the sender's for received ones."""
        return self.reference or self.external_no

    @property
    def is_secret(self) -> bool:
        return self.secrecy != Secrecy.NORMAL

    @property
    def is_cancelled(self) -> bool:
        return self.status == Status.CANCELLED

    @property
    def is_destroyed(self) -> bool:
        """ทำลายแล้ว: destroyed after the destruction committee's approval (the entry stays)."""
        return self.destruction_id is not None

    @property
    def is_redacted(self) -> bool:
        return getattr(self, "_redacted", False)

    @property
    def deadline_passed(self) -> bool:
        return bool(
            self.deadline and self.deadline < timezone.now() and self.status not in (Status.DONE, Status.CANCELLED)
        )

    @property
    def retention_until_year(self) -> int | None:
        """Last BE year the entry must be kept; destroyable from the year after."""
        if self.retention_years is None or self.year is None:
            return None
        return self.year + self.retention_years

    def redact(self) -> None:
        """Blank what a person without clearance may not see (in memory only; never saved)."""
        for name in SECRET_FIELDS:
            setattr(self, name, REDACTED if name == "subject" else "")
        for name, value in REDACTED_VALUES.items():
            setattr(self, name, value)
        self._redacted = True


def _attachment_path(attachment: Attachment, filename: str) -> str:
    suffix = Path(filename).suffix.lower()[:8]
    return f"correspondence/{timezone.now():%Y/%m}/{attachment.letter_id}-{timezone.now():%H%M%S%f}{suffix}"


class Attachment(models.Model):
    """A scan or file of the letter (PDF, JPEG or PNG, checked by content)."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="attachments", verbose_name="หนังสือ")
    file = models.FileField("ไฟล์", upload_to=_attachment_path, max_length=300)
    original_name = models.CharField("ชื่อไฟล์", max_length=255)
    content_type = models.CharField("ชนิดไฟล์", max_length=60)
    size = models.PositiveBigIntegerField("ขนาด (ไบต์)")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ผู้แนบ"
    )
    uploaded_at = models.DateTimeField("แนบเมื่อ", default=timezone.now)
    position = models.PositiveSmallIntegerField("ลำดับสิ่งที่ส่งมาด้วย", default=0)
    # Form 12: a copy of an incoming scan with the receive stamp drawn on its first page; `file` stays unchanged.
    stamped_file = models.FileField("ไฟล์ที่ประทับตรารับ", upload_to=_attachment_path, blank=True, max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "uploaded_at", "id"]
        verbose_name = "ไฟล์แนบ"
        verbose_name_plural = "ไฟล์แนบ"

    def __str__(self) -> str:
        return self.original_name
