"""How attendance reports' display names and times are read: name keys and their variants,
organisations named in a display name, a device's own name, merged time intervals.

Pure functions over text and times (no database); attendance_matching applies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.kanji_variants import fold_variants
from kenshu_desk.services.participants.attendance_reports import Interval


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Union of intervals, sorted; overlapping or touching ones become one."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def seconds_within(intervals: Iterable[Interval], window: Interval) -> int:
    lo, hi = window
    total = 0.0
    for start, end in merge_intervals(intervals):
        s, e = max(start, lo), min(end, hi)
        if e > s:
            total += (e - s).total_seconds()
    return int(total)


ORGANISER_ROLES = frozenset(
    match_key(w)
    for w in (
        "Organizer",
        "Organiser",
        "Host",
        "開催者",
        "主催者",
        "ホスト",
        "Panelist",
        "パネリスト",
    )
)  # a webinar's panelist (the speaker) is set aside like the host unless registered
BRACKETS = re.compile(r"[(（\[［【〔「](.*?)[)）\]］】〕」]")
_SEPARATORS = re.compile(r"[_＿/／|｜,，、@＠]+|\s+[-－ー―]\s+")


def name_key(text: str) -> str:
    """The key names are matched by: match_key with old and variant kanji folded (髙 → 高)."""
    return fold_variants(match_key(text))


# A part of a display name that names an organisation rather than a person.
_ORGANISATION_WORD = re.compile(
    r"(都|道|府|県|市|区|町|村|役場|役所|庁|省|社協|協議会|センター|事業所|法人|病院|大学)$"
)


def organisations_mentioned(display: str, known: set[str]) -> set[str]:
    """Keys of the organisations a display name names: 「石井 翔（さいたま市）」 → {さいたま市},
    「所属_名前」, 「名前＠所属」, 「名前/所属」; Teams' (External) is not one."""
    pieces = [*BRACKETS.findall(display)]
    outside = BRACKETS.sub(" ", display)
    parts = [p for p in _SEPARATORS.split(outside) if p.strip()]
    if len(parts) > 1:
        pieces += parts
    words = outside.split()
    if len(words) >= 3 or (len(words) == 2 and len(parts) == 1):
        pieces += [words[0], words[-1]]
    found = set()
    for piece in pieces:
        key = name_key(piece)
        if len(key) >= 2 and (key in known or _ORGANISATION_WORD.search(key)):
            found.add(key)
    return found


def name_variants(display: str) -> list[str]:
    """Name keys a display name may stand for: whole, outside brackets, each part."""
    out: list[str] = []

    def add(text: str) -> None:
        key = name_key(text)
        if len(key) >= 2 and key not in out:
            out.append(key)

    add(display)
    outside = BRACKETS.sub(" ", display)
    add(outside)
    for inner in BRACKETS.findall(display):
        add(inner)
    for piece in (outside, *BRACKETS.findall(display)):
        for part in _SEPARATORS.split(piece):
            add(part)
        words = piece.split()
        if len(words) >= 2:  # 「さいたま市 髙橋 美咲」: try without the first or the last word
            add(" ".join(words[1:]))
            add(" ".join(words[:-1]))
    return out
