"""Build resources/data/kanji_variants.tsv, the 異体字 folding table used for matching names.

Run at development time, never by the program (the table is committed; the program only reads
it). Sources, both maintained and both installed from Debian's archive:

* KANJIDIC2 (Electronic Dictionary Research and Development Group, CC BY-SA 4.0), package
  ``kanjidic-xml``: /usr/share/edict/kanjidic2.xml.gz. Its ``<variant>`` elements link a kanji
  to its variants by JIS X 0208 / 0212 / 0213 code (桒 → 桑, 逹 → 達, 劔 → 剣 …).
* Unihan (Unicode, Inc., Unicode License), package ``unicode-data``:
  /usr/share/unicode/Unihan_Variants.txt.bz2 (kZVariant and kCompatibilityVariant: the same
  character written differently) and Unihan_OtherMappings.txt.bz2
  (kJoyoKanji, kJinmeiyoKanji: which forms are Japan's standard ones, and which variant forms
  of the name list map to which standard kanji: 埜 → 野).

How a variant is folded, so that unrelated kanji never meet: the *standard* kanji are the
常用漢字 and the 人名用漢字 as listed (not their listed variant forms). A standard kanji is
never folded. Every other kanji is folded to the one standard kanji it is linked to directly.
Links are never followed further (a chain of links drifts into other characters), and a
kanji linked to two or more standard kanji is left alone as ambiguous (嵜: 崎 or 埼); the count
is printed. Unihan's kSemanticVariant and kSpecializedSemanticVariant are not used: they join
characters of (partly) the same meaning in Chinese that are different characters in Japanese
names (譚/談, 鍼/針, 于/於, 穎/署).

    apt-get install kanjidic-xml unicode-data
    python tools/build_kanji_variants.py            # writes resources/data/kanji_variants.tsv
"""

from __future__ import annotations

import bz2
import gzip
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

KANJIDIC2 = Path("/usr/share/edict/kanjidic2.xml.gz")
UNIHAN = Path("/usr/share/unicode")
OUT = Path(__file__).resolve().parents[1] / "resources" / "data" / "kanji_variants.tsv"
UNIHAN_VARIANT_FIELDS = ("kZVariant", "kCompatibilityVariant")


def _char(code: str) -> str:
    return chr(int(code.split("<")[0].removeprefix("U+"), 16))


def _is_kanji(c: str) -> bool:
    cp = ord(c)
    return (
        0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3134F
    )  # fmt: skip


def read_kanjidic2(edges: dict[str, set[str]], sources: dict[tuple[str, str], set[str]]) -> str:
    with gzip.open(KANJIDIC2) as f:
        root = ET.parse(f).getroot()
    header = root.find("header")
    version = "KANJIDIC2 file_version {} of {}".format(
        header.findtext("file_version"), header.findtext("date_of_creation")
    )
    by_code: dict[tuple[str, str], str] = {}
    links: list[tuple[str, str, str]] = []
    for ch in root.iter("character"):
        literal = ch.findtext("literal") or ""
        for cp in ch.iter("cp_value"):
            by_code[(cp.get("cp_type") or "", cp.text or "")] = literal
        for var in ch.iter("variant"):
            links.append((literal, var.get("var_type") or "", var.text or ""))
    for literal, kind, code in links:
        if kind == "ucs":
            other = chr(int(code, 16))
        elif kind in ("jis208", "jis212", "jis213"):
            found = by_code.get((kind, code))
            if found is None:
                continue
            other = found
        else:
            continue  # dictionary numbers (nelson_c …) are not characters
        if other != literal and _is_kanji(literal) and _is_kanji(other):
            edges[literal].add(other)
            edges[other].add(literal)
            sources.setdefault(tuple(sorted((literal, other))), set()).add("KANJIDIC2")
    return version


def read_unihan(
    edges: dict[str, set[str]], sources: dict[tuple[str, str], set[str]]
) -> tuple[set[str], str]:
    standard: set[str] = set()
    version = ""
    with bz2.open(UNIHAN / "Unihan_Variants.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                if "Unicode version" in line or "Date:" in line:
                    version = version or line.strip("# \n")
                continue
            if not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t")
            if field not in UNIHAN_VARIANT_FIELDS:
                continue
            a = _char(code)
            for item in value.split():
                b = _char(item)
                if a != b and _is_kanji(a) and _is_kanji(b):
                    edges[a].add(b)
                    edges[b].add(a)
                    sources.setdefault(tuple(sorted((a, b))), set()).add("Unihan " + field)
    with bz2.open(UNIHAN / "Unihan_OtherMappings.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t")
            if field not in ("kJoyoKanji", "kJinmeiyoKanji"):
                continue
            a = _char(code)
            targets = [_char(v) for v in value.replace(":", " ").split() if v.startswith("U+")]
            if not targets:
                standard.add(a)  # listed as the standard form itself
            for b in targets:  # a variant form listed with the standard kanji it stands for
                edges[a].add(b)
                edges[b].add(a)
                sources.setdefault(tuple(sorted((a, b))), set()).add("Unihan " + field)
    return standard, version


def fold_table(edges: dict[str, set[str]], standard: set[str]) -> tuple[dict[str, str], int]:
    table: dict[str, str] = {}
    ambiguous = 0
    for c in sorted(edges, key=ord):
        if c in standard:
            continue
        found = {y for y in edges[c] if y in standard}
        if len(found) == 1:
            table[c] = found.pop()
        elif found:
            ambiguous += 1
    return table, ambiguous


def main() -> int:
    edges: dict[str, set[str]] = defaultdict(set)
    sources: dict[tuple[str, str], set[str]] = {}
    kd_version = read_kanjidic2(edges, sources)
    standard, unihan_version = read_unihan(edges, sources)
    table, ambiguous = fold_table(edges, standard)
    lines = [
        "# 異体字 → the standard kanji (常用・人名用) it is folded to, for matching names only.",
        "# Built by tools/build_kanji_variants.py from:",
        f"#   {kd_version} (EDRDG, CC BY-SA 4.0; Debian package kanjidic-xml)",
        f"#   Unihan {unihan_version} (Unicode License; Debian package unicode-data)",
        "# Licences: resources/licenses/KANJIDIC2-LICENSE.txt, resources/licenses/Unicode-LICENSE.txt",
        "# Do not edit by hand: rebuild with the tool.",
        "# variant\tstandard\tsource of the link",
    ]
    for variant, common in sorted(table.items(), key=lambda kv: ord(kv[0])):
        direct = sources.get(tuple(sorted((variant, common))))
        how = ", ".join(sorted(direct or ()))
        lines.append(f"{variant}\t{common}\t{how}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} variants written to {OUT}; {ambiguous} ambiguous left alone",
          file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
