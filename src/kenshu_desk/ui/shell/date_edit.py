"""A date field that takes what people type: 2022/10/20, 20221020, R4.10.20, 令和4年10月20日, 10/20.

QDateEdit edits a date section by section, so typing "2022/10/20" over a selected year gave
2022/11/10 — a keystroke silently changed another part of the date. This field is a plain line
edit: the text is read as a whole by ``domain.date_input.parse_date`` as the user types, the
和暦 and weekday (or, in red, why it cannot be read) are shown beside it, and nothing is
committed until the text is a real date. A calendar button sets the text from a click.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from kenshu_desk.domain.date_input import DateInputError, parse_date
from kenshu_desk.domain.japanese import fiscal_year
from kenshu_desk.ui.shell.i18n import current_language, long_date

INVALID_STYLE = "QLineEdit { border: 2px solid #c00; background: #fff0f0; }"
ERROR_COLOUR = "#b00020"


def display_text(day: dt.date) -> str:
    """How a stored date is shown in the field: 2022/10/20 (what most people type)."""
    return f"{day.year}/{day.month:02d}/{day.day:02d}"


class DateLine(QLineEdit):
    """The line edit inside DateEdit: reports leaving the field even when Qt would not."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class DateEdit(QWidget):
    """Free-typed date with a live 和暦 hint; emits ``dateCommitted`` only with a real date.

    ``dateChanged(date | None)`` follows the typing (None while unreadable);
    ``dateCommitted(date)`` fires when the user finishes (Enter, Tab, leaving the field, a
    calendar click) with a readable date different from the one shown last by ``setDate``.
    ``fiscal_year_for_short`` gives the fiscal year for "10/20"-style input (default: the
    fiscal year of the date last set, else of today).
    """

    dateChanged = Signal(object)
    dateCommitted = Signal(object)

    def __init__(
        self,
        day: dt.date | None = None,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        show_hint: bool = True,
    ) -> None:
        super().__init__(parent)
        self._stored: dt.date | None = None
        self._optional = optional
        self._error = ""
        self.fiscal_year_for_short: Callable[[], int] | None = None
        self.line = DateLine()
        self.line.setPlaceholderText(self.tr("例: 2022/10/20、R4.10.20"))
        self.line.setMinimumWidth(
            self.line.fontMetrics().horizontalAdvance("令和10年10月20日（木）")
        )
        self.line.setToolTip(
            self.tr(
                "2022/10/20・20221020・R4.10.20・令和4年10月20日 などの書き方で入力できます。"
                "月日だけ（10/20）なら年度から年を補います。"
            )
        )
        self.setFocusProxy(self.line)
        self.calendar_button = QToolButton()
        # An arrow, as a combo box opens its list (an emoji glyph is missing on many systems).
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip(self.tr("カレンダーから選ぶ"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._calendar = QCalendarWidget()
        self._calendar.setGridVisible(True)
        self._calendar.clicked.connect(self._picked)
        self._calendar.activated.connect(self._picked)
        menu = QMenu(self.calendar_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self._calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar_button.setMenu(menu)
        self.hint = QLabel()
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.hint, 1)
        self.hint.setVisible(show_hint)
        self.line.textEdited.connect(self._typed)
        self.line.returnPressed.connect(self._finish)
        self.line.left.connect(self._finish)
        self.setDate(day)  # an empty new field is not an error until the user leaves it empty

    # --- value ---------------------------------------------------------------------------

    def setDate(self, day: dt.date | QDate | None) -> None:
        """Show a stored date (no signal): the text, the hint, no error."""
        if isinstance(day, QDate):
            day = day.toPython()  # type: ignore[assignment]
        self._stored = day  # type: ignore[assignment]
        with QSignalBlocker(self.line):
            self.line.setText(display_text(day) if day is not None else "")  # type: ignore[arg-type]
        self._show(day, "")  # type: ignore[arg-type]

    def set_stored(self, day: dt.date | None) -> None:
        """The saved value changed while the user is typing: leave the text alone."""
        self._stored = day

    def date(self) -> dt.date | None:
        """The date the text means now, or None (empty or unreadable)."""
        day, _error = self._read(self.line.text())
        return day

    def is_valid(self) -> bool:
        """True when the text is a date (or empty in an optional field)."""
        return not self._read(self.line.text())[1]

    def error(self) -> str:
        """Why the text cannot be read ("" when it can)."""
        return self._read(self.line.text())[1]

    def setOptional(self, optional: bool) -> None:
        self._optional = optional
        self._typed(self.line.text())

    def setEnabled(self, enabled: bool) -> None:
        super().setEnabled(enabled)
        self._typed(self.line.text())

    # --- reading -------------------------------------------------------------------------

    def _short_year(self) -> int:
        if self.fiscal_year_for_short is not None:
            return self.fiscal_year_for_short()
        return fiscal_year(self._stored or dt.date.today())

    def _read(self, text: str) -> tuple[dt.date | None, str]:
        if not text.strip():
            if self._optional or not self.isEnabled():
                return None, ""
            return None, self.tr("日付を入力してください。")
        try:
            return parse_date(text, fiscal_year=self._short_year()), ""
        except DateInputError as exc:
            if current_language() == "ja":
                return None, str(exc)
            return None, self.tr("日付として読めません（例: 2022/10/20）。")

    def _typed(self, text: str) -> None:
        day, error = self._read(text)
        self._show(day, error)
        self.dateChanged.emit(day)

    def _show(self, day: dt.date | None, error: str) -> None:
        self._error = error
        self.line.setStyleSheet(INVALID_STYLE if error else "")
        if error:
            self.hint.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.hint.setText("✖ " + error)
        else:
            self.hint.setStyleSheet("")
            self.hint.setText(long_date(day) if day is not None else "")
        self.line.setProperty("invalid", bool(error))

    def _finish(self) -> None:
        day, error = self._read(self.line.text())
        if error:
            return  # stays marked; nothing is committed
        if day is not None:
            with QSignalBlocker(self.line):
                self.line.setText(display_text(day))
        if day != self._stored:
            self._stored = day
            self.dateCommitted.emit(day)

    # --- calendar ------------------------------------------------------------------------

    def _prepare_calendar(self) -> None:
        day = self.date() or self._stored or dt.date.today()
        self._calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, qdate: QDate) -> None:
        self.calendar_button.menu().hide()
        day: dt.date = qdate.toPython()  # type: ignore[assignment]
        self.line.setText(display_text(day))
        self._typed(self.line.text())
        self._finish()
        self.line.setFocus()
