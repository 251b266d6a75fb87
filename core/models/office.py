"""The office this installation serves, its people, and who acts for whom."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .. import thaidate, uploads
from ..roles import UserLike


class OfficeType(models.TextChoices):
    PRIMARY = "primary", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา (สพป.)"
    SECONDARY = "secondary", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา (สพม.)"


def _logo_upload_to(profile: OfficeProfile, filename: str) -> str:
    return uploads.stored_name("office", filename)


class OfficeProfile(models.Model):
    """The one office this installation serves (pk is always 1)."""

    office_name = models.CharField("ชื่อสำนักงาน", max_length=200, default="สำนักงานเขตพื้นที่การศึกษา")
    office_type = models.CharField(
        "ประเภทสำนักงาน", max_length=20, choices=OfficeType.choices, default=OfficeType.PRIMARY
    )
    group_name = models.CharField("ชื่อกลุ่ม", max_length=200, default="กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา")
    letter_code = models.CharField(
        "รหัสหนังสือออก", max_length=30, default="ศธ 04000", help_text="เช่น ศธ 04123 ใช้นำหน้าเลขที่หนังสือส่ง"
    )
    address = models.TextField("ที่อยู่", blank=True)
    phone = models.CharField("โทรศัพท์", max_length=60, blank=True)
    email = models.EmailField("อีเมล", blank=True)
    director_name = models.CharField("ชื่อผู้อำนวยการสำนักงาน", max_length=200, blank=True)
    logo = models.ImageField("ตราสัญลักษณ์", upload_to=_logo_upload_to, blank=True)
    garuda = models.ImageField(
        "ตราครุฑ (ไฟล์ทางราชการ)",
        upload_to=_logo_upload_to,
        blank=True,
        help_text="ไฟล์ตราครุฑที่ทางราชการกำหนด (PNG หรือ JPEG พื้นโปร่ง) ใช้พิมพ์บนหนังสือภายนอก บันทึกข้อความ คำสั่ง และประกาศ",
    )
    thai_numerals = models.BooleanField("ใช้เลขไทยในเอกสารที่พิมพ์", default=False)
    default_retention_years = models.PositiveSmallIntegerField(
        "อายุการเก็บหนังสือโดยปกติ (ปี)", default=10, help_text="ระเบียบงานสารบรรณ: ไม่น้อยกว่า 10 ปี"
    )
    academic_year_start = models.CharField(
        "วันเริ่มปีการศึกษา (วว/ดด)", max_length=5, default="16/05", help_text="เช่น 16/05"
    )

    class Meta:
        verbose_name = "ข้อมูลสำนักงาน"
        verbose_name_plural = "ข้อมูลสำนักงาน"

    def __str__(self) -> str:
        return self.office_name

    def save(self, *args, **kwargs) -> None:
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def get(cls) -> OfficeProfile:
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj

    @property
    def academic_calendar(self) -> thaidate.AcademicCalendar:
        day, month = (int(x) for x in self.academic_year_start.split("/"))
        base = thaidate.DEFAULT_ACADEMIC_CALENDAR
        return thaidate.AcademicCalendar(year_start=(month, day), semester1=((month, day), base.semester1[1]))


class WorkUnit(models.Model):
    """กลุ่มงาน within the supervision group."""

    name = models.CharField("ชื่อกลุ่มงาน", max_length=200, unique=True)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "กลุ่มงาน"
        verbose_name_plural = "กลุ่มงาน"

    def __str__(self) -> str:
        return self.name


class LearningArea(models.Model):
    """กลุ่มสาระการเรียนรู้ of the core curriculum, plus learner development activities."""

    name = models.CharField("กลุ่มสาระการเรียนรู้", max_length=200, unique=True)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "กลุ่มสาระการเรียนรู้"
        verbose_name_plural = "กลุ่มสาระการเรียนรู้"

    def __str__(self) -> str:
        return self.name


class NamePrefix(models.TextChoices):
    MR = "นาย", "นาย"
    MRS = "นาง", "นาง"
    MISS = "นางสาว", "นางสาว"
    DR = "ดร.", "ดร."
    ASST_PROF = "ผศ.", "ผศ."
    ASSOC_PROF = "รศ.", "รศ."
    PROF = "ศ.", "ศ."


class AcademicRank(models.TextChoices):
    NONE = "", "-"
    PRACTITIONER = "ชำนาญการ", "ชำนาญการ"
    SENIOR = "ชำนาญการพิเศษ", "ชำนาญการพิเศษ"
    EXPERT = "เชี่ยวชาญ", "เชี่ยวชาญ"
    ADVANCED = "เชี่ยวชาญพิเศษ", "เชี่ยวชาญพิเศษ"


class StaffProfile(models.Model):
    """The person behind a login: Thai name, position, rank and responsibilities."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    prefix = models.CharField("คำนำหน้าชื่อ", max_length=20, choices=NamePrefix.choices, blank=True)
    position = models.CharField("ตำแหน่ง", max_length=200, blank=True)
    academic_rank = models.CharField("วิทยฐานะ", max_length=30, choices=AcademicRank.choices, blank=True)
    phone = models.CharField("โทรศัพท์", max_length=60, blank=True)
    work_units = models.ManyToManyField(WorkUnit, blank=True, verbose_name="กลุ่มงาน", related_name="staff")
    learning_areas = models.ManyToManyField(
        LearningArea, blank=True, verbose_name="กลุ่มสาระการเรียนรู้ที่รับผิดชอบ", related_name="staff"
    )

    class Meta:
        verbose_name = "ข้อมูลบุคลากร"
        verbose_name_plural = "ข้อมูลบุคลากร"

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        full = f"{self.user.first_name} {self.user.last_name}".strip() or self.user.username
        return f"{self.prefix}{full}"

    @property
    def position_line(self) -> str:
        return f"{self.position} {self.academic_rank}".strip()


