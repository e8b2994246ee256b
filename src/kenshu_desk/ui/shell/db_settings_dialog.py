"""ファイル → データベースの設定…: the embedded SQLite database or a shared server (team mode).

The choice is saved by kenshu_desk.db_settings and takes effect on the next start; the
password goes to the OS keyring. 接続テスト opens the server on a worker and reports its
version and schema state in one line; the copy button copies the database this window
uses into an empty server database (services.copy_database) with progress and Cancel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk import db_settings
from kenshu_desk.database import Database, probe_database
from kenshu_desk.errors import UserError
from kenshu_desk.services.team.copy_database import copy_database
from kenshu_desk.ui.shell.details import DetailsSection
from kenshu_desk.ui.shell.workers import TaskRunner


class DatabaseSettingsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("データベースの設定"))
        self.runner = TaskRunner(self)
        self.runner.busy_changed.connect(self._on_busy)

        self.embedded = QRadioButton(self.tr("このパソコンの内蔵データベース（標準）"))
        self.server = QRadioButton(self.tr("共有サーバー（PostgreSQL・チーム利用）"))
        group = QButtonGroup(self)
        group.addButton(self.embedded)
        group.addButton(self.server)
        # Plain words first; the connection URL they make is under 詳細 (and can be typed
        # there whole, with options such as sslmode=require).
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("例: db.example.lg.jp"))
        self.database = QLineEdit()
        self.database.setPlaceholderText(self.tr("例: kenshu"))
        self.user = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("標準（5432）"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql+psycopg://利用者名@ホスト名/データベース名")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("変更しないときは空欄"))
        form = QFormLayout()
        form.addRow(self.tr("サーバー名(&H):"), self.host)
        form.addRow(self.tr("データベース名(&D):"), self.database)
        form.addRow(self.tr("利用者名(&U):"), self.user)
        form.addRow(self.tr("パスワード(&P):"), self.password)
        for part in (self.host, self.database, self.user):
            part.textEdited.connect(self._parts_edited)
        self.port.valueChanged.connect(self._parts_edited)
        self.url.textChanged.connect(self._url_changed)
        self._syncing = False

        self.test_button = QPushButton(self.tr("接続テスト(&T)"))
        self.test_button.clicked.connect(self.test_connection)
        self.copy_button = QPushButton(self.tr("このデータベースをサーバーにコピー(&C)…"))
        self.copy_button.clicked.connect(self.copy_to_server)
        self.cancel_button = QPushButton(self.tr("中止"))
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.cancel_button.setVisible(False)
        buttons_row = QHBoxLayout()
        for button in (self.test_button, self.copy_button, self.cancel_button):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        note = QLabel(self.tr("設定は次回の起動から使われます。"))
        note.setWordWrap(True)
        technical = QLabel(
            self.tr(
                "パスワードは OS のキーリングに保存します。起動時の --db や環境変数 "
                "KENSHU_DESK_DB は、この設定より優先されます。"
            )
        )
        technical.setWordWrap(True)
        details_box = QWidget()
        details_form = QFormLayout(details_box)
        details_form.setContentsMargins(0, 0, 0, 0)
        details_form.addRow(self.tr("ポート(&O):"), self.port)
        details_form.addRow(self.tr("接続 URL(&L):"), self.url)
        details_form.addRow(technical)
        self.details = DetailsSection(details_box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.embedded)
        layout.addWidget(self.server)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addLayout(buttons_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_line)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

        saved = db_settings.load_server_url()
        self.url.setText(saved)
        (self.server if saved else self.embedded).setChecked(True)
        self.server.toggled.connect(self._update_enabled)
        self._update_enabled()
        self.resize(560, self.sizeHint().height())

    # --- state ------------------------------------------------------------------------------

    def _update_enabled(self) -> None:
        busy = self.runner.busy
        on_server = self.server.isChecked()
        for widget in (
            self.host, self.database, self.user, self.port, self.url, self.password,
            self.test_button, self.copy_button,
        ):  # fmt: skip
            widget.setEnabled(on_server and not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)

    def _parts_edited(self, *_args: object) -> None:
        """The plain fields were typed in: the URL under 詳細 follows."""
        if self._syncing:
            return
        self._syncing = True
        try:
            url = db_settings.compose_server_url(
                self.host.text(),
                self.port.value(),
                self.database.text(),
                self.user.text(),
                base=self.url.text(),
            )
            self.url.setText(url)
        finally:
            self._syncing = False

    def _url_changed(self, text: str) -> None:
        """The URL was typed (or loaded): the plain fields follow, when it can be read."""
        if self._syncing:
            return
        parts = db_settings.server_url_parts(text)
        if parts is None:
            return
        self._syncing = True
        try:
            host, port, database, user = parts
            self.host.setText(host)
            self.port.setValue(port)
            self.database.setText(database)
            self.user.setText(user)
        finally:
            self._syncing = False

    def _on_busy(self, busy: bool) -> None:
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        self._update_enabled()

    def _server_url(self) -> str:
        """The typed URL checked, without password (that one comes from the field/keyring)."""
        url = db_settings.parse_server_url(self.url.text())
        if self.password.text():
            url = url._replace(password=self.password.text())
        return url.render_as_string(hide_password=False)

    def _show(self, text: str) -> None:
        self.status_line.setText(text)

    # --- actions ----------------------------------------------------------------------------

    def test_connection(self) -> None:
        try:
            url = self._server_url()
        except UserError as exc:
            self._show(str(exc))
            return
        self._show(self.tr("接続しています…"))
        self.progress.setRange(0, 0)
        self.runner.start(lambda _p, _c: probe_database(url), self._show, self._show)

    def copy_to_server(self) -> None:
        try:
            url = self._server_url()
        except UserError as exc:
            self._show(str(exc))
            return
        self._show(self.tr("コピーしています…"))
        self.progress.setRange(0, 0)
        source = self.db

        def work(progress: Any, cancelled: Any) -> str:
            def say(_table: str, done: int, total: int) -> None:
                if cancelled():
                    raise UserError("コピーを中止しました。サーバーには何も書き込んでいません。")
                progress(done, total)

            return copy_database(source, url, say).summary()

        self.runner.start(work, self._copied, self._show, self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _copied(self, summary: str) -> None:
        self._show(summary)
        answer = QMessageBox.question(
            self,
            self.tr("データベースの設定"),
            summary + "\n" + self.tr("次回の起動から、このサーバーを使うように設定しますか？"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.server.setChecked(True)
            self.save()

    def save(self) -> None:
        try:
            if self.server.isChecked():
                db_settings.save_server_url(self.url.text(), self.password.text())
            else:
                db_settings.save_server_url("")
        except UserError as exc:
            self._show(str(exc))
            return
        self.accept()

    def done(self, result: int) -> None:
        self.runner.cancel()
        self.runner.wait()  # no worker left talking to a server after the dialog is gone
        super().done(result)


def install_db_settings_action(window: Any) -> None:
    """ファイル → データベースの設定… in the main window."""
    from PySide6.QtGui import QAction

    action = QAction(window.tr("データベースの設定(&D)…"), window)
    action.triggered.connect(lambda: DatabaseSettingsDialog(window.db, window).exec())
    window.file_menu.insertAction(window.quit_action, action)
    window.file_menu.insertSeparator(window.quit_action)
    window.db_settings_action = action
