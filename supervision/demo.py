"""Demo tools, plans and visits (fictional), on the schools the schools app seeded."""

from __future__ import annotations

from core.demo import DemoContext

from . import services


def seed(ctx: DemoContext) -> None:
    seed_supervision(ctx, ctx.extra["schools"])


def seed_supervision(ctx: DemoContext, schools: list) -> None:
    """Default tools, last year's plan copied into this fiscal year, about 200 visits."""
    from core import thaidate
    from core.roles import Role

    from .defaults import ensure_default_tools
    from .demo_plan import advance_projects, seed_plan
    from .demo_visits import seed_visits
    from .models import Phase

    ensure_default_tools()
    year = thaidate.fiscal_year(thaidate.today())
    last = seed_plan(ctx, fiscal_year=year - 1, schools=schools)
    advance_projects(ctx, last, [Phase.ACT, Phase.ACT, Phase.CHECK, Phase.ACT])
    current = services.plan_copy_to_next_year(plan=last, user=ctx.users[Role.DIRECTOR.value])
    advance_projects(ctx, current, [Phase.DO, Phase.DO, Phase.PLAN, Phase.DO])
    services.plan_add_priorities(plan=current, user=ctx.users[Role.DIRECTOR.value], items=[
        {"title": "ผลสัมฤทธิ์ O-NET ป.6 คณิตศาสตร์ต่ำกว่าระดับประเทศ", "detail": "", "school": None, "source": "ข้อมูลเขต"},
        {"title": "การอ่านออกเขียนได้ ป.1", "detail": "RT ต่ำกว่าร้อยละ 70", "school": schools[5], "source": "RT"},
    ])  # fmt: skip
    seed_visits(ctx, schools=schools, plans={year - 1: last, year: current})
    from .demo_events import seed_events

    seed_events(ctx, schools=schools, plan=current)
