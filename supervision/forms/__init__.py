"""Forms of the supervision app, split by sub-domain and re-exported here."""

from __future__ import annotations

from .plans import (  # noqa: F401, E402
    ActivityFormSet,
    IndicatorFormSet,
    PhaseMoveForm,
    PlanForm,
    ProjectForm,
    SchoolGroupForm,
    SpendingForm,
)
from .surveys import SurveyForm  # noqa: F401, E402
from .tools import ToolForm  # noqa: F401, E402
from .visits import (  # noqa: F401, E402
    EvidenceForm,
    FollowUpFormSet,
    ReturnForm,
    ScoreForm,
    TeacherFormSet,
    VisitForm,
    VisitStartForm,
)
