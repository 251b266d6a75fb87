"""What each role gets from each URL: the shape of the per-app tables in tests/access/.

Each app has `tests/access/urls_<app>.py` with
    def objects(world: World) -> dict          # builds what its URLs need, through the services
    CASES: dict[str, Case]                      # every URL name of the app, "namespace:name"
`test_url_access.py` fails for any URL name in the URLconf that no table lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("administrator", "clerk", "supervisor", "director", "secretary", "member", "executive", "school")
ANONYMOUS = "anonymous"
LOGIN = 302  # an anonymous visitor is sent to the login page


@dataclass
class World:
    """Users (one per role, keyed by role name), the test's two schools, and every app's objects."""

    users: dict
    school: object
    other_school: object
    objects: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    """`expect` maps each role (and "anonymous") to the status code; `others` fills roles not named."""

    expect: dict[str, int]
    kwargs: Callable[[World], dict] = lambda world: {}
    method: str = "get"
    data: Callable[[World], dict] = lambda world: {}
    others: int | None = None
    query: str = ""

    def expected(self) -> dict[str, int]:
        out = {role: self.others for role in (*ROLES, ANONYMOUS) if self.others is not None}
        out.update(self.expect)
        missing = {*ROLES, ANONYMOUS} - set(out)
        assert not missing, f"no expectation for {sorted(missing)}"
        return out


def everyone(status: int, **exceptions: int) -> dict[str, int]:
    """Every logged-in role gets `status` (exceptions by role name); anonymous goes to the login page."""
    return {**dict.fromkeys(ROLES, status), ANONYMOUS: LOGIN, **exceptions}


def post_only(expect: dict[str, int], *, get: dict[str, int] | None = None, **kw: object) -> list[Case]:
    """A POST-only view: GET is refused (405) for a logged-in user, POST gets `expect`."""
    kwargs = {"kwargs": kw["kwargs"]} if "kwargs" in kw else {}
    return [Case(method="get", expect=get or everyone(405), **kwargs), Case(method="post", expect=expect, **kw)]
