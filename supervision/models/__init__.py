"""Models of the supervision app, split by sub-domain and re-exported here."""

from __future__ import annotations

from .budget import BudgetCategory, Spending
from .events import ActivityTarget, EventAttendance, EventEvidence, EventStatus, GroupEvent, TargetScope
from .indicators import Measure, ProjectReport
from .plans import Activity, AnnualPlan, Indicator, Phase, PhaseNote, PlanPriority, Project, SchoolGroup
from .registers import GoodPractice, Network, NetworkKind, NetworkMember, PracticeKind, Study, StudyKind
from .surveys import SATISFIED_MEAN, SURVEY_QUESTIONS, SurveyAnswer, SurveyInvitation, SurveyQuestion
from .tallies import ItemScoreTally
from .tools import Scale, Tool, ToolItem, ToolSection
from .types import EventType, VisitType
from .visits import Evidence, FollowUpAction, Visit, VisitScore, VisitStatus, VisitTeacher

__all__ = [
    "Activity", "AnnualPlan", "BudgetCategory", "Spending", "Evidence", "FollowUpAction", "Indicator", "Phase", "PhaseNote",
    "PlanPriority", "Project", "SATISFIED_MEAN", "SURVEY_QUESTIONS", "Scale", "SchoolGroup",
    "SurveyAnswer", "SurveyInvitation", "Tool", "ToolItem", "ToolSection", "Visit", "VisitScore", "VisitStatus",
    "VisitTeacher", "VisitType",
    "ActivityTarget", "EventAttendance", "EventEvidence", "EventStatus", "EventType", "GroupEvent", "TargetScope",
    "GoodPractice", "ItemScoreTally", "Measure", "Network", "NetworkKind", "NetworkMember", "PracticeKind", "ProjectReport", "Study",
    "StudyKind", "SurveyQuestion",
]  # fmt: skip
