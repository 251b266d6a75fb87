"""Forms of the supervision app, split by sub-domain and re-exported here."""

from __future__ import annotations

from .schools import (  # noqa: F401
    ClusterForm,
    ClusterImportForm,
    ImportForm,
    SchoolFilter,
    SchoolForm,
    supervisors_queryset,
)
