"""Japanese dates, fiscal years, holidays, labels and match/sort keys.

Pure functions: no Qt, no I/O. They only *produce* labels and keys; a stored
value (a name as the person wrote it) is never normalised here or anywhere.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time

from kenshu_desk.messages import Message, current_language, msg

__all__ = [
    "ERAS",
    "WEEKDAYS_JA",
    "Era",
    "circled_number",
    "day_warning",
    "era_of",
    "era_year_label",
    "fiscal_year",
    "fiscal_year_label",
    "fiscal_year_range",
    "holiday_name",
    "katakana_to_hiragana",
    "match_key",
    "minutes_label",
    "reading_sort_key",
    "sort_key_from_match_keys",
    "time_range",
    "wareki",
    "wareki_short",
    "weekday_ja",
]


@dataclass(frozen=True)
class Era:
    """One Japanese era (元号).

    ``start`` is the first day of the era and fixes the year numbering
    (year 1 = ``start.year``). ``supported_from`` is set only where dates before
    it cannot be converted honestly (明治: Japan used the lunisolar calendar
    until 1872, so a Gregorian date before 1873-01-01 has no 明治 month/day).
    """

    name: str
    start: date
    initial: str
    supported_from: date | None = None

    @property
    def effective_start(self) -> date:
        """First Gregorian date this table converts to this era."""
        return self.supported_from or self.start


# Newest first. A new era is one new line here and nothing else.
ERAS: tuple[Era, ...] = (
    Era("令和", date(2019, 5, 1), "R"),
    Era("平成", date(1989, 1, 8), "H"),
    Era("昭和", date(1926, 12, 25), "S"),
    Era("大正", date(1912, 7, 30), "T"),
    Era("明治", date(1868, 1, 25), "M", supported_from=date(1873, 1, 1)),
)

WEEKDAYS_JA: tuple[str, ...] = ("月", "火", "水", "木", "金", "土", "日")


def _as_date(d: date) -> date:
    # datetime is a subclass of date but cannot be compared with one.
    return d.date() if isinstance(d, datetime) else d


def _era(d: date) -> Era:
    d = _as_date(d)
    for era in ERAS:
        if d >= era.effective_start:
            return era
    raise ValueError(f"{d.isoformat()} is before the earliest supported era")


def _year_number(n: int) -> str:
    # Official documents write the first year of an era as 元年, never 1年.
    return "元" if n == 1 else str(n)


def era_of(d: date) -> tuple[str, int]:
    """Era name and year number, e.g. ("令和", 3) for 2021-11-25."""
    era = _era(d)
    return era.name, d.year - era.start.year + 1


def era_year_label(d: date) -> str:
    """Year label such as "令和3年"; "令和元年" for the first year."""
    name, n = era_of(d)
    return f"{name}{_year_number(n)}年"


def weekday_ja(d: date) -> str:
    """One-kanji weekday, e.g. "木"."""
    return WEEKDAYS_JA[d.weekday()]


def wareki(d: date, weekday: bool = True) -> str:
    """Agenda date such as "令和3年11月25日（木）" (full-width parentheses)."""
    label = f"{era_year_label(d)}{d.month}月{d.day}日"
    return f"{label}（{weekday_ja(d)}）" if weekday else label


def wareki_short(d: date) -> str:
    """Compact form "R3.11.25" (first year is 1 here, not 元)."""
    era = _era(d)
    return f"{era.initial}{d.year - era.start.year + 1}.{d.month}.{d.day}"


def fiscal_year(d: date) -> int:
    """Japanese fiscal year (April to March) containing ``d``."""
    return d.year if d.month >= 4 else d.year - 1


def fiscal_year_range(fy: int) -> tuple[date, date]:
    """First and last day of fiscal year ``fy``."""
    return date(fy, 4, 1), date(fy + 1, 3, 31)


@functools.cache  # a handful of years, asked for once per row of every list
def fiscal_year_label(fy: int) -> str:
    """Fiscal year label: 2021 -> "令和3年度", 2019 -> "令和元年度", 2018 -> "平成30年度"."""
    first, last = fiscal_year_range(fy)
    # Official usage names the year after the era in force when it ends
    # (FY2019 began in 平成31 but is called 令和元年度) ...
    era = _era(last)
    if era.start.year > fy:
        # ... unless that era began in January-March of the following calendar
        # year (平成 began 1989-01-08): FY1988 stays 昭和63年度, not "平成0年度".
        era = _era(first)
    return f"{era.name}{_year_number(fy - era.start.year + 1)}年度"


class FiscalYearName(Message):
    """A fiscal year worded in the running language: 令和3年度 in Japanese, FY2021 in
    English (April 2021 to March 2022). Usable as a message parameter."""

    def __init__(self, fy: int) -> None:
        super().__init__("", {"fy": fy})

    def text(self, language: str | None = None) -> str:
        fy: int = self.params["fy"]
        return fiscal_year_label(fy) if (language or current_language()) == "ja" else f"FY{fy}"


def holiday_name(d: date) -> str | None:
    """Public holiday name (jpholiday), or None on an ordinary day."""
    import jpholiday  # here: most users of this module (and the start-up) never ask

    return jpholiday.is_holiday_name(_as_date(d))


def day_warning(d: date) -> str | None:
    """Warning for the event form when ``d`` is not a working day, in the program's language
    (a str: the forms put it into a label's text)."""
    # The holiday is checked first: its name says more than the weekday
    # (e.g. 2020-05-03 is a Sunday and 憲法記念日).
    name = holiday_name(d)
    if name is not None:
        return str(msg("dates.public_holiday", name=name))
    if d.weekday() == 5:
        return str(msg("dates.saturday"))
    if d.weekday() == 6:
        return str(msg("dates.sunday"))
    return None


def time_range(start: time, end: time) -> str:
    """Time span such as "13:35～14:05" (U+FF5E FULLWIDTH TILDE, as the seed writes it)."""
    return f"{start:%H:%M}\uff5e{end:%H:%M}"


def minutes_label(minutes: int) -> str:
    """Duration such as "(45分)": ASCII parentheses, exactly as the seed writes "(5分)"."""
    return f"({minutes}分)"


# ァ (U+30A1) .. ヶ (U+30F6) sit exactly 0x60 above ぁ .. ゖ; ヽヾ map to ゝゞ.
# ー (U+30FC) and ヷ-ヺ have no hiragana counterpart and are left alone.
_KATA_TO_HIRA = {cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)}
_KATA_TO_HIRA.update({0x30FD: 0x309D, 0x30FE: 0x309E})


