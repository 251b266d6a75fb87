"""axe-core in a Playwright page: the accessibility check every browser test can run.

The vendored static/vendor/axe-core/axe.min.js is evaluated through the DevTools protocol, which the
page's Content-Security-Policy does not block, and never ships with a page. `assert_accessible(page)`
fails on any serious or critical violation (WCAG 2.1 A/AA rules plus axe's best practices).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from django.conf import settings

AXE_PATH = Path(settings.BASE_DIR) / "static" / "vendor" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
RUN_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


@cache
def _axe_source() -> str:
    return AXE_PATH.read_text(encoding="utf-8")


def axe_violations(page, *, impacts: tuple[str, ...] = FAILING_IMPACTS) -> list[dict]:  # noqa: ANN001
    """The violations of the page as it is now, those of the given impacts only."""
    page.wait_for_load_state()
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate("options => window.axe.run(document, options)", RUN_OPTIONS)
    return [v for v in result["violations"] if v.get("impact") in impacts]


def describe(violations: list[dict]) -> str:
    """One line per violation and up to three of its elements, for the failure message."""
    lines = []
    for v in violations:
        targets = "; ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} จุด: {targets})")
    return "\n".join(lines)


def assert_accessible(page, *, where: str = "") -> None:  # noqa: ANN001
    """Fail when axe-core finds a serious or critical violation on the page."""
    violations = axe_violations(page)
    if violations and os.environ.get("AXE_REPORT_ONLY"):  # survey a set of pages without stopping at the first
        print(f"axe-core: {where or page.url}\n{describe(violations)}")
        return
    assert not violations, f"axe-core: {where or page.url}\n{describe(violations)}"
