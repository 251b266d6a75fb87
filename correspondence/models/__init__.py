"""Models of the correspondence app (งานสารบรรณ), split by sub-domain and re-exported here."""

from __future__ import annotations

from .choices import Channel, Direction, DocumentType, NumberFormat, Secrecy, Status, StepKind, Urgency
from .keeping import Borrowing, DestructionBatch
from .letters import Attachment, Letter
from .registers import Register, RegisterCounter
from .routing import Assignment, RoutingStep

__all__ = [
    "Assignment", "Attachment", "Borrowing", "Channel", "DestructionBatch", "Direction", "DocumentType", "Letter", "NumberFormat",
    "Register", "RegisterCounter", "RoutingStep", "Secrecy", "Status", "StepKind", "Urgency",
]  # fmt: skip
