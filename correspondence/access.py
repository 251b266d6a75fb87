"""Who may do what in the correspondence app (roles from core.roles)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from core.roles import Role, has_role

READERS = (Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.EXECUTIVE)
REGISTRARS = (Role.CLERK, Role.ADMIN)  # register incoming mail, cancel, keeping
ISSUERS = (Role.CLERK, Role.DIRECTOR, Role.SECRETARY, Role.ADMIN)  # issue outgoing numbers
DRAFTERS = (Role.CLERK, Role.SUPERVISOR, Role.DIRECTOR, Role.SECRETARY, Role.ADMIN)
CLEARED = (Role.CLERK, Role.DIRECTOR)  # see every secret entry (the registrar and the group director)


def can_read(user: AbstractBaseUser) -> bool:
    return has_role(user, *READERS)


def can_register(user: AbstractBaseUser) -> bool:
    return has_role(user, *REGISTRARS)


def can_issue(user: AbstractBaseUser) -> bool:
    return has_role(user, *ISSUERS)


def can_draft(user: AbstractBaseUser) -> bool:
    return has_role(user, *DRAFTERS)


def can_instruct(user: AbstractBaseUser) -> bool:
    return has_role(user, Role.DIRECTOR)


def sees_all_secrets(user: AbstractBaseUser) -> bool:
    return has_role(user, *CLEARED)
