"""Simple horizontal bar charts as inline SVG, drawn on the server for WeasyPrint (no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#1f5fa8", "#f0a202", "#2e8b57", "#c0392b", "#7d3c98", "#5d6d7e")


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float]


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def bar_chart(labels: list[str], series: list[Series], *, title: str = "", unit: str = "",
              max_value: float | None = None, width: int = 460, label_width: int = 150) -> SafeString:  # fmt: skip
    """One row per label, one bar per series in that row; values printed at the bar ends."""
    if not labels or not series:
        return mark_safe("")
    bar_h, gap, top = 11, 7, 22 if title else 4
    legend_h = 16 if len(series) > 1 else 0
    row_h = bar_h * len(series) + gap
    height = top + row_h * len(labels) + legend_h + 4
    peak = max_value or max((v for s in series for v in s.values), default=0) or 1
    plot_w = width - label_width - 46
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="{height}pt" '
             f'viewBox="0 0 {width} {height}" font-family="Sarabun" font-size="9">']  # fmt: skip
    if title:
        parts.append(f'<text x="0" y="12" font-size="11" font-weight="bold">{escape(title)}</text>')
    for i, label in enumerate(labels):
        y = top + i * row_h
        parts.append(f'<text x="{label_width - 4}" y="{y + bar_h * len(series) / 2 + 3:.1f}" '
                     f'text-anchor="end">{escape(_short(label))}</text>')  # fmt: skip
        for j, s in enumerate(series):
            value = s.values[i] if i < len(s.values) else 0
            w = max(0.0, min(1.0, value / peak)) * plot_w
            by = y + j * bar_h
            parts.append(f'<rect x="{label_width}" y="{by}" width="{w:.1f}" height="{bar_h - 2}" '
                         f'fill="{PALETTE[j % len(PALETTE)]}"/>')  # fmt: skip
            parts.append(f'<text x="{label_width + w + 3:.1f}" y="{by + bar_h - 3}">{_fmt(value)}{escape(unit)}</text>')
    parts.append(f'<line x1="{label_width}" y1="{top - 2}" x2="{label_width}" y2="{top + row_h * len(labels) - gap}" '
                 'stroke="#333" stroke-width="0.6"/>')  # fmt: skip
    if legend_h:
        ly = height - 6
        for j, s in enumerate(series):
            x = label_width + j * 120
            parts.append(f'<rect x="{x}" y="{ly - 8}" width="9" height="9" fill="{PALETTE[j % len(PALETTE)]}"/>'
                         f'<text x="{x + 12}" y="{ly}">{escape(s.label)}</text>')  # fmt: skip
    parts.append("</svg>")
    return mark_safe("".join(parts))
