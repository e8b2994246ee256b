"""Importing a participant list: file → column mapping → preview with errors → confirm.

Reading the file, making the preview and committing run on a worker thread (each with its
own session); the commit can be cancelled and then leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kenshu_desk.database import Database
from kenshu_desk.services.participants.column_mapping import (
    FIELD_LABELS,
    ColumnMapping,
    Field,
    map_header_row,
)
from kenshu_desk.services.participants.import_actions import (
    commit_import,
    event_choices,
    preview_import,
)
from kenshu_desk.services.participants.participant_import import (
    ACTION_LABELS,
    ImportPreview,
    ImportResult,
    ParticipantImport,
    Progress,
    RowAction,
)
from kenshu_desk.ui.participants.participant_directory import configure_table
from kenshu_desk.ui.participants.participant_models import TupleTableModel
from kenshu_desk.ui.shell.i18n import long_date
from kenshu_desk.ui.shell.widgets import buddy_label, fit_to_screen
from kenshu_desk.ui.shell.workers import TaskRunner

ACTION_COLOURS = {
    RowAction.NEW: None,
    RowAction.EXISTING: QColor("#e1eef9"),
    RowAction.DUPLICATE: QColor("#eeeeee"),
    RowAction.ERROR: QColor("#fbe9e7"),
}
MAPPED_FIELDS = (
    Field.NAME,
    Field.FAMILY_NAME,
    Field.GIVEN_NAME,
    Field.READING,
    Field.FAMILY_READING,
    Field.GIVEN_READING,
    Field.ORGANISATION,
    Field.DEPARTMENT,
    Field.TITLE,
    Field.EMAIL,
    Field.PHONE,
    Field.NOTES,
)


def _column_letter(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class FilePage(QWizardPage):
    def __init__(self, wizard: ParticipantImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("名簿ファイルの選択"))
        self.setSubTitle(
            self.tr("Excel ブック（.xlsx）または CSV（UTF-8、Shift_JIS、UTF-16）を選んでください。")
        )
        self.path = QLineEdit()
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("参照(&B)…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.event_combo = QComboBox()
        self.event_combo.addItem(self.tr("（申込はしない）"), None)
        for e in event_choices(wizard.db):
            self.event_combo.addItem(f"{long_date(e.date)}　{e.title}", e.id)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        form = QFormLayout(self)
        form.addRow(buddy_label(self.tr("ファイル(&F)"), self.path), row)
        form.addRow(self.tr("取り込んだ人を申込(&E)"), self.event_combo)
        form.addRow(self.progress)
        form.addRow(self.status)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("名簿ファイル"),
            "",
            self.tr("名簿ファイル (*.xlsx *.csv *.txt *.tsv);;すべてのファイル (*)"),
        )
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and not self.w.runner.busy

    def validatePage(self) -> bool:
        path = Path(self.path.text().strip())
        if self.w.importer is not None and self.w.loaded_path == path:
            return True
        self.status.clear()
        self.progress.show()
        self.w.runner.start(
            lambda _p, _c: ParticipantImport.from_file(path), self._loaded, self._failed
        )
        self.completeChanged.emit()
        return False

    def _loaded(self, importer: ParticipantImport) -> None:
        self.progress.hide()
        self.w.importer = importer
        self.w.loaded_path = Path(self.path.text().strip())
        self.completeChanged.emit()
        self.w.next()

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.status.setText(message)
        self.completeChanged.emit()


class MappingPage(QWizardPage):
    def __init__(self, wizard: ParticipantImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("列の対応"))
        self.setSubTitle(self.tr("見出しの行と、各項目がどの列かを確かめてください。"))
        self.header_line = QSpinBox()
        self.header_line.setMinimum(1)
        self.header_line.valueChanged.connect(self._header_changed)
        self.combos: dict[Field, QComboBox] = {}
        grid = QGridLayout()
        grid.addWidget(buddy_label(self.tr("見出しの行(&H)"), self.header_line), 0, 0)
        grid.addWidget(self.header_line, 0, 1)
        for n, f in enumerate(MAPPED_FIELDS):
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[f] = combo
            label = QLabel(str(FIELD_LABELS[f]))
            label.setBuddy(combo)
            grid.addWidget(label, 1 + n // 3, (n % 3) * 2)
            grid.addWidget(combo, 1 + n // 3, (n % 3) * 2 + 1)
        self.sample = TupleTableModel(())
        self.sample_view = QTableView()
        self.sample_view.setModel(self.sample)
        configure_table(self.sample_view)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("見出しの下の行（先頭 10 行）")))
        layout.addWidget(self.sample_view, 1)
        layout.addWidget(self.problem)
        self._updating = False

    def initializePage(self) -> None:
        importer = self.w.importer
        assert importer is not None
        table = importer.table
        self._updating = True
        self.header_line.setMaximum(max(1, len(table.rows)))
        mapping = importer.mapping or ColumnMapping(0, {})
        self.header_line.setValue(mapping.header_row + 1)
        self._fill_combos(mapping)
        self._updating = False
        self._mapping_changed()

    def _headers(self, header_row: int) -> list[str]:
        table = self.w.importer.table  # type: ignore[union-attr]
        cells = table.rows[header_row] if header_row < len(table.rows) else []
        return [
            f"{_column_letter(c)}: {cells[c] if c < len(cells) else ''}" for c in range(table.width)
        ]

    def _fill_combos(self, mapping: ColumnMapping) -> None:
        headers = self._headers(mapping.header_row)
        for f, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（なし）"), -1)
            for col, text in enumerate(headers):
                combo.addItem(text, col)
            chosen = mapping.columns.get(f)
            combo.setCurrentIndex(chosen + 1 if chosen is not None else 0)
            combo.blockSignals(False)

    def _header_changed(self, line: int) -> None:
        if self._updating or self.w.importer is None:
            return
        header_row = line - 1
        cells = self.w.importer.table.rows[header_row]
        self._updating = True
        self._fill_combos(ColumnMapping(header_row, map_header_row(cells)))
        self._updating = False
        self._mapping_changed()

    def mapping(self) -> ColumnMapping:
        columns = {f: c.currentData() for f, c in self.combos.items() if c.currentData() != -1}
        return ColumnMapping(self.header_line.value() - 1, columns)

    def _mapping_changed(self, *_args: Any) -> None:
        if self._updating or self.w.importer is None:
            return
        mapping = self.mapping()
        table = self.w.importer.table
        fields = sorted(mapping.columns.items(), key=lambda kv: kv[1])
        self.sample.headers = tuple(str(FIELD_LABELS[f]) for f, _ in fields)
        rows = table.rows[mapping.header_row + 1 : mapping.header_row + 11]
        self.sample.set_rows([tuple(r[c] if c < len(r) else "" for _, c in fields) for r in rows])
        self.problem.setText(
            "" if mapping.has_name() else self.tr("「氏名」（または「姓」）の列を選んでください。")
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.mapping().has_name()

    def validatePage(self) -> bool:
        assert self.w.importer is not None
        self.w.importer = ParticipantImport(self.w.importer.table, self.mapping())
        self.w.preview = None
        return True


class PreviewPage(QWizardPage):
    HEADERS = ("行", "判定", "氏名", "ふりがな", "所属", "メールアドレス", "エラー・注意")

    def __init__(self, wizard: ParticipantImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("取り込みの確認"))
        self.setSubTitle(
            self.tr("まだ何も登録していません。内容を確かめて「取り込む」を押してください。")
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = TupleTableModel(
            [QCoreApplication.translate("PreviewPage", h) for h in self.HEADERS]
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view, stretch_column=6)
        for col, width in enumerate((40, 178, 95, 122, 95, 165)):  # the rest: エラー・注意
            self.view.setColumnWidth(col, width)
        self.errors_only = QCheckBox(self.tr("エラーと注意のある行だけ表示"))
        self.errors_only.toggled.connect(self._show_rows)
        self.skip_errors = QCheckBox(self.tr("エラーの行を飛ばして、残りを取り込む(&S)"))
        self.skip_errors.toggled.connect(self.completeChanged)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setStyleSheet("color: #b00020")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors_only)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.skip_errors)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("取り込む(&I)"))
        self.setCommitPage(True)

    def initializePage(self) -> None:
        self.model.set_rows([])
        self.summary.setText(self.tr("確認しています…"))
        self.status.clear()
        importer, event_id, db = self.w.importer, self.w.event_id(), self.w.db
        assert importer is not None

        self.w.runner.start(
            lambda _p, _c: preview_import(db, importer, event_id), self._previewed, self._failed
        )
        self.completeChanged.emit()

    def _previewed(self, preview: ImportPreview) -> None:
        self.w.preview = preview
        text = preview.summary()
        if preview.new_organisations:
            names = "、".join(o.new_name or "" for o in preview.new_organisations[:10])
            text += self.tr("\n新しく登録する所属: {0}").format(names)
        self.summary.setText(text)
        self.skip_errors.setVisible(preview.has_errors)
        self.errors_only.setChecked(preview.has_errors)
        self._show_rows()
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self.summary.clear()
        self.status.setText(message)
        self.progress.hide()
        self.completeChanged.emit()

    def _show_rows(self) -> None:
        preview = self.w.preview
        if preview is None:
            return
        rows = [
            r for r in preview.rows if not self.errors_only.isChecked() or r.errors or r.warnings
        ]
        self.model.set_rows(
            [
                (
                    r.line,
                    str(ACTION_LABELS[r.action])
                    + (self.tr("（{0} 行目）").format(r.duplicate_of) if r.duplicate_of else ""),
                    r.values.name,
                    r.values.reading,
                    r.values.organisation,
                    r.values.email,
                    r.message(),
                )
                for r in rows
            ],
            backgrounds=[ACTION_COLOURS[r.action] for r in rows],
            tooltips=[r.message() for r in rows],
        )

    def isComplete(self) -> bool:
        preview = self.w.preview
        if preview is None or self.w.runner.busy:
            return False
        return not preview.has_errors or self.skip_errors.isChecked()

    def validatePage(self) -> bool:
        if self.w.import_result is not None:
            return True
        importer, preview, db = self.w.importer, self.w.preview, self.w.db
        assert importer is not None and preview is not None
        event_id, skip = self.w.event_id(), self.skip_errors.isChecked()

        def work(progress: Progress, cancelled: Callable[[], bool]) -> ImportResult:
            return commit_import(  # one transaction: all or nothing
                db,
                importer,
                event_id=event_id,
                skip_errors=skip,
                preview=preview,
                progress=progress,
                cancelled=cancelled,
            )

        self.progress.setRange(0, max(1, len(preview.rows)))
        self.progress.setValue(0)
        self.progress.show()
        self.w.runner.start(work, self._committed, self._failed, self._progress)
        self.completeChanged.emit()
        return False

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _committed(self, result: ImportResult) -> None:
        self.progress.hide()
        self.w.import_result = result
        self.w.imported.emit(result)
        self.w.next()


class ResultPage(QWizardPage):
    def __init__(self, wizard: ParticipantImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("取り込みました"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)

    def initializePage(self) -> None:
        if self.w.import_result is not None:
            self.text.setText(self.w.import_result.summary())


class ParticipantImportWizard(QWizard):
    imported = Signal(object)  # ImportResult

    def __init__(
        self,
        db: Database,
        path: str | None = None,
        event_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = TaskRunner(self)
        self.importer: ParticipantImport | None = None
        self.loaded_path: Path | None = None
        self.preview: ImportPreview | None = None
        self.import_result: ImportResult | None = None
        self.setWindowTitle(self.tr("参加者名簿の取り込み"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 戻る(&B)"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("次へ(&N) >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("キャンセル"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("閉じる"))
        self.preview_page.setButtonText(QWizard.WizardButton.CommitButton, self.tr("取り込む(&I)"))
        self.runner.busy_changed.connect(lambda _b: self.currentPage().completeChanged.emit())
        if path:
            self.file_page.path.setText(path)
        if event_id is not None:
            index = self.file_page.event_combo.findData(event_id)
            if index >= 0:
                self.file_page.event_combo.setCurrentIndex(index)
        fit_to_screen(self, 980, 640)

    def event_id(self) -> int | None:
        return self.file_page.event_combo.currentData()

    def reject(self) -> None:
        """Cancel: stop the running step (a commit rolls back) and wait for the worker."""
        self.runner.cancel()
        self.runner.wait()
        super().reject()

    def done(self, result: int) -> None:
        self.runner.cancel()
        self.runner.wait()
        super().done(result)
