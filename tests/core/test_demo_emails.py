"""Every demo user has an e-mail address, so a new user trying `make run` sees notices go by e-mail."""

from __future__ import annotations

import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core import demo
from core.models import LearningArea, WorkUnit
from core.reference import ensure_reference_data
from schools import demo as schools_demo


def test_every_demo_user_gets_an_address_of_their_own_and_a_real_one_is_kept(db):
    ctx = demo.DemoContext(rng=random.Random(2569), log=lambda *a: None)
    ensure_reference_data(Group, WorkUnit, LearningArea)
    demo.seed_office(ctx)
    demo.seed_people(ctx)
    schools_demo.seed(ctx)
    users = get_user_model().objects
    users.filter(username="clerk").update(email="sunee@office.example.go.th")
    demo.seed_emails(ctx)
    emails = list(users.values_list("email", flat=True))
    assert "" not in emails and len(set(emails)) == len(emails) > 10
    assert users.get(username="director").email == "director@demo.nites.test"
    assert users.get(username="clerk").email == "sunee@office.example.go.th"
