"""Dates as people type them: 2022/10/20, 20221020, R4.10.20, 令和4年10月20日, 10/20 …

Pure: no Qt, no I/O. ``parse_date`` either returns the one date the text means or raises
``DateInputError`` with a message that quotes what was typed (in Japanese unless the window
runs in another language); it never guesses a different day (2022/2/30 is refused, not
turned into March 2nd).

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
from kenshu_desk.messages import WordedError, msg

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


class DateInputError(WordedError, ValueError):
    """The text is not a date this module can read; str(error) says why, in the program's
    language (Japanese by default). Shaped like errors.UserError: `message` and `code`."""


# The weekdays of WEEKDAYS_JA (Monday first) as words: 木 in Japanese, Thursday in English.
_WEEKDAY_WORDS = (
    msg("dates.weekday_monday"),
    msg("dates.weekday_tuesday"),
    msg("dates.weekday_wednesday"),
    msg("dates.weekday_thursday"),
    msg("dates.weekday_friday"),
    msg("dates.weekday_saturday"),
    msg("dates.weekday_sunday"),
)


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
    year_label = (
        msg("dates.era_first_year", era=era.name)
        if number == 1
        else msg("dates.era_year", era=era.name, number=number)
    )
    if number < 1:
        raise DateInputError.of("dates.era_starts_with_year_one", typed=typed, era=era.name)
    d = _valid(era.start.year + number - 1, month, day, typed)
    end = _era_end(era)
    if d < era.effective_start:
        first = era.effective_start
        raise DateInputError.of(
            "dates.before_era",
            typed=typed,
            era_year=year_label,
            month=month,
            day=day,
            era=era.name,
            first_year=first.year,
            first_month=first.month,
            first_day=first.day,
        )
    if end is not None and d > end:
        raise DateInputError.of(
            "dates.after_era",
            typed=typed,
            era_year=year_label,
            month=month,
            day=day,
            era=era.name,
            last_year=end.year,
            last_month=end.month,
            last_day=end.day,
        )
    return d


def _valid(year: int, month: int, day: int, typed: str) -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateInputError.of(
            "dates.year_out_of_range", typed=typed, first=FIRST_YEAR, last=LAST_YEAR
        )
    if not 1 <= month <= 12:
        raise DateInputError.of("dates.no_such_month", typed=typed, month=month)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError.of(
            "dates.no_such_day", typed=typed, year=year, month=month, day=day
        ) from None


def _check_weekday(d: date, weekday: str | None, typed: str) -> date:
    if weekday and WEEKDAYS_JA[d.weekday()] != weekday:
        raise DateInputError.of(
            "dates.wrong_weekday",
            typed=typed,
            month=d.month,
            day=d.day,
            actual=_WEEKDAY_WORDS[d.weekday()],
            written=_WEEKDAY_WORDS[WEEKDAYS_JA.index(weekday)],
        )
    return d


def parse_date(text: str, *, fiscal_year: int | None = None) -> date:
    """The date ``text`` means; ``fiscal_year`` supplies the year for "10/20" forms."""
    typed = text.strip()
    s = normalise(text)
    if not s:
        raise DateInputError.of("dates.empty")
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
            raise DateInputError.of("dates.year_missing", typed=typed)
        year = fiscal_year if month >= 4 else fiscal_year + 1
        if not 1 <= month <= 12:
            raise DateInputError.of("dates.no_such_month", typed=typed, month=month)
        try:
            d = date(year, month, day)
        except ValueError:
            raise DateInputError.of(
                "dates.no_such_day_in_fiscal_year",
                typed=typed,
                fiscal_year=fiscal_year_label(fiscal_year),
                month=month,
                day=day,
                year=year,
            ) from None
        return _check_weekday(d, m.group(3), typed)
    raise DateInputError.of("dates.unreadable", typed=typed)


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
            raise DateInputError.of(
                "dates.era_starts_with_fiscal_year_one", typed=typed, era=era.name
            )
        fy = era.start.year + number - 1
        end = _era_end(era)
        if end is not None and date(fy, 4, 1) > end:
            last = end.year if end.month >= 4 else end.year - 1
            raise DateInputError.of(
                "dates.no_such_fiscal_year",
                typed=typed,
                era=era.name,
                number=number,
                last_number=last - era.start.year + 1,
                last=last,
            )
    else:
        raise DateInputError.of("dates.fiscal_year_unreadable", typed=typed)
    if not FIRST_FISCAL_YEAR <= fy <= LAST_FISCAL_YEAR:
        raise DateInputError.of(
            "dates.fiscal_year_out_of_range",
            typed=typed,
            first_label=fiscal_year_label(FIRST_FISCAL_YEAR),
            last_label=fiscal_year_label(LAST_FISCAL_YEAR),
            first=FIRST_FISCAL_YEAR,
            last=LAST_FISCAL_YEAR,
        )
    return fy
