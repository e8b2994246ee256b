"""The 異体字 folding used for matching names: the table built from KANJIDIC2 and Unihan
(resources/data/kanji_variants.tsv, tools/build_kanji_variants.py), OpenCC's JPVariants and the
short list of family-name variants neither source links to one standard kanji."""

from __future__ import annotations

from pathlib import Path

import pytest

from kenshu_desk.domain.kanji_variants import NAMES, OPENCC, TABLE, fold_variants
from kenshu_desk.paths import resources_dir

# Variants a registrant or an attendee writes for the same kanji (the audit's failing pairs
# first, then the issue's).
SAME = [
    ("桒", "桑"), ("埜", "野"), ("逹", "達"), ("槗", "橋"), ("舩", "船"), ("𡈽", "土"),
    ("靑", "青"), ("淸", "清"), ("劔", "剣"), ("劍", "剣"), ("劒", "剣"), ("剱", "剣"),
    ("髙", "高"), ("﨑", "崎"), ("嵜", "崎"), ("德", "徳"), ("邊", "辺"), ("邉", "辺"),
    ("齋", "斎"), ("齊", "斎"), ("濱", "浜"), ("濵", "浜"), ("澤", "沢"), ("嶋", "島"),
    ("廣", "広"), ("國", "国"), ("槇", "槙"), ("篭", "籠"), ("鷗", "鴎"), ("渕", "淵"),
    ("冨", "富"), ("舘", "館"), ("瀨", "瀬"), ("𠮷", "吉"),
]  # fmt: skip
# Different kanji that look alike or share a meaning in Chinese: never folded together.
DIFFERENT = [("土", "士"), ("末", "未"), ("准", "準"), ("譚", "談"), ("鍼", "針"), ("于", "於"),
             ("己", "已"), ("崎", "埼"), ("斉", "斎"), ("浜", "兵")]  # fmt: skip


@pytest.mark.parametrize(("variant", "common"), SAME)
def test_variants_fold_to_the_same_key(variant: str, common: str):
    assert fold_variants(variant) == fold_variants(common)
    assert fold_variants(f"{variant}原 太郎") == fold_variants(f"{common}原 太郎")


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_unrelated_kanji_stay_apart(a: str, b: str):
    assert fold_variants(a) != fold_variants(b)


def test_standard_kanji_of_the_source_are_never_folded_by_the_table():
    """常用・人名用 kanji are targets only: a standard kanji is never a key of the table."""
    assert set(TABLE) and not {chr(c) for c in TABLE} & set(TABLE.values())


def test_every_link_of_every_table_holds_and_folding_twice_changes_nothing():
    pairs = [
        (chr(k), v if isinstance(v, str) else chr(v))
        for table in (TABLE, NAMES, OPENCC)
        for k, v in table.items()
    ]
    assert len(pairs) > 1300  # the built table is ~1,000 variants, not a hand-picked dozen
    # NAMES overrides the sources on purpose for 齊 (→ 斎, the family name 齊藤/斎藤, not 斉).
    overridden = {chr(k) for k in NAMES}
    broken = [
        (a, b)
        for a, b in pairs
        if fold_variants(a) != fold_variants(b) and not (a in overridden and NAMES[ord(a)] != b)
    ]
    assert not broken, broken[:20]
    chars = {c for pair in pairs for c in pair}
    unstable = [c for c in chars if fold_variants(fold_variants(c)) != fold_variants(c)]
    assert not unstable, unstable[:20]


def test_the_table_names_its_sources_and_their_licences_ship_with_it():
    text = (resources_dir() / "data" / "kanji_variants.tsv").read_text(encoding="utf-8")
    header = "".join(line for line in text.splitlines() if line.startswith("#"))
    assert "KANJIDIC2" in header and "Unihan" in header and "build_kanji_variants.py" in header
    licences = resources_dir() / "licenses"
    assert "Creative Commons" in (licences / "KANJIDIC2-LICENSE.txt").read_text(encoding="utf-8")
    assert "UNICODE" in (licences / "Unicode-LICENSE.txt").read_text(encoding="utf-8").upper()
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert all(len(r) == 3 and len(r[0]) == 1 and len(r[1]) == 1 and r[2] for r in rows)


def test_the_tool_rebuilds_the_committed_table_when_its_sources_are_installed(tmp_path: Path):
    """The committed table is what the tool makes from the installed sources (Debian's
    kanjidic-xml and unicode-data), not edited by hand."""
    import importlib.util

    tool = Path(__file__).resolve().parents[2] / "tools" / "build_kanji_variants.py"
    spec = importlib.util.spec_from_file_location("build_kanji_variants", tool)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not (module.KANJIDIC2.exists() and (module.UNIHAN / "Unihan_Variants.txt.bz2").exists()):
        pytest.skip("apt-get install kanjidic-xml unicode-data to rebuild the table")
    module.OUT = tmp_path / "kanji_variants.tsv"
    assert module.main() == 0
    committed = resources_dir() / "data" / "kanji_variants.tsv"
    assert module.OUT.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
