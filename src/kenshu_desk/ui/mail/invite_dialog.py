"""Send invitations for one event: edit the templates, preview for a participant, send.

The recipient count (and who is left out, and why) is on screen before anything goes out;
Send asks once more with the number. Sending runs on a worker with a progress bar and
Cancel; "Save as e-mail files" writes one draft .eml per recipient instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.settings import MailSettings, get_password, load_settings, load_templates
from kenshu_desk.mail.settings import save_templates as store_templates
from kenshu_desk.mail.templates import (
    DEFAULT_TEMPLATES,
    MailTemplate,
    MessageKind,
    kind_label,
    render_template,
)
from kenshu_desk.services.mail import actions
from kenshu_desk.services.mail.invitations import InvitationPlan, Recipient
from kenshu_desk.ui.mail.mail_worker import SendJob
from kenshu_desk.ui.mail.send_run import SendRunMixin
from kenshu_desk.ui.shell.labels import shown
from kenshu_desk.ui.shell.widgets import fit_to_screen
from kenshu_desk.ui.shell.workers import Task, TaskRunner

AUTO = "auto"


class InviteDialog(SendRunMixin, QDialog):
    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.settings: MailSettings = load_settings()
        self.templates: dict[MessageKind, MailTemplate] = load_templates()
        self.worker: Task | None = None
        self.send_runner = TaskRunner(self)
        self.plan: InvitationPlan | None = None
        setup = actions.invite_setup(db, event_id)
        self.event_title = setup.event_title
        self.recipients = setup.recipients
        self.organiser = (setup.organiser_name, setup.organiser_email)
        self.setWindowTitle(self.tr("招待メール — {0}").format(self.event_title))

        self.kind = QComboBox()
        self.kind.addItem(self.tr("自動（初めての人に招待、以前の版を受け取った人に変更）"), AUTO)
        for kind in MessageKind:
            if kind != MessageKind.WITHDRAWAL:  # only ever chosen per person, by 自動
                self.kind.addItem(self.tr(kind.label), kind.value)
        self.kind.currentIndexChanged.connect(self.refresh_plan)
        self.sender_label = QLabel()
        self.sender_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setWordWrap(True)

        self.template_kind = QComboBox()
        for kind in MessageKind:
            self.template_kind.addItem(self.tr(kind.label), kind.value)
        self.template_kind.currentIndexChanged.connect(self._show_template)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.subject.textEdited.connect(self._template_edited)
        self.body.textChanged.connect(self._template_edited)
        self.reset_button = QPushButton(self.tr("既定に戻す"))
        self.reset_button.clicked.connect(self._reset_template)
        self.template_error = QLabel()
        self.template_error.setStyleSheet("color: #a00000")
        self.template_error.setWordWrap(True)
        self.template_error.setTextFormat(Qt.TextFormat.PlainText)

        self.preview_for = QComboBox()
        for r in self.recipients:
            self.preview_for.addItem(f"{r.name}（{r.organisation}）", r.participant_id)
        self.preview_for.currentIndexChanged.connect(self.update_preview)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)

        editor = QWidget()
        editor_layout = QFormLayout(editor)
        kind_row = QWidget()
        kind_row_layout = QHBoxLayout(kind_row)
        kind_row_layout.setContentsMargins(0, 0, 0, 0)
        kind_row_layout.addWidget(self.template_kind, 1)
        kind_row_layout.addWidget(self.reset_button)
        editor_layout.addRow(self.tr("テンプレート(&T)"), kind_row)
        kind_label = editor_layout.labelForField(kind_row)
        if isinstance(kind_label, QLabel):
            kind_label.setBuddy(self.template_kind)
        editor_layout.addRow(self.tr("件名(&U)"), self.subject)
        editor_layout.addRow(self.tr("本文(&B)"), self.body)
        editor_layout.addRow("", self.template_error)
        fields = QLabel(
            self.tr(
                "差し込み: {氏名} {所属} {行事名} {日時} {会場} {参加URL} {プログラム} {差出人} {問い合わせ先}"
            )
        )
        fields.setWordWrap(True)  # the English line alone is wider than a laptop screen
        editor_layout.addRow("", fields)
        preview_box = QWidget()
        preview_layout = QFormLayout(preview_box)
        preview_layout.addRow(self.tr("プレビュー(&V)"), self.preview_for)
        preview_layout.addRow(self.preview)
        splitter = QSplitter()
        splitter.addWidget(editor)
        splitter.addWidget(preview_box)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.send_button = QPushButton(self.tr("送信(&S)…"))
        self.send_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.send_button.clicked.connect(self.send)
        self.eml_button = QPushButton(self.tr("メールファイルに保存(&E)…"))
        self.eml_button.clicked.connect(self.save_eml)
        # Composing the drafts takes a while for a large event: on a worker, like sending.
        self.eml_runner = TaskRunner(self)
        self.eml_runner.busy_changed.connect(lambda _busy: self._update_buttons())
        self.cancel_button = QPushButton(self.tr("キャンセル"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_sending)
        self.close_button = QPushButton(self.tr("閉じる"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.eml_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.close_button)

        top = QFormLayout()
        top.addRow(self.tr("送る内容(&K)"), self.kind)
        top.addRow(self.tr("差出人"), self.sender_label)
        self.attach_agenda = QCheckBox(self.tr("次第を PDF で添付（招待・変更のお知らせ）"))
        top.addRow(self.tr("添付"), self.attach_agenda)
        top.addRow(self.tr("送信先"), self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        fit_to_screen(self, 1100, 700)

        self.sender_label.setText(self._sender_text())
        self._show_template()
        self.refresh_plan()

    # --- sender and plan -------------------------------------------------------------
    def sender_address(self) -> MailAddress:
        address = self.settings.sender_address or self.organiser[1]
        name = self.settings.sender_name or self.organiser[0]
        if not address:
            raise UserError(self.tr("差出人のアドレスがありません。メール設定で入力してください。"))
        return MailAddress(name, address)

    def _sender_text(self) -> str:
        try:
            s = self.sender_address()
        except UserError as exc:
            return str(exc)
        return f"{s.name} <{s.address}>"

    def chosen_kind(self) -> MessageKind | None:
        value = self.kind.currentData()
        return None if value == AUTO else MessageKind(value)

    def refresh_plan(self) -> None:
        try:
            self.plan = actions.plan_invitations(self.db, self.event_id, self.chosen_kind())
        except UserError as exc:  # e.g. a whole-event cancellation of an event not cancelled
            self.plan = None
            self.count_label.setText(str(exc))
            self.count_label.setToolTip("")
            self._update_buttons()
            return
        by_kind = self.plan.count_by_kind().items()
        counts = self.tr("、").join(f"{shown(kind_label(k))} {n}" for k, n in by_kind)
        if counts:
            text = self.tr("{0} 人（{1}）").format(self.plan.count, counts)
        else:
            text = self.tr("{0} 人").format(self.plan.count)
        if self.plan.skipped:
            text += self.tr("　対象外 {0} 人").format(len(self.plan.skipped))
            self.count_label.setToolTip("\n".join(f"{w}: {why}" for w, why in self.plan.skipped))
        else:
            self.count_label.setToolTip("")
        self.count_label.setText(text)
        kinds = list(self.plan.count_by_kind())
        if len(kinds) == 1:
            self.template_kind.setCurrentIndex(self.template_kind.findData(kinds[0].value))
        self._update_buttons()
        self.update_preview()

    # --- templates and preview -------------------------------------------------------
    def current_template_kind(self) -> MessageKind:
        return MessageKind(self.template_kind.currentData())

    def _show_template(self) -> None:
        template = self.templates[self.current_template_kind()]
        self.subject.blockSignals(True)
        self.body.blockSignals(True)
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        self.subject.blockSignals(False)
        self.body.blockSignals(False)
        self.update_preview()

    def _template_edited(self) -> None:
        self.templates[self.current_template_kind()] = MailTemplate(
            self.subject.text(), self.body.toPlainText()
        )
        self.update_preview()

    def _reset_template(self) -> None:
        self.templates[self.current_template_kind()] = DEFAULT_TEMPLATES[
            self.current_template_kind()
        ]
        self._show_template()

    def preview_recipient(self) -> Recipient | None:
        pid = self.preview_for.currentData()
        return next((r for r in self.recipients if r.participant_id == pid), None)

    def update_preview(self) -> None:
        recipient = self.preview_recipient()
        if recipient is None:
            self.preview.setPlainText(self.tr("メールアドレスのある参加者がいません。"))
            return
        try:
            sender = self.sender_address()
            values = actions.invitation_values(self.db, self.event_id, recipient, sender.name)
            filled = render_template(self.templates[self.current_template_kind()], values)
        except UserError as exc:
            self.template_error.setText(str(exc))
            self.preview.setPlainText("")
        else:
            self.template_error.setText("")
            self.preview.setPlainText(
                f"宛先: {recipient.name} <{recipient.address}>\n件名: {filled.subject}\n\n{filled.body}"
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.worker is not None or self.eml_runner.busy
        ready = bool(self.plan and self.plan.count) and not self.template_error.text() and not busy
        self.send_button.setEnabled(ready)
        self.eml_button.setEnabled(ready)
        self.kind.setEnabled(not busy)

    # --- actions ---------------------------------------------------------------------
    def _confirm(self, count: int, what: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("{0} 人に{1}。よろしいですか？").format(count, what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _password(self) -> str | None:
        password = get_password(self.settings)
        if self.settings.user and not password:
            password, ok = QInputDialog.getText(
                self,
                self.tr("SMTP のパスワード"),
                self.tr("{0} のパスワード").format(self.settings.keyring_account),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return None
        return password

    def send(self) -> None:
        if self.plan is None or not self.plan.count:
            return
        if not self.settings.host:
            self.show_status(
                self.tr(
                    "SMTP サーバーが設定されていません。メール設定を開くか、メールファイルに保存してください。"
                ),
                error=True,
            )
            return
        try:
            sender = self.sender_address()
            store_templates(self.templates)
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return
        what = self.tr("メールを送信します")
        if self.plan.changing:
            what += self.tr(
                "。うち {0} 人は、すでにある予定表の予定を書き換えます（変更・取り消し）"
            ).format(self.plan.changing)
        if not self._confirm(self.plan.count, what):
            return
        password = self._password()
        if password is None:
            return
        templates, kind, alarm = (
            dict(self.templates),
            self.chosen_kind(),
            self.settings.alarm_minutes,
        )
        db, event_id, agenda = self.db, self.event_id, self.attach_agenda.isChecked()

        def prepare() -> None:
            actions.queue_invitations(
                db, event_id, sender, templates, kind=kind, alarm_minutes=alarm,
                attach_agenda=agenda,
            )  # fmt: skip

        self.start_send_run(
            SendJob(db, self.settings.smtp_config(password), event_id=event_id, prepare=prepare)
        )
        self._update_buttons()

    def after_send_run(self) -> None:
        self.refresh_plan()

    def save_eml(self, folder: str | None = None) -> None:
        if self.plan is None or not self.plan.count:
            return
        if not folder:
            folder = QFileDialog.getExistingDirectory(self, self.tr("メールファイルの保存先"))
            if not folder:
                return
        try:
            sender = self.sender_address()
            store_templates(self.templates)
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return
        db, event_id, templates = self.db, self.event_id, dict(self.templates)
        kind, alarm = self.chosen_kind(), self.settings.alarm_minutes
        agenda = self.attach_agenda.isChecked()

        def work(_progress: object, _cancelled: object) -> int:
            paths = actions.save_invitation_drafts(
                db, event_id, sender, Path(folder), templates, kind=kind, alarm_minutes=alarm,
                attach_agenda=agenda,
            )  # fmt: skip
            return len(paths)

        def saved(count: int) -> None:
            self.refresh_plan()
            self.show_status(
                self.tr("{0} 件のメールファイルを {1} に保存しました。").format(count, folder)
            )

        self.show_status(self.tr("メールファイルを作成しています…"))
        self.eml_runner.start(work, saved, lambda message: self.show_status(message, error=True))

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #a00000" if error else "")
        self.status.setText(text)

    def done(self, result: int) -> None:
        self.eml_runner.wait()  # drafts being written finish (one transaction) before closing
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.eml_runner.wait()
        if self.worker is not None:
            # Never leave a worker writing to the outbox behind a closed window.
            self.cancel_sending()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.worker is None:
            super().reject()
        else:
            self.cancel_sending()
