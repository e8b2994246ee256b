"""Editing one participant: the directory's 新規 / 編集 dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import ConcurrentEditError, Database
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants import (
    ParticipantData,
    organisation_names,
    participant_data,
    participant_version,
    save_participant,
    validate,
)


class ParticipantDialog(QDialog):
    """New participant (``participant_id`` None) or an existing one; saves in one transaction."""

    def __init__(
        self, db: Database, participant_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.participant_id = participant_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("参加者の編集") if participant_id else self.tr("参加者の追加"))
        with db.session() as session:
            data = (
                participant_data(session, participant_id) if participant_id else ParticipantData()
            )
            # Team mode: the save applies to this version, or is refused.
            self.version = participant_version(session, participant_id) if participant_id else None
            orgs = organisation_names(session)

        self.name = QLineEdit(data.name)
        self.reading = QLineEdit(data.reading)
        self.reading.setPlaceholderText(self.tr("ひらがな（例: たかはし　みさき）"))
        self.organisation = QLineEdit(data.organisation)
        self.organisation.setPlaceholderText(self.tr("市町村名、社会福祉協議会など"))
        completer = QCompleter(orgs, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.organisation.setCompleter(completer)
        self.department = QLineEdit(data.department)
        self.title_edit = QLineEdit(data.title)
        self.email = QLineEdit(data.email)
        self.phone = QLineEdit(data.phone)
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setFixedHeight(70)
        for edit in (self.name, self.reading, self.organisation, self.department, self.title_edit):
            edit.setMaxLength(200)
        self.email.setMaxLength(320)
        self.phone.setMaxLength(40)

        form = QFormLayout()
        form.addRow(self.tr("氏名(&N)"), self.name)
        form.addRow(self.tr("ふりがな(&R)"), self.reading)
        form.addRow(self.tr("所属(&O)"), self.organisation)
        form.addRow(self.tr("部署(&D)"), self.department)
        form.addRow(self.tr("職名(&T)"), self.title_edit)
        form.addRow(self.tr("メールアドレス(&E)"), self.email)
        form.addRow(self.tr("電話番号(&P)"), self.phone)
        form.addRow(self.tr("備考"), self.notes)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.email.textChanged.connect(self._check)
        self._check()
        self.resize(480, self.sizeHint().height())

    def data(self) -> ParticipantData:
        return ParticipantData(
            name=self.name.text(),
            reading=self.reading.text(),
            organisation=self.organisation.text(),
            department=self.department.text(),
            title=self.title_edit.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            notes=self.notes.toPlainText(),
        )

    def _check(self) -> None:
        problems = validate(self.data())
        self.problem.setText(problems[0] if problems and self.name.text() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def show_data(self, data: ParticipantData) -> None:
        self.name.setText(data.name)
        self.reading.setText(data.reading)
        self.organisation.setText(data.organisation)
        self.department.setText(data.department)
        self.title_edit.setText(data.title)
        self.email.setText(data.email)
        self.phone.setText(data.phone)
        self.notes.setPlainText(data.notes)

    def save(self) -> None:
        try:
            with self.db.session() as session:
                self.saved_id = save_participant(
                    session, self.data(), self.participant_id, expected_version=self.version
                )
        except ConcurrentEditError as exc:
            self._reload_after_conflict(str(exc))
            return
        except UserError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()

    def _reload_after_conflict(self, message: str) -> None:
        """Another organiser saved this person first: show what is stored now, so that the
        edit is made again on it (their change is kept, nothing is merged silently)."""
        assert self.participant_id is not None
        try:
            with self.db.session() as session:
                data = participant_data(session, self.participant_id)
                self.version = participant_version(session, self.participant_id)
        except UserError as exc:  # deleted meanwhile
            self.problem.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        self.show_data(data)
        self.problem.setText(message + self.tr("下の欄は他の方が保存した現在の内容です。"))
