"""Models of the ก.ต.ป.น. committee app, split by sub-domain and re-exported here."""

from __future__ import annotations

from .agenda import AgendaAttachment, AgendaItem, Section
from .attendance import Attendance, AttendanceKind
from .meetings import DEFAULT_MEETINGS_PER_YEAR, FiscalYearTarget, Meeting, MeetingCounter, MeetingStatus
from .members import POSITION_RANK, Category, CommitteeMember, Position
from .minutes import Minutes, MinutesCorrection
from .reports import AnnualReport
from .resolutions import UNFINISHED, FollowUp, Resolution, ResolutionStatus

__all__ = [
    "DEFAULT_MEETINGS_PER_YEAR", "POSITION_RANK", "UNFINISHED", "AgendaAttachment", "AgendaItem", "AnnualReport",
    "Attendance", "AttendanceKind", "Category", "CommitteeMember", "FiscalYearTarget", "FollowUp", "Meeting",
    "MeetingCounter", "MeetingStatus", "Minutes", "MinutesCorrection", "Position", "Resolution",
    "ResolutionStatus", "Section",
]  # fmt: skip
