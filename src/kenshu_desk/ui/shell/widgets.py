"""Small widgets shared by the forms: fields that save themselves without a Save button."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

IDLE_SAVE_MS = 1200


class SavingTextEdit(QPlainTextEdit):
    """A multi-line field that saves when it loses focus and after a pause in typing.

    `committed(text, token)`: the token is the same for every save of one visit to the
    field, so the undo stack can merge them into one step.
    """

    committed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = ""
        self._token: object = object()
        self._timer = QTimer(self, singleShot=True, interval=IDLE_SAVE_MS)
        self._timer.timeout.connect(self._commit)
        self.textChanged.connect(self._on_changed)
        self.setTabChangesFocus(True)

    def _on_changed(self) -> None:
        self._timer.start()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._token = object()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._commit()
        super().focusOutEvent(event)

    def _commit(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._stored:
            self._stored = text
            self.committed.emit(text, self._token)

    def set_stored(self, text: str) -> None:
        """Show the saved value; leaves the field alone (cursor and all) if it already shows it."""
        self._stored = text
        if self.toPlainText() != text:
            with QSignalBlocker(self):
                self.setPlainText(text)
            self._timer.stop()


def set_line(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        with QSignalBlocker(edit):
            edit.setText(text)
            edit.setCursorPosition(0)


def set_combo_text(combo: QComboBox, text: str) -> None:
    with QSignalBlocker(combo):
        index = combo.findText(text)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif combo.isEditable():
            combo.setEditText(text)
        else:
            combo.addItem(text)
            combo.setCurrentIndex(combo.count() - 1)


def set_combo_data(combo: QComboBox, value: Any) -> None:
    with QSignalBlocker(combo):
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)


# The usable area of a 1366×768 laptop screen with the Windows taskbar (40 px): every window
# opens within it, whatever its content would like.
LAPTOP_AREA = (1366, 728)


def fit_to_screen(widget: QWidget, width: int, height: int, *, within_laptop: bool = True) -> None:
    """Resize a window to ``width``×``height`` or less: never beyond a 1366×728 laptop area
    (unless ``within_laptop`` is False: a size the user chose on a larger screen), nor beyond
    the screen it is on (a remembered size from a larger monitor is clamped)."""
    from PySide6.QtGui import QGuiApplication

    screen = widget.screen() or QGuiApplication.primaryScreen()
    limit_w, limit_h = LAPTOP_AREA
    # The offscreen platform (tests, screenshots) has a made-up 800×800 screen: the laptop
    # area is the limit there, as on the smallest screen our users have.
    if screen is not None and QGuiApplication.platformName() != "offscreen":
        area = screen.availableGeometry()
        if not within_laptop:
            limit_w, limit_h = area.width(), area.height()
        limit_w, limit_h = min(limit_w, area.width()), min(limit_h, area.height())
    frame_w, frame_h = 16, 40  # the title bar and borders the window manager adds
    widget.resize(max(200, min(width, limit_w - frame_w)), max(150, min(height, limit_h - frame_h)))


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label whose mnemonic (&F) moves the focus to `buddy`: without a buddy, QLabel shows
    the & itself."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
