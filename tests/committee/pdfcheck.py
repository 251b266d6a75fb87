"""Thai text read back from PDFs, loosened for comparison.

pdftotext places floating marks (tone marks, mai han-akat, upper and lower vowels) by
their drawn position, so "ที่ประชุม" may come back as "ทปี่ระชุม". Comparing without
whitespace and without those marks keeps every consonant and leading vowel in order,
so a test still fails when a word is missing or wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import pdf_text

_FLOATING = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\\s]")


def loose(text: str) -> str:
    return _FLOATING.sub("", text)


def pdf_loose(path: str | Path) -> str:
    return loose(pdf_text(path))
