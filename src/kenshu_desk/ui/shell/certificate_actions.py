"""修了証 in the window: 印刷 → 修了証をプレビュー… and 印刷 → 修了証の設定… (the template:
heading, sentence, 様/殿, the issuer's title and name, the seal image)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError

if TYPE_CHECKING:
    from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("CertificateActions", text)


class CertificateTemplateDialog(QDialog):
    """Edit the one template every organiser's certificates use."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        from kenshu_desk.services.certificates.certificates import template_of

        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_tr("修了証の設定"))
        self.template = template_of(db)
        t = self.template
        self.heading = QLineEdit(t.heading)
        self.body = QPlainTextEdit(t.body)
        self.body.setMaximumHeight(90)
        self.honorific = QComboBox()
        # The value printed is Japanese; the label is in the window's language.
        for label, value in ((_tr("様"), "様"), (_tr("殿"), "殿"), (_tr("（付けない）"), "")):
            self.honorific.addItem(label, value)
        self.honorific.setCurrentIndex(max(self.honorific.findData(t.honorific), 0))
        self.organiser_title = QLineEdit(t.organiser_title)
        self.organiser_title.setPlaceholderText(_tr("例: 埼玉県福祉部地域包括ケア課長"))
        self.organiser_name = QLineEdit(t.organiser_name)
        self.seal = t.seal_png
        self.seal_label = QLabel()
        choose = QPushButton(_tr("画像を選ぶ…"))
        choose.clicked.connect(lambda: self.choose_seal())
        clear = QPushButton(_tr("画像を外す"))
        clear.clicked.connect(lambda: self.set_seal(None))
        seal_row = QHBoxLayout()
        for w in (self.seal_label, choose, clear):
            seal_row.addWidget(w)
        seal_row.addStretch()
        self.error = QLabel()
        self.error.setStyleSheet("color: #a00000")
        form = QFormLayout()
        form.addRow(_tr("表題(&H)"), self.heading)
        form.addRow(_tr("本文(&B)"), self.body)
        form.addRow(_tr("敬称"), self.honorific)
        form.addRow(_tr("発行者の職名(&T)"), self.organiser_title)
        form.addRow(_tr("発行者の氏名(&N)"), self.organiser_name)
        form.addRow(_tr("公印の画像（PNG）"), seal_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.set_seal(self.seal)
        self.resize(560, 420)

    def set_seal(self, data: bytes | None) -> None:
        self.seal = data
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.seal_label.setPixmap(pixmap.scaled(48, 48, Qt.AspectRatioMode.KeepAspectRatio))
        else:
            self.seal_label.setPixmap(QPixmap())
            self.seal_label.setText(_tr("なし"))

    def choose_seal(self, path: str | None = None) -> None:
        if path is None:
            path, _f = QFileDialog.getOpenFileName(self, _tr("公印の画像"), "", "PNG (*.png)")
            if not path:
                return
        try:
            self.set_seal(Path(path).read_bytes())
        except OSError as exc:
            self.error.setText(str(exc))

    def save(self) -> None:
        from dataclasses import replace

        from kenshu_desk.services.certificates.certificates import store_template

        data = replace(
            self.template, heading=self.heading.text(), body=self.body.toPlainText(),
            honorific=str(self.honorific.currentData()), organiser_title=self.organiser_title.text(),
            organiser_name=self.organiser_name.text(), seal_png=self.seal,
        )  # fmt: skip
        try:
            store_template(self.db, data)
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


def open_certificates_preview(parent: QWidget, db: Database, event_id: int) -> PdfPreviewDialog:
    dialog = certificates_preview_dialog(db, event_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def certificates_preview_dialog(
    db: Database, event_id: int, parent: QWidget | None = None
) -> PdfPreviewDialog:
    from kenshu_desk.services.certificates.certificates import certificates_pdf_bytes
    from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog
    from kenshu_desk.ui.shell.print_extras import event_namer

    def build(_options: object, _progress: object) -> bytes:
        return certificates_pdf_bytes(db, event_id)

    name = event_namer(db, event_id, "修了証", _tr("修了証のプレビュー — "))
    return PdfPreviewDialog(build, name, parent=parent)


def add_certificate_actions(menu: QMenu, parent: QWidget, db_of, with_event) -> list[QAction]:  # type: ignore[no-untyped-def]
    """印刷 → 修了証をプレビュー… (needs an event) and 修了証の設定… (returned: the first only)."""
    preview = QAction(_tr("修了証をプレビュー…"), menu)
    settings = QAction(_tr("修了証の設定…"), menu)
    menu.addAction(preview)
    menu.addAction(settings)
    preview.triggered.connect(
        lambda: with_event(lambda e: open_certificates_preview(parent, db_of(), e))
    )
    settings.triggered.connect(lambda: CertificateTemplateDialog(db_of(), parent).exec())
    return [preview]
