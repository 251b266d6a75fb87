"""Forms of the information system, the plan link and publishing: validation and cleaning only."""

from __future__ import annotations

from django import forms

from core import documents
from core.models import DocumentJob, JobStatus

from .models import Audience, Domain, DomainInformation, PublicationKind
from .models.information import TEXT_FIELDS

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class InformationForm(forms.Form):
    """All four domains in one form: one save keeps every box as typed."""

    def __init__(self, *args: object, entries: dict | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        entries = entries or {}
        for domain in Domain.values:
            for key in TEXT_FIELDS:
                entry = entries.get(domain)
                self.fields[f"{domain}-{key}"] = forms.CharField(
                    label=DomainInformation._meta.get_field(key).verbose_name, required=False, widget=TEXTAREA, max_length=20000,
                    initial=getattr(entry, key, "") if entry else "",
                )  # fmt: skip

    def domains(self) -> dict[str, dict[str, str]]:
        return {d: {k: self.cleaned_data.get(f"{d}-{k}", "") for k in TEXT_FIELDS} for d in Domain.values}

    def boxes(self) -> list[dict]:
        """The form's fields grouped by domain, for the template."""
        return [{"domain": d, "label": label, "fields": [self[f"{d}-{k}"] for k in TEXT_FIELDS]}
                for d, label in Domain.choices]  # fmt: skip


class PublicationForm(forms.Form):
    title = forms.CharField(label="ชื่อเรื่อง", max_length=300)
    kind = forms.ChoiceField(label="ประเภท", choices=PublicationKind.choices)
    audience = forms.ChoiceField(label="เผยแพร่ถึง", choices=Audience.choices, initial=Audience.SCHOOLS)
    fiscal_year = forms.IntegerField(label="ปีงบประมาณ (พ.ศ.)", required=False, min_value=2500, max_value=2700,
                                     error_messages={"min_value": "กรุณากรอกปี พ.ศ. เช่น 2569",
                                                     "max_value": "กรุณากรอกปี พ.ศ. เช่น 2569"})  # fmt: skip
    description = forms.CharField(label="คำอธิบาย", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    upload = forms.FileField(label="ไฟล์ (PDF รูปภาพ หรือเอกสาร Office)", required=False)
    job = forms.ModelChoiceField(
        label="หรือ เอกสารที่ระบบสร้าง (จาก “เอกสารของฉัน”)", required=False, queryset=DocumentJob.objects.none(),
        empty_label="ไม่เลือก (แนบไฟล์แทน)",
    )  # fmt: skip

    def __init__(self, *args: object, user: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["job"].queryset = DocumentJob.objects.filter(
            requested_by=user, status=JobStatus.DONE, kind__in=documents.publishable_kinds(),
        ).exclude(result="").order_by("-created_at")[:50]  # fmt: skip
        self.fields["job"].label_from_instance = lambda job: job.title

    def clean(self) -> dict:
        data = super().clean()
        if bool(data.get("upload")) == bool(data.get("job")):
            raise forms.ValidationError("กรุณาแนบไฟล์ หรือเลือกเอกสารที่ระบบสร้าง อย่างใดอย่างหนึ่ง")
        return data


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="เหตุผลที่ถอนการเผยแพร่", max_length=300)


class PlanLinkForm(forms.Form):
    plan = forms.ModelChoiceField(label="แผนนิเทศที่เสนอ", required=False, queryset=None,
                                  empty_label="ไม่เสนอแผน (ยกเลิกการเชื่อมโยง)")  # fmt: skip
    project = forms.ModelChoiceField(label="เฉพาะโครงการ (ถ้ามี)", required=False, queryset=None,
                                     empty_label="ทั้งแผน")  # fmt: skip

    def __init__(self, *args: object, plans: object, projects: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["project"].queryset = projects
        self.fields["project"].label_from_instance = lambda p: f"ปีงบประมาณ {p.plan.fiscal_year}: {p.name}"
