"""Demo schools and clusters (about 120 schools in 8 clusters) and the school-staff login (fictional)."""

from __future__ import annotations

from decimal import Decimal

from core import services as core_services
from core.demo import DEMO_PASSWORD, DemoContext
from core.roles import Role

from . import addresses, services
from .models import School

# Real อำเภอ and ตำบล (the schools' addresses are checked against the Thai address database, see
# schools/addresses.py; postcodes come from it too): four districts in the north of บุรีรัมย์,
# where the demo's coordinates lie. The office itself stays fictional.
PROVINCE = "บุรีรัมย์"
DISTRICTS = {
    "ลำปลายมาศ": ["ลำปลายมาศ", "หนองคู", "ตลาดโพธิ์", "โคกสะอาด"],
    "คูเมือง": ["คูเมือง", "ปะเคียบ", "หินเหล็กไฟ"],
    "พุทไธสง": ["พุทไธสง", "บ้านเป้า", "มะเฟือง"],
    "นาโพธิ์": ["นาโพธิ์", "บ้านคู", "ศรีสว่าง"],
}
CLUSTER_NAMES = [
    "กลุ่มโรงเรียนในเมือง", "กลุ่มโรงเรียนหนองบัว–ท่าช้าง", "กลุ่มโรงเรียนนาดี", "กลุ่มโรงเรียนโคกสูง",
    "กลุ่มโรงเรียนภูงาม", "กลุ่มโรงเรียนห้วยทราย–ดอนตาล", "กลุ่มโรงเรียนลำน้ำใส", "กลุ่มโรงเรียนบ้านโพธิ์–นาคำ",
]  # fmt: skip
# Village names (ชื่อบ้าน) as the north-east names them: a landform and what grows or lies there.
# Every school is โรงเรียนบ้าน<village>, each village once: no "วิทยา" or number added to tell two apart.
LANDFORMS = ["หนอง", "โนน", "ดอน", "โคก", "นา", "ห้วย", "ท่า", "ป่า", "ดง", "กุด", "โพน", "หัว", "สร้าง"]
FEATURES = [
    "บัว", "สูง", "แดง", "กลาง", "ยาง", "เย็น", "จิก", "ทอง", "งาม", "แสง", "โพธิ์", "ตาล", "ม่วง", "ขาม", "ไผ่",
    "สะแบง", "แต้", "เขือง", "หว้า", "ค้อ", "ไฮ", "บาก",
]  # fmt: skip
SCHOOLS_PER_CLUSTER = 15


def seed(ctx: DemoContext) -> None:
    rng = ctx.rng
    districts = list(DISTRICTS)
    postcodes = addresses.province_choices(PROVINCE)
    clusters = []
    for i, name in enumerate(CLUSTER_NAMES):
        supervisors = [ctx.supervisors[i % len(ctx.supervisors)], ctx.supervisors[(i + 3) % len(ctx.supervisors)]]
        clusters.append(services.cluster_create(name=name, supervisors=supervisors))
    schools = []
    villages = [f"โรงเรียนบ้าน{land}{feature}" for land in LANDFORMS for feature in FEATURES]
    villages = rng.sample(villages, len(CLUSTER_NAMES) * SCHOOLS_PER_CLUSTER)
    for c_index, cluster in enumerate(clusters):
        district = districts[c_index // 2]
        for n in range(SCHOOLS_PER_CLUSTER):
            name = villages.pop()
            pupils = int(rng.choice([rng.randint(25, 119)] * 3 + [rng.randint(121, 600), rng.randint(601, 1600)]))
            prefix, first, last = ctx.person()
            seq = c_index * SCHOOLS_PER_CLUSTER + n + 1
            schools.append(
                services.school_create(
                    code=f"1099{seq:06d}", smis_code=f"9901{seq:04d}", percode=f"{990000 + seq}", name=name,
                    level_kindergarten=True, level_primary=True, level_extended=pupils > 300 and rng.random() < 0.5,
                    address=f"{rng.randint(1, 200)} หมู่ {rng.randint(1, 15)}",
                    subdistrict=(sub := rng.choice(DISTRICTS[district])), district=district, province=PROVINCE,
                    postal_code=postcodes[district][sub], principal_name=f"{prefix}{first} {last}",
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


def seed_school_user(ctx: DemoContext, school: School) -> None:
    user = core_services.user_create(
        username="school", password=DEMO_PASSWORD, first_name="มานี", last_name="จันทร์หอม", roles=[Role.SCHOOL],
        prefix="นางสาว", position="ครู (ผู้รับผิดชอบงานนิเทศภายใน)",
    )  # fmt: skip
    services.membership_set(user=None, member=user, school=school, position="ครู (ผู้รับผิดชอบงานนิเทศภายใน)")
    ctx.users[Role.SCHOOL.value] = user
