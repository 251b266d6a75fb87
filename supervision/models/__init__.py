"""Models of the supervision app, split by sub-domain and re-exported here."""

from __future__ import annotations

from .budget import BudgetCategory, Spending
from .plans import Activity, AnnualPlan, Indicator, Phase, PhaseNote, PlanPriority, Project, SchoolGroup
from .surveys import SATISFIED_MEAN, SURVEY_QUESTIONS, SurveyAnswer, SurveyInvitation
from .tools import Scale, Tool, ToolItem, ToolSection
from .visits import Evidence, FollowUpAction, Visit, VisitScore, VisitStatus, VisitTeacher, VisitType

__all__ = [
    "Activity", "AnnualPlan", "BudgetCategory", "Spending", "Evidence", "FollowUpAction", "Indicator", "Phase", "PhaseNote",
    "PlanPriority", "Project", "SATISFIED_MEAN", "SURVEY_QUESTIONS", "Scale", "SchoolGroup",
    "SurveyAnswer", "SurveyInvitation", "Tool", "ToolItem", "ToolSection", "Visit", "VisitScore", "VisitStatus",
    "VisitTeacher", "VisitType",
]  # fmt: skip
