"""Writes and workflow steps of the supervision app (HackSoft style: <noun>_<verb>), re-exported here."""

from __future__ import annotations

from .plans import *  # noqa: F403
from .surveys import *  # noqa: F403
from .tools import *  # noqa: F403
from .visits import *  # noqa: F403
