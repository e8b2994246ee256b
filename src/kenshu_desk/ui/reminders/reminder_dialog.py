"""資料とリマインド: the event's materials and the reminder before it, in one window.

Tab 資料: materials_panel.py. Tab リマインド: the schedule (何日前), what to attach (次第,
資料), the template (editable, saved in the mail settings like the invitation templates),
who would get it now and the size of one message — a warning before it passes the limit of
the mail settings — and "リマインドを送る" on a worker with progress and Cancel, or the
messages saved as .eml drafts. When the dialog opens on or after the scheduled day and
somebody still lacks the reminder, a line at the top says so and offers to send it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
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
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.reminder_template import (
    DEFAULT_TEMPLATE,
    PLACEHOLDERS,
    load_reminder_template,
    save_reminder_template,
)
from kenshu_desk.mail.settings import MailSettings, get_password, load_settings
from kenshu_desk.mail.templates import MailTemplate, check_template
from kenshu_desk.services.materials.materials import size_text
from kenshu_desk.services.reminders import actions
from kenshu_desk.services.reminders.reminders import checked_link
from kenshu_desk.ui.mail.mail_worker import SendJob
from kenshu_desk.ui.mail.send_run import SendRunMixin
from kenshu_desk.ui.reminders.materials_panel import MaterialsPanel
from kenshu_desk.ui.shell.widgets import fit_to_screen
from kenshu_desk.ui.shell.workers import Task, TaskRunner


class ReminderDialog(SendRunMixin, QDialog):
    def __init__(
        self,
        db: Database,
        event_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.today = today or dt.date.today()
        self.settings: MailSettings = load_settings()
        self.template = load_reminder_template()
        self.worker: Task | None = None
        self.send_runner = TaskRunner(self)
        self.eml_runner = TaskRunner(self)
        self.count = 0
        self.warning: str | None = None
        self._agenda_bytes: int | None = None
        self.setup = actions.setup(db, event_id, self.today)
        self.setWindowTitle(self.tr("資料とリマインド — {0}").format(self.setup.event_title))
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.due_label.setStyleSheet("background: #fff4c2; padding: 6px")
        self.due_label.setVisible(False)
        self.materials = MaterialsPanel(db, event_id)
        self.materials.changed.connect(self.refresh_plan)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.materials, self.tr("資料"))
        self.tabs.addTab(self._reminder_tab(), self.tr("リマインド"))
        close = QPushButton(self.tr("閉じる"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 960, 680)
        self._show_schedule()
        self.refresh_plan()
        self._offer_due()

    def _reminder_tab(self) -> QWidget:
        self.days = QSpinBox()
        self.days.setRange(-1, 60)
        self.days.setSpecialValueText(self.tr("予定なし"))
        self.days.setSuffix(self.tr(" 日前"))
        self.schedule_button = QPushButton(self.tr("予定を保存(&P)"))
        self.schedule_button.clicked.connect(lambda: self.save_schedule())
        schedule_row = QHBoxLayout()
        schedule_row.addWidget(self.days)
        schedule_row.addWidget(self.schedule_button)
        schedule_row.addStretch()
        self.agenda = QCheckBox(self.tr("次第を PDF で添付"))
        self.with_materials = QCheckBox(self.tr("資料を添付"))
        for box in (self.agenda, self.with_materials):
            box.toggled.connect(lambda _on: self.refresh_plan())
        self.materials_link = QLineEdit()
        self.materials_link.setPlaceholderText(
            self.tr("例: https://… 共有フォルダのリンク（資料の題名と一緒に本文に載せます）")
        )
        self.subject = QLineEdit(self.template.subject)
        self.body = QPlainTextEdit(self.template.body)
        self.body.setMinimumHeight(150)
        self.subject.textEdited.connect(self._template_edited)
        self.body.textChanged.connect(self._template_edited)
        reset = QPushButton(self.tr("既定の文面に戻す"))
        reset.clicked.connect(self.reset_template)
        fields = QLabel(" ".join(f"{{{p}}}" for p in PLACEHOLDERS))
        fields.setWordWrap(True)
        fields.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.template_error = QLabel()
        self.template_error.setStyleSheet("color: #a00000")
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.size_label = QLabel()
        self.size_label.setWordWrap(True)
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        # Room for the warning's three lines: it must never be clipped (a long text).
        self.size_label.setMinimumHeight(self.size_label.fontMetrics().lineSpacing() * 4)
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.send_button = QPushButton(self.tr("リマインドを送る(&S)"))
        self.send_button.clicked.connect(lambda: self.send())
        self.eml_button = QPushButton(self.tr("メールファイルに保存(&E)…"))
        self.eml_button.clicked.connect(lambda: self.save_eml())
        self.cancel_button = QPushButton(self.tr("送信を中止"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_sending)
        form = QFormLayout()
        days_label = QLabel(self.tr("送る日(&D)"))
        days_label.setBuddy(self.days)
        form.addRow(days_label, schedule_row)
        form.addRow(self.tr("添付"), self._row(self.agenda, self.with_materials))
        link_label = QLabel(self.tr("資料のリンク(&L)"))
        link_label.setBuddy(self.materials_link)
        form.addRow(link_label, self.materials_link)
        form.addRow(self.tr("件名(&U)"), self.subject)
        form.addRow(self.tr("本文(&B)"), self.body)
        form.addRow(self.tr("差し込み"), fields)
        form.addRow(reset, self.template_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.eml_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(form, 1)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.size_label)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        return tab

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for w in widgets:
            row.addWidget(w)
        row.addStretch()
        return row

    # --- schedule and plan -------------------------------------------------------------
    def _show_schedule(self) -> None:
        schedule = self.setup.schedule
        self.days.setValue(-1 if schedule is None else schedule.days_before)
        self.agenda.setChecked(True if schedule is None else schedule.attach_agenda)
        self.with_materials.setChecked(
            bool(self.materials.materials) if schedule is None else schedule.attach_materials
        )
        self.materials_link.setText("" if schedule is None else schedule.materials_link)

    def _offer_due(self) -> None:
        due = self.setup.due
        if due is None:
            return
        self.tabs.setCurrentIndex(1)
        self.due_label.setText(
            self.tr(
                "リマインドの送付日です（開催日の {0} 日前から）。まだ届いていない {1} 人に"
                "「リマインドを送る」で送れます。"
            ).format(due.schedule.days_before, due.people)
        )
        self.due_label.setVisible(True)
        self.send_button.setDefault(True)

    def save_schedule(self) -> None:
        days = self.days.value()
        try:
            actions.set_schedule(
                self.db, self.event_id, None if days < 0 else days,
                agenda=self.agenda.isChecked(), materials=self.with_materials.isChecked(),
                materials_link=self.materials_link.text(),
            )  # fmt: skip
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return
        if days < 0:
            self.show_status(self.tr("リマインドの予定を取り消しました。"))
        else:
            day = self.setup.event_date - dt.timedelta(days=days)
            self.show_status(
                self.tr("リマインドの予定を保存しました（{0} から送付できます）。").format(
                    f"{day:%Y/%m/%d}"
                )
            )

    def refresh_plan(self) -> None:
        try:
            plan = actions.plan(self.db, self.event_id, self.today)
            agenda_bytes = None
            if self.agenda.isChecked():
                if self._agenda_bytes is None:  # the 次第 is made once, when first wanted
                    self._agenda_bytes = actions.agenda_size(self.db, self.event_id)
                agenda_bytes = self._agenda_bytes
            size, warning = actions.size_check(
                self.db, self.event_id, agenda_bytes=agenda_bytes,
                materials=self.with_materials.isChecked(), limit_mb=self.settings.size_limit_mb,
            )  # fmt: skip
        except UserError as exc:
            self.count = 0
            self.plan_label.setText(str(exc))
            self.size_label.clear()
            self._enable()
            return
        self.count = plan.count
        text = self.tr("送信先 {0} 人（送付済み {1} 人、欠席・取消 {2} 人）").format(
            plan.count, plan.already, plan.declined
        )
        if plan.unusable:
            text += self.tr("　アドレスなど不備 {0} 人").format(len(plan.unusable))
        self.plan_label.setText(text)
        self.warning = str(warning) if warning is not None else None
        size_line = self.tr("1 通の大きさ: 約 {0}").format(size_text(size))
        self.size_label.setText(size_line + ("\n⚠ " + self.warning if self.warning else ""))
        self.size_label.setStyleSheet("color: #a00000" if self.warning else "")
        self._enable()

    def _enable(self) -> None:
        idle = self.worker is None
        ok = idle and self.count > 0 and not self.template_error.text()
        self.send_button.setEnabled(ok)
        self.eml_button.setEnabled(ok)

    # --- template ----------------------------------------------------------------------
    def reset_template(self) -> None:
        self.subject.setText(DEFAULT_TEMPLATE.subject)
        self.body.setPlainText(DEFAULT_TEMPLATE.body)
        self._template_edited()

    def _template_edited(self) -> None:
        self.template = MailTemplate(self.subject.text(), self.body.toPlainText())
        try:
            check_template(self.template.subject, PLACEHOLDERS)
            check_template(self.template.body, PLACEHOLDERS)
        except UserError as exc:
            self.template_error.setText(str(exc))
        else:
            self.template_error.clear()
        self._enable()

    # --- sending -----------------------------------------------------------------------
    def _order(self, allow_large: bool) -> actions.ReminderOrder:
        address = self.settings.sender_address or self.setup.organiser_email
        if not address:
            raise UserError(self.tr("差出人のアドレスがありません。メール設定で入力してください。"))
        sender = MailAddress(self.settings.sender_name or self.setup.organiser_name, address)
        save_reminder_template(self.template)  # what went out is what opens next time
        return actions.ReminderOrder(
            self.event_id, sender, self.template, self.agenda.isChecked(),
            self.with_materials.isChecked(), self.settings.size_limit_mb, allow_large, self.today,
            checked_link(self.materials_link.text()),
        )  # fmt: skip

    def _size_ok(self) -> bool | None:
        """None: the user stopped; else whether to pass the size limit."""
        if self.warning is None:
            return False
        answer = QMessageBox.warning(
            self, self.windowTitle(), self.warning + "\n\n" + self.tr("それでも送りますか？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        return True if answer == QMessageBox.StandardButton.Yes else None

    def send(self, *, confirmed: bool = False) -> None:
        if not self.count:
            return
        if not self.settings.host:
            self.show_status(
                self.tr("SMTP サーバーが設定されていません。メール設定を開いてください。"),
                error=True,
            )
            return
        allow_large = self._size_ok()
        if allow_large is None:
            return
        if not confirmed:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("{0} 人にリマインドを送信します。よろしいですか？").format(self.count),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        password = get_password(self.settings)
        if self.settings.user and not password:
            password, ok = QInputDialog.getText(
                self, self.tr("SMTP のパスワード"), self.settings.keyring_account,
                QLineEdit.EchoMode.Password,
            )  # fmt: skip
            if not ok:
                return
        try:
            order = self._order(allow_large)
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return
        db = self.db

        def prepare() -> list[int]:
            return actions.queue(db, order).ids

        self.start_send_run(
            SendJob(db, self.settings.smtp_config(password), ids=[], prepare=prepare)
        )
        self._enable()

    def after_send_run(self) -> None:
        self.due_label.setVisible(False)
        self.refresh_plan()

    def save_eml(self, folder: str | None = None) -> None:
        if not self.count:
            return
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("メールファイルの保存先"))
        if not folder:
            return
        allow_large = self._size_ok()
        if allow_large is None:
            return
        try:
            order = self._order(allow_large)
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return
        db = self.db

        def work(_progress: object, _cancelled: object) -> int:
            return len(actions.queue(db, order, Path(folder)).paths)

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
        self.eml_runner.wait()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.eml_runner.wait()
        if self.worker is not None:
            self.cancel_sending()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.worker is None:
            super().reject()
        else:
            self.cancel_sending()
