"""Mail settings: sender, SMTP server, security, login; the password goes to the OS keyring.

"Send test message" sends a short message to the sender's own address with the values
on screen (saved or not), on a worker thread, and shows the server's answer in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import MailAddress, compose_test_message
from kenshu_desk.mail.settings import (
    KeyringUnavailable,
    MailSettings,
    get_password,
    keyring_available,
    load_settings,
    save_settings,
    store_password,
)
from kenshu_desk.mail.transport import DeliveryError, Security, send_test_message
from kenshu_desk.ui.shell.details import DetailsSection
from kenshu_desk.ui.shell.workers import Task, TaskRunner


class MailSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("メール設定"))
        self._worker: Task | None = None
        self._runner = TaskRunner(self)
        settings = load_settings()

        self.sender_name = QLineEdit(settings.sender_name)
        self.sender_address = QLineEdit(settings.sender_address)
        self.sender_address.setPlaceholderText("chiiki@example.lg.jp")
        self.host = QLineEdit(settings.host)
        self.host.setPlaceholderText("smtp.example.lg.jp")
        self.security = QComboBox()
        for mode in Security:
            self.security.addItem(self.tr(mode.label), mode.value)
        self.security.setCurrentIndex(self.security.findData(settings.security.value))
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("自動"))
        self.port.setValue(settings.port)
        self.user = QLineEdit(settings.user)
        self.password = QLineEdit(get_password(settings))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.timeout = QSpinBox()
        self.timeout.setRange(1, 600)
        self.timeout.setSuffix(self.tr(" 秒"))
        self.timeout.setValue(max(1, min(600, round(settings.timeout))))
        self.timeout.setToolTip(
            self.tr("サーバーが応答しないとき、この時間であきらめます（1 段階ごと）")
        )
        self.alarm = QSpinBox()
        self.alarm.setRange(-1, 10080)
        self.alarm.setSpecialValueText(self.tr("なし"))
        self.alarm.setSuffix(self.tr(" 分前"))
        self.alarm.setValue(-1 if settings.alarm_minutes is None else settings.alarm_minutes)
        self.size_limit = QDoubleSpinBox()  # issue 20: warned before a message passes it
        self.size_limit.setRange(0, 100)
        self.size_limit.setDecimals(1)
        self.size_limit.setSpecialValueText(self.tr("上限なし"))
        self.size_limit.setSuffix(" MB")
        self.size_limit.setValue(settings.size_limit_mb)
        self.size_limit.setToolTip(
            self.tr("添付ファイルを含むメール 1 通の大きさの上限（職場のメールの制限に合わせる）")
        )

        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setTextFormat(Qt.TextFormat.PlainText)
        self.environment_note = QLabel()
        self.environment_note.setWordWrap(True)
        self.environment_note.setTextFormat(Qt.TextFormat.PlainText)
        if not keyring_available():
            self.keyring_note.setText(
                self.tr(
                    "このパソコンにはパスワードを保存できません。送信のたびに入力してください。"
                )
            )
            self.environment_note.setText(
                self.tr(
                    "パスワードは OS のキーリングに保存しますが、このパソコンにはキーリングが"
                    "ありません。環境変数 KENSHU_DESK_SMTP_PASSWORD でも指定できます。"
                )
            )

        form = QFormLayout()
        form.addRow(self.tr("差出人名(&N)"), self.sender_name)
        form.addRow(self.tr("差出人アドレス(&A)"), self.sender_address)
        form.addRow(self.tr("送信サーバー(&H)"), self.host)
        form.addRow(self.tr("ユーザー名(&U)"), self.user)
        form.addRow(self.tr("パスワード(&P)"), self.password)
        form.addRow("", self.keyring_note)
        form.addRow(self.tr("招待の通知(&R)"), self.alarm)
        # What only the administrator or the IT desk needs to know.
        details_box = QWidget()
        details_form = QFormLayout(details_box)
        details_form.setContentsMargins(0, 0, 0, 0)
        details_form.addRow(self.tr("暗号化(&E)"), self.security)
        details_form.addRow(self.tr("ポート(&O)"), self.port)
        details_form.addRow(self.tr("応答を待つ時間(&W)"), self.timeout)
        details_form.addRow(self.tr("メールの大きさの上限(&L)"), self.size_limit)
        details_form.addRow("", self.environment_note)
        self.details = DetailsSection(details_box)

        self.test_button = QPushButton(self.tr("テストメールを送信(&T)"))
        self.test_button.clicked.connect(self.send_test)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.status, 1)
        # Where the replies to invitations are read from (issue 20): its own small dialog.
        self.imap_button = QPushButton(self.tr("受信サーバーの設定(&I)…"))
        self.imap_button.clicked.connect(self.open_imap_settings)
        test_row.addWidget(self.imap_button)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        self.setMinimumWidth(520)  # room for an address and a server name
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addLayout(test_row)
        layout.addWidget(buttons)

    def open_imap_settings(self) -> None:
        from kenshu_desk.ui.mail.imap_settings_dialog import ImapSettingsDialog

        ImapSettingsDialog(self).exec()

    def current_settings(self) -> MailSettings:
        alarm = self.alarm.value()
        return MailSettings(
            sender_name=self.sender_name.text().strip(),
            sender_address=self.sender_address.text().strip(),
            host=self.host.text().strip(),
            port=self.port.value(),
            security=Security(self.security.currentData()),
            user=self.user.text().strip(),
            timeout=float(self.timeout.value()),
            alarm_minutes=None if alarm < 0 else alarm,
            size_limit_mb=self.size_limit.value(),
        )

    def _check(self, settings: MailSettings) -> MailAddress | None:
        try:
            sender = settings.sender()
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return None
        if not settings.host:
            self.show_status(self.tr("SMTP サーバーを入力してください。"), error=True)
            return None
        return sender

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #a00000" if error else "")
        self.status.setText(text)

    def save(self) -> None:
        settings = self.current_settings()
        if settings.sender_address:
            try:
                settings.sender()
            except UserError as exc:
                self.show_status(str(exc), error=True)
                return
        try:
            save_settings(settings)
        except UserError as exc:  # the folder cannot be written: say so, keep the dialog open
            self.show_status(str(exc), error=True)
            return
        if settings.user and self.password.text() != get_password(settings):
            try:
                store_password(settings, self.password.text())
            except KeyringUnavailable as exc:
                # Settings are saved; only the password is not. Say so, once, in place.
                self.show_status(str(exc), error=True)
                self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("閉じる"))
                self.buttons.accepted.disconnect(self.save)
                self.buttons.accepted.connect(self.accept)
                return
        self.accept()

    def send_test(self) -> None:
        settings = self.current_settings()
        sender = self._check(settings)
        if sender is None:
            return
        config = settings.smtp_config(self.password.text())
        payload = compose_test_message(sender, sender)

        def work(_progress: object, _cancelled: object) -> str:
            try:
                return send_test_message(config, sender.address, payload, sender.address)
            except DeliveryError as exc:  # the server's answer, shown as it is
                raise UserError(str(exc)) from exc

        self.test_button.setEnabled(False)
        self.show_status(self.tr("送信しています…"))
        self._worker = self._runner.start(work, self._test_done, self._test_failed)

    def _test_done(self, reply: str) -> None:
        self.test_button.setEnabled(True)
        address = self.sender_address.text().strip()
        self.show_status(
            self.tr("{0} に送信しました（サーバーの応答: {1}）").format(address, reply)
        )

    def _test_failed(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self.show_status(self.tr("送信できませんでした: {0}").format(message), error=True)

    def done(self, result: int) -> None:
        if self._worker is not None and not self.test_button.isEnabled():
            return  # a test message is on its way; the dialog stays until it is answered
        super().done(result)
