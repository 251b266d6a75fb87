"""Reads of the supervision app, narrowed to what the given user may see, re-exported here."""

from __future__ import annotations

from .coverage import *  # noqa: F403
from .plans import *  # noqa: F403
from .report import *  # noqa: F403
from .surveys import *  # noqa: F403
from .visits import *  # noqa: F403
