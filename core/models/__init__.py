"""Models of core, split by sub-domain and re-exported here (migrations name core.models.<upload_to>)."""

from __future__ import annotations

from .jobs import DocumentJob, JobStatus, ServiceHeartbeat, _job_upload_to
from .logins import LoginAttempt, LoginFailure, LoginLog
from .notifications import Notification, NotificationDelivery, NotificationSettings
from .office import (
    AcademicRank,
    ActingAppointment,
    ActingKind,
    LearningArea,
    NamePrefix,
    OfficeProfile,
    OfficeType,
    StaffProfile,
    WorkUnit,
    _logo_upload_to,
    display_name,
)
from .tokens import ApiToken

__all__ = [
    "AcademicRank", "ActingAppointment", "ActingKind", "ApiToken", "DocumentJob", "JobStatus", "LearningArea",
    "LoginAttempt", "LoginFailure", "LoginLog",
    "NamePrefix", "Notification", "NotificationDelivery", "NotificationSettings", "OfficeProfile", "OfficeType",
    "ServiceHeartbeat", "StaffProfile", "WorkUnit", "_job_upload_to", "_logo_upload_to", "display_name",
]  # fmt: skip
