"""Demo schools and clusters (about 120 schools in 8 clusters), tools, plans and visits (fictional)."""

from __future__ import annotations

from decimal import Decimal

from core.demo import DemoContext, seed_school_user

from . import services

DISTRICTS = {
    "เมืองสุขใจ": ["ในเมือง", "บ้านใหม่", "หนองบัว", "ท่าช้าง"],
    "นาดี": ["นาดี", "โคกสูง", "หนองแวง"],
    "ภูงาม": ["ภูงาม", "ห้วยทราย", "ดอนตาล"],
    "ลำน้ำใส": ["ลำน้ำใส", "บ้านโพธิ์", "นาคำ"],
}
CLUSTER_NAMES = [
    "กลุ่มโรงเรียนในเมือง", "กลุ่มโรงเรียนหนองบัว–ท่าช้าง", "กลุ่มโรงเรียนนาดี", "กลุ่มโรงเรียนโคกสูง",
    "กลุ่มโรงเรียนภูงาม", "กลุ่มโรงเรียนห้วยทราย–ดอนตาล", "กลุ่มโรงเรียนลำน้ำใส", "กลุ่มโรงเรียนบ้านโพธิ์–นาคำ",
]  # fmt: skip
VILLAGES = [
    "บ้านหนองบัว", "บ้านโนนสูง", "บ้านดอนแดง", "บ้านนาคำ", "บ้านโคกกลาง", "บ้านหัวนา", "บ้านท่าลาด", "บ้านป่าแดง",
    "บ้านหนองแวง", "บ้านสร้างแก้ว", "บ้านโพนทอง", "บ้านนาเจริญ", "บ้านห้วยยาง", "บ้านดงเย็น", "บ้านคำบอน",
    "บ้านศรีสุข", "บ้านโนนงาม", "บ้านหนองแสง", "บ้านนาโพธิ์", "บ้านกุดจิก",
]  # fmt: skip
SCHOOLS_PER_CLUSTER = 15


def seed(ctx: DemoContext) -> None:
    rng = ctx.rng
    districts = list(DISTRICTS)
    clusters = []
    for i, name in enumerate(CLUSTER_NAMES):
        supervisors = [ctx.supervisors[i % len(ctx.supervisors)], ctx.supervisors[(i + 3) % len(ctx.supervisors)]]
        clusters.append(services.cluster_create(name=name, supervisors=supervisors))
    schools = []
    used: set[str] = set()
    for c_index, cluster in enumerate(clusters):
        district = districts[c_index // 2]
        for n in range(SCHOOLS_PER_CLUSTER):
            village = rng.choice(VILLAGES)
            name = (
                f"โรงเรียน{village}"
                if village not in used
                else f"โรงเรียน{village}{rng.choice(['วิทยา', 'ศึกษา', 'พัฒนา'])}"
            )
            suffix = 2
            while name in used:
                name, suffix = f"{name} {suffix}", suffix + 1
            used.add(name)
            pupils = int(rng.choice([rng.randint(25, 119)] * 3 + [rng.randint(121, 600), rng.randint(601, 1600)]))
            prefix, first, last = ctx.person()
            seq = c_index * SCHOOLS_PER_CLUSTER + n + 1
            schools.append(
                services.school_create(
                    code=f"1099{seq:06d}", smis_code=f"9901{seq:04d}", percode=f"{990000 + seq}", name=name,
                    level_kindergarten=True, level_primary=True, level_extended=pupils > 300 and rng.random() < 0.5,
                    address=f"{rng.randint(1, 200)} หมู่ {rng.randint(1, 15)}",
                    subdistrict=rng.choice(DISTRICTS[district]), district=district, province="สุขใจ",
                    postal_code="99000", principal_name=f"{prefix}{first} {last}",
                    phone=f"0 44{rng.randint(10, 99)} {rng.randint(1000, 9999)}",
                    pupils=pupils, teachers=max(2, pupils // 20), cluster=cluster,
                    latitude=Decimal(f"{15.0 + rng.random() * 0.8:.6f}"),
                    longitude=Decimal(f"{102.5 + rng.random() * 0.8:.6f}"),
                )
            )  # fmt: skip
        members = schools[-SCHOOLS_PER_CLUSTER:]
        services.cluster_set_officers(cluster=cluster, chair=members[0], vice_chair=members[1])
    ctx.extra["schools"] = schools
    ctx.extra["clusters"] = clusters
    seed_school_user(ctx, schools[0])
    seed_supervision(ctx, schools)


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
