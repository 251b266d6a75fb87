"""Writes and workflow steps of the supervision app (HackSoft style: <noun>_<verb>), re-exported here."""

from __future__ import annotations

from .plans import *  # noqa: F403
from .schools import (  # noqa: F401
    cluster_create,
    cluster_set_officers,
    clusters_import,
    school_create,
    schools_import,
)
from .surveys import *  # noqa: F403
from .tools import *  # noqa: F403
from .visits import *  # noqa: F403
