from __future__ import annotations

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from core.collation import thai_order
from core.roles import Role

from . import addresses
from .models import Cluster, School
from .sizes import SizeClass

User = get_user_model()


class SchoolForm(forms.ModelForm):
    class Meta:
        model = School
        fields = [
            "code", "smis_code", "percode", "name",
            "level_kindergarten", "level_primary", "level_extended", "level_secondary",
            "address", "province", "district", "subdistrict", "postal_code", "latitude", "longitude",
            "principal_name", "phone", "email", "pupils", "teachers", "cluster", "is_active",
        ]  # fmt: skip
        widgets = {
            # suggestions from the Thai address database (static/schools/address_form.js fills the lists)
            "province": forms.TextInput(attrs={"list": "province-options", "autocomplete": "off"}),
            "district": forms.TextInput(attrs={"list": "district-options", "autocomplete": "off"}),
            "subdistrict": forms.TextInput(attrs={"list": "subdistrict-options", "autocomplete": "off"}),
            "postal_code": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 5}),
            "code": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 10}),
            "smis_code": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 8}),
            "percode": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 6}),
        }
        error_messages = {"code": {"unique": "มีสถานศึกษารหัสนี้อยู่แล้ว"}}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        offered = Q(is_active=True) | Q(pk=self.instance.cluster_id)  # a retired cluster is not offered
        self.fields["cluster"].queryset = thai_order(Cluster.objects.filter(offered), "name")

    def clean(self) -> dict:
        data = super().clean()
        levels = ("level_kindergarten", "level_primary", "level_extended", "level_secondary")
        if not any(data.get(f) for f in levels):
            raise forms.ValidationError("กรุณาเลือกระดับที่เปิดสอนอย่างน้อยหนึ่งระดับ")
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise forms.ValidationError("กรุณากรอกทั้งละติจูดและลองจิจูด หรือเว้นว่างทั้งคู่")
        self._check_address(data)
        return data

    def _check_address(self, data: dict) -> None:
        """ตำบล อำเภอ จังหวัด รหัสไปรษณีย์ as the Thai address database spells them (schools/addresses.py)."""
        if any(field in self.errors for field in addresses.FIELDS):
            return
        try:
            data.update(addresses.address_clean(**{field: data.get(field, "") for field in addresses.FIELDS}))
        except forms.ValidationError as exc:
            for field, messages in exc.message_dict.items():
                self.add_error(field, messages)


def supervisors_queryset():  # noqa: ANN201
    users = User.objects.filter(groups__name=Role.SUPERVISOR, is_active=True).select_related("profile")
    return thai_order(users, "first_name", "last_name")


class ClusterForm(forms.ModelForm):
    class Meta:
        model = Cluster
        fields = ["name", "chair", "vice_chair", "responsible_supervisors", "note"]
        widgets = {"responsible_supervisors": forms.CheckboxSelectMultiple}
        error_messages = {"name": {"unique": "มีกลุ่มโรงเรียนชื่อนี้อยู่แล้ว"}}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_supervisors"].queryset = supervisors_queryset()
        self.fields["responsible_supervisors"].label_from_instance = lambda u: u.profile.display_name
        schools = thai_order(School.objects.all(), "name", "code")
        if self.instance.pk:
            schools = schools.filter(cluster=self.instance)
        self.fields["chair"].queryset = schools
        self.fields["vice_chair"].queryset = schools

    def clean(self) -> dict:
        data = super().clean()
        if data.get("chair") and data.get("chair") == data.get("vice_chair"):
            raise forms.ValidationError("ประธานและรองประธานต้องมาจากคนละโรงเรียน")
        return data


class SchoolFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="ค้นหา")
    cluster = django_filters.ModelChoiceFilter(queryset=Cluster.objects.all(), label="กลุ่มโรงเรียน", empty_label="ทุกกลุ่ม")
    size = django_filters.ChoiceFilter(choices=SizeClass.choices, label="ขนาด", empty_label="ทุกขนาด")
    district = django_filters.ChoiceFilter(label="อำเภอ", empty_label="ทุกอำเภอ", choices=[])

    class Meta:
        model = School
        fields = ["q", "cluster", "size", "district"]

    def __init__(self, *args: object, district_choices: list[str] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.filters["district"].extra["choices"] = [(d, d) for d in district_choices]
        self.filters["cluster"].queryset = thai_order(Cluster.objects.all(), "name")

    def search(self, queryset, name: str, value: str):  # noqa: ANN001, ANN201
        value = value.strip()
        return queryset.filter(
            Q(name__icontains=value) | Q(code__startswith=value) | Q(smis_code__startswith=value)
            | Q(principal_name__icontains=value) | Q(subdistrict__icontains=value)
        )  # fmt: skip


class ClusterImportForm(forms.Form):
    file = forms.FileField(label="ไฟล์ .csv หรือ .xlsx", help_text="ใช้หัวคอลัมน์ตามไฟล์ตัวอย่าง (ดาวน์โหลดจากปุ่มส่งออก)")

    def clean_file(self):  # noqa: ANN201
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("ไฟล์นำเข้าต้องมีขนาดไม่เกิน 5 MB")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("รองรับเฉพาะไฟล์ .csv หรือ .xlsx")
        return upload


class ImportForm(ClusterImportForm):
    """The school import: new cluster names are created only when ticked here, after the page showed them."""

    new_clusters = forms.MultipleChoiceField(
        label="ยืนยันให้สร้างกลุ่มโรงเรียนใหม่ (ติ๊กเฉพาะชื่อที่ถูกต้อง)", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        ticked = self.data.getlist("new_clusters") if hasattr(self.data, "getlist") else []
        self.fields["new_clusters"].choices = [(name, name) for name in ticked]
        if not ticked:
            self.fields["new_clusters"].widget = forms.MultipleHiddenInput()

    def offer_clusters(self, names: list[tuple[str, str]]) -> None:
        """Show the unknown cluster names of the file as boxes to tick, with the nearest existing name."""
        field = self.fields["new_clusters"]
        field.widget = forms.CheckboxSelectMultiple()
        field.choices = [(n, f"{n} (ใกล้กับ “{near}” ที่มีอยู่แล้ว)" if near else n) for n, near in names]


class ClusterMergeForm(forms.Form):
    target = forms.ModelChoiceField(queryset=None, label="รวมเข้ากับกลุ่มโรงเรียน", empty_label="เลือกกลุ่มโรงเรียนที่ถูกต้อง")

    def __init__(self, *args: object, source: Cluster, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = thai_order(Cluster.objects.exclude(pk=source.pk), "name")
