"""受信サーバーの設定: where the replies are read from (IMAP), beside the mail settings.

Stored in the same "mail" section of the settings file as the SMTP settings; the password in
the OS keyring (service "kenshu-desk IMAP"), as the SMTP one is. Only encrypted connections.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.errors import UserError
from kenshu_desk.mail.imap_settings import (
    ImapSecurity,
    ImapSettings,
    get_imap_password,
    load_imap_settings,
    save_imap_settings,
    store_imap_password,
)


class ImapSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("受信サーバーの設定"))
        settings = load_imap_settings()
        self.host = QLineEdit(settings.host)
        self.host.setPlaceholderText("imap.example.lg.jp")
        self.security = QComboBox()
        self.security.addItem(self.tr("SSL/TLS（推奨）"), ImapSecurity.SSL.value)
        self.security.addItem("STARTTLS", ImapSecurity.STARTTLS.value)
        self.security.setCurrentIndex(self.security.findData(settings.security.value))
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("自動"))
        self.port.setValue(settings.port)
        self.user = QLineEdit(settings.user)
        self._stored_password = get_imap_password(settings)
        self.password = QLineEdit(self._stored_password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder = QLineEdit(settings.folder)
        self.folder.setPlaceholderText("INBOX")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("受信サーバー(&H)"), self.host)
        form.addRow(self.tr("暗号化(&E)"), self.security)
        form.addRow(self.tr("ポート(&O)"), self.port)
        form.addRow(self.tr("ユーザー名(&U)"), self.user)
        form.addRow(self.tr("パスワード(&P)"), self.password)
        form.addRow(self.tr("フォルダー(&F)"), self.folder)
        note = QLabel(
            self.tr(
                "招待への返信を読むだけです。メールを既読にしたり、移動・削除したりはしません。"
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def values(self) -> ImapSettings:
        return ImapSettings(
            host=self.host.text().strip(),
            port=self.port.value(),
            security=ImapSecurity(self.security.currentData()),
            user=self.user.text().strip(),
            folder=self.folder.text().strip() or "INBOX",
        )

    def save(self) -> None:
        settings = self.values()
        try:
            save_imap_settings(settings)
            if self.password.text() != self._stored_password:
                store_imap_password(settings, self.password.text())
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.accept()
