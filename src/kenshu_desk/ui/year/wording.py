"""The year screens' words for the domain's values, in the window's language.

The domain names its measures, statuses and progress rows in Japanese (the documents and
the command line print them so); the screens word them here with tr(), from the value, so
the Japanese window reads exactly as the domain writes and the English one in English.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QLocale

from kenshu_desk.domain.models import MeasureState
from kenshu_desk.domain.progress import Measure, MeasureStatus, ProgressColumn, short_fiscal_year
from kenshu_desk.domain.year_plan import MONTHS, YearPlan
from kenshu_desk.services.year.dispatches import DispatchEntry, recorded_visits
from kenshu_desk.ui.shell.i18n import current_language, fiscal_year_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("YearWording", text)


def _japanese() -> bool:
    return current_language() == "ja"


def list_text(items: Iterable[str]) -> str:
    """Names one after another: 、 in Japanese, a comma in English."""
    return ("、" if _japanese() else ", ").join(items)


def measure_name(measure: Measure) -> str:
    """The measure as the form labels it (domain.progress.MEASURE_LABELS in Japanese)."""
    names = {
        Measure.WINDOW: _tr("ワンストップ型総合相談窓口"),
        Measure.TEAM: _tr("複合課題を調整するチーム"),
        Measure.MULTILAYER: _tr("重層的支援体制整備事業"),
        Measure.TRANSITION: _tr("移行準備事業"),
    }
    return names[measure]


def support_type_name(value: str) -> str:
    """新規 / 継続 (domain.models.SupportType) in the window's language; "" stays ""."""
    names = {"新規": _tr("新規"), "継続": _tr("継続")}
    return names.get(value, value)


def short_year_name(fy: int) -> str:
    """R4 in Japanese (the tables' short form), FY2022 in English."""
    return short_fiscal_year(fy) if _japanese() else fiscal_year_name(fy)


def status_text(status: MeasureStatus, record_year: int | None) -> str:
    """A status cell: 済 / 年度中予定 / R4予定 / 予定(時期未定) / ― (MeasureStatus.label)."""
    if status.state == MeasureState.IN_PLACE:
        return _tr("済")
    if status.state == MeasureState.PLANNED:
        if status.fiscal_year is None:
            return _tr("予定(時期未定)")
        if record_year is not None and status.fiscal_year == record_year:
            return _tr("年度中予定")
        return _tr("{0}予定").format(short_year_name(status.fiscal_year))
    return "―"


def requested_text(requested: bool) -> str:
    return _tr("希望") if requested else ""


def staff_only() -> str:
    """Who went when no adviser did (services.year.dispatches.STAFF_ONLY)."""
    return _tr("県職員")


def who_went(entry: DispatchEntry) -> str:
    """The advisers' family names, or prefecture staff (DispatchEntry.who)."""
    if not entry.advisers:
        return staff_only()
    return ("・" if _japanese() else ", ").join(entry.advisers)


def dispatch_record_text(record: str, entries: Sequence[DispatchEntry] | None) -> str:
    """The 派遣実績 cell: the record as the services write it (8/12(県職員)、10/20(猪鼻・加藤))
    in Japanese, from the visits (8/12 (Prefectural staff); 10/20 (猪鼻, 加藤)) in English."""
    if _japanese() or entries is None:
        return record
    return "; ".join(
        f"{e.date.month}/{e.date.day} ({who_went(e)})" for e in recorded_visits(entries)
    )


# -- the progress table ------------------------------------------------------------------


def progress_group(group: str) -> str:
    """A row group of the progress table (domain.progress)."""
    names = {
        "重層的支援体制関係": _tr("重層的支援体制関係"),
        "市町村総合相談支援体制関係": _tr("市町村総合相談支援体制関係"),
    }
    return names.get(group, group)


def progress_row_label(key: str, label: str) -> str:
    """A row of the progress table by its key (domain.progress.ROW_LABELS); else label."""
    names = {
        "multilayer": _tr("重層的支援体制整備事業実施"),
        "transition": _tr("重層的支援体制整備事業への移行準備事業実施"),
        "support_system": _tr("市町村総合相談支援体制構築"),
        "window_and_team": _tr(
            "①ワンストップ型総合相談窓口と②複合課題を調整するチームの両方を設置"
        ),
        "window_only": _tr("①ワンストップ型総合相談窓口のみ"),
        "team_only": _tr("②複合課題を調整するチームのみ"),
        "adviser_requests": _tr("アドバイザー派遣希望市町村（各年度）"),
    }
    return names.get(key, label)


def progress_column_label(column: ProgressColumn, fy: int) -> str:
    """A column heading on two lines: 令和3年度 / 実施・構築済み (the column's label)."""
    if column.key == "in_place":
        return _tr("{0}\n実施・構築済み").format(fiscal_year_name(fy))
    if column.key == "planned_this_year":
        return _tr("{0}中\n実施・構築予定").format(fiscal_year_name(fy))
    if column.key == "planned_next_year":
        return _tr("{0}\n実施・構築予定").format(fiscal_year_name(fy + 1))
    if column.key == "planned_later":
        return _tr("{0}以降\n実施・構築予定").format(fiscal_year_name(fy + 2))
    return column.label.replace(" ", "\n")


# -- the year at a glance ----------------------------------------------------------------


def work_line_name(name: str) -> str:
    """A row of the year view (domain.models.WorkLine); a line an organiser named stays."""
    names = {
        "アドバイザー派遣": _tr("アドバイザー派遣"),
        "部会": _tr("部会"),
        "研修・情報交換会": _tr("研修・情報交換会"),
        "その他": _tr("その他"),
    }
    return names.get(name, name)


def month_labels(plan: YearPlan) -> tuple[str, ...]:
    """The month columns, April first: 4月 … in Japanese, Apr … in English."""
    if _japanese():
        return plan.month_labels()
    locale = QLocale()
    return tuple(locale.standaloneMonthName(m, QLocale.FormatType.ShortFormat) for m in MONTHS)


def calendar_years(plan: YearPlan) -> tuple[tuple[str, int], ...]:
    """The calendar years above the months: 令和3年 / 令和4年 in Japanese, 2021 / 2022 in English."""
    years = plan.calendar_years()
    if _japanese():
        return years
    return tuple((str(plan.fiscal_year + n), months) for n, (_label, months) in enumerate(years))
