"""What the committee lends to the supervision plan's indicators (supervision.measures): the ก.ต.ป.น.
meetings held in a fiscal year (seed 002 target 3.1.1: "6 ครั้ง/ปีงบประมาณ")."""

from __future__ import annotations

from . import selectors


def meetings_held_in(fiscal_year: int) -> int:
    """ก.ต.ป.น. meetings held (or with minutes approved) within the BE fiscal year; other bodies' do not count."""
    return selectors.fiscal_year_progress(fiscal_year)["held"]
