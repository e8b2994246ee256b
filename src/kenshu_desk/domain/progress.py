"""The progress table (県内の進捗状況): counts of municipalities per measure, cumulative.

Pure rules over plain statuses, no database. The seed's table for 令和3年度 has four columns
— in place now (実施・構築済み), planned within this fiscal year, by the next one, and later
(以降) — and each cell counts the municipalities that have the measure in place or planned
by that point. The support-system rows split "window or team" into both / window only /
team only at each point, so a municipality with a window now and a team planned for next
year counts as "window only" in the first columns and as "both" from next year on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from kenshu_desk.domain.japanese import ERAS, fiscal_year_label
from kenshu_desk.domain.models import MeasureState


class Measure(StrEnum):
    """The four measures the survey asks about; the value is the record's column prefix."""

    WINDOW = "window"  # ①ワンストップ型総合相談窓口
    TEAM = "team"  # ②複合課題を調整するチーム
    MULTILAYER = "multilayer"  # 重層的支援体制整備事業
    TRANSITION = "transition"  # 重層的支援体制整備事業への移行準備事業


MEASURE_LABELS = {
    Measure.WINDOW: "ワンストップ型総合相談窓口",
    Measure.TEAM: "複合課題を調整するチーム",
    Measure.MULTILAYER: "重層的支援体制整備事業",
    Measure.TRANSITION: "移行準備事業",
}

STATE_LABELS = {
    MeasureState.NONE: "―",
    MeasureState.IN_PLACE: "実施・構築済み",
    MeasureState.PLANNED: "予定",
}


def short_fiscal_year(fy: int) -> str:
    """令和4年度 → R4, 令和元年度 → R1 (the form tables and slides use)."""
    label = fiscal_year_label(fy).removesuffix("年度").replace("元", "1")
    for era in ERAS:
        if label.startswith(era.name):
            return era.initial + label.removeprefix(era.name)
    return label


@dataclass(frozen=True)
class MeasureStatus:
    state: MeasureState = MeasureState.NONE
    fiscal_year: int | None = None  # PLANNED: the year planned (None = not fixed yet)

    def by(self, fy: int | None) -> bool:
        """In place or planned by the end of fiscal year fy (None = at any time, 以降)."""
        if self.state == MeasureState.IN_PLACE:
            return True
        if self.state != MeasureState.PLANNED:
            return False
        if fy is None:
            return True
        return self.fiscal_year is not None and self.fiscal_year <= fy

    def label(self, record_year: int | None = None) -> str:
        """Short cell text: 済 / 年度中予定 / R4予定 / 予定(時期未定) / ―."""
        if self.state == MeasureState.IN_PLACE:
            return "済"
        if self.state == MeasureState.PLANNED:
            if self.fiscal_year is None:
                return "予定(時期未定)"
            if record_year is not None and self.fiscal_year == record_year:
                return "年度中予定"
            return f"{short_fiscal_year(self.fiscal_year)}予定"
        return "―"


@dataclass(frozen=True)
class MunicipalityStatus:
    """One municipality's answers for one fiscal year, as the progress table needs them."""

    window: MeasureStatus = field(default_factory=MeasureStatus)
    team: MeasureStatus = field(default_factory=MeasureStatus)
    multilayer: MeasureStatus = field(default_factory=MeasureStatus)
    transition: MeasureStatus = field(default_factory=MeasureStatus)
    adviser_requested: bool = False


@dataclass(frozen=True)
class MunicipalityOverview:
    """One line of the records screen and of the XLSX: the municipality in year fy."""

    organisation_id: int
    lgcode: str
    name: str
    kind: str  # 市 / 町 / 村
    fiscal_year: int
    has_record: bool
    version: int | None
    support_type: str
    adviser_requested: bool
    status: MunicipalityStatus
    situation: str
    support: str
    dispatch_record: str  # 8/12(県職員)、10/20(猪鼻・加藤)

    def measure_label(self, measure: Measure) -> str:
        status: MeasureStatus = getattr(self.status, measure.value)
        return status.label(self.fiscal_year)


@dataclass(frozen=True)
class ProgressColumn:
    key: str
    label: str
    # Counted when in place or planned by the end of this fiscal year; None = any time.
    until: int | None
    in_place_only: bool = False


