"""The small form for one recording link, and the parser of the extra-address box."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from kenshu_desk.services.recordings import recordings as rec
from kenshu_desk.ui.shell.date_edit import DateEdit
from kenshu_desk.ui.shell.widgets import buddy_label


def parse_extras(text: str) -> list[tuple[str, str]]:
    """One per line: "名前 <address>", "名前=address" or a bare address."""
    extras = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(">") and "<" in line:
            name, _, address = line[:-1].rpartition("<")
        else:
            name, _, address = line.rpartition("=")
        extras.append((name.strip(), address.strip()))
    return extras


class RecordingLinkForm(QDialog):
    """Add or edit one link: URL, passcode, available-until (optional), note."""

    def __init__(self, parent: QWidget, info: rec.RecordingInfo | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("動画リンク"))
        self.url = QLineEdit(info.url if info else "")
        self.passcode = QLineEdit(info.passcode if info else "")
        self.has_until = QCheckBox(self.tr("公開期限あり"))
        until = info.available_until if info else None
        today = dt.date.today()
        month_later = today + dt.timedelta(days=30)
        self.until = DateEdit(until or month_later)
        self.has_until.setChecked(until is not None)
        self.until.setEnabled(until is not None)
        self.has_until.toggled.connect(self.until.setEnabled)
        self.note = QLineEdit(info.note if info else "")
        form = QFormLayout(self)
        form.addRow(self.tr("動画URL(&U)"), self.url)
        form.addRow(self.tr("パスコード(&P)"), self.passcode)
        row = QHBoxLayout()
        row.addWidget(self.has_until)
        row.addWidget(self.until, 1)
        form.addRow(buddy_label(self.tr("公開期限(&D)"), self.has_until), row)
        form.addRow(self.tr("備考(&N)"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.until.dateChanged.connect(self._check)
        self.has_until.toggled.connect(self._check)
        form.addRow(buttons)
        self.resize(560, 0)

    def _check(self, *_args: object) -> None:
        self._ok.setEnabled(not self.has_until.isChecked() or self.until.date() is not None)

    def accept(self) -> None:
        if self.has_until.isChecked() and self.until.date() is None:
            self.until.setFocus()  # unreadable: stays marked, nothing saved
            return
        super().accept()

    def values(self) -> tuple[str, str, dt.date | None, str]:
        until = self.until.date() if self.has_until.isChecked() else None
        return self.url.text(), self.passcode.text(), until, self.note.text()  # type: ignore[return-value]
