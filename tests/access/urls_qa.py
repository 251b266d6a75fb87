"""QA (งานประกันคุณภาพ): office staff and the committee read every school's QA data; school staff read
their own school's only (another school's records are a 404) and write their own draft SAR; supervisors,
the group director and the administrator do the office's QA work (qa/access.py)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from qa import selectors, services
from tests.access.matrix import Case, World, everyone, post_only

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MANAGERS = ("administrator", "supervisor", "director")
READ = everyone(200)  # every role reads; school staff their own school's records
OFFICE = everyone(200, school=403)  # district-wide pages: office staff and the committee
MANAGE_PAGE = everyone(403, **dict.fromkeys(MANAGERS, 200))
MANAGE_ACT = everyone(403, **dict.fromkeys(MANAGERS, 302))
NOT_KNOWN = {"school": 404}  # another school's record, for school staff
NO_SARS_YEAR = 2501  # a year without SARs: feeding the plan stops at a Thai message, nothing is written


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _submitted(school_user: object, school: object, year: int) -> object:
    sar = services.sar_start(user=school_user, school=school, academic_year=year)
    levels = {r.standard_id: 3 for r in sar.ratings.all()}
    services.sar_update(user=school_user, sar=sar, levels=levels, strengths="ครูทุ่มเท", to_develop="การอ่าน",
                        development_plan="โครงการรักการอ่าน")  # fmt: skip
    return services.sar_submit(user=school_user, sar=sar)


def objects(world: World) -> dict:
    u = world.users
    school_user, supervisor = u["school"], u["supervisor"]
    year = selectors.current_academic_year()
    draft = services.sar_start(user=school_user, school=world.school, academic_year=year)
    services.sar_update(user=school_user, sar=draft, levels={}, file=_pdf("sar.pdf"))  # incomplete: not sendable
    other = services.sar_start(user=supervisor, school=world.other_school, academic_year=year)
    services.sar_update(user=supervisor, sar=other, levels={}, file=_pdf("other.pdf"))
    external = services.external_save(user=supervisor, school=world.school, round_name="รอบที่ 5",
                                      assessment_year=2566, levels={}, file=_pdf("onesqa.pdf"))  # fmt: skip
    other_external = services.external_save(user=supervisor, school=world.other_school, round_name="รอบที่ 5",
                                            assessment_year=2566, levels={}, file=_pdf("onesqa.pdf"))  # fmt: skip
    return {
        "qa_year": year, "qa_draft": draft, "qa_other": other,
        "qa_to_review": _submitted(school_user, world.school, year - 1),
        "qa_to_return": _submitted(school_user, world.school, year - 2),
        "qa_external": external, "qa_other_external": other_external,
    }  # fmt: skip


def _pk(key: str):  # noqa: ANN202
    return lambda world: {"pk": world.objects[key].pk}


def _school(world: World) -> dict:
    return {"pk": world.school.pk}


def _other_school(world: World) -> dict:
    return {"pk": world.other_school.pk}


def _year(world: World) -> dict:
    return {"year": world.objects["qa_year"]}


def _deadline(world: World) -> dict:
    return {"academic_year": world.objects["qa_year"], "deadline": "", "note": ""}


def _comment(world: World) -> dict:
    return {"comment": "ควรเพิ่มหลักฐานการอ่านของผู้เรียน"}


CASES = {
    "qa:index": Case(expect=everyone(200, school=302)),  # school staff are sent to their school's QA page
    "qa:standards": Case(expect=READ),
    "qa:deadlines": [
        Case(expect=OFFICE),
        Case(method="post", data=_deadline, expect=MANAGE_ACT),
    ],
    "qa:sar_list": Case(expect=READ),
    "qa:sar_missing": Case(expect=OFFICE),
    "qa:sar_start": Case(expect=everyone(403, school=200, **dict.fromkeys(MANAGERS, 200))),
    "qa:sar_detail": [
        Case(kwargs=_pk("qa_draft"), expect=READ),
        Case(kwargs=_pk("qa_other"), expect=everyone(200, **NOT_KNOWN)),
    ],
    "qa:sar_edit": [
        Case(kwargs=_pk("qa_draft"), expect=everyone(403, school=200, **dict.fromkeys(MANAGERS, 200))),
        Case(kwargs=_pk("qa_other"), expect=everyone(403, **dict.fromkeys(MANAGERS, 200), **NOT_KNOWN)),
        Case(kwargs=_pk("qa_to_review"), expect=everyone(403)),  # sent: nobody edits it
    ],
    # the draft lacks its levels: those who may send it are told so (302 back to the form), nothing changes
    "qa:sar_submit": post_only(everyone(403, school=302, **dict.fromkeys(MANAGERS, 302)), kwargs=_pk("qa_draft")),
    "qa:sar_review": [
        *post_only(MANAGE_ACT, kwargs=_pk("qa_to_review"), data=_comment),
        Case(
            method="post",
            kwargs=_pk("qa_other"),
            data=_comment,
            expect=everyone(403, **dict.fromkeys(MANAGERS, 302), **NOT_KNOWN),
        ),
    ],  # fmt: skip
    "qa:sar_return": post_only(MANAGE_ACT, kwargs=_pk("qa_to_return"), data=_comment),
    "qa:sar_file": [
        Case(kwargs=_pk("qa_draft"), expect=READ),
        Case(kwargs=_pk("qa_other"), expect=everyone(200, **NOT_KNOWN)),
    ],
    "qa:school_qa": [
        Case(kwargs=_school, expect=READ),
        Case(kwargs=_other_school, expect=everyone(200, **NOT_KNOWN)),
    ],
    "qa:external_list": Case(expect=READ),
    "qa:external_create": Case(expect=MANAGE_PAGE),
    "qa:external_detail": [
        Case(kwargs=_pk("qa_external"), expect=READ),
        Case(kwargs=_pk("qa_other_external"), expect=everyone(200, **NOT_KNOWN)),
    ],
    "qa:external_edit": [
        Case(kwargs=_pk("qa_external"), expect=MANAGE_PAGE),
        Case(kwargs=_pk("qa_other_external"), expect={**MANAGE_PAGE, **NOT_KNOWN}),
    ],
    "qa:external_file": [
        Case(kwargs=_pk("qa_external"), expect=READ),
        Case(kwargs=_pk("qa_other_external"), expect=everyone(200, **NOT_KNOWN)),
    ],
    "qa:synthesis": Case(expect=OFFICE),
    "qa:synthesis_export": Case(kwargs=_year, expect=OFFICE),
    "qa:synthesis_to_plan": post_only(MANAGE_ACT, kwargs=lambda world: {"year": NO_SARS_YEAR}),
}
