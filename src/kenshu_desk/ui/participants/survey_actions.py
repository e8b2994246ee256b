"""アンケート in the window (issue 21): import an export for the event shown (a preview of what
would be stored, then 取り込む), and the summary as a PDF preview or an Excel workbook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.ui.shell.workers import TaskRunner

if TYPE_CHECKING:
    from kenshu_desk.services.survey.survey import SurveyImportPlan
    from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("SurveyActions", text)


def plan_text(plan: SurveyImportPlan, *, dry_run: bool) -> str:
    from kenshu_desk.services.survey.survey import kind_word, plan_message

    text = str(plan_message(plan, dry_run=dry_run))
    if dry_run:
        text = text.split("（--dry-run")[0].split(" (--dry-run")[0]
    kinds = "\n".join(f"・{kind_word(kind)}: {title}" for title, kind in plan.kinds)
    return f"{text}\n\n{kinds}"


def import_survey_file(
    parent: QWidget, db: Database, event_id: int, path: str | None = None, *, confirm: bool = True
) -> TaskRunner | None:
    """Ask for the file (unless given), show what would be stored, store it on a worker."""
    from kenshu_desk.services.survey.survey import import_file

    if path is None:
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            _tr("アンケートの回答を取り込む"),
            "",
            _tr("回答の書き出し (*.csv *.xlsx);;すべてのファイル (*)"),
        )
        if not path:
            return None
    file = Path(path)
    try:
        plan = import_file(db, file, event_id, dry_run=True)
    except UserError as exc:
        QMessageBox.warning(parent, _tr("アンケートの取り込み"), str(exc))
        return None
    if not plan.new:
        QMessageBox.information(parent, _tr("アンケートの取り込み"), plan_text(plan, dry_run=True))
        return None
    if confirm:
        box = QMessageBox(QMessageBox.Icon.Question, _tr("アンケートの取り込み"),
                          plan_text(plan, dry_run=True), parent=parent)  # fmt: skip
        store = box.addButton(_tr("取り込む"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_tr("やめる"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(store)
        box.exec()
        if box.clickedButton() is not store:
            return None
    runner = TaskRunner(parent)
    status = getattr(parent, "statusBar", None)

    def say(text: str) -> None:
        if callable(status):
            status().showMessage(text, 15000)

    runner.start(
        lambda _p, _c: import_file(db, file, event_id, dry_run=False),
        lambda done: say(plan_text(done, dry_run=False).split("\n")[0]),
        lambda message: _warn(parent, message),
    )
    return runner


def open_summary_preview(parent: QWidget, db: Database, event_id: int) -> PdfPreviewDialog:
    dialog = summary_preview_dialog(db, event_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def summary_preview_dialog(
    db: Database, event_id: int, parent: QWidget | None = None
) -> PdfPreviewDialog:
    from kenshu_desk.services.survey.survey import summary_pdf_bytes
    from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog
    from kenshu_desk.ui.shell.print_extras import event_namer

    def build(_options: object, _progress: object) -> bytes:
        return summary_pdf_bytes(db, event_id, mask=True)

    name = event_namer(db, event_id, "アンケート集計", _tr("アンケート集計のプレビュー — "))
    return PdfPreviewDialog(build, name, parent=parent)


def _warn(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, _tr("アンケートの取り込み"), message)
