"""The form for one municipality's record of one fiscal year (hearing sheet + statuses)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.domain.models import MeasureState, SupportType
from kenshu_desk.domain.progress import Measure, MeasureStatus
from kenshu_desk.services.year.municipality_records import MunicipalityOverview, RecordInput
from kenshu_desk.ui.shell.fiscal_year_spin import FiscalYearSpin
from kenshu_desk.ui.shell.i18n import fiscal_year_name
from kenshu_desk.ui.year.wording import measure_name, support_type_name

NO_YEAR = 1988  # the spin's minimum stands for "no year" (予定の時期未定 / 開始年度不明)


class OptionalYearSpin(FiscalYearSpin):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setMinimum(NO_YEAR)

    def textFromValue(self, value: int) -> str:
        return self.tr("年度未定") if value == NO_YEAR else super().textFromValue(value)

    def valueFromText(self, text: str) -> int:
        return NO_YEAR if text.strip() == self.tr("年度未定") else super().valueFromText(text)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if text.strip() == self.tr("年度未定"):
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def year(self) -> int | None:
        return None if self.value() == NO_YEAR else self.value()

    def set_year(self, year: int | None) -> None:
        self.setValue(NO_YEAR if year is None else year)


class MeasureEditor(QWidget):
    """State (なし / 実施・構築済み / 予定) and its fiscal year."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QComboBox()
        self.state.addItem(self.tr("なし・未定"), MeasureState.NONE.value)
        self.state.addItem(self.tr("実施・構築済み"), MeasureState.IN_PLACE.value)
        self.state.addItem(self.tr("予定"), MeasureState.PLANNED.value)
        self.year = OptionalYearSpin()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.year, 1)
        self.state.currentIndexChanged.connect(self._state_changed)
        self.year.valueChanged.connect(self.changed)
        self._record_year = 2021

    def _state_changed(self) -> None:
        state = self.state.currentData()
        self.year.setEnabled(state != MeasureState.NONE.value)
        if state == MeasureState.NONE.value:
            self.year.set_year(None)
        elif state == MeasureState.PLANNED.value and self.year.year() is None:
            self.year.set_year(self._record_year)
        tip = {
            MeasureState.IN_PLACE.value: self.tr("開始した年度（わからなければ「年度未定」）"),
            MeasureState.PLANNED.value: self.tr("実施・構築を予定している年度"),
        }.get(state, "")
        self.year.setToolTip(tip)
        self.changed.emit()

    def set_status(self, status: MeasureStatus, record_year: int) -> None:
        self._record_year = record_year
        self.state.setCurrentIndex(self.state.findData(status.state.value))
        self.year.set_year(status.fiscal_year)
        self.year.setEnabled(status.state != MeasureState.NONE)

    def status(self) -> MeasureStatus:
        state = MeasureState(self.state.currentData())
        year = None if state == MeasureState.NONE else self.year.year()
        return MeasureStatus(state, year)


class RecordEditor(QWidget):
    """Emits dirtyChanged(bool) as soon as anything differs from what was loaded."""

    dirtyChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.support_type = QComboBox()
        self.support_type.addItem(self.tr("―"), "")
        for kind in SupportType:
            self.support_type.addItem(support_type_name(kind.value), kind.value)
        self.requested = QCheckBox(self.tr("アドバイザー派遣を希望(&A)"))
        self.measures = {m: MeasureEditor() for m in Measure}
        self.situation = QPlainTextEdit()
        self.situation.setPlaceholderText(self.tr("ヒアリングで聞いた現状（1行に1項目）"))
        self.support = QPlainTextEdit()
        self.support.setPlaceholderText(self.tr("県による支援内容（1行に1項目）"))
        for edit in (self.situation, self.support):
            edit.setTabChangesFocus(True)

        self.support_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top = QFormLayout()
        top.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        top.addRow(self.tr("新規・継続(&N):"), self.support_type)
        top.addRow("", self.requested)
        status_box = QGroupBox(self.tr("実施・構築状況"))
        grid = QGridLayout(status_box)
        for row, measure in enumerate(Measure):
            label = QLabel(measure_name(measure))
            label.setBuddy(self.measures[measure].state)
            grid.addWidget(label, row, 0)
            grid.addWidget(self.measures[measure], row, 1)
        texts = QFormLayout()
        texts.addRow(self.tr("現状(&G):"), self.situation)
        texts.addRow(self.tr("支援内容(&S):"), self.support)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(status_box)
        layout.addLayout(texts, 1)

        self._loaded: RecordInput | None = None
        self._dirty = False
        self.support_type.currentIndexChanged.connect(self._check_dirty)
        self.requested.toggled.connect(self._check_dirty)
        for editor in self.measures.values():
            editor.changed.connect(self._check_dirty)
        self.situation.textChanged.connect(self._check_dirty)
        self.support.textChanged.connect(self._check_dirty)
        self.setEnabled(False)

    # -- loading and reading ---------------------------------------------------------------

    def load(self, row: MunicipalityOverview) -> None:
        self.organisation_id = row.organisation_id
        self.fiscal_year = row.fiscal_year
        self.version = row.version
        state = self.tr("記録あり") if row.has_record else self.tr("記録なし（保存すると作成）")
        self.heading.setText(
            self.tr("{0}（{1}）　{2}　{3}").format(
                row.name, row.lgcode, fiscal_year_name(row.fiscal_year), state
            )
        )
        self._loaded = None  # no dirty signals while filling in
        self.support_type.setCurrentIndex(max(0, self.support_type.findData(row.support_type)))
        self.requested.setChecked(row.adviser_requested)
        for measure, editor in self.measures.items():
            editor.set_status(getattr(row.status, measure.value), row.fiscal_year)
        self.situation.setPlainText(row.situation)
        self.support.setPlainText(row.support)
        self._loaded = self.value()
        self.setEnabled(True)
        self._set_dirty(False)

    def value(self) -> RecordInput:
        return RecordInput(
            support_type=self.support_type.currentData() or "",
            situation=self.situation.toPlainText(),
            support=self.support.toPlainText(),
            adviser_requested=self.requested.isChecked(),
            **{m.value: self.measures[m].status() for m in Measure},
        )

    def is_dirty(self) -> bool:
        return self._dirty

    def _check_dirty(self) -> None:
        if self._loaded is not None:
            self._set_dirty(self.value() != self._loaded)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
