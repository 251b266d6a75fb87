"""Reads of the supervision app, narrowed to what the given user may see, re-exported here."""

from __future__ import annotations

from .coverage import *  # noqa: F403
from .plans import *  # noqa: F403
from .report import *  # noqa: F403
from .schools import (  # noqa: F401
    SCHOOL_EDITORS,
    can_edit_schools,
    clusters_visible_to,
    districts,
    get_cluster_for_user,
    get_school_for_user,
    require_school_editor,
    school_directory,
    schools_visible_to,
)
from .surveys import *  # noqa: F403
from .visits import *  # noqa: F403
