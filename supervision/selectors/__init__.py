"""Reads of the supervision app, narrowed to what the given user may see (the rules are in ../access.py)."""

from __future__ import annotations

from .activities import activity_progress, activity_schools, project_visit_counts
from .budget import budget_execution, plan_spending_by_project, spendings_visible_to
from .coverage import (
    counted_visits,
    coverage,
    coverage_totals,
    fiscal_months,
    satisfaction,
    scores_by_item,
    scores_by_learning_area,
    supervisor_rows,
    visits_per_month,
)
from .events import counted_attendance, event_school_counts, events_visible_to
from .indicators import project_indicator_values
from .plans import (
    activities_visible_to,
    current_fiscal_year,
    phase_notes_visible_to,
    plan_overview,
    plans_visible_to,
    project_budget,
    projects_visible_to,
    school_groups_visible_to,
)
from .report import annual_report_data, supervisor_summary
from .surveys import qr_svg, survey_questions, survey_url_for
from .tools import tools_visible_to
from .visits import (
    due_follow_ups,
    evidence_visible_to,
    follow_ups_visible_to,
    supervision_team,
    visit_score_sections,
    visits_filtered,
    visits_visible_to,
)

__all__ = [
    "activities_visible_to", "activity_progress", "activity_schools", "counted_attendance", "event_school_counts",
    "events_visible_to", "annual_report_data", "budget_execution", "plan_spending_by_project",
    "spendings_visible_to", "counted_visits", "coverage", "coverage_totals", "current_fiscal_year",
    "due_follow_ups", "evidence_visible_to", "fiscal_months", "follow_ups_visible_to", "phase_notes_visible_to",
    "plan_overview", "plans_visible_to", "project_budget", "project_visit_counts", "projects_visible_to", "qr_svg", "satisfaction",
    "school_groups_visible_to", "scores_by_item", "scores_by_learning_area", "supervisor_rows", "supervisor_summary",
    "supervision_team",
    "survey_url_for", "tools_visible_to", "visit_score_sections", "visits_filtered", "visits_per_month",
    "visits_visible_to", "project_indicator_values", "survey_questions",
]  # fmt: skip
