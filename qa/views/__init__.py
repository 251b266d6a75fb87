"""Views of the QA app: check access, bind the form, call a service, redirect or render."""

from __future__ import annotations

from .external import external_detail, external_edit, external_file, external_list
from .sar import (
    deadlines,
    index,
    sar_detail,
    sar_edit,
    sar_file,
    sar_list,
    sar_missing,
    sar_return,
    sar_review,
    sar_start,
    sar_submit,
    school_qa,
    standards,
)
from .synthesis import synthesis, synthesis_export, synthesis_to_plan

__all__ = [
    "deadlines", "external_detail", "external_edit", "external_file", "external_list", "index", "sar_detail",
    "sar_edit", "sar_file", "sar_list", "sar_missing", "sar_return", "sar_review", "sar_start", "sar_submit",
    "school_qa", "standards", "synthesis", "synthesis_export", "synthesis_to_plan",
]  # fmt: skip
