"""The window's question before a shared database is upgraded: 更新する or 更新しないで終了."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kenshu_desk.app import _confirm_shared_upgrade
from kenshu_desk.ui.shell.start_window import StartWindow


@pytest.mark.parametrize(("button", "upgrade"), [("更新する", True), ("更新しないで終了", False)])
def test_the_user_decides(qtbot, ui_app, button, upgrade):
    start = StartWindow()
    qtbot.addWidget(start)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, answer)
    assert _confirm_shared_upgrade(start, "共有データベース db/kenshu は以前の版…") is upgrade
    assert "共有データベース" in seen[0] and "バックアップを作ってから更新しますか" in seen[0]
