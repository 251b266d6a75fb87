"""Build the print fonts (Sarabun Print) from the vendored Sarabun, so that ำ copies as one character.

python scripts/build_print_fonts.py [OUT_DIR]   # OUT_DIR defaults to static/fonts

Why: HarfBuzz's Thai shaper always splits ำ (U+0E33) into the NIKHAHIT and SARA AA glyphs; the
NIKHAHIT moves before any tone mark and joins it (Sarabun ligates NIKHAHIT + tone into one glyph).
WeasyPrint writes one ToUnicode string per glyph: the last glyph of a cluster gets the cluster's
text, the others get "". So with plain Sarabun the SARA AA glyph is "ำ" in one place and "า" in
another, and whichever comes first wins for the whole PDF.

What this changes: the shaped NIKHAHIT (and its ligatures with tone marks) directly followed by
SARA AA becomes a copy of the same glyph, and that SARA AA becomes one of five copies of SARA AA,
one per tone mark (none, ่ ้ ๊ ๋). A copy has the same outline, advance, GDEF classes and GPOS
anchors as its original, so the printed page is pixel-identical; WeasyPrint then maps each copy to
one string only: the NIKHAHIT copies to "", the SARA AA copies to "ำ", "่ำ", "้ำ", "๊ำ" or "๋ำ".
core.documents.render_html writes every ำ as U+0E33 (never NIKHAHIT + SARA AA) for the same reason.

Licence: Sarabun is under the SIL Open Font License 1.1 (static/fonts/OFL.txt) with no Reserved
Font Name; the modified fonts are renamed "Sarabun Print" all the same, so they can never be
mistaken for (or installed over) the original. The build is reproducible: same input, same bytes
(tests/core/test_pdf_text.py checks that the vendored files are exactly what this script builds).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otTables

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = ROOT / "static" / "fonts"
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
FAMILY = "Sarabun Print"
SARA_AA = "uni0E32"
TONES = ("", "0E48", "0E49", "0E4A", "0E4B")  # none, ่ ้ ๊ ๋


def nikhahit_forms(tone: str) -> list[str]:
    """Sarabun's glyphs for NIKHAHIT (with `tone` ligated), plain and narrow (after ป ฝ ฟ)."""
    base = f"uni0E4D{tone}"
    return [base, f"{base}.narrow"]


def build(style: str, out_dir: Path) -> Path:
    font = TTFont(FONT_DIR / f"Sarabun-{style}.ttf", recalcTimestamp=False)
    sara_aa_copies = {}
    for tone in TONES:
        sara_aa_copies[tone] = add_copy(font, SARA_AA, f"{SARA_AA}.am{tone}")
        for glyph in nikhahit_forms(tone):
            add_copy(font, glyph, f"{glyph}.am")
    add_sara_am_lookup(font, sara_aa_copies)
    rename(font, style)
    if "DSIG" in font:
        del font["DSIG"]  # the signature no longer matches
    out = out_dir / f"SarabunPrint-{style}.ttf"
    font.save(out)
    return out


