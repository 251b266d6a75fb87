"""Registers of networks and good practice (seed 000 duties 4 and 8; seed 002 indicator 4, target 3.2.3):
networks with their members, best practices and innovations of schools, supervisors' research and KM."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from core import uploads

BE_YEAR = [MinValueValidator(2500), MaxValueValidator(2700)]


class NetworkKind(models.TextChoices):
    CORE_TEACHERS = "core_teachers", "ครูแกนนำ"
    MODEL_TEACHERS = "model_teachers", "ครูต้นแบบ"
    ACADEMIC_CENTRE = "academic_centre", "ศูนย์พัฒนาวิชาการ"
    CLUSTER_NETWORK = "cluster_network", "เครือข่ายกลุ่มโรงเรียน"
    OTHER = "other", "เครือข่ายอื่น"


class PracticeKind(models.TextChoices):
    BEST_PRACTICE = "best_practice", "วิธีปฏิบัติที่เป็นเลิศ (Best Practice)"
    INNOVATION = "innovation", "นวัตกรรม"


class StudyKind(models.TextChoices):
    RESEARCH = "research", "งานวิจัย"
    KM = "km", "การจัดการความรู้ (KM)"


def _register_upload_to(record: models.Model, filename: str) -> str:
    return uploads.stored_name("supervision/registers", filename)


class RegisterRecord(models.Model):
    """What every register row has: a BE year, who keeps it, and cancellation instead of deletion."""

    year = models.PositiveIntegerField("ปี พ.ศ.", validators=BE_YEAR)
    cancelled = models.BooleanField("ยกเลิกรายการ", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Network(RegisterRecord):
    """เครือข่าย: ครูแกนนำ, ครูต้นแบบ, ศูนย์พัฒนาวิชาการ, cluster networks."""

    kind = models.CharField("ประเภทเครือข่าย", max_length=20, choices=NetworkKind.choices)
    name = models.CharField("ชื่อเครือข่าย", max_length=300)
    focus = models.CharField("ด้าน/กลุ่มสาระ", max_length=300, blank=True)
    cluster = models.ForeignKey(
        "schools.Cluster", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="กลุ่มโรงเรียน",
    )  # fmt: skip
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="ศึกษานิเทศก์ผู้ประสาน",
    )  # fmt: skip
    description = models.TextField("รายละเอียด/บทบาทของเครือข่าย", blank=True)

    class Meta:
        ordering = ["-year", "name", "id"]
        verbose_name = "เครือข่าย"
        verbose_name_plural = "เครือข่าย"

    def __str__(self) -> str:
        return self.name


class NetworkMember(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="members")
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    name = models.CharField("ชื่อ-สกุล", max_length=200)
    school = models.ForeignKey(
        "schools.School", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="สถานศึกษา"
    )
    school_text = models.CharField("สถานศึกษา/หน่วยงาน (ตามที่พิมพ์)", max_length=300, blank=True)
    role = models.CharField("บทบาท", max_length=200, blank=True)

    class Meta:
        ordering = ["network", "order", "id"]
        verbose_name = "สมาชิกเครือข่าย"
        verbose_name_plural = "สมาชิกเครือข่าย"

    def __str__(self) -> str:
        return self.name

    @property
    def school_name(self) -> str:
        return self.school.name if self.school_id else self.school_text


class GoodPractice(RegisterRecord):
    """Best practice or innovation of a school (school, title, year, file, published?)."""

    kind = models.CharField("ประเภท", max_length=20, choices=PracticeKind.choices)
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, related_name="good_practices", verbose_name="สถานศึกษา"
    )
    title = models.CharField("ชื่อผลงาน", max_length=500)
    owner = models.CharField("เจ้าของผลงาน", max_length=300, blank=True)
    summary = models.TextField("สาระสำคัญ", blank=True)
    file = models.FileField("ไฟล์ผลงาน", upload_to=_register_upload_to, blank=True, max_length=300)
    file_name = models.CharField(max_length=255, blank=True)
    published = models.BooleanField("เผยแพร่สู่สาธารณชนแล้ว", default=False)
    published_where = models.CharField("เผยแพร่ที่/ช่องทาง", max_length=300, blank=True)

    class Meta:
        ordering = ["-year", "title", "id"]
        verbose_name = "วิธีปฏิบัติที่เป็นเลิศ/นวัตกรรม"
        verbose_name_plural = "วิธีปฏิบัติที่เป็นเลิศ/นวัตกรรม"

    def __str__(self) -> str:
        return self.title


class Study(RegisterRecord):
    """A supervisor's research (งานวิจัย) or KM record (การจัดการความรู้)."""

    kind = models.CharField("ประเภท", max_length=20, choices=StudyKind.choices)
    title = models.CharField("ชื่อเรื่อง", max_length=500)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="ศึกษานิเทศก์ผู้จัดทำ"
    )
    co_authors = models.CharField("ผู้ร่วมจัดทำ", max_length=500, blank=True)
    date = models.DateField("วันที่ (ทำ KM/เสร็จสิ้น)", null=True, blank=True)
    summary = models.TextField("สาระสำคัญ/ผลที่ได้", blank=True)
    file = models.FileField("ไฟล์", upload_to=_register_upload_to, blank=True, max_length=300)
    file_name = models.CharField(max_length=255, blank=True)
    published = models.BooleanField("เผยแพร่แล้ว", default=False)

    class Meta:
        ordering = ["-year", "title", "id"]
        verbose_name = "งานวิจัย/การจัดการความรู้ของศึกษานิเทศก์"
        verbose_name_plural = "งานวิจัย/การจัดการความรู้ของศึกษานิเทศก์"

    def __str__(self) -> str:
        return self.title
