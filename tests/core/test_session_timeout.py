"""A session ends after a working day (SESSION_COOKIE_AGE) without a request, not after a day of work."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves on: Django's session store and the refresh middleware read timezone.now."""
    real_now = timezone.now
    state = {"offset": dt.timedelta(0)}
    monkeypatch.setattr(timezone, "now", lambda: real_now() + state["offset"])

    def advance(delta: dt.timedelta) -> None:
        state["offset"] += delta

    return advance


@pytest.fixture
def signed_in(client, users):
    client.force_login(users["clerk"], backend="django.contrib.auth.backends.ModelBackend")
    return client


def is_signed_in(client) -> bool:  # noqa: ANN001
    return client.get(reverse("home")).status_code == 200


def test_the_age_is_a_working_day_of_inactivity():
    assert settings.SESSION_COOKIE_AGE == 9 * 3600
    assert "core.middleware.SessionRefreshMiddleware" in settings.MIDDLEWARE


def test_an_idle_session_ends_after_the_age(signed_in, clock):
    clock(9 * HOUR + dt.timedelta(minutes=1))
    response = signed_in.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_an_idle_session_within_the_age_goes_on(signed_in, clock):
    clock(8 * HOUR)
    assert is_signed_in(signed_in)


def test_a_session_in_use_outlives_the_age(signed_in, clock):
    for _ in range(4):  # 4 × 6 h = a full day at work, with a request now and then
        clock(6 * HOUR)
        assert is_signed_in(signed_in)
    clock(9 * HOUR + dt.timedelta(minutes=1))
    assert not is_signed_in(signed_in)
