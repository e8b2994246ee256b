"""The year at a glance as a plain snapshot: lines of work, months, event boxes.

Built by services.year_view from the database; read by the screen (ui.year_view) and the
PDF (documents.year_schedule), so both always show the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kenshu_desk.domain.japanese import era_year_label, fiscal_year_label, fiscal_year_range
from kenshu_desk.domain.models import WorkLine

STANDARD_LINES = (WorkLine.DISPATCH.value, WorkLine.COMMITTEE.value, WorkLine.TRAINING.value)
MONTHS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)


def month_column(d: dt.date) -> int:
    """0 for April … 11 for March."""
    return (d.month - 4) % 12


@dataclass(frozen=True)
class YearEntry:
    event_id: int
    date: dt.date
    kind: str
    title: str  # the short title shown in the box
    detail: str  # a longer line for a tooltip
    cancelled: bool
    is_dispatch: bool
    with_adviser: bool

    @property
    def date_label(self) -> str:
        return f"{self.date.month}/{self.date.day}"

    @property
    def box_text(self) -> str:
        text = f"{self.date_label} {self.title}"
        return f"{text}（中止）" if self.cancelled else text


@dataclass(frozen=True)
class YearLine:
    name: str
    entries: tuple[YearEntry, ...]  # by date

    def by_month(self) -> tuple[tuple[YearEntry, ...], ...]:
        """Twelve tuples, April first."""
        months: list[list[YearEntry]] = [[] for _ in MONTHS]
        for entry in self.entries:
            months[month_column(entry.date)].append(entry)
        return tuple(tuple(m) for m in months)


@dataclass(frozen=True)
class YearPlan:
    fiscal_year: int
    lines: tuple[YearLine, ...]

    @property
    def label(self) -> str:
        return fiscal_year_label(self.fiscal_year)

    @property
    def event_count(self) -> int:
        return sum(len(line.entries) for line in self.lines)

    def month_labels(self) -> tuple[str, ...]:
        return tuple(f"{m}月" for m in MONTHS)

    def calendar_years(self) -> tuple[tuple[str, int], ...]:
        """(年 label, number of month columns): ("令和3年", 9), ("令和4年", 3)."""
        first, last = fiscal_year_range(self.fiscal_year)
        return ((era_year_label(first), 9), (era_year_label(last), 3))
