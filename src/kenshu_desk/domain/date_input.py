"""Dates as people type them: 2022/10/20, 20221020, R4.10.20, 令和4年10月20日, 10/20 …

Pure: no Qt, no I/O. ``parse_date`` either returns the one date the text means or raises
``DateInputError`` with a Japanese message that quotes what was typed; it never guesses a
different day (2022/2/30 is refused, not turned into March 2nd).

Accepted forms (full-width digits and punctuation, spaces and a trailing weekday such as
"（木）" are allowed; a weekday that does not match the date is refused):

- 西暦: ``2022/10/20``, ``2022-10-20``, ``2022.10.20``, ``20221020``, ``2022年10月20日``
- 和暦: ``R4.10.20``, ``R4/10/20``, ``R4-10-20``, ``令和4年10月20日``, ``令和元年5月1日``,
  ``H31.4.30`` (an era's dates only: 令和 from 2019-05-01, 平成 1989-01-08 … 2019-04-30)
- month and day only: ``10/20``, ``10月20日`` — the year comes from the fiscal year given
  (April–December → that year, January–March → the next), and is refused without one.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kenshu_desk.domain.japanese import ERAS, WEEKDAYS_JA, Era, fiscal_year_label

__all__ = [
    "DateInputError",
    "era_by_prefix",
    "era_date",
    "normalise",
    "parse_date",
    "parse_fiscal_year",
]

FIRST_YEAR = 1900
LAST_YEAR = 2100


class DateInputError(ValueError):
    """The text is not a date this module can read; str(error) says why, in Japanese."""


_ERA_BY_PREFIX: dict[str, Era] = {}
for _era in ERAS:
    _ERA_BY_PREFIX[_era.name] = _era
    _ERA_BY_PREFIX[_era.initial] = _era
    _ERA_BY_PREFIX[_era.initial.lower()] = _era
_ERA_PATTERN = "|".join(sorted((re.escape(k) for k in _ERA_BY_PREFIX), key=len, reverse=True))

_SEP = r"\s*[/\-.]\s*"
_WEEKDAY = r"(?:\s*[(（]\s*([月火水木金土日])(?:曜日?)?\s*[)）])?"
_ISO = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}}){_WEEKDAY}")
_COMPACT = re.compile(rf"(\d{{4}})(\d{{2}})(\d{{2}}){_WEEKDAY}")
_KANJI = re.compile(rf"(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日{_WEEKDAY}")
_ERA_SEP = re.compile(
    rf"({_ERA_PATTERN})\s*(元|\d{{1,3}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}}){_WEEKDAY}"
)
_ERA_KANJI = re.compile(
    rf"({_ERA_PATTERN})\s*(元|\d{{1,3}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日?{_WEEKDAY}"
)
_MONTH_DAY = re.compile(rf"(\d{{1,2}})\s*(?:/|月)\s*(\d{{1,2}})\s*日?{_WEEKDAY}")


def normalise(text: str) -> str:
    """Full-width digits and punctuation to ASCII, 〜 dashes to '-', outer spaces removed."""
    s = unicodedata.normalize("NFKC", text).strip()
    dashes: dict[str, str | int | None] = {"‐": "-", "−": "-", "–": "-", "—": "-", "ー": "-"}
    return s.translate(str.maketrans(dashes))


def era_by_prefix(prefix: str) -> Era | None:
    """令和 / R / r → the 令和 era; None for anything else."""
    return _ERA_BY_PREFIX.get(prefix)


def _era_end(era: Era) -> date | None:
    """Last day of ``era`` (None for the current one)."""
    index = ERAS.index(era)
    if index == 0:
        return None
    return date.fromordinal(ERAS[index - 1].start.toordinal() - 1)


def era_date(era: Era, number: int, month: int, day: int, typed: str) -> date:
    """The Gregorian date of era year ``number``, refused outside the era's own days."""
    year_label = f"{era.name}{'元' if number == 1 else number}年"
    if number < 1:
        raise DateInputError(f"「{typed}」: {era.name}は元年（1年）から始まります。")
    d = _valid(era.start.year + number - 1, month, day, typed)
    end = _era_end(era)
    if d < era.effective_start:
        first = era.effective_start
        raise DateInputError(
            f"「{typed}」: {year_label}{month}月{day}日はありません"
            f"（{era.name}は {first.year}年{first.month}月{first.day}日から）。"
        )
    if end is not None and d > end:
        raise DateInputError(
            f"「{typed}」: {year_label}{month}月{day}日はありません"
            f"（{era.name}は {end.year}年{end.month}月{end.day}日まで）。"
        )
    return d


