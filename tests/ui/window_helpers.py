"""Functions the UI tests share: read the programme, click rows, answer dialogs, drop rows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox


def programme_rows(window) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model = window.programme.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def times(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [row[0] for row in programme_rows(window)]


def titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.programme.model
    return [model.item_at(r).title for r in range(model.rowCount())]


def click_row(qtbot, view, row: int, column: int = 0) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def answer_next_message_box(qtbot, button: QMessageBox.StandardButton) -> list[str]:  # type: ignore[no-untyped-def]
    """Click `button` in the next modal message box; returns its text once it was seen."""
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)
    return seen


def drop_row(qtbot, view, from_row: int, before_row: int) -> None:  # type: ignore[no-untyped-def]
    """Drag a row of `view` and drop it on the upper part of `before_row` (or below the last)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    model = view.model()
    mime = model.mimeData([model.index(from_row, 0)])
    if before_row < model.rowCount():
        rect = view.visualRect(model.index(before_row, 3))
        pos = QPoint(rect.center().x(), rect.top() + 2)
    else:
        rect = view.visualRect(model.index(model.rowCount() - 1, 3))
        pos = QPoint(rect.center().x(), rect.bottom() + 10)
    actions = Qt.DropAction.MoveAction
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    viewport = view.viewport()
    enter = QDragEnterEvent(QPointF(pos), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(QPointF(pos), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted(), "the table refused the drag"
    drop = QDropEvent(QPointF(pos), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)


def type_date(qtbot, date_edit, text: str, finish=Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """Type into a DateEdit as a user does after Tab (the old text selected), then finish."""
    from PySide6.QtGui import QInputMethodEvent

    date_edit.line.setFocus()
    date_edit.line.selectAll()
    for ch in text:  # key by key; non-ASCII arrives as an input method commits it
        if ch.isascii():
            qtbot.keyClicks(date_edit.line, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(date_edit.line, event)
    if finish is not None:
        qtbot.keyClick(date_edit.line, finish)
