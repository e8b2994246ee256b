"""After the event: the recording links, sending them, and who still needs them.

Three tabs. 動画リンク: the event's links (add / edit / remove). 送信: the recipient group
(absentees by default, everyone, or a checked list) plus extra addresses, the template with a
preview for one recipient, the count before anything goes out, and sending on a worker with
progress and Cancel (as the invitation dialog does). 確認: attended / received / neither per
registrant, "record a manual delivery", the delivery log and its export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.recording_template import (
    DEFAULT_TEMPLATE,
    load_recording_template,
    save_recording_template,
)
from kenshu_desk.mail.settings import MailSettings, get_password, load_settings
from kenshu_desk.mail.templates import MailTemplate
from kenshu_desk.services.recordings import actions
from kenshu_desk.services.recordings import recordings as rec
from kenshu_desk.ui.mail.mail_worker import SendJob
from kenshu_desk.ui.mail.send_run import SendRunMixin
from kenshu_desk.ui.recordings.recording_link_form import RecordingLinkForm, parse_extras
from kenshu_desk.ui.recordings.recordings_follow_up import FollowUpTab
from kenshu_desk.ui.recordings.recordings_models import RecordingsModel, table_view
from kenshu_desk.ui.shell.widgets import fit_to_screen
from kenshu_desk.ui.shell.workers import Task, TaskRunner


class RecordingsDialog(SendRunMixin, QDialog):
    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.settings: MailSettings = load_settings()
        self.template = load_recording_template()
        self.worker: Task | None = None
        self.send_runner = TaskRunner(self)
        self.plan: rec.RecordingPlan | None = None
        setup = actions.recordings_setup(db, event_id)
        self.event_title = setup.event_title
        self.organiser = (setup.organiser_name, setup.organiser_email)
        self.registrants = setup.registrants
        self.setWindowTitle(self.tr("録画の送付 — {0}").format(self.event_title))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._links_tab(), self.tr("動画リンク"))
        self.tabs.addTab(self._send_tab(), self.tr("送信"))
        self.follow = FollowUpTab(self)
        self.tabs.addTab(self.follow, self.tr("確認"))
        self.close_button = QPushButton(self.tr("閉じる"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 1100, 720)
        self.refresh()

    # --- tabs ------------------------------------------------------------------------
    def _links_tab(self) -> QWidget:
        self.links_model = RecordingsModel(self)
        self.links_view = table_view(self.links_model)
        self.links_view.doubleClicked.connect(lambda _: self.edit_link())
        add = QPushButton(self.tr("追加(&A)…"))
        add.clicked.connect(lambda: self.add_link())
        edit = QPushButton(self.tr("編集(&E)…"))
        edit.clicked.connect(lambda: self.edit_link())
        remove = QPushButton(self.tr("削除(&R)"))
        remove.clicked.connect(lambda: self.remove_link())
        buttons = QHBoxLayout()
        for b in (add, edit, remove):
            buttons.addWidget(b)
        buttons.addStretch()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.links_view, 1)
        layout.addLayout(buttons)
        return tab

    def _send_tab(self) -> QWidget:
        self.link_choice = QComboBox()
        self.link_choice.currentIndexChanged.connect(self.refresh_plan)
        self.group = QButtonGroup(self)
        group_row = QHBoxLayout()
        for n, (value, label) in enumerate(
            (("absent", self.tr("欠席者（出席の記録がない人）")), ("all", self.tr("申込者全員")),
             ("picked", self.tr("選んだ人")))
        ):  # fmt: skip
            button = QRadioButton(label)
            button.setProperty("group", value)
            button.setChecked(n == 0)
            self.group.addButton(button, n)
            group_row.addWidget(button)
        group_row.addStretch()
        self.group.idToggled.connect(lambda _id, on: self.refresh_plan() if on else None)
        self.picked = QListWidget()
        for person in self.registrants:
            item = QListWidgetItem(f"{person.name}（{person.organisation}）")
            item.setData(Qt.ItemDataRole.UserRole, person.participant_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.picked.addItem(item)
        self.picked.itemChanged.connect(lambda _: self.refresh_plan())
        self.extras = QPlainTextEdit()
        self.extras.setPlaceholderText(self.tr("1 行に 1 件: 鳩山町 福祉課 <fukushi@example.jp>"))
        self.extras.setMaximumHeight(70)
        self.extras.textChanged.connect(self.refresh_plan)
        # The event's materials (メール → 資料とリマインド) sent with the link after the event.
        self.with_materials = QCheckBox(self.tr("行事の資料を添付"))
        self.subject = QLineEdit(self.template.subject)
        self.body = QPlainTextEdit(self.template.body)
        self.subject.textEdited.connect(self._template_edited)
        self.body.textChanged.connect(self._template_edited)
        self.reset_button = QPushButton(self.tr("既定の文面に戻す"))
        self.reset_button.clicked.connect(self.reset_template)
        self.template_error = QLabel()
        self.template_error.setStyleSheet("color: #a00000")
        self.template_error.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_for = QComboBox()
        self.preview_for.currentIndexChanged.connect(self.update_preview)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.send_button = QPushButton(self.tr("送信(&S)…"))
        self.send_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.send_button.clicked.connect(self.send)
        self.eml_button = QPushButton(self.tr("メールファイルに保存…"))
        self.eml_button.clicked.connect(lambda: self.save_eml())
        self.eml_runner = TaskRunner(self)  # composing the drafts: on a worker, like sending
        self.eml_runner.busy_changed.connect(lambda _busy: self.update_preview())
        self.cancel_button = QPushButton(self.tr("キャンセル"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_sending)

        left = QFormLayout()
        left.addRow(self.tr("動画(&V)"), self.link_choice)
        left.addRow(self.tr("送信先"), group_row)
        left.addRow(self.tr("添付"), self.with_materials)
        left.addRow(self.tr("選ぶ人"), self.picked)
        left.addRow(self.tr("追加の宛先(&X)"), self.extras)
        left.addRow(self.tr("件名(&U)"), self.subject)
        left.addRow(self.tr("本文(&B)"), self.body)
        left.addRow(self.reset_button, self.template_error)
        left.addRow(
            "", QLabel(self.tr("差し込み: {氏名} {行事名} {動画URL} {パスコード} {公開期限}"))
        )
        right = QFormLayout()
        right.addRow(self.tr("プレビュー(&W)"), self.preview_for)
        right.addRow(self.preview)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.eml_button)
        buttons.addWidget(self.send_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(columns, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        return tab

    # --- data ------------------------------------------------------------------------
    def refresh(self) -> None:
        links = actions.event_recordings(self.db, self.event_id)
        self.links_model.set_rows(links)
        current = self.link_choice.currentData()
        self.link_choice.blockSignals(True)
        self.link_choice.clear()
        for link in links:
            self.link_choice.addItem(link.url, link.id)
        index = self.link_choice.findData(current)
        self.link_choice.setCurrentIndex(index if index >= 0 else len(links) - 1)
        self.link_choice.blockSignals(False)
        self.refresh_plan()
        self.follow.refresh()

    def chosen_group(self) -> str:
        button = self.group.checkedButton()
        return str(button.property("group")) if button is not None else "absent"

    def picked_ids(self) -> list[int]:
        items = (self.picked.item(n) for n in range(self.picked.count()))
        return [
            int(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def refresh_plan(self) -> None:
        self.picked.setEnabled(self.chosen_group() == "picked")
        link_id = self.link_choice.currentData()
        self.plan = None
        if link_id is None:
            self.count_label.setText(self.tr("先に「動画リンク」で動画の URL を追加してください。"))
        else:
            self.plan = actions.plan_sending(
                self.db, link_id, self.chosen_group(), self.picked_ids(),
                parse_extras(self.extras.toPlainText()),
            )  # fmt: skip
            text = self.tr("送信先 {0} 人").format(self.plan.count)
            if self.plan.skipped:
                text += self.tr("（対象外 {0} 人: {1}）").format(
                    len(self.plan.skipped),
                    "、".join(f"{who}: {why}" for who, why in self.plan.skipped),
                )
            self.count_label.setText(text)
        current = self.preview_for.currentText()
        self.preview_for.blockSignals(True)
        self.preview_for.clear()
        for m in self.plan.messages if self.plan else []:
            self.preview_for.addItem(f"{m.recipient.name} <{m.recipient.address}>", m.recipient)
        self.preview_for.setCurrentIndex(max(self.preview_for.findText(current), 0))
        self.preview_for.blockSignals(False)
        self.update_preview()

    def reset_template(self) -> None:
        self.subject.setText(DEFAULT_TEMPLATE.subject)
        self.body.setPlainText(DEFAULT_TEMPLATE.body)
        self._template_edited()

    def _template_edited(self) -> None:
        self.template = MailTemplate(self.subject.text(), self.body.toPlainText())
        self.update_preview()

    def update_preview(self) -> None:
        recipient = self.preview_for.currentData()
        link_id = self.link_choice.currentData()
        self.template_error.clear()
        ok = True
        try:
            name = recipient.name if recipient else self.tr("（氏名）")
            filled = actions.preview_recording(self.db, self.event_id, link_id, self.template, name)
            if filled is not None:
                to = f"{recipient.name} <{recipient.address}>" if recipient else ""
                self.preview.setPlainText(
                    self.tr("宛先: {0}\n件名: {1}\n\n{2}").format(to, filled.subject, filled.body)
                )
            else:
                self.preview.clear()
        except UserError as exc:
            self.template_error.setText(str(exc))
            ok = False
        busy = self.worker is not None or self.eml_runner.busy
        sendable = ok and not busy and self.plan is not None and self.plan.count > 0
        self.send_button.setEnabled(sendable)
        self.eml_button.setEnabled(sendable)

    # --- links -----------------------------------------------------------------------
    def _selected_link(self) -> rec.RecordingInfo | None:
        rows = self.links_view.selectionModel().selectedRows()
        return self.links_model.row_at(rows[0].row()) if rows else None

    def add_link(self, values: tuple[str, str, dt.date | None, str] | None = None) -> None:
        if values is None:
            form = RecordingLinkForm(self)
            if form.exec() != QDialog.DialogCode.Accepted:
                return
            values = form.values()
        self.save_change(lambda: actions.add_link(self.db, self.event_id, *values))

    def edit_link(self, values: tuple[str, str, dt.date | None, str] | None = None) -> None:
        info = self._selected_link()
        if info is None:
            return
        if values is None:
            form = RecordingLinkForm(self, info)
            if form.exec() != QDialog.DialogCode.Accepted:
                return
            values = form.values()
        url, passcode, until, note = values
        self.save_change(
            lambda: actions.edit_link(
                self.db, info.id, url=url, passcode=passcode, available_until=until, note=note
            )
        )

    def remove_link(self, confirm: bool = True) -> None:
        info = self._selected_link()
        if info is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("動画リンク {0} とその配信記録を削除します。よろしいですか？").format(info.url),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_change(lambda: actions.delete_link(self.db, info.id))

    def save_change(self, action: Callable[[], object]) -> None:
        """Run one change (a service call with its own transaction), then show the result."""
        try:
            action()
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.refresh()

    # --- sending ---------------------------------------------------------------------
    def sender_address(self) -> MailAddress:
        address = self.settings.sender_address or self.organiser[1]
        if not address:
            raise UserError(self.tr("差出人のアドレスがありません。メール設定で入力してください。"))
        return MailAddress(self.settings.sender_name or self.organiser[0], address)

    def send(self) -> None:
        if self.plan is None or not self.plan.count:
            return
        if not self.settings.host:
            self.show_status(
                self.tr("SMTP サーバーが設定されていません。メール設定を開いてください。"),
                error=True,
            )
            return
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("{0} 人に動画のご案内を送信します。よろしいですか？").format(self.plan.count),
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
            sender = self.sender_address()
            save_recording_template(self.template)  # what went out is what opens next time
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return
        db, template, link_id = self.db, self.template, self.link_choice.currentData()
        group, picked = self.chosen_group(), self.picked_ids()
        extras = parse_extras(self.extras.toPlainText())

        materials, limit = self.with_materials.isChecked(), self.settings.size_limit_mb

        def prepare() -> list[int]:
            # On the worker, like invitations: composing many messages must not freeze the
            # window, and Cancel stays available.
            return actions.queue_sending(
                db, link_id, sender, template, group=group, picked=picked, extras=extras,
                materials=materials, size_limit_mb=limit,
            )  # fmt: skip

        self.start_send_run(
            SendJob(self.db, self.settings.smtp_config(password), ids=[], prepare=prepare)
        )
        self.update_preview()

    def after_send_run(self) -> None:
        self.refresh()

    def save_eml(self, folder: str | None = None) -> None:
        if self.plan is None or not self.plan.count:
            return
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("メールファイルの保存先"))
        if not folder:
            return
        try:
            save_recording_template(self.template)  # what went out is what opens next time
            sender = self.sender_address()
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return
        db, template, link_id = self.db, self.template, self.link_choice.currentData()
        group, picked = self.chosen_group(), self.picked_ids()
        extras = parse_extras(self.extras.toPlainText())

        materials, limit = self.with_materials.isChecked(), self.settings.size_limit_mb

        def work(_progress: object, _cancelled: object) -> int:
            paths = actions.save_drafts(
                db, link_id, sender, template, Path(folder),
                group=group, picked=picked, extras=extras,
                materials=materials, size_limit_mb=limit,
            )  # fmt: skip
            return len(paths)

        def saved(count: int) -> None:
            self.refresh()
            self.show_status(
                self.tr("{0} 件のメールファイルを {1} に保存しました。").format(count, folder)
            )

        self.show_status(self.tr("メールファイルを作成しています…"))
        self.eml_runner.start(work, saved, lambda message: self.show_status(message, error=True))

    # --- follow-up (the 確認 tab, ui/recordings/recordings_follow_up.py) ---------------------------
    def refresh_follow_up(self) -> None:
        self.follow.refresh()

    def record_manual(
        self, method: str | None = None, note: str | None = None, when: dt.datetime | None = None
    ) -> None:
        self.follow.record_manual(method, note, when)

    def export_log(self, path: str | None = None) -> None:
        self.follow.export_log(path)

    def show_status(self, text: str, *, error: bool = False, label: QLabel | None = None) -> None:
        label = label or self.status
        label.setStyleSheet("color: #a00000" if error else "")
        label.setText(text)

    def done(self, result: int) -> None:
        self.eml_runner.wait()  # drafts being written finish (one transaction) before closing
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.eml_runner.wait()
        if self.worker is not None:
            self.cancel_sending()  # never leave a worker writing behind a closed window
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.worker is None:
            super().reject()
        else:
            self.cancel_sending()
