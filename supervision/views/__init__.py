"""Views of the supervision app, split by sub-domain and re-exported for urls.py."""

from __future__ import annotations

from .hub import index  # noqa: F401
from .schools import (  # noqa: F401
    cluster_detail,
    cluster_edit,
    cluster_export,
    cluster_import,
    cluster_list,
    school_detail,
    school_edit,
    school_export,
    school_import,
    school_list,
)
