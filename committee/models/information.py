"""The secretary's information system (ระบบสารสนเทศ) in four domains, per fiscal year.

Seed 003: the ก.ต.ป.น. secretary gathers the facts of the four domains of school administration
(วิชาการ, บุคคล, งบประมาณ, บริหารทั่วไป) and analyses them (strengths, weaknesses, recommendations);
the plan and the annual report are written from it. Figures held by the system are shown beside
the typed text when printed, never copied into it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Domain(models.TextChoices):
    ACADEMIC = "academic", "ด้านวิชาการ"
    PERSONNEL = "personnel", "ด้านการบริหารงานบุคคล"
    BUDGET = "budget", "ด้านงบประมาณ"
    GENERAL = "general", "ด้านการบริหารทั่วไป"


TEXT_FIELDS = ("facts", "strengths", "weaknesses", "recommendations")  # the typed parts, in printed order


class DomainInformation(models.Model):
    """One domain of one fiscal year: the facts gathered and their analysis (multi-line text)."""

    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ")
    domain = models.CharField("ด้าน", max_length=20, choices=Domain.choices)
    facts = models.TextField("ข้อมูลที่รวบรวม", blank=True)
    strengths = models.TextField("จุดเด่น", blank=True)
    weaknesses = models.TextField("จุดที่ควรพัฒนา", blank=True)
    recommendations = models.TextField("ข้อเสนอแนะ", blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year", "pk"]
        verbose_name = "สารสนเทศรายด้าน"
        verbose_name_plural = "สารสนเทศรายด้าน"
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "domain"], name="committee_information_one_per_domain"),
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()} ปีงบประมาณ {self.fiscal_year}"
