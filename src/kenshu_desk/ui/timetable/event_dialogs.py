"""Small dialogs of the event list: the date (and title) of a copy."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kenshu_desk.domain.japanese import day_warning, fiscal_year
from kenshu_desk.ui.shell.date_edit import DateEdit
from kenshu_desk.ui.shell.i18n import long_date


def same_weekday_next_year(day: dt.date) -> dt.date:
    """52 weeks later: last year's Thursday meeting becomes this year's Thursday."""
    return day + dt.timedelta(weeks=52)


class DuplicateDialog(QDialog):
    """Ask for the new date and title of a copied event."""

    def __init__(self, title: str, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("行事を複製"))
        proposed = same_weekday_next_year(day)
        self.date = DateEdit(proposed, show_hint=False)
        self.date.fiscal_year_for_short = lambda: fiscal_year(proposed)
        self.date_label = QLabel()
        self.date.dateChanged.connect(self._show_date)
        self.title = QLineEdit(title)
        self.title.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ" * 24))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("複製"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr("時間割と発表者をそのまま写した新しい行事を作ります（申込は写しません）。")
            )
        )
        form.addRow(self.tr("開催日"), self.date)
        form.addRow("", self.date_label)
        form.addRow(self.tr("行事名"), self.title)
        form.addRow(buttons)
        self._show_date()

    def _show_date(self, *_args: object) -> None:
        day = self.date.date()
        self._ok.setEnabled(day is not None)  # an unreadable date copies nothing
        if day is None:
            self.date_label.setStyleSheet("color: #b00020;")
            self.date_label.setText("✖ " + self.date.error())
            return
        self.date_label.setStyleSheet("")
        warning = day_warning(day)
        label = long_date(day)  # 令和3年11月25日（木） / Thu 25 Nov 2021
        if warning:
            label = self.tr("%1　▲ %2").replace("%1", label).replace("%2", warning)
        self.date_label.setText(label)

    def accept(self) -> None:
        if self.date.date() is None:
            self.date.setFocus()
            return
        super().accept()

    def new_date(self) -> dt.date:
        day = self.date.date()
        assert day is not None  # accept() lets no unreadable date through
        return day

    def new_title(self) -> str:
        return self.title.text().strip()
