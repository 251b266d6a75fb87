"""Official letters written in the system: their content (by version), the approval chain that
checks and signs them, the copies kept, reusable templates, and delivery to schools and people.

A letter written here is an outgoing register entry (Letter, status DRAFT until dispatch) with
one or more LetterContent versions. The current version is the newest one not voided. Once
signed, a version is never edited: a correction voids it (with a reason) and starts the next
version, and both are kept. Numbering (dispatch) needs a signed current version.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core import uploads

from .choices import Channel
from .letters import Letter


class LetterKind(models.TextChoices):
    """The forms of the regulation a letter can be written in (each has its own printed layout)."""

    EXTERNAL = "external", "หนังสือภายนอก"
    MEMO = "memo", "หนังสือภายใน (บันทึกข้อความ)"
    STAMPED = "stamped", "หนังสือประทับตรา"
    ORDER = "order", "คำสั่ง"
    ANNOUNCEMENT = "announcement", "ประกาศ"


# The register's document type (ชนิดของหนังสือ) each letter form is recorded as.
KIND_DOCUMENT_TYPE = {
    LetterKind.EXTERNAL: "external", LetterKind.MEMO: "internal", LetterKind.STAMPED: "stamped",
    LetterKind.ORDER: "directive", LetterKind.ANNOUNCEMENT: "public",
}  # fmt: skip


class ContentState(models.TextChoices):
    EDITING = "editing", "กำลังร่าง"
    IN_REVIEW = "in_review", "อยู่ระหว่างเสนอ"
    RETURNED = "returned", "ส่งกลับให้แก้ไข"
    SIGNED = "signed", "ลงนามแล้ว"
    VOIDED = "voided", "ยกเลิกฉบับนี้แล้ว"


class ApprovalRole(models.TextChoices):
    CHECK = "check", "ตรวจ/เสนอผ่าน"
    SIGN = "sign", "ลงนาม"


class Decision(models.TextChoices):
    PENDING = "pending", "รอดำเนินการ"
    APPROVED = "approved", "เห็นชอบ/เสนอต่อ"
    RETURNED = "returned", "ส่งกลับแก้ไข"
    SIGNED = "signed", "ลงนามแล้ว"
    SKIPPED = "skipped", "ไม่ต้องดำเนินการ (ร่างถูกส่งกลับ)"


class LetterTemplate(models.Model):
    """A reusable letter of the office (ขอเชิญประชุม, แจ้งกำหนดการนิเทศ …) a drafter starts from."""

    name = models.CharField("ชื่อแม่แบบ", max_length=200, unique=True)
    kind = models.CharField("รูปแบบหนังสือ", max_length=20, choices=LetterKind.choices, default=LetterKind.EXTERNAL)
    register_code = models.CharField("ทะเบียนที่ใช้", max_length=30, default="send")
    subject = models.CharField("เรื่อง", max_length=500, blank=True)
    salutation = models.CharField("คำขึ้นต้น", max_length=100, blank=True, default="เรียน")
    addressee = models.CharField("ผู้รับ (เรียน)", max_length=500, blank=True)
    enclosures = models.TextField("สิ่งที่ส่งมาด้วย", blank=True, help_text="บรรทัดละหนึ่งรายการ")
    body = models.TextField("ข้อความ", blank=True, help_text="เว้นบรรทัดว่างระหว่างย่อหน้า")
    closing = models.CharField("คำลงท้าย", max_length=100, blank=True, default="ขอแสดงความนับถือ")
    is_active = models.BooleanField("ใช้งาน", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "แม่แบบหนังสือ"
        verbose_name_plural = "แม่แบบหนังสือ"

    def __str__(self) -> str:
        return self.name


def _pdf_path(content: LetterContent, filename: str) -> str:
    return uploads.stored_name(f"letters/{content.letter_id}", filename)


class LetterContent(models.Model):
    """One version of what a letter says, in the parts the regulation gives its form."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="contents", verbose_name="หนังสือ")
    version = models.PositiveSmallIntegerField("ฉบับแก้ไขที่", default=1)
    kind = models.CharField("รูปแบบหนังสือ", max_length=20, choices=LetterKind.choices, default=LetterKind.EXTERNAL)
    state = models.CharField("สถานะร่าง", max_length=20, choices=ContentState.choices, default=ContentState.EDITING)
    template = models.ForeignKey(
        LetterTemplate, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="แม่แบบ"
    )
    salutation = models.CharField("คำขึ้นต้น", max_length=100, default="เรียน")
    addressee = models.CharField("ผู้รับ (เรียน)", max_length=500, blank=True)
    reference_text = models.TextField("อ้างถึง", blank=True)
    reference_letter = models.ForeignKey(
        Letter, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="อ้างถึงหนังสือในทะเบียน"
    )
    enclosures = models.TextField("สิ่งที่ส่งมาด้วย", blank=True, help_text="บรรทัดละหนึ่งรายการ ตามลำดับ")
    body = models.TextField("ข้อความ", blank=True, help_text="เว้นบรรทัดว่างระหว่างย่อหน้า")
    closing = models.CharField("คำลงท้าย", max_length=100, blank=True, default="ขอแสดงความนับถือ")
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้ลงนาม",
    )
    # What prints under the signature (filled from the signer's profile, then frozen at signing).
    signer_name = models.CharField("ชื่อผู้ลงนาม", max_length=200, blank=True)
    signer_position = models.CharField("ตำแหน่งผู้ลงนาม", max_length=300, blank=True)
    acting_wording = models.CharField("การทำการแทน", max_length=300, blank=True, help_text="เช่น รักษาราชการแทน …")
    owner_unit = models.CharField("ส่วนราชการเจ้าของเรื่อง", max_length=200, blank=True)
    owner_phone = models.CharField("โทรศัพท์", max_length=60, blank=True)
    owner_email = models.CharField("อีเมล", max_length=200, blank=True)
    signed_at = models.DateTimeField("ลงนามเมื่อ", null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้ลงนามจริง",
    )
    signed_pdf = models.FileField("ไฟล์ที่ลงนาม", upload_to=_pdf_path, blank=True, max_length=300)
    signed_sha256 = models.CharField("SHA-256 ของไฟล์ที่ลงนาม", max_length=64, blank=True)
    final_pdf = models.FileField("ไฟล์ฉบับส่ง (มีเลขที่และวันที่)", upload_to=_pdf_path, blank=True, max_length=300)
    final_sha256 = models.CharField("SHA-256 ของฉบับส่ง", max_length=64, blank=True)
    void_reason = models.TextField("เหตุผลที่ยกเลิกฉบับนี้", blank=True)
    voided_at = models.DateTimeField("ยกเลิกเมื่อ", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("สร้างเมื่อ", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["letter", "-version"]
        verbose_name = "เนื้อหาหนังสือ"
        verbose_name_plural = "เนื้อหาหนังสือ"
        constraints = [
            models.UniqueConstraint(fields=["letter", "version"], name="corr_content_letter_version_unique"),
            models.CheckConstraint(
                condition=~models.Q(state="voided") | ~models.Q(void_reason=""), name="corr_content_void_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.letter} ฉบับที่ {self.version}"

    @property
    def is_signed(self) -> bool:
        return self.state == ContentState.SIGNED

    @property
    def is_editable(self) -> bool:
        return self.state in (ContentState.EDITING, ContentState.RETURNED)

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]

    @property
    def enclosure_lines(self) -> list[str]:
        return [line.strip() for line in self.enclosures.splitlines() if line.strip()]


class ApprovalStep(models.Model):
    """One person in a version's chain (checked by …, signed by …), in order; never deleted.

    A return ends the round: the rest of the round's steps are SKIPPED and the owner resubmits,
    which starts the next round with fresh steps.
    """

    content = models.ForeignKey(LetterContent, on_delete=models.PROTECT, related_name="approvals", verbose_name="ร่าง")
    round = models.PositiveSmallIntegerField("รอบที่เสนอ", default=1)
    order = models.PositiveSmallIntegerField("ลำดับ")
    role = models.CharField("หน้าที่", max_length=10, choices=ApprovalRole.choices)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="letter_approvals", verbose_name="ผู้ตรวจ/ผู้ลงนาม"
    )
    decision = models.CharField("ผล", max_length=10, choices=Decision.choices, default=Decision.PENDING)
    comment = models.TextField("ความเห็น/เหตุผล", blank=True)
    decided_at = models.DateTimeField("เมื่อ", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้ดำเนินการจริง",
    )
    acting = models.ForeignKey(
        "core.ActingAppointment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ทำการแทนตามคำสั่ง",
    )
    # The signature record (2564 rule): who signed, as what, when, and the SHA-256 of what was signed.
    signed_name = models.CharField("ชื่อผู้ลงนาม", max_length=200, blank=True)
    signed_position = models.CharField("ตำแหน่งผู้ลงนาม", max_length=300, blank=True)
    signed_sha256 = models.CharField("SHA-256 ของไฟล์ที่ลงนาม", max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["content", "round", "order"]
        verbose_name = "ขั้นตอนการเสนอ/ลงนาม"
        verbose_name_plural = "ขั้นตอนการเสนอ/ลงนาม"
        constraints = [
            models.UniqueConstraint(fields=["content", "round", "order"], name="corr_approval_round_order_unique")
        ]
        indexes = [models.Index(fields=["approver", "decision"])]

    def __str__(self) -> str:
        return f"{self.content} {self.get_role_display()} {self.order}"


class CopyKind(models.TextChoices):
    ORIGINAL = "original", "ต้นฉบับ (ส่งออก)"
    OWNER = "owner", "สำเนาคู่ฉบับ (เก็บที่เจ้าของเรื่อง)"
    CENTRAL = "central", "สำเนาคู่ฉบับ (เก็บที่สารบรรณกลาง)"


class LetterCopy(models.Model):
    """The three copies seed 001 requires: the original sent out, the owner's and the central copy."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="copies", verbose_name="หนังสือ")
    content = models.ForeignKey(LetterContent, on_delete=models.PROTECT, related_name="copies", verbose_name="ฉบับ")
    kind = models.CharField("ฉบับ", max_length=10, choices=CopyKind.choices)
    holder = models.CharField("ผู้เก็บ/ผู้รับ", max_length=300)
    recorded_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["letter", "kind"]
        verbose_name = "ฉบับของหนังสือ"
        verbose_name_plural = "ฉบับของหนังสือ"
        constraints = [models.UniqueConstraint(fields=["letter", "kind"], name="corr_copy_letter_kind_unique")]

    def __str__(self) -> str:
        return f"{self.letter} {self.get_kind_display()}"


class Delivery(models.Model):
    """One recipient of a dispatched letter on one channel, with what they did with it.

    Electronic delivery goes to a school (every staff login of that school sees it) or to a
    person with an account; e-mail to an address; paper to a postal address (label sheet).
    """

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="deliveries", verbose_name="หนังสือ")
    channel = models.CharField("ช่องทาง", max_length=20, choices=Channel.choices)
    school = models.ForeignKey(
        "schools.School",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deliveries",
        verbose_name="สถานศึกษา",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deliveries",
        verbose_name="ผู้รับ",
    )
    name = models.CharField("ชื่อผู้รับ", max_length=300)
    address = models.TextField("ที่อยู่/อีเมล", blank=True)
    sent_at = models.DateTimeField("ส่งเมื่อ", default=timezone.now)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    error = models.CharField("ข้อผิดพลาดในการส่ง", max_length=300, blank=True)
    first_opened_at = models.DateTimeField("เปิดอ่านครั้งแรกเมื่อ", null=True, blank=True)
    first_opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้เปิดอ่าน",
    )
    acknowledged_at = models.DateTimeField("รับทราบเมื่อ", null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้รับทราบ",
    )
    reminded_at = models.DateTimeField("เตือนล่าสุดเมื่อ", null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField("จำนวนครั้งที่เตือน", default=0)
    reply = models.ForeignKey(
        Letter, null=True, blank=True, on_delete=models.PROTECT, related_name="replies_to", verbose_name="หนังสือตอบ"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["letter", "id"]
        verbose_name = "การส่งหนังสือ"
        verbose_name_plural = "การส่งหนังสือ"
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "school"],
                condition=models.Q(school__isnull=False),
                name="corr_delivery_letter_school",
            ),
            models.UniqueConstraint(
                fields=["letter", "user"], condition=models.Q(user__isnull=False), name="corr_delivery_letter_user"
            ),
        ]
        indexes = [
            models.Index(fields=["school", "acknowledged_at"]),
            models.Index(fields=["user", "acknowledged_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.letter} → {self.name}"
