"""The one path from a service's outcome to the page, shared by every app.

- `save_form`: a page with a form. Validate, call the service with the cleaned data; a service's
  ValidationError goes onto the form (on the named field when the form has it), success is a message.
- `submit_form`: a small POST form whose page is elsewhere (errors become messages).
- `run_action`: a form-less POST button (errors become messages).
PermissionDenied is never caught here: it reaches the Thai 403 page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

T = TypeVar("T")


def flash_errors(request: HttpRequest, source: ValidationError | forms.BaseForm) -> None:
    """Each message of a service's ValidationError, or of an invalid form, as an error message."""
    if isinstance(source, forms.BaseForm):
        texts = [str(m) for errors in source.errors.values() for m in errors]
    else:
        texts = source.messages
    for text in texts:
        messages.error(request, text)


def add_service_error(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names if the form has it, else on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def save_form(request: HttpRequest, form: forms.BaseForm, action: Callable[[dict], T], *, success: str) -> T | None:
    """On POST, validate `form` and call `action(cleaned_data)`; the result, or None to re-render the form.

    `success` is the message shown after a save; "{}" in it is replaced by the saved object.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = action(form.cleaned_data)
    except ValidationError as exc:
        add_service_error(form, exc)
        return None
    messages.success(request, success.format(result))
    return result


def run_action(request: HttpRequest, call: Callable[[], object], success: str) -> bool:
    """Run a form-less action (a POST button); report the outcome as a message."""
    try:
        call()
    except ValidationError as exc:
        flash_errors(request, exc)
        return False
    messages.success(request, success)
    return True


def submit_form(request: HttpRequest, form: forms.BaseForm, success: str, action: Callable[[dict], object]) -> bool:
    """Validate a small POST form and run its service with the cleaned data; report in Thai."""
    if not form.is_valid():
        flash_errors(request, form)
        return False
    return run_action(request, lambda: action(form.cleaned_data), success)
