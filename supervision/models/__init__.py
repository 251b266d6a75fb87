"""Models of the supervision app, split by sub-domain and re-exported here."""

from __future__ import annotations

from .plans import Activity, AnnualPlan, Indicator, Phase, PhaseNote, PlanPriority, Project, SchoolGroup
from .schools import Cluster, School, percode_validator, school_code_validator, smis_validator
from .surveys import SATISFIED_MEAN, SURVEY_QUESTIONS, SurveyAnswer, SurveyInvitation
from .tools import Scale, Tool, ToolItem, ToolSection
from .visits import Evidence, FollowUpAction, Visit, VisitScore, VisitStatus, VisitTeacher, VisitType

__all__ = [
    "Activity", "AnnualPlan", "Cluster", "Evidence", "FollowUpAction", "Indicator", "Phase", "PhaseNote",
    "PlanPriority", "Project", "SATISFIED_MEAN", "SURVEY_QUESTIONS", "Scale", "School", "SchoolGroup",
    "SurveyAnswer", "SurveyInvitation", "Tool", "ToolItem", "ToolSection", "Visit", "VisitScore", "VisitStatus",
    "VisitTeacher", "VisitType", "percode_validator", "school_code_validator", "smis_validator",
]  # fmt: skip
