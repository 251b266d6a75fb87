"""Views of the supervision app, split by sub-domain and re-exported for urls.py."""

from __future__ import annotations

from .budget import activity_detail, activity_spending, spending_delete  # noqa: F401
from .dashboard import dashboard  # noqa: F401
from .events import (  # noqa: F401
    activity_targets,
    event_add_cluster,
    event_attendance,
    event_cancel,
    event_create,
    event_detail,
    event_edit,
    event_evidence_download,
    event_evidence_upload,
    event_hold,
    event_list,
    visit_types,
)
from .exports import visit_export  # noqa: F401
from .hub import index  # noqa: F401
from .plans import (  # noqa: F401
    activity_phase,
    phase_note_evidence,
    plan_copy,
    plan_current,
    plan_detail,
    plan_edit,
    project_detail,
    project_edit,
    project_phase,
    school_group_edit,
)
from .registers import register_cancel, register_edit, register_export, register_file, register_list  # noqa: F401
from .reports import project_report_edit, summary_choice  # noqa: F401
from .review import visit_approve_many  # noqa: F401
from .survey_questions import survey_questions_edit  # noqa: F401
from .surveys import survey  # noqa: F401
from .tools import tool_edit, tool_list  # noqa: F401
from .visits import (  # noqa: F401
    evidence_delete,
    evidence_download,
    evidence_upload,
    follow_up_done,
    visit_acknowledge,
    visit_approve,
    visit_autosave,
    visit_detail,
    visit_edit,
    visit_list,
    visit_return,
    visit_start,
    visit_submit,
)
