"""Thin views of the committee app: check access, bind the form, call a service."""

from __future__ import annotations

from .agenda import attachment_add, attachment_delete, attachment_download, item_add, item_delete, item_edit, item_move
from .bodies import body_edit, body_list
from .information import information_detail, information_list
from .meetings import (
    index,
    meeting_cancel,
    meeting_carry_over,
    meeting_detail,
    meeting_edit,
    meeting_held,
    meeting_invitation_draft,
    meeting_invitation_send,
    meeting_invite,
    meeting_list,
    meeting_publish,
    target_set,
)  # fmt: skip
from .members import member_edit, member_list
from .minutes import (
    attendance,
    attendance_delete,
    attendance_set,
    correction_add,
    guest_add,
    minutes,
    minutes_approve,
    minutes_autosave,
)  # fmt: skip
from .plan_links import item_plan
from .publications import (
    public_file,
    public_index,
    publication_create,
    publication_file,
    publication_list,
    publication_withdraw,
)  # fmt: skip
from .reports import report_create, report_detail, report_list, report_publish
from .resolutions import followup_add, resolution_add, resolution_detail, resolution_list

__all__ = [
    "body_edit", "body_list", "minutes_autosave",
    "attachment_add", "attachment_delete", "attachment_download", "attendance", "attendance_delete",
    "attendance_set", "correction_add", "followup_add", "guest_add", "index", "item_add", "item_delete", "item_edit",
    "item_move", "meeting_cancel", "meeting_carry_over", "meeting_detail", "meeting_edit",
    "meeting_held", "meeting_invitation_draft", "meeting_invitation_send", "meeting_invite", "meeting_list", "meeting_publish", "member_edit", "member_list", "minutes",
    "minutes_approve", "report_create", "report_detail", "report_list", "report_publish", "resolution_add", "resolution_detail", "resolution_list", "target_set",
    "information_detail", "information_list", "item_plan", "public_file", "public_index", "publication_create",
    "publication_file", "publication_list", "publication_withdraw",
]  # fmt: skip