def add_copy(font: TTFont, source: str, name: str) -> str:
    """Append glyph `name`, identical to `source` in outline, metrics, GDEF and GPOS."""
    order = font.getGlyphOrder()
    font.setGlyphOrder([*order, name])
    font["glyf"].glyphs[name] = copy.deepcopy(font["glyf"][source])
    font["glyf"].glyphOrder = font.getGlyphOrder()
    font["hmtx"][name] = font["hmtx"][source]
    gdef = font["GDEF"].table
    for class_def in (gdef.GlyphClassDef, gdef.MarkAttachClassDef):
        if class_def and source in class_def.classDefs:
            class_def.classDefs[name] = class_def.classDefs[source]
    for lookup in font["GPOS"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            copy_positioning(subtable, source, name)
    return name


# (coverage attribute, array attribute, record list attribute) of the mark positioning subtables.
_MARK_ARRAYS = (
    ("MarkCoverage", "MarkArray", "MarkRecord"),
    ("BaseCoverage", "BaseArray", "BaseRecord"),
    ("Mark1Coverage", "Mark1Array", "MarkRecord"),
    ("Mark2Coverage", "Mark2Array", "Mark2Record"),
)


def copy_positioning(subtable: object, source: str, name: str) -> None:
    """Give `name` whatever positioning `source` has in one GPOS subtable.

    New glyphs come last in the glyph order, so appending keeps every coverage sorted.
    """
    for coverage_attr, array_attr, records_attr in _MARK_ARRAYS:
        coverage = getattr(subtable, coverage_attr, None)
        if coverage and source in coverage.glyphs:
            records = getattr(getattr(subtable, array_attr), records_attr)
            records.append(copy.deepcopy(records[coverage.glyphs.index(source)]))
            coverage.glyphs.append(name)
    if isinstance(subtable, otTables.PairPos):
        copy_pair_positioning(subtable, source, name)
        return
    known = {attr for attr, _, _ in _MARK_ARRAYS} | {"Coverage"}
    for attr, value in vars(subtable).items():
        if isinstance(value, otTables.Coverage) and attr not in known and source in value.glyphs:
            raise SystemExit(f"{source} is in a GPOS subtable this script does not copy ({attr})")
    if isinstance(subtable, otTables.SinglePos) and source in subtable.Coverage.glyphs:
        raise SystemExit(f"{source} has single positioning, which this script does not copy")


def copy_pair_positioning(subtable: otTables.PairPos, source: str, name: str) -> None:
    if subtable.Format == 2:
        for class_def in (subtable.ClassDef1, subtable.ClassDef2):
            if source in class_def.classDefs:
                class_def.classDefs[name] = class_def.classDefs[source]
        if source in subtable.Coverage.glyphs:
            subtable.Coverage.glyphs.append(name)
        return
    if source in subtable.Coverage.glyphs:
        subtable.PairSet.append(copy.deepcopy(subtable.PairSet[subtable.Coverage.glyphs.index(source)]))
        subtable.Coverage.glyphs.append(name)
    for pair_set in subtable.PairSet:
        for record in list(pair_set.PairValueRecord):
            if record.SecondGlyph == source:
                twin = copy.deepcopy(record)
                twin.SecondGlyph = name
                pair_set.PairValueRecord.append(twin)
        pair_set.PairValueCount = len(pair_set.PairValueRecord)


def add_sara_am_lookup(font: TTFont, sara_aa_copies: dict[str, str]) -> None:
    """Add, last in the Thai ccmp feature, "NIKHAHIT form + SARA AA → their copies"."""
    gsub = font["GSUB"].table
    lookups = gsub.LookupList.Lookup
    nikhahit_lookup = _append_lookup(lookups, _single({g: f"{g}.am" for t in TONES for g in nikhahit_forms(t)}))
    chain = otTables.Lookup()
    chain.LookupType, chain.LookupFlag = 6, 0
    chain.SubTable = []
    for tone, sara_aa_copy in sara_aa_copies.items():
        sara_aa_lookup = _append_lookup(lookups, _single({SARA_AA: sara_aa_copy}))
        chain.SubTable.append(_chain_rule(nikhahit_forms(tone), nikhahit_lookup, sara_aa_lookup))
    chain.SubTableCount = len(chain.SubTable)
    chain_index = _append_lookup(lookups, chain)
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag == "ccmp" and 3 in record.Feature.LookupListIndex:  # the Thai ccmp (ำ → ํ า)
            record.Feature.LookupListIndex.append(chain_index)
            record.Feature.LookupCount = len(record.Feature.LookupListIndex)
            return
    raise SystemExit("Sarabun's Thai ccmp feature was not found")


def _single(mapping: dict[str, str]) -> otTables.Lookup:
    lookup = otTables.Lookup()
    lookup.LookupType, lookup.LookupFlag = 1, 0
    subtable = otTables.SingleSubst()
    subtable.mapping = mapping
    lookup.SubTable, lookup.SubTableCount = [subtable], 1
    return lookup


def _chain_rule(nikhahits: list[str], nikhahit_lookup: int, sara_aa_lookup: int) -> otTables.ChainContextSubst:
    rule = otTables.ChainContextSubst()
    rule.Format = 3
    rule.BacktrackCoverage, rule.LookAheadCoverage = [], []
    rule.InputCoverage = [_coverage(nikhahits), _coverage([SARA_AA])]
    rule.SubstLookupRecord = []
    for index, lookup_index in ((0, nikhahit_lookup), (1, sara_aa_lookup)):
        record = otTables.SubstLookupRecord()
        record.SequenceIndex, record.LookupListIndex = index, lookup_index
        rule.SubstLookupRecord.append(record)
    rule.BacktrackGlyphCount, rule.LookAheadGlyphCount = 0, 0
    rule.InputGlyphCount, rule.SubstCount = 2, 2
    return rule


def _coverage(glyphs: list[str]) -> otTables.Coverage:
    coverage = otTables.Coverage()
    coverage.glyphs = glyphs
    return coverage


def _append_lookup(lookups: list, lookup: otTables.Lookup) -> int:
    lookups.append(lookup)
    return len(lookups) - 1


def rename(font: TTFont, style: str) -> None:
    """Rename the family (and say what changed), keeping the copyright and licence records."""
    names = font["name"]
    postscript = f"SarabunPrint-{style}"
    texts = {
        1: FAMILY,
        3: names.getDebugName(3).replace(f"Sarabun-{style}", postscript),
        4: f"{FAMILY} {names.getDebugName(2)}",
        6: postscript,
        10: "Sarabun, modified so that text copied from PDFs keeps ำ (U+0E33) as one character.",
    }
    for name_id, text in texts.items():
        names.setName(text, name_id, 3, 1, 0x409)
        if names.getName(name_id, 1, 0, 0):
            names.setName(text, name_id, 1, 0, 0)


def main(argv: list[str]) -> None:
    out_dir = Path(argv[1]) if len(argv) > 1 else FONT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        print(build(style, out_dir))


if __name__ == "__main__":
    main(sys.argv)
