"""Models of the ก.ต.ป.น. committee app, split by sub-domain and re-exported here."""

from __future__ import annotations

from .agenda import AgendaAttachment, AgendaItem, Section
from .attendance import Attendance, AttendanceKind
from .bodies import KTPN_NAME, BodyKind, MeetingBody
from .information import Domain, DomainInformation
from .meetings import DEFAULT_MEETINGS_PER_YEAR, FiscalYearTarget, Meeting, MeetingCounter, MeetingStatus
from .members import POSITION_RANK, Category, CommitteeMember, Position
from .minutes import Minutes, MinutesCorrection
from .plan_links import AgendaPlanLink
from .publications import Audience, Publication, PublicationKind
from .reports import AnnualReport
from .resolutions import UNFINISHED, FollowUp, Resolution, ResolutionStatus

__all__ = [
    "DEFAULT_MEETINGS_PER_YEAR", "POSITION_RANK", "UNFINISHED", "AgendaAttachment", "AgendaItem", "AnnualReport",
    "Attendance", "AttendanceKind", "Category", "CommitteeMember", "FiscalYearTarget", "FollowUp", "Meeting",
    "MeetingCounter", "MeetingStatus", "Minutes", "MinutesCorrection", "Position", "Resolution",
    "ResolutionStatus", "Section",
    "KTPN_NAME", "BodyKind", "MeetingBody",
    "AgendaPlanLink", "Audience", "Domain", "DomainInformation", "Publication", "PublicationKind",
]  # fmt: skip