def _valid(year: int, month: int, day: int, typed: str) -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateInputError(f"「{typed}」: {FIRST_YEAR}～{LAST_YEAR}年の日付にしてください。")
    if not 1 <= month <= 12:
        raise DateInputError(f"「{typed}」: {month}月という月はありません。")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError(
            f"「{typed}」: {year}年{month}月{day}日という日はありません。"
        ) from None


def _check_weekday(d: date, weekday: str | None, typed: str) -> date:
    if weekday and WEEKDAYS_JA[d.weekday()] != weekday:
        raise DateInputError(
            f"「{typed}」: {d.month}月{d.day}日は{WEEKDAYS_JA[d.weekday()]}曜日です"
            f"（{weekday}曜日と書かれています）。"
        )
    return d


def parse_date(text: str, *, fiscal_year: int | None = None) -> date:
    """The date ``text`` means; ``fiscal_year`` supplies the year for "10/20" forms."""
    typed = text.strip()
    s = normalise(text)
    if not s:
        raise DateInputError("日付が入力されていません。")
    for pattern in (_ISO, _COMPACT, _KANJI):
        m = pattern.fullmatch(s)
        if m:
            d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)), typed)
            return _check_weekday(d, m.group(4), typed)
    for pattern in (_ERA_SEP, _ERA_KANJI):
        m = pattern.fullmatch(s)
        if m:
            era = _ERA_BY_PREFIX[m.group(1)]
            number = 1 if m.group(2) == "元" else int(m.group(2))
            d = era_date(era, number, int(m.group(3)), int(m.group(4)), typed)
            return _check_weekday(d, m.group(5), typed)
    m = _MONTH_DAY.fullmatch(s)
    if m:
        month, day = int(m.group(1)), int(m.group(2))
        if fiscal_year is None:
            raise DateInputError(f"「{typed}」: 年も入力してください（例: 2022/10/20、R4.10.20）。")
        year = fiscal_year if month >= 4 else fiscal_year + 1
        if not 1 <= month <= 12:
            raise DateInputError(f"「{typed}」: {month}月という月はありません。")
        try:
            d = date(year, month, day)
        except ValueError:
            raise DateInputError(
                f"「{typed}」: {fiscal_year_label(fiscal_year)}の{month}月{day}日"
                f"（{year}年）という日はありません。"
            ) from None
        return _check_weekday(d, m.group(3), typed)
    raise DateInputError(
        f"「{typed}」は日付として読めません（例: 2022/10/20、R4.10.20、令和4年10月20日、10/20）。"
    )


FIRST_FISCAL_YEAR = 1989  # 平成元年度; the work this program keeps does not go further back
LAST_FISCAL_YEAR = 2100
_FISCAL_YEAR = re.compile(rf"({_ERA_PATTERN})\s*(元|\d{{1,3}})\s*(?:年度?)?")


def parse_fiscal_year(text: str) -> int:
    """2021, R3, r3, 令和3, 令和3年度, 令和元年度, 平成31年度 → the fiscal year (2021 …).

    Refused, quoting the input: other forms, an era year that never began (平成32年度,
    昭和64年度: the era had ended before that April), and years outside 1989–2100.
    """
    typed = text.strip()
    s = normalise(text)
    m4 = re.fullmatch(r"(\d{4})\s*(?:年度)?", s)
    m = _FISCAL_YEAR.fullmatch(s)
    if m4:
        fy = int(m4.group(1))
    elif m:
        era = _ERA_BY_PREFIX[m.group(1)]
        number = 1 if m.group(2) == "元" else int(m.group(2))
        if number < 1:
            raise DateInputError(f"「{typed}」: {era.name}は元年度（1年度）から始まります。")
        fy = era.start.year + number - 1
        end = _era_end(era)
        if end is not None and date(fy, 4, 1) > end:
            last = end.year if end.month >= 4 else end.year - 1
            raise DateInputError(
                f"「{typed}」: {era.name}{number}年度はありません"
                f"（{era.name}は{last - era.start.year + 1}年度（{last}年度）まで）。"
            )
    else:
        raise DateInputError(
            f"「{typed}」は年度として読めません（2021・R3・令和3年度 のように指定してください）。"
        )
    if not FIRST_FISCAL_YEAR <= fy <= LAST_FISCAL_YEAR:
        raise DateInputError(
            f"「{typed}」は扱える年度の範囲外です（{fiscal_year_label(FIRST_FISCAL_YEAR)}"
            f"～{fiscal_year_label(LAST_FISCAL_YEAR)}、西暦 {FIRST_FISCAL_YEAR}～{LAST_FISCAL_YEAR}）。"
        )
    return fy