class ActingKind(models.TextChoices):
    ACTING = "acting", "รักษาราชการแทน"
    ON_BEHALF = "on_behalf", "ปฏิบัติราชการแทน"


class ActingAppointment(models.Model):
    """Someone who may act for an absent office holder between two dates (set by an administrator).

    The deputy signs letters named for the principal (printed "รักษาราชการแทน <position>") and,
    where an app allows it, takes the principal's approvals while the appointment runs.
    """

    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="acting_given", verbose_name="ผู้ดำรงตำแหน่ง"
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="acting_for", verbose_name="ผู้ทำการแทน"
    )
    kind = models.CharField("ลักษณะ", max_length=20, choices=ActingKind.choices, default=ActingKind.ACTING)
    position = models.CharField(
        "ตำแหน่งที่ทำการแทน", max_length=300, help_text="เช่น ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
    )
    starts_on = models.DateField("ตั้งแต่วันที่")
    ends_on = models.DateField("ถึงวันที่")
    order_ref = models.CharField("ตามคำสั่งที่", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ผู้บันทึก",
    )
    created_at = models.DateTimeField("บันทึกเมื่อ", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = "การรักษาราชการแทน/ปฏิบัติราชการแทน"
        verbose_name_plural = "การรักษาราชการแทน/ปฏิบัติราชการแทน"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="core_acting_dates_order"
            ),
            models.CheckConstraint(condition=~models.Q(principal=models.F("deputy")), name="core_acting_not_self"),
        ]

    def __str__(self) -> str:
        return f"{display_name(self.deputy)} {self.get_kind_display()} {self.position}"

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on

    @property
    def wording(self) -> str:
        """The line printed under the deputy's position, e.g. "รักษาราชการแทน ผู้อำนวยการ…"."""
        return f"{self.get_kind_display()}{self.position}"


def display_name(user: UserLike | None) -> str:
    """Thai display name of any user, with or without a profile."""
    if user is None:
        return ""
    try:
        return user.profile.display_name
    except StaffProfile.DoesNotExist:
        return f"{user.first_name} {user.last_name}".strip() or user.username
