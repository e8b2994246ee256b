"""Japanese line breaking for narrow boxes: never inside a katakana or Latin word (ヒアリ|ング),
never a line that starts with a closing bracket or 、。 (行頭禁則) or ends with an opening one
(行末禁則). Between kanji, between scripts and after spaces a line may break, as Japanese
typesetting (JIS X 4051) allows; a word wider than the whole line is the only thing cut.

reportlab's wordWrap="CJK" breaks between any two characters; this module decides the lines
and the caller draws them one per line (the measure is the PDF font's own string width).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

__all__ = ["segments", "wrap"]

_OPENING = set("（([「『【〔［｛〈《“‘")
_CLOSING = set("）)]」』】〕］｝〉》”’、。，．,.・：；:;！？!?‐-～〜ー々ゝゞヽヾ")
_SMALL_KANA = set(
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
)


def _kind(ch: str) -> str:
    if ch.isspace():
        return "space"
    code = ord(ch)
    if 0x30A0 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "katakana"
    if 0x3040 <= code <= 0x309F:
        return "hiragana"
    if ch.isascii() and (ch.isalnum() or ch in "/:#&@%+_"):
        return "latin"
    if unicodedata.east_asian_width(ch) == "F" and unicodedata.normalize("NFKC", ch).isalnum():
        return "latin"  # full-width digits and letters: one word with their neighbours
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or ch == "々":
        return "kanji"
    return "other"


def _may_break(before: str, after: str) -> bool:
    """May a line end after ``before`` and the next begin with ``after``?"""
    if after in _CLOSING or after in _SMALL_KANA or before in _OPENING:
        return False
    if before.isspace():
        return True
    if after.isspace():
        return False
    kb, ka = _kind(before), _kind(after)
    return not (kb == ka and kb in ("katakana", "latin"))  # ヒアリング, 2021, Zoom: whole


SHORT_KANJI_WORD = 4  # 鴻巣市, 勉強会: a kanji run this short is a word; longer ones break
SHORT_BRACKET = 8  # （県職員）, （猪鼻・加藤）: a bracketed group this short stays whole
_PHRASE_END = set("・、，。．：；！？／")  # a phrase ends after these or a space (not 8/19, 14:00)

_COUNTERS = set("回年月日時分人件号期次部名")

# How good a place to break is, before text[i] (the cut of a too long group picks the best).
NEVER, IN_WORD, BETWEEN_WORDS, BETWEEN_PHRASES = 0, 1, 2, 3


def break_levels(text: str) -> list[int]:
    """For each position i, how good a break before ``text[i]`` is: NEVER (禁則: before a
    closing bracket or 、。, after an opening one), IN_WORD (inside a katakana or Latin word or
    a short kanji word: only when a word is wider than the line), BETWEEN_WORDS (where scripts
    change, between kanji of a long run), BETWEEN_PHRASES (after a space, ・、/, before an opening
    bracket)."""
    levels = [NEVER]
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if after in _CLOSING or after in _SMALL_KANA or before in _OPENING:
            levels.append(NEVER)
        elif before.isspace() or before in _PHRASE_END or after in _OPENING:
            levels.append(BETWEEN_PHRASES if not after.isspace() else NEVER)
        elif (before == "第" and after.isdigit()) or (before.isdigit() and after in _COUNTERS):
            levels.append(IN_WORD)  # 第2回, 3年度: a number with its counter is one word
        elif _kind(before) == "hiragana" and (_kind(after) == "hiragana" or after in "市町村"):
            levels.append(IN_WORD)  # さいたま市, ときがわ町: a word in kana, its place suffix
        elif _may_break(before, after):
            levels.append(BETWEEN_WORDS)
        else:
            levels.append(NEVER if after.isspace() else IN_WORD)
    # A short run of kanji is a word (a place name, 勉強会, a family name): inside it, last resort.
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and _kind(text[j]) == _kind(text[i]):
            j += 1
        if _kind(text[i]) == "kanji" and j - i <= SHORT_KANJI_WORD:
            for k in range(i + 1, j):
                levels[k] = min(levels[k], IN_WORD)
        i = j
    return levels


def segments(text: str) -> list[str]:
    """The text cut at every place a line may break (joined again they give the text)."""
    allowed = [level >= BETWEEN_WORDS for level in break_levels(text)]
    # A short bracketed group stays on one line.
    for i, ch in enumerate(text):
        if ch in "（(":
            close = next((k for k in range(i + 1, len(text)) if text[k] in "）)"), None)
            if close is not None and close - i + 1 <= SHORT_BRACKET:
                for j in range(i + 1, close + 1):
                    allowed[j] = False
    parts: list[str] = []
    for i, ch in enumerate(text):
        if parts and not allowed[i]:
            parts[-1] += ch
        else:
            parts.append(ch)
    return parts


def _best_cut(part: str, width: float, measure: Callable[[str], float]) -> int:
    """Where to cut ``part``, wider than the line: the best kind of break whose first piece
    fits (phrase boundary, then word boundary, then inside a word), the longest of that kind;
    禁則 is kept whenever any fitting cut allows it."""
    levels = break_levels(part)
    fits = [k for k in range(1, len(part)) if measure(part[:k].rstrip()) <= width]
    if not fits:
        return 1
    for wanted in (BETWEEN_PHRASES, BETWEEN_WORDS, IN_WORD):
        good = [k for k in fits if levels[k] >= wanted]
        if good:
            return max(good)
    return max(fits)


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (by ``measure``), broken as above."""
    lines: list[str] = []
    line = ""
    for part in segments(text):
        if not line and part.isspace():
            continue  # no line starts with a space
        if measure(line + part.rstrip()) <= width:
            line += part
            continue
        if line.strip():
            lines.append(line.rstrip())
            line = "" if part.isspace() else part.lstrip()
        else:
            line = part.lstrip()
        while measure(line.rstrip()) > width and len(line) > 1:
            # A group wider than the line: cut it at its best break (（猪鼻・|加藤）).
            cut = _best_cut(line, width, measure)
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
    if line.strip():
        lines.append(line.rstrip())
    return lines
