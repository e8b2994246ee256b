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
from kenshu_desk.services.participants.actions import (
    latest_participant,
    participant_form,
    save_participant_form,
)
from kenshu_desk.services.participants.participants import ParticipantData, merge_edit, validate


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
        opened = participant_form(db, participant_id)
        data = opened.data
        self.version = opened.version  # team mode: the save applies to this version, or is refused
        orgs = opened.organisations
        self.loaded = data  # what this edit started from (to merge another organiser's save)

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
        self.problem.setText(str(problems[0]) if problems and self.name.text() else "")
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
            self.saved_id = save_participant_form(
                self.db, self.data(), self.participant_id, expected_version=self.version
            )
        except ConcurrentEditError as exc:
            self._reload_after_conflict(str(exc))
            return
        except UserError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()

    def _reload_after_conflict(self, message: str) -> None:
        """Another organiser saved this person first. Their changes come into the form, the
        user's own stay; a field both changed keeps the user's value and names theirs. The
        next Save applies to their version: nothing of either is lost or merged unseen."""
        assert self.participant_id is not None
        try:
            theirs, self.version = latest_participant(self.db, self.participant_id)
        except UserError as exc:  # deleted meanwhile
            self.problem.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        merged = merge_edit(self.loaded, self.data(), theirs)
        self.loaded = theirs
        self.show_data(merged.data)
        lines = [message]
        if merged.taken:
            names = "、".join(self._label(f) for f in merged.taken)
            lines.append(self.tr("他の方の変更（{0}）を取り入れました。").format(names))
        for field, value in merged.clashes:
            lines.append(
                self.tr("「{0}」は他の方も変更しています（他の方の値: {1}）。").format(
                    self._label(field), value or self.tr("空欄")
                )
            )
        lines.append(
            self.tr("入力した内容は残っています。確かめてから、もう一度保存してください。")
        )
        self.problem.setText("\n".join(lines))

    def _label(self, field: str) -> str:
        labels = {
            "name": self.tr("氏名"),
            "reading": self.tr("ふりがな"),
            "organisation": self.tr("所属"),
            "department": self.tr("部署"),
            "title": self.tr("職名"),
            "email": self.tr("メールアドレス"),
            "phone": self.tr("電話番号"),
            "notes": self.tr("備考"),
        }
        return labels[field]
