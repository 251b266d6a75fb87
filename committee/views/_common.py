"""Helpers shared by the committee views."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from .. import selectors


def require_reader(request: HttpRequest) -> None:
    if not selectors.can_read(request.user):
        raise PermissionDenied("หน้านี้สำหรับคณะกรรมการ ก.ต.ป.น. และบุคลากรของสำนักงาน")


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its fields where they exist, else on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error.messages[0] if hasattr(error, "messages") else str(error))
    else:
        for message in exc.messages:
            form.add_error(None, message)


def try_service(form: forms.Form, call: Callable[[], object]) -> object | None:
    try:
        return call()
    except ValidationError as exc:
        apply_errors(form, exc)
        return None
