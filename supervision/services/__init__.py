"""Writes and workflow steps of the supervision app (HackSoft style: <noun>_<verb>); each checks its user."""

from __future__ import annotations

from .batch import evidence_add_many, visits_approve_many
from .budget import spending_delete, spending_record
from .events import (
    activity_targets_save,
    event_add_cluster,
    event_cancel,
    event_evidence_add,
    event_evidence_delete,
    event_hold,
    event_save,
    event_set_attendance,
    event_type_save,
    visit_type_save,
)
from .plans import (
    activity_move_phase,
    phase_note_add,
    plan_add_priorities,
    plan_copy_to_next_year,
    plan_get_or_create,
    plan_update,
    project_move_phase,
    project_save,
    school_group_save,
)
from .surveys import survey_answer
from .tools import NO_COMMENT, parse_outline, tool_outline, tool_save
from .visits import (
    ALLOWED_EVIDENCE,
    evidence_add,
    evidence_check,
    evidence_delete,
    follow_up_mark_done,
    visit_acknowledge,
    visit_approve,
    visit_autosave_raw,
    visit_create,
    visit_return,
    visit_save,
    visit_submit,
)

__all__ = [
    "activity_targets_save", "event_add_cluster", "event_cancel", "event_evidence_add", "event_evidence_delete",
    "event_hold", "event_save", "event_set_attendance", "event_type_save", "visit_type_save",
    "ALLOWED_EVIDENCE", "NO_COMMENT", "activity_move_phase", "can_create_visits", "evidence_add", "evidence_check",
    "evidence_delete", "follow_up_mark_done", "parse_outline", "phase_note_add", "plan_add_priorities",
    "plan_copy_to_next_year", "plan_get_or_create", "plan_update", "project_move_phase", "project_save",
    "school_group_save", "spending_delete", "spending_record", "survey_answer", "tool_outline", "tool_save", "visit_acknowledge", "visit_approve",
    "visit_autosave_raw", "visit_create", "visit_return", "visit_save", "visit_submit",
    "evidence_add_many", "visits_approve_many",
]  # fmt: skip
