"""The one text-cleaning rule for everything a person types, pastes or imports.

Text pasted from Word, PDFs and chat apps carries characters nobody sees: a vertical tab (Word's
"soft return"), form feeds, NUL, C1 controls, Unicode line/paragraph separators, bidi overrides
that reverse how a name reads. They break exports (openpyxl refuses them), searches and
uniqueness ("กลุ่ม A" and "กลุ่ม\u200bA" look the same). `clean_text` turns them into the line
breaks or spaces the writer meant, or removes them.

Kept on purpose: Thai vowels and tone marks (combining marks, not controls), ZWJ/ZWNJ (they
join emoji sequences and some scripts' letters; harmless), soft hyphen, private-use characters
(old Thai fonts place tone marks there). No Unicode normalisation: it is not asked for and would
change stored text that is already correct.

Applied everywhere by one mechanism each (wired in core.apps.CoreConfig.ready):
- `clean_instance` on every model's `pre_save`: CharField values one-line, TextField multiline.
  Covers services, the REST API, the admin, imports and loaddata. Not JSONField values.
- `install_form_cleaning`: every Django form CharField (strip=True) returns cleaned text, so
  max_length, uniqueness and the service see what will be stored (a textarea's CRLF counts as one
  character). Fields with strip=False (passwords) are left exactly as typed.
`bulk_create` sends no `pre_save`: callers pass their objects through `clean_instance` first.
"""

from __future__ import annotations

import re
from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)

# Every way to say "new line": CRLF, CR, VT (Word's line break), FF, NEL, LINE/PARAGRAPH SEPARATOR.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Removed outright: C0 controls but TAB/LF (CR, VT, FF handled above), DEL, C1 but NEL; zero-width
# space, word joiner and invisible operators, BOM inside text; LRM/RLM/ALM and bidi
# embeddings/overrides/isolates; deprecated format controls; lone surrogates (never valid UTF-8)
# and U+FFFE/U+FFFF (not allowed in XML, so not in an XLSX).
_REMOVE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f"
    "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ud800-\udfff\ufffe\uffff]"
)
_ONE_LINE = re.compile("[\n\t]")


def clean_text(value: str, *, multiline: bool) -> str:
    """`value` with line breaks normalised to "\\n" and invisible control characters removed.

    One-line text: every line break and tab becomes a space; surrounding whitespace is stripped.
    Multiline text keeps its line breaks and tabs and its surrounding whitespace.
    """
    text = _REMOVE.sub("", _LINE_BREAK.sub("\n", value))
    if multiline:
        return text
    return _ONE_LINE.sub(" ", text).strip()


_FIELDS: dict[type[models.Model], list[tuple[str, bool]]] = {}


def _text_fields(model: type[models.Model]) -> list[tuple[str, bool]]:
    """(attname, multiline) of the model's CharFields and TextFields, looked up once per model."""
    if model not in _FIELDS:
        _FIELDS[model] = [
            (f.attname, isinstance(f, models.TextField))
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
    return _FIELDS[model]


def clean_instance(instance: M) -> M:
    """Clean every CharField (one-line) and TextField (multiline) value of `instance` in place."""
    for attname, multiline in _text_fields(type(instance)):
        value = instance.__dict__.get(attname)
        if isinstance(value, str) and value:
            cleaned = clean_text(value, multiline=multiline)
            if cleaned != value:
                setattr(instance, attname, cleaned)
    return instance


def clean_before_save(sender: type[models.Model], instance: models.Model, **kwargs: object) -> None:
    """The `pre_save` receiver for every model (connected in core.apps)."""
    clean_instance(instance)


def install_form_cleaning() -> None:
    """Make every form CharField with strip=True return clean_text (multiline for a Textarea). Idempotent."""
    from django import forms

    original = forms.CharField.to_python
    if getattr(original, "cleans_text", False):
        return

    def to_python(self: forms.CharField, value: object) -> object:
        value = original(self, value)
        if self.strip and isinstance(value, str) and value:
            value = clean_text(value, multiline=isinstance(self.widget, forms.Textarea)) or self.empty_value
        return value

    to_python.cleans_text = True  # type: ignore[attr-defined]
    forms.CharField.to_python = to_python  # type: ignore[method-assign]