def katakana_to_hiragana(s: str) -> str:
    """Full-width katakana to hiragana; everything else unchanged."""
    return s.translate(_KATA_TO_HIRA)


def match_key(s: str) -> str:
    """Key for matching only (never store it): ｶﾀｶﾅ/カタカナ/かたかな, spaces, case."""
    # NFKC first so half-width ﾀﾞ becomes ダ before the kana conversion.
    s = unicodedata.normalize("NFKC", s)
    # str.split() splits on exactly the characters str.isspace() knows (U+3000 included),
    # and is several times faster than a per-character test: keys are made by the thousand.
    s = "".join(s.split())
    return katakana_to_hiragana(s).casefold()


_SMALL_TO_LARGE = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
_SOUND_MARKS = {0x3099: None, 0x309A: None}  # combining (han)dakuten after NFD


def _base_kana(key: str) -> str:
    # Hiragana code points are in 五十音 order except that voiced/semi-voiced
    # and small kana interleave; fold those to the plain kana for the first pass.
    return unicodedata.normalize("NFD", key).translate(_SOUND_MARKS).translate(_SMALL_TO_LARGE)


def reading_sort_key(reading: str, name: str = "") -> tuple:
    """Sort key for people in 五十音 order of their reading (ふりがな).

    Compares the reading without dakuten/handakuten and small kana first
    (はやし after ばば, because は-は < は-や), then the full reading
    (は < ば < ぱ), then the name. An empty reading sorts last.
    """
    return sort_key_from_match_keys(match_key(reading), match_key(name), name)


def sort_key_from_match_keys(reading_key: str, name_key: str, name: str = "") -> tuple:
    """``reading_sort_key`` from match keys already computed (lists of thousands of people)."""
    return (reading_key == "", _base_kana(reading_key), reading_key, name_key, name)


def circled_number(n: int) -> str:
    """①..⑳, ㉑..㉟, ㊱..㊿ for 1..50; "(n)" outside that range."""
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return f"({n})"
