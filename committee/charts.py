"""Horizontal bar charts for printed documents, drawn as HTML/CSS (no SVG, no JavaScript).

WeasyPrint shapes SVG <text> without the Thai shaper, so stacked marks were dropped
("ที่" printed as "ที") and labels were clipped at the SVG's edge. Here every label and
value is ordinary HTML text, shaped and wrapped exactly like the body; only the bars
are boxes whose widths are percentages. Render with
``{% include "documents/_bar_chart.html" with chart=… %}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PALETTE = ("#1f5fa8", "#f0a202", "#2e8b57", "#c0392b", "#7d3c98", "#5d6d7e")


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float]


@dataclass(frozen=True)
class Bar:
    value: float
    width: float  # ร้อยละของความยาวแกน (0–100)
    display: str  # the value as printed at the bar, unit included
    colour: str


@dataclass(frozen=True)
class Row:
    label: str
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    title: str
    rows: list[Row]
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, series label), only for 2+ series

    def __bool__(self) -> bool:
        return bool(self.rows)


def format_value(value: float, unit: str = "") -> str:
    """1234 → "1,234", 87.5 → "87.5", with the unit appended as given (" ครั้ง", "%")."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{number}{unit}"


def bar_chart(labels: list[str], series: list[Series], *, title: str = "", unit: str = "",
              max_value: float | None = None) -> BarChart:  # fmt: skip
    """One row per label, one bar per series in that row, the value printed beside each bar.

    Labels are kept whole (no "…"): the label column wraps them like any table cell.
    """
    if not labels or not series:
        return BarChart(title=title, rows=[])
    peak = max_value or max((v for s in series for v in s.values), default=0) or 1
    rows = []
    for i, label in enumerate(labels):
        bars = []
        for j, s in enumerate(series):
            value = s.values[i] if i < len(s.values) else 0
            width = round(100 * max(0.0, min(1.0, value / peak)), 2)
            bars.append(Bar(value=value, width=width, display=format_value(value, unit),
                            colour=PALETTE[j % len(PALETTE)]))  # fmt: skip
        rows.append(Row(label=label, bars=bars))
    legend = [(PALETTE[j % len(PALETTE)], s.label) for j, s in enumerate(series)] if len(series) > 1 else []
    return BarChart(title=title, rows=rows, legend=legend)
