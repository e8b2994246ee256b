"""Which of the 63 municipalities took part in the fiscal year's events, and which in none."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.documents.japanese_wrap import wrap
from kenshu_desk.domain.japanese import fiscal_year, fiscal_year_label
from kenshu_desk.services.participants.actions import coverage_years, year_coverage
from kenshu_desk.services.participants.coverage import Coverage
from kenshu_desk.ui.shell.i18n import current_language, fiscal_year_name, long_date
from kenshu_desk.ui.shell.labels import shown
from kenshu_desk.ui.shell.widgets import buddy_label, fit_to_screen

_Index = QModelIndex | QPersistentModelIndex
NONE_COLOUR = QColor("#fbe9e7")
TOOK_PART = QColor("#e3f4e1")


class CoverageModel(QAbstractTableModel):
    """Rows: municipalities in code order; columns: 市町村, one per event, 参加回数."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.coverage: Coverage | None = None

    def set_coverage(self, coverage: Coverage) -> None:
        self.beginResetModel()
        self.coverage = coverage
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.coverage is None else len(self.coverage.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.coverage is None else len(self.coverage.events) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        cov = self.coverage
        if cov is None or orientation != Qt.Orientation.Horizontal:
            return None
        last = len(cov.events) + 1
        if not 0 <= section <= last:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("市町村")
            if section == last:
                return self.tr("参加回数")
            e = cov.events[section - 1]
            month, day = int(e.date[5:7]), int(e.date[8:10])
            # Two short lines of the title, broken as Japanese is (a column stays narrow).
            title = "\n".join(wrap(e.short_title, 7, len)[:2])
            return f"{month}/{day}\n{title}\n{cov.per_event(e.id)}"
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section < last:
            e = cov.events[section - 1]
            when = long_date(dt.date.fromisoformat(e.date))
            return self.tr("{0} {1}（{2}）: {3} 市町村").format(
                when, e.title, shown(e.kind), cov.per_event(e.id)
            )
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cov = self.coverage
        if cov is None or not index.isValid() or not 0 <= index.row() < len(cov.rows):
            return None
        row = cov.rows[index.row()]
        col = index.column()
        last = len(cov.events) + 1
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.name
            if col == last:
                return row.events_taken_part
            n = row.people.get(cov.events[col - 1].id, 0)
            return f"● {n}" if n else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if not row.events_taken_part:
                return QBrush(NONE_COLOUR)
            if 0 < col < last and row.people.get(cov.events[col - 1].id):
                return QBrush(TOOK_PART)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and 0 < col < last:
            n = row.people.get(cov.events[col - 1].id, 0)
            return self.tr("{0}: %n 人", "", n).format(row.name) if n else None
        return None


class CoverageView(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("市町村の参加状況"))
        self.year = QComboBox()
        years = coverage_years(db) or [fiscal_year(dt.date.today())]
        for fy in years:
            label = f"{fiscal_year_label(fy)}（{fy}）" if current_language() == "ja" else None
            self.year.addItem(label or fiscal_year_name(fy), fy)
        self.year.currentIndexChanged.connect(self.reload)
        self.attended = QRadioButton(self.tr("出席で数える"))
        self.registered = QRadioButton(self.tr("申込で数える（これからの行事）"))
        self.attended.setChecked(True)
        self.attended.toggled.connect(self.reload)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.none_label = QLabel()
        self.none_label.setWordWrap(True)
        self.none_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model = CoverageModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setAlternatingRowColors(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(buddy_label(self.tr("年度(&Y)"), self.year))
        top.addWidget(self.year)
        top.addWidget(self.attended)
        top.addWidget(self.registered)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.none_label)
        fit_to_screen(self, 1000, 720)
        self.reload()

    def select_year(self, fy: int) -> None:
        index = self.year.findData(fy)
        if index >= 0:
            self.year.setCurrentIndex(index)

    def reload(self) -> None:
        fy = self.year.currentData()
        if fy is None:
            return
        basis: Literal["attended", "registered"] = (
            "attended" if self.attended.isChecked() else "registered"
        )
        coverage = year_coverage(self.db, fy, basis=basis)
        self.model.set_coverage(coverage)
        figures = (
            fiscal_year_name(fy),
            len(coverage.rows),
            len(coverage.covered),
            len(coverage.uncovered),
        )
        if basis == "attended":
            summary = self.tr(
                "{0}: {1} 市町村のうち {2} 市町村が参加、参加のない市町村 {3}"
                "（列の見出し: 月/日、行事名、参加した市町村の数。● の横は人数）"
            )
        else:
            summary = self.tr(
                "{0}: {1} 市町村のうち {2} 市町村が申込、申込のない市町村 {3}"
                "（列の見出し: 月/日、行事名、参加した市町村の数。● の横は人数）"
            )
        self.summary.setText(summary.format(*figures))
        names = ("、" if current_language() == "ja" else ", ").join(
            r.name for r in coverage.uncovered
        )
        self.none_label.setText(
            self.tr("参加のない市町村: {0}").format(names or self.tr("なし（全市町村が参加）"))
        )