@dataclass(frozen=True)
class ProgressRow:
    key: str
    label: str
    group: str
    values: tuple[int | None, ...]  # one per column; None where the row has no such column


@dataclass(frozen=True)
class ProgressTable:
    fiscal_year: int
    columns: tuple[ProgressColumn, ...]
    rows: tuple[ProgressRow, ...]
    municipality_count: int  # all municipalities of the prefecture
    recorded_count: int  # those with a record for the year

    @property
    def label(self) -> str:
        return fiscal_year_label(self.fiscal_year)

    def row(self, key: str) -> ProgressRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def value(self, row_key: str, column_key: str) -> int | None:
        index = [c.key for c in self.columns].index(column_key)
        return self.row(row_key).values[index]

    def to_dict(self) -> dict:
        """The JSON of `kenshu-desk progress FY --json` (field names documented in README)."""
        return {
            "fiscal_year": self.fiscal_year,
            "fiscal_year_label": self.label,
            "municipality_count": self.municipality_count,
            "recorded_count": self.recorded_count,
            "columns": [{"key": c.key, "label": c.label} for c in self.columns],
            "rows": {
                r.key: {
                    "label": r.label,
                    "group": r.group,
                    **{c.key: v for c, v in zip(self.columns, r.values, strict=True)},
                }
                for r in self.rows
            },
        }


def progress_columns(fy: int) -> tuple[ProgressColumn, ...]:
    """The seed's four columns for survey year fy (令和3年度: 済 / 年度中 / 令和4年度 / 令和5年度以降)."""
    this, nxt, later = fiscal_year_label(fy), fiscal_year_label(fy + 1), fiscal_year_label(fy + 2)
    return (
        ProgressColumn("in_place", f"{this} 実施・構築済み", fy, in_place_only=True),
        ProgressColumn("planned_this_year", f"{this}中 実施・構築予定", fy),
        ProgressColumn("planned_next_year", f"{nxt} 実施・構築予定", fy + 1),
        ProgressColumn("planned_later", f"{later}以降 実施・構築予定", None),
    )


_MULTILAYER_GROUP = "重層的支援体制関係"
_SYSTEM_GROUP = "市町村総合相談支援体制関係"

ROW_LABELS = {
    "multilayer": "重層的支援体制整備事業実施",
    "transition": "重層的支援体制整備事業への移行準備事業実施",
    "support_system": "市町村総合相談支援体制構築",
    "window_and_team": "①ワンストップ型総合相談窓口と②複合課題を調整するチームの両方を設置",
    "window_only": "①ワンストップ型総合相談窓口のみ",
    "team_only": "②複合課題を調整するチームのみ",
    "adviser_requests": "アドバイザー派遣希望市町村（各年度）",
}


def _has(status: MeasureStatus, column: ProgressColumn) -> bool:
    if column.in_place_only:
        return status.state == MeasureState.IN_PLACE
    return status.by(column.until)


def compute_progress(
    fy: int, statuses: Iterable[MunicipalityStatus], municipality_count: int
) -> ProgressTable:
    """Count the statuses of survey year fy into the seed's table."""
    statuses = list(statuses)
    columns = progress_columns(fy)
    counts: dict[str, list[int | None]] = {key: [] for key in ROW_LABELS}
    for n, column in enumerate(columns):
        multilayer = transition = both = window_only = team_only = 0
        for s in statuses:
            window, team = _has(s.window, column), _has(s.team, column)
            both += window and team
            window_only += window and not team
            team_only += team and not window
            multilayer += _has(s.multilayer, column)
            transition += _has(s.transition, column)
        counts["multilayer"].append(multilayer)
        counts["transition"].append(transition)
        counts["support_system"].append(both + window_only + team_only)
        counts["window_and_team"].append(both)
        counts["window_only"].append(window_only)
        counts["team_only"].append(team_only)
        # The request is asked each year: it has only the year's own column.
        requests = sum(s.adviser_requested for s in statuses)
        counts["adviser_requests"].append(requests if n == 0 else None)
    rows = tuple(
        ProgressRow(
            key=key,
            label=label,
            group=_MULTILAYER_GROUP if key in ("multilayer", "transition") else _SYSTEM_GROUP,
            values=tuple(counts[key]),
        )
        for key, label in ROW_LABELS.items()
    )
    return ProgressTable(fy, columns, rows, municipality_count, len(statuses))
