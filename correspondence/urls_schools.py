"""Pages of delivery: a school's inbox, receipts per letter, reminders, replies, labels (views/schools.py)."""

from __future__ import annotations

urlpatterns: list = []
