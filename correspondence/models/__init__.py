"""Models of the correspondence app (งานสารบรรณ), split by sub-domain and re-exported here."""

from __future__ import annotations

from .choices import Channel, Direction, DocumentType, NumberFormat, Secrecy, Status, StepKind, Urgency
from .drafting import (
    KIND_DOCUMENT_TYPE,
    ApprovalRole,
    ApprovalStep,
    ContentState,
    CopyKind,
    Decision,
    Delivery,
    LetterContent,
    LetterCopy,
    LetterKind,
    LetterTemplate,
)  # fmt: skip
from .keeping import Borrowing, DestructionBatch
from .letters import Attachment, Letter
from .registers import Register, RegisterCounter
from .routing import Assignment, InstructionPhrase, RoutingStep

__all__ = [
    "KIND_DOCUMENT_TYPE", "ApprovalRole", "ApprovalStep", "ContentState", "CopyKind", "Decision", "Delivery",
    "LetterContent", "LetterCopy", "LetterKind", "LetterTemplate",
    "Assignment", "Attachment", "Borrowing", "Channel", "DestructionBatch", "Direction", "DocumentType", "InstructionPhrase", "Letter", "NumberFormat",
    "Register", "RegisterCounter", "RoutingStep", "Secrecy", "Status", "StepKind", "Urgency",
]  # fmt: skip
