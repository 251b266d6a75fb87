"""Schools (สถานศึกษา), their clusters (กลุ่มโรงเรียน) and the school staff who belong to them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from .sizes import SizeClass, size_class

school_code_validator = RegexValidator(r"^\d{10}$", "รหัสสถานศึกษาต้องเป็นตัวเลข 10 หลัก")
smis_validator = RegexValidator(r"^\d{8}$", "รหัส SMIS ต้องเป็นตัวเลข 8 หลัก")
percode_validator = RegexValidator(r"^\d{6}$", "รหัส Percode ต้องเป็นตัวเลข 6 หลัก")


class Cluster(models.Model):
    """กลุ่มโรงเรียน / เครือข่ายสถานศึกษา: 7–15 schools with a committee of their principals."""

    name = models.CharField("ชื่อกลุ่มโรงเรียน", max_length=200, unique=True)
    chair = models.ForeignKey(
        "School",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="ประธานกลุ่ม (ผู้บริหารโรงเรียน)",
    )
    vice_chair = models.ForeignKey(
        "School",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="รองประธานกลุ่ม (ผู้บริหารโรงเรียน)",
    )
    responsible_supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="clusters_responsible",
        verbose_name="ศึกษานิเทศก์ผู้รับผิดชอบ",
    )
    note = models.TextField("หมายเหตุ", blank=True)
    is_active = models.BooleanField(
        "ใช้งาน", default=True, help_text="กลุ่มที่เลิกใช้แล้วยังอยู่ในประวัติ แต่ไม่ให้เลือกเมื่อเพิ่มหรือนำเข้าสถานศึกษา"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "กลุ่มโรงเรียน"
        verbose_name_plural = "กลุ่มโรงเรียน"

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    code = models.CharField("รหัสสถานศึกษา (10 หลัก)", max_length=10, unique=True, validators=[school_code_validator])
    smis_code = models.CharField("รหัส SMIS (8 หลัก)", max_length=8, blank=True, validators=[smis_validator])
    percode = models.CharField("รหัส Percode (6 หลัก)", max_length=6, blank=True, validators=[percode_validator])
    name = models.CharField("ชื่อสถานศึกษา", max_length=200)
    level_kindergarten = models.BooleanField("ระดับอนุบาล", default=False)
    level_primary = models.BooleanField("ระดับประถมศึกษา", default=False)
    level_extended = models.BooleanField("ขยายโอกาส (ม.1–3)", default=False)
    level_secondary = models.BooleanField("ระดับมัธยมศึกษา", default=False)
    address = models.CharField("ที่อยู่ (เลขที่ หมู่ ถนน)", max_length=300, blank=True)
    subdistrict = models.CharField("ตำบล", max_length=100, blank=True)
    district = models.CharField("อำเภอ", max_length=100, blank=True, db_index=True)
    province = models.CharField("จังหวัด", max_length=100, blank=True)
    postal_code = models.CharField("รหัสไปรษณีย์", max_length=5, blank=True)
    latitude = models.DecimalField(
        "ละติจูด",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        "ลองจิจูด",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    principal_name = models.CharField("ชื่อผู้บริหารสถานศึกษา", max_length=200, blank=True)
    phone = models.CharField("โทรศัพท์", max_length=60, blank=True)
    email = models.EmailField("อีเมล", blank=True)
    pupils = models.PositiveIntegerField("จำนวนนักเรียน", default=0)
    teachers = models.PositiveIntegerField("จำนวนครู", default=0)
    cluster = models.ForeignKey(
        Cluster, null=True, blank=True, on_delete=models.PROTECT, related_name="schools", verbose_name="กลุ่มโรงเรียน"
    )
    is_active = models.BooleanField("เปิดสอน", default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "สถานศึกษา"
        verbose_name_plural = "สถานศึกษา"
        # The name it had when schools lived in the supervision app (the table was renamed, not rebuilt).
        indexes = [models.Index(fields=["cluster", "name"], name="supervision_cluster_23c7f9_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def levels_display(self) -> str:
        labels = [
            (self.level_kindergarten, "อนุบาล"),
            (self.level_primary, "ประถมศึกษา"),
            (self.level_extended, "ขยายโอกาส"),
            (self.level_secondary, "มัธยมศึกษา"),
        ]
        return ", ".join(label for on, label in labels if on)

    @property
    def size_label(self) -> str:
        """Thai label of the `size` the school selectors annotate (เล็ก … ใหญ่พิเศษ), '' without pupils."""
        code = getattr(self, "size", "")
        return SizeClass(code).label if code else ""

    def size_for(self, office_type: str) -> SizeClass | None:
        return size_class(self.pupils, office_type)


class SchoolMembership(models.Model):
    """A school-staff login's school (บุคลากรสถานศึกษา): what a school user may see is narrowed to it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_membership", verbose_name="ผู้ใช้"
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="memberships", verbose_name="สถานศึกษา")
    position = models.CharField("ตำแหน่งในสถานศึกษา", max_length=200, blank=True)

    class Meta:
        verbose_name = "บุคลากรสถานศึกษา"
        verbose_name_plural = "บุคลากรสถานศึกษา"

    def __str__(self) -> str:
        return f"{self.user} — {self.school}"
