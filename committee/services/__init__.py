"""Every write of the committee app (<noun>_<verb>, keyword-only, atomic), by sub-domain."""

from __future__ import annotations

from .agenda import (
    agenda_carry_over,
    agenda_prefill,
    attachment_add,
    attachment_remove,
    item_add,
    item_move,
    item_remove,
    item_update,
    previous_meeting,
    unfinished_resolutions_before,
)  # fmt: skip
from .attendance import attendance_remove, attendance_save_all, attendance_set, guest_add
from .bodies import body_create, body_update, ktpn_body_get
from .information import information_save
from .invitation import (
    invitation_available,
    invitation_dispatch,
    invitation_draft,
    invitation_issue,
    invitation_signers,
    invitation_state,
)  # fmt: skip
from .meetings import (
    meeting_cancel,
    meeting_create,
    meeting_mark_held,
    meeting_publish_agenda,
    meeting_update,
    target_set,
)
from .members import member_create, member_end_term, member_update
from .minutes import (
    item_record,
    minutes_add_correction,
    minutes_approve,
    minutes_autosave_raw,
    minutes_save,
    minutes_update,
)  # fmt: skip
from .plan_links import item_link_plan
from .publications import publication_publish, publication_withdraw
from .reports import report_get_or_create, report_set_published, report_update
from .resolutions import followup_add, resolution_add, resolution_update

__all__ = [
    "agenda_carry_over", "agenda_prefill", "attachment_add", "attachment_remove", "attendance_remove",
    "attendance_set", "followup_add", "guest_add", "invitation_available", "invitation_dispatch",
    "invitation_draft", "invitation_issue", "invitation_signers", "invitation_state",
    "item_add", "item_move", "item_record", "item_remove", "item_update", "meeting_cancel", "meeting_create",
    "meeting_mark_held", "meeting_publish_agenda", "meeting_update", "member_create", "member_end_term",
    "member_update", "minutes_add_correction", "minutes_approve", "minutes_update", "previous_meeting",
    "report_get_or_create", "report_set_published", "report_update", "resolution_add",
    "resolution_update", "target_set", "unfinished_resolutions_before",
    "attendance_save_all", "body_create", "body_update", "ktpn_body_get", "minutes_save", "minutes_autosave_raw",
    "information_save", "item_link_plan", "publication_publish", "publication_withdraw",
]  # fmt: skip
