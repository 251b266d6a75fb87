"""Small view helpers every app shares: report a service's outcome as Thai messages."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def flash_errors(request: HttpRequest, source: ValidationError | forms.Form) -> None:
    """Each message of a service's ValidationError, or of an invalid form, as an error message."""
    if isinstance(source, forms.BaseForm):
        texts = [str(m) for errors in source.errors.values() for m in errors]
    else:
        texts = source.messages
    for text in texts:
        messages.error(request, text)


def run_action(request: HttpRequest, call: Callable[[], object], success: str) -> bool:
    """Run a form-less action (a POST button); report the outcome as a message."""
    try:
        call()
    except ValidationError as exc:
        flash_errors(request, exc)
        return False
    messages.success(request, success)
    return True


def submit_form(request: HttpRequest, form: forms.Form, success: str, action: Callable[[dict], object]) -> bool:
    """Validate a small POST form and run its service with the cleaned data; report in Thai."""
    if not form.is_valid():
        flash_errors(request, form)
        return False
    return run_action(request, lambda: action(form.cleaned_data), success)
