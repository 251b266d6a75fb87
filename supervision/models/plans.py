"""Annual supervision plan (แผนนิเทศประจำปี) and its projects, in the layout of seed 002."""

from __future__ import annotations

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from core import uploads

from .events import TargetScope
from .indicators import Measure


class Phase(models.TextChoices):
    """PDCA: every project and activity moves Plan → Do → Check → Act."""

    PLAN = "plan", "P วางแผน"
    DO = "do", "D ดำเนินการ"
    CHECK = "check", "C ตรวจสอบ"
    ACT = "act", "A ปรับปรุง/รายงาน"


PHASE_ORDER = [Phase.PLAN, Phase.DO, Phase.CHECK, Phase.ACT]


def next_phase(phase: str) -> str:
    """The phase after `phase`; after Act a new cycle starts at Plan."""
    index = PHASE_ORDER.index(Phase(phase))
    return PHASE_ORDER[(index + 1) % len(PHASE_ORDER)].value


class AnnualPlan(models.Model):
    fiscal_year = models.PositiveIntegerField(
        "ปีงบประมาณ (พ.ศ.)", unique=True, validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    title = models.CharField("ชื่อแผน", max_length=300, blank=True)
    vision = models.TextField("วิสัยทัศน์", blank=True)
    mission = models.TextField("พันธกิจ", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    goals = models.TextField("เป้าประสงค์", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    strategies = models.TextField("กลยุทธ์", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    visits_per_school_target = models.PositiveSmallIntegerField(
        "เป้าหมายการนิเทศ (ครั้ง/โรงเรียน/ปี) ทุกโรงเรียน", null=True, blank=True
    )
    satisfaction_target_percent = models.DecimalField(
        "เป้าหมายความพึงพอใจ (ร้อยละของสถานศึกษา)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("80"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = "แผนนิเทศประจำปี"
        verbose_name_plural = "แผนนิเทศประจำปี"

    def __str__(self) -> str:
        return self.title or f"แผนนิเทศ ติดตามและประเมินผลการจัดการศึกษา ปีงบประมาณ {self.fiscal_year}"


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


OWN_NUMBER = re.compile(r"^(\d+(\.\d+)+\.?|\d+\.|[-•*])(\s|$)")


def numbered_lines(text: str, prefix: str = "") -> list[str]:
    """Each line as the document prints it: a line the user numbered ("3.1.1 …", "1. …", "- …") stays as
    typed; any other is numbered after `prefix` ("2." gives "2.1 …"; no prefix gives "1. …")."""
    out = []
    for n, line in enumerate(lines(text), start=1):
        if OWN_NUMBER.match(line):
            out.append(line)
        else:
            out.append(f"{prefix}{n} {line}" if prefix else f"{n}. {line}")
    return out


class PlanPriority(models.Model):
    """จุดเน้น/ข้อมูลเพื่อการวางแผน: Plan-phase input, e.g. pushed by the QA app."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField("หัวข้อ", max_length=300)
    detail = models.TextField("รายละเอียด", blank=True)
    school = models.ForeignKey(
        "schools.School",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="plan_priorities",
        verbose_name="สถานศึกษา",
    )
    source = models.CharField("ที่มา", max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["source", "title", "id"]
        verbose_name = "จุดเน้น/ข้อมูลเพื่อการวางแผน"
        verbose_name_plural = "จุดเน้น/ข้อมูลเพื่อการวางแผน"

    def __str__(self) -> str:
        return self.title


class SchoolGroup(models.Model):
    """A group of schools for the year with its own visit target, e.g. โรงเรียนกลุ่มสีดำ–สีแดง."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="school_groups")
    name = models.CharField("ชื่อกลุ่ม", max_length=200)
    color = models.CharField("สี (สำหรับแผนที่/กราฟ)", max_length=20, blank=True, default="#dc3545")
    visits_per_school_target = models.PositiveSmallIntegerField("เป้าหมาย (ครั้ง/โรงเรียน/ปี)", default=1)
    schools = models.ManyToManyField(
        "schools.School", blank=True, related_name="school_groups", verbose_name="สถานศึกษา"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "กลุ่มสถานศึกษาเป้าหมาย"
        verbose_name_plural = "กลุ่มสถานศึกษาเป้าหมาย"
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="schoolgroup_unique_name_per_plan")]

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    """โครงการ: sections 1–7 of seed 002."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="projects")
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    name = models.CharField("ชื่อโครงการ", max_length=300)
    policies = models.TextField("สนองนโยบาย/มาตรฐาน/จุดเน้น", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    strategy = models.TextField("กลยุทธ์", blank=True, help_text="พิมพ์ได้หลายบรรทัด")
    responsible_unit = models.CharField(
        "กลุ่ม/หน่วยผู้รับผิดชอบ", max_length=200, blank=True, default="กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
    )
    budget_source = models.CharField(
        "แหล่งงบประมาณ", max_length=300, blank=True, help_text="เช่น งบประมาณ สพฐ. / แบบบริหารงบประมาณแบบบูรณาการ"
    )
    pooled_budget = models.BooleanField(
        "ขอถัวจ่ายทุกรายการ",
        default=False,
        help_text="เมื่อเลือก กิจกรรมใช้เงินเกินงบของกิจกรรมได้ (แสดงเตือน) ถ้ารวมทั้งโครงการไม่เกินงบ",
    )
    rationale = models.TextField("1. หลักการและเหตุผล", blank=True)
    objectives = models.TextField("2. วัตถุประสงค์", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    quantitative_targets = models.TextField("3.1 เป้าหมายเชิงปริมาณ", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    qualitative_targets = models.TextField("3.2 เป้าหมายเชิงคุณภาพ", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    budget_note = models.CharField("หมายเหตุงบประมาณ", max_length=300, blank=True, default="ขอถัวจ่ายทุกรายการ")
    expected_outcomes = models.TextField("7. ผลที่คาดว่าจะได้รับ", blank=True, help_text="บรรทัดละหนึ่งข้อ")
    phase = models.CharField("ระยะ PDCA", max_length=10, choices=Phase.choices, default=Phase.PLAN)
    proposer_name = models.CharField("ผู้เสนอโครงการ (ชื่อ)", max_length=200, blank=True)
    proposer_position = models.CharField("ผู้เสนอโครงการ (ตำแหน่ง)", max_length=300, blank=True)
    endorser_name = models.CharField("ผู้เห็นชอบโครงการ (ชื่อ)", max_length=200, blank=True)
    endorser_position = models.CharField("ผู้เห็นชอบโครงการ (ตำแหน่ง)", max_length=300, blank=True)
    approver_name = models.CharField(
        "ผู้อนุมัติโครงการ (ชื่อ)", max_length=200, blank=True, help_text="เว้นว่าง = ผู้อำนวยการสำนักงานเขตฯ"
    )
    approver_position = models.CharField("ผู้อนุมัติโครงการ (ตำแหน่ง)", max_length=300, blank=True)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = "โครงการ"
        verbose_name_plural = "โครงการ"

    def __str__(self) -> str:
        return self.name

    def lines_of(self, field: str) -> list[str]:
        return lines(getattr(self, field))

    def numbered_sections(self) -> dict[str, list[str]]:
        """Objectives 2.x, targets 3.1.x and 3.2.x, outcomes 1. 2. …: as typed where the user numbered them."""
        return {
            "objectives": numbered_lines(self.objectives, "2."),
            "quantitative_targets": numbered_lines(self.quantitative_targets, "3.1."),
            "qualitative_targets": numbered_lines(self.qualitative_targets, "3.2."),
            "expected_outcomes": numbered_lines(self.expected_outcomes),
        }

    @property
    def next_phase(self) -> Phase:
        return Phase(next_phase(self.phase))


class Activity(models.Model):
    """กิจกรรม/วิธีดำเนินการ with its period, target group, responsible people and budget."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    order = models.PositiveSmallIntegerField("ที่", default=0)
    name = models.TextField("กิจกรรม/วิธีดำเนินการ", help_text="บรรทัดแรกคือชื่อกิจกรรม บรรทัดต่อไปคือรายการย่อย (1. … 2. …)")
    period = models.CharField("ระยะเวลา", max_length=100, blank=True, help_text="เช่น ต.ค. 68 – ก.ย. 69")
    target_group = models.TextField("กลุ่มเป้าหมาย", blank=True, help_text="พิมพ์ได้หลายบรรทัด")
    responsible = models.TextField("ผู้รับผิดชอบ", blank=True)
    responsible_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="plan_activities", verbose_name="ศึกษานิเทศก์ผู้รับผิดชอบ"
    )
    compensation = models.DecimalField(
        "ค่าตอบแทน", max_digits=12, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    operating = models.DecimalField(
        "ค่าใช้สอย", max_digits=12, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    materials = models.DecimalField(
        "ค่าวัสดุ", max_digits=12, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    amount = models.DecimalField(
        "งบประมาณรวม",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="ใส่ยอดรวมเมื่อไม่แยกเป็นค่าตอบแทน/ค่าใช้สอย/ค่าวัสดุ",
    )
    budget_source = models.CharField("แหล่งงบประมาณ", max_length=300, blank=True)
    visits_per_school_target = models.PositiveSmallIntegerField(
        "เป้าหมายการนิเทศ (ครั้ง/โรงเรียน/ปี)",
        null=True,
        blank=True,
        help_text="เช่น 10 สำหรับงาน/โครงการตามนโยบาย 10 ครั้ง/โรงเรียน; เว้นว่างถ้ากิจกรรมไม่นับการนิเทศรายโรงเรียน",
    )
    phase = models.CharField("ระยะ PDCA", max_length=10, choices=Phase.choices, default=Phase.PLAN)
    # Schedule and target schools (issue 16): the schools the activity's targets are counted on.
    starts_on = models.DateField("เริ่ม", null=True, blank=True)
    ends_on = models.DateField("สิ้นสุด", null=True, blank=True)
    months = models.CharField("เดือนที่ดำเนินการ", max_length=40, blank=True, help_text="เลขเดือนคั่นด้วยจุลภาค เช่น 10,11")
    scope = models.CharField("โรงเรียนเป้าหมาย", max_length=10, choices=TargetScope.choices, default=TargetScope.ALL)
    scope_cluster = models.ForeignKey(
        "schools.Cluster", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="กลุ่มโรงเรียน"
    )
    scope_group = models.ForeignKey(
        SchoolGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="กลุ่มสถานศึกษาเป้าหมาย",
    )
    scope_schools = models.ManyToManyField("schools.School", blank=True, related_name="+", verbose_name="โรงเรียนที่เลือก")

    class Meta:
        ordering = ["project", "order", "id"]
        verbose_name = "กิจกรรม"
        verbose_name_plural = "กิจกรรม"

    def __str__(self) -> str:
        return self.name

    @property
    def split_total(self) -> Decimal:
        return (self.compensation or 0) + (self.operating or 0) + (self.materials or 0)

    @property
    def budget_total(self) -> Decimal:
        """The planned amount: the total typed in, or else the sum of its split."""
        return self.amount if self.amount is not None else self.split_total

    @property
    def title(self) -> str:
        """The first line of the name (the rest are sub-items)."""
        return lines(self.name)[0] if lines(self.name) else ""

    @property
    def sub_items(self) -> list[str]:
        return lines(self.name)[1:]

    def clean(self) -> None:
        split = self.split_total
        if self.amount is not None and split and split != self.amount:
            raise ValidationError({
                "amount": f"ค่าตอบแทน+ค่าใช้สอย+ค่าวัสดุ ({split:,.2f} บาท) ไม่เท่ากับงบประมาณรวม ({self.amount:,.2f} บาท)"
            })  # fmt: skip

    @property
    def next_phase(self) -> Phase:
        return Phase(next_phase(self.phase))


class Indicator(models.Model):
    """6. การวัดและประเมินผล: success indicator, evaluation method and tool, target and result."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)
    name = models.CharField("ตัวชี้วัดความสำเร็จ", max_length=500)
    method = models.CharField("วิธีการประเมิน", max_length=200, blank=True)
    tool = models.CharField("เครื่องมือที่ใช้", max_length=200, blank=True)
    target = models.CharField("ค่าเป้าหมาย", max_length=100, blank=True)
    result = models.CharField("ผลการดำเนินงาน", max_length=200, blank=True)
    measure = models.CharField(
        "คำนวณผลจาก", max_length=20, choices=Measure.choices, default=Measure.MANUAL,
        help_text="ระบบคำนวณผลจากข้อมูลในระบบ; ยังกรอกผลเองได้โดยระบุเหตุผล",
    )  # fmt: skip
    measure_activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="นับเฉพาะกิจกรรม", help_text="เว้นว่าง = ทุกการนิเทศของปีงบประมาณ",
    )  # fmt: skip
    result_note = models.CharField("เหตุผลที่กรอกผลเอง", max_length=300, blank=True)

    class Meta:
        ordering = ["project", "order", "id"]
        verbose_name = "ตัวชี้วัดความสำเร็จ"
        verbose_name_plural = "ตัวชี้วัดความสำเร็จ"

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A result typed over one the system computes needs a note saying why."""
        if self.measure != Measure.MANUAL and self.result.strip() and not self.result_note.strip():
            raise ValidationError({"result_note": "กรอกผลเองแทนค่าที่ระบบคำนวณ กรุณาระบุเหตุผล"})
        if self.measure_activity_id and self.project_id and self.measure_activity.project_id != self.project_id:
            raise ValidationError({"measure_activity": "กรุณาเลือกกิจกรรมของโครงการนี้"})


def _evidence_upload_to(note: PhaseNote, filename: str) -> str:
    return uploads.stored_name("supervision/pdca", filename)


class PhaseNote(models.Model):
    """A note (and optional evidence file) recorded at a PDCA phase of a project or an activity."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="phase_notes")
    activity = models.ForeignKey(Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="phase_notes")
    phase = models.CharField("ระยะ", max_length=10, choices=Phase.choices)
    note = models.TextField("บันทึก")
    evidence = models.FileField("หลักฐาน", upload_to=_evidence_upload_to, blank=True, max_length=300)
    evidence_name = models.CharField(max_length=255, blank=True)
    moved_to = models.CharField("เปลี่ยนระยะเป็น", max_length=10, choices=Phase.choices, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "บันทึกตามวงจร PDCA"
        verbose_name_plural = "บันทึกตามวงจร PDCA"

    def __str__(self) -> str:
        return f"{self.get_phase_display()}: {self.note[:40]}"
