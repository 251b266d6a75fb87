"""School addresses checked against the packaged Thai address database (ตำบล อำเภอ จังหวัด รหัสไปรษณีย์).

The data is npm's thai-address-database, vendored in schools/data/thai-address-database/ (see its
README for version and licence). It is read once, on first use, and kept in memory.

`address_clean` is used by the school form and so by the import: it accepts the parts given
(a partial address stays allowed), drops prefixes people type (จ. อ. ต. จังหวัด อำเภอ ตำบล เขต
แขวง), reads "เมือง" as the province's capital district, and refuses a name that is not in the
database with a Thai message naming the nearest valid combination.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError

from core.collation import thai_sorted

DATA_FILE = Path(__file__).resolve().parent / "data" / "thai-address-database" / "db.json"
FIELDS = ("subdistrict", "district", "province", "postal_code")
_PREFIX = re.compile(r"^(?:จังหวัด|จ\.|อำเภอ|อ\.|เขต|กิ่งอำเภอ|ตำบล|ต\.|แขวง)\s*")


@dataclass(frozen=True)
class Place:
    subdistrict: str  # ตำบล / แขวง
    district: str  # อำเภอ / เขต
    province: str  # จังหวัด
    postal_code: str  # '' where the database has none

    def __str__(self) -> str:
        return self.describe(FIELDS)

    def describe(self, fields: Iterable[str]) -> str:
        """The parts named in `fields` as Thai write them: "ตำบลในเมือง อำเภอเมืองบุรีรัมย์ จังหวัดบุรีรัมย์ 31000"."""
        labels = _labels(self.province)
        return " ".join(f"{labels.get(f, '')}{getattr(self, f)}" for f in FIELDS if f in fields and getattr(self, f))


@functools.cache
def places() -> tuple[Place, ...]:
    """Every (ตำบล, อำเภอ, จังหวัด, รหัสไปรษณีย์) row of the database, expanded from its compact form."""
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    lookup, words = raw["lookup"].split("|"), raw["words"].split("|")

    def name(value: int | str) -> str:
        text = lookup[value] if isinstance(value, int) else value
        return re.sub(r"[A-Za-z]", lambda m: words[ord(m[0]) - (65 if m[0] < "a" else 71)], text)

    rows = []
    for province, districts in raw["data"]:
        for district, subdistricts in districts:
            for subdistrict, codes in subdistricts:
                for code in codes if isinstance(codes, list) else [codes]:
                    rows.append(Place(name(subdistrict), name(district), name(province), str(code or "")))
    return tuple(rows)


@functools.cache
def provinces() -> list[str]:
    return thai_sorted({p.province for p in places()})


@functools.cache
def _in_province(province: str) -> tuple[Place, ...]:
    return tuple(p for p in places() if p.province == province)


def province_choices(province: str) -> dict[str, dict[str, str]]:
    """อำเภอ -> ตำบล -> รหัสไปรษณีย์ of a province, in Thai order (the form's suggestions)."""
    out: dict[str, dict[str, str]] = {}
    for place in _in_province(_bare(province)):
        out.setdefault(place.district, {}).setdefault(place.subdistrict, place.postal_code)
    return {d: dict(thai_sorted(out[d].items(), key=lambda kv: kv[0])) for d in thai_sorted(out)}


def _bare(text: str) -> str:
    return _PREFIX.sub("", " ".join((text or "").split()))


def _nearest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=1, cutoff=0.5)
    return close[0] if close else ""


def _closest_place(candidates: Iterable[Place], given: dict[str, str]) -> Place | None:
    """The candidate most like what was typed: the misspelt part first, the others to break ties."""

    def score(place: Place) -> float:
        return sum(difflib.SequenceMatcher(None, given[f], getattr(place, f)).ratio() for f in FIELDS if given.get(f))

    return max(candidates, key=score, default=None)


def _labels(province: str) -> dict[str, str]:
    if province == "กรุงเทพมหานคร":
        return {"subdistrict": "แขวง", "district": "เขต", "province": "", "postal_code": ""}
    return {"subdistrict": "ตำบล", "district": "อำเภอ", "province": "จังหวัด", "postal_code": ""}


def _not_found(field: str, given: dict[str, str], candidates: tuple[Place, ...]) -> ValidationError:
    """'ไม่พบอำเภอ “…” ในจังหวัด… หมายถึง “…” หรือไม่ (ตำบล… อำเภอ… จังหวัด… 31000)'."""
    labels = _labels(given["province"])
    within = {"district": ["province"], "subdistrict": ["district", "province"]}[field]
    where = " ".join(f"{labels[f]}{given[f]}" for f in within if given[f])
    message = f"ไม่พบ{labels[field]} “{given[field]}”" + (f" ใน{where}" if where else " ในฐานข้อมูลที่อยู่")
    close = set(difflib.get_close_matches(given[field], {getattr(p, field) for p in candidates}, n=5, cutoff=0.5))
    best = _closest_place((p for p in candidates if getattr(p, field) in close), given)
    if best:
        shown = {f for f in FIELDS if given[f]} | {field, "province"}
        message += f" หมายถึง “{getattr(best, field)}” หรือไม่ ({best.describe(shown)})"
    return ValidationError({field: message})


def address_clean(*, subdistrict: str = "", district: str = "", province: str = "", postal_code: str = "") -> dict:
    """The address parts as the database spells them; ValidationError (by field, Thai) when a part is unknown."""
    given = {"subdistrict": _bare(subdistrict), "district": _bare(district), "province": _bare(province)}
    given["postal_code"] = (postal_code or "").strip()
    candidates = places()
    if given["district"] == "เมือง" and not given["province"]:
        raise ValidationError({"province": "กรุณากรอกจังหวัดของอำเภอเมือง (ทุกจังหวัดมีอำเภอเมือง)"})
    if given["province"]:
        if given["province"] not in provinces():
            near = _nearest(given["province"], provinces())
            hint = f" หมายถึง “{near}” หรือไม่" if near else ""
            raise ValidationError({"province": f"ไม่พบจังหวัด “{given['province']}”{hint}"})
        candidates = _in_province(given["province"])
        if given["district"] == "เมือง" and given["province"] != "กรุงเทพมหานคร":
            given["district"] = f"เมือง{given['province']}"  # "อ.เมือง": the province's capital district
    for field in ("district", "subdistrict"):
        if given[field]:
            matching = tuple(p for p in candidates if getattr(p, field) == given[field])
            if not matching:
                raise _not_found(field, given, candidates)
            candidates = matching
    codes = {p.postal_code for p in candidates if p.postal_code}
    if given["postal_code"] and codes and given["postal_code"] not in codes and len(candidates) < len(places()):
        where = " ".join(f"{_labels(given['province'])[f]}{given[f]}" for f in ("subdistrict", "district") if given[f])
        where = where or f"จังหวัด{given['province']}"
        raise ValidationError(
            {"postal_code": f"รหัสไปรษณีย์ {given['postal_code']} ไม่ตรงกับ{where} (ที่ถูกต้อง: {', '.join(sorted(codes))})"}
        )
    return given
