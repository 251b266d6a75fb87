"""Horizontal bar charts for printed documents, drawn as HTML/CSS (no SVG, no JavaScript).

WeasyPrint shapes SVG <text> without the Thai shaper, so stacked marks were dropped
("ที่" printed as "ที") and labels were clipped at the SVG's edge. Here every label and
value is ordinary HTML text, shaped and wrapped exactly like the body; only the bars
are boxes whose widths are percentages. Render with
``{% include "documents/_bar_chart.html" with chart=… %}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings

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
class LabelPart:
    text: str
    whole: bool  # printed on one line; a part too wide for the label column may wrap between its words


@dataclass(frozen=True)
class Row:
    label: str
    bars: list[Bar]
    label_parts: list[LabelPart] = field(default_factory=list)


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
        rows.append(Row(label=label, bars=bars, label_parts=label_parts(label)))
    legend = [(PALETTE[j % len(PALETTE)], s.label) for j, s in enumerate(series)] if len(series) > 1 else []
    return BarChart(title=title, rows=rows, legend=legend)


# The label column (templates/documents/_bar_chart.html): 5.2 cm less 8 pt of padding, at 0.85 × 14 pt,
# less 5 % so that a part measured as fitting never spills into the bars.
LABEL_WIDTH_PT = (5.2 / 2.54 * 72 - 8) * 0.95
LABEL_SIZE_PT = 14 * 0.85
# Leading words after which a name may wrap: "กลุ่มโรงเรียน / หนองบัว–ท่าช้าง".
NAME_PREFIXES = ("กลุ่มโรงเรียน", "กลุ่มเครือข่าย", "โรงเรียน")
_DASH_END = re.compile(r"[^–—/-]+[–—/-]*|[–—/-]+")
WORD_BREAK = "\u200b"  # ZERO WIDTH SPACE: a line may break here; prints nothing and is not in the PDF's text


def label_parts(label: str) -> list[LabelPart]:
    """A label split where a name may wrap: at spaces, after a dash ("หนองบัว–") and after a leading
    word ("กลุ่มโรงเรียน"). A part that fits the label column prints whole, so "ท่าช้าง" never
    breaks into "ท่า / ช้าง"; a longer part wraps between Thai words as body text does."""
    parts: list[LabelPart] = []
    for piece in re.split(r"(\s+)", label.strip()):
        if not piece:
            continue
        if piece.isspace():
            parts.append(LabelPart(" ", whole=False))
            continue
        for i, chunk in enumerate(_name_chunks(piece)):
            if i:
                parts.append(LabelPart(WORD_BREAK, whole=False))
            parts.append(LabelPart(chunk, whole=text_width_pt(chunk) <= LABEL_WIDTH_PT))
    return parts


def _name_chunks(piece: str) -> list[str]:
    prefix = next((p for p in NAME_PREFIXES if piece.startswith(p) and len(piece) > len(p)), "")
    return ([prefix] if prefix else []) + _DASH_END.findall(piece[len(prefix) :])


def text_width_pt(text: str, size_pt: float = LABEL_SIZE_PT) -> float:
    """The printed width of `text` in the print font (marks above and below take no width)."""
    advances, units_per_em = _advances()
    return sum(advances.get(ord(ch), units_per_em // 2) for ch in text) * size_pt / units_per_em


@cache
def _advances() -> tuple[dict[int, int], int]:
    from fontTools.ttLib import TTFont

    font = TTFont(Path(settings.FONT_DIR) / "SarabunPrint-Regular.ttf", lazy=True)
    marks = {g for g, c in font["GDEF"].table.GlyphClassDef.classDefs.items() if c == 3}
    hmtx = font["hmtx"]
    advances = {cp: 0 if g in marks else hmtx[g][0] for cp, g in font.getBestCmap().items()}
    return advances, font["head"].unitsPerEm
