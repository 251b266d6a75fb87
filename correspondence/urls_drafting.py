"""Pages of letters written in the system: drafting, templates, the approval chain, signing (views/drafting.py)."""

from __future__ import annotations

urlpatterns: list = []
