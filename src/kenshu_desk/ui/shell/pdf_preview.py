"""Preview of a generated PDF (QtPdf), with Print…, Save as PDF…, zoom and roster options.

The PDF is built on a worker (a Task, ui/shell/workers.py; a big roster takes a moment)
that reads through the services; the dialog shows progress and can cancel. Printing renders each page of
the very PDF shown to the printer, so paper and preview cannot differ.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.domain.roster import RosterOrder
from kenshu_desk.errors import UserError
from kenshu_desk.paths import safe_file_name
from kenshu_desk.ui.shell.pdf_printing import print_pages, printer_for
from kenshu_desk.ui.shell.widgets import fit_to_screen
from kenshu_desk.ui.shell.workers import Task, TaskRunner

ZOOM_STEP = 1.25


@dataclass(frozen=True)
class PreviewOptions:
    """What the user can change in the preview (only the roster has choices)."""

    order: RosterOrder = RosterOrder.ORGANISATION
    sign_in: bool = False


Progress = Callable[[int, int], None]
Builder = Callable[[PreviewOptions, Progress], bytes]
Namer = Callable[[PreviewOptions], tuple[str, str]]  # (window title, suggested file name)


class _Cancelled(Exception):
    pass


class PdfPreviewDialog(QDialog):
    """Shows a PDF built by `build`, lets the user print or save exactly that PDF."""

    document_ready = Signal()  # a freshly built PDF is on screen
    build_failed = Signal(str)
    build_progress = Signal(int, int)  # pages done, pages expected

    _last_folder: Path | None = None  # where the previous Save as went, for this session

    def __init__(
        self,
        build: Builder,
        namer: Namer,
        *,
        options: PreviewOptions | None = None,
        roster_options: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._build = build
        self._namer = namer
        self._options = options or PreviewOptions()
        self._runner = TaskRunner(self)  # builds one after another; the builder reads
        self._job = 0  # the services on the worker; a newer build supersedes older ones
        self._task: Task | None = None
        self._data: bytes | None = None
        self._buffer: QBuffer | None = None
        self._printing = False
        self._cancel_print = False

        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_to_screen(self, 900, 1000)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)

        self.toolbar = QToolBar(self)
        self.print_action = self._action(self.tr("印刷…"), QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_document)
        self.save_action = self._action(self.tr("PDFとして保存…"), QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_as)
        self.toolbar.addSeparator()
        zoom_out = self._action(self.tr("縮小"), QKeySequence.StandardKey.ZoomOut)
        zoom_out.triggered.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        zoom_in = self._action(self.tr("拡大"), QKeySequence.StandardKey.ZoomIn)
        zoom_in.triggered.connect(lambda: self.zoom_by(ZOOM_STEP))
        fit_width = self._action(self.tr("幅に合わせる"), QKeySequence("Ctrl+0"))
        fit_width.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        fit_page = self._action(self.tr("ページ全体"), QKeySequence("Ctrl+9"))
        fit_page.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))

        self.order_box: QComboBox | None = None
        self.sign_in_box: QCheckBox | None = None
        if roster_options:
            self.toolbar.addSeparator()
            self.toolbar.addWidget(QLabel(self.tr("並び順: ")))
            self.order_box = QComboBox()
            self.order_box.addItem(self.tr("所属順（市町村コード順）"), RosterOrder.ORGANISATION)
            self.order_box.addItem(self.tr("五十音順"), RosterOrder.READING)
            self.order_box.setCurrentIndex(self.order_box.findData(self._options.order))
            self.order_box.currentIndexChanged.connect(self._options_changed)
            self.toolbar.addWidget(self.order_box)
            self.sign_in_box = QCheckBox(self.tr("受付簿（出欠・署名欄）"))
            self.sign_in_box.setChecked(self._options.sign_in)
            self.sign_in_box.toggled.connect(self._options_changed)
            self.toolbar.addWidget(self.sign_in_box)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.page_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("キャンセル"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.page_label)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self._set_busy(False)
        self._update_title()
        self.regenerate()

    # --- state ---------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    @property
    def options(self) -> PreviewOptions:
        return self._options

    def pdf_bytes(self) -> bytes | None:
        return self._data

    def page_count(self) -> int:
        return self.document.pageCount() if self._data is not None else 0

    def is_building(self) -> bool:
        return self._task is not None

    def suggested_file_name(self) -> str:
        return safe_file_name(self._namer(self._options)[1])

    def _update_title(self) -> None:
        self.setWindowTitle(self._namer(self._options)[0])

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        ready = not busy and self._data is not None
        self.print_action.setEnabled(ready)
        self.save_action.setEnabled(ready)

    def _update_page_label(self) -> None:
        total = self.page_count()
        if total == 0:
            self.page_label.clear()
            return
        current = self.view.pageNavigator().currentPage() + 1
        self.page_label.setText(
            self.tr("%1 / %2 ページ").replace("%1", str(current)).replace("%2", str(total))
        )

    # --- building ------------------------------------------------------------------

    def _options_changed(self) -> None:
        order = self.order_box.currentData() if self.order_box else self._options.order
        sign_in = self.sign_in_box.isChecked() if self.sign_in_box else self._options.sign_in
        self._options = replace(self._options, order=RosterOrder(order), sign_in=sign_in)
        self._update_title()
        self.regenerate()

    def regenerate(self) -> None:
        """Build the PDF again for the current options (cancelling a build under way)."""
        if self._task is not None:
            self._task.cancel()
        self._job += 1
        job, build, options = self._job, self._build, self._options

        def work(progress: Progress, cancelled: Callable[[], bool]) -> bytes | None:
            def pages(done: int, total: int) -> None:
                if cancelled():
                    raise _Cancelled
                progress(done, total)

            try:
                return build(options, pages)
            except _Cancelled:
                return None  # said by _on_finished

        self.progress.setRange(0, 0)  # busy until the first page is reported
        self.status.setText(self.tr("PDFを作成しています…"))
        self._set_busy(True)
        self._task = self._runner.start(
            work,
            lambda data: self._on_finished(job, data),
            lambda message: self._on_failed(job, message),
            lambda done, total: self._on_progress(job, done, total),
        )

    def cancel(self) -> None:
        if self._printing:
            self._cancel_print = True
        elif self._task is not None:
            self._task.cancel()

    def _on_progress(self, job: int, done: int, total: int) -> None:
        if job != self._job:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v / %m ページ"))
        self.build_progress.emit(done, total)

    def _on_finished(self, job: int, data: bytes | None) -> None:
        if job != self._job:
            return
        if data is None:
            self._on_cancelled(job)
            return
        self._task = None
        self._load(data)
        self._set_busy(False)
        self.status.setText(self.tr("PDFを作成しました。"))
        self.document_ready.emit()

    def _on_failed(self, job: int, message: str) -> None:
        if job != self._job:
            return
        self._task = None
        self._set_busy(False)
        self.status.setText(self.tr("PDFを作成できませんでした: ") + message)
        self.build_failed.emit(message)

    def _on_cancelled(self, job: int) -> None:
        if job != self._job:
            return
        self._task = None
        self._set_busy(False)
        self.status.setText(self.tr("PDFの作成を中止しました。"))

    def _load(self, data: bytes) -> None:
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)  # the document reads from the buffer while shown
        self._buffer = buffer
        self._data = data
        if old is not None:
            old.close()
            old.deleteLater()
        self.view.pageNavigator().jump(0, QPointF(), self.view.pageNavigator().currentZoom())
        self._update_page_label()

    # --- zoom ----------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        current = self._effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, current * factor)))

    def _effective_zoom(self) -> float:
        """The zoom on screen, also while the view fits the page to its width."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(0)
        pixels_at_1 = points.width() * self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        return max(0.1, room / pixels_at_1) if pixels_at_1 > 0 else 1.0

    # --- saving and printing -------------------------------------------------------

    def save_to(self, path: Path) -> None:
        """Write the PDF on screen to path (whole or not at all); UserError says why not."""
        if self._data is None:
            raise UserError(self.tr("PDFがまだできていません。"))
        write_atomically(path, self._data)
        PdfPreviewDialog._last_folder = path.parent

    def save_as(self) -> None:
        if self._data is None:
            return
        folder = PdfPreviewDialog._last_folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("PDFとして保存"),
            str(folder / self.suggested_file_name()),
            self.tr("PDF ファイル (*.pdf)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self.save_to(path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("保存できません"), str(exc))
            return
        self.status.setText(self.tr("保存しました: ") + str(path))

    def printer_for_document(self) -> QPrinter:
        """A printer set up for the PDF's paper: A4, portrait or landscape as the PDF is."""
        return printer_for(self.document, self._namer(self._options)[0])

    def print_document(self) -> None:
        if self._data is None or self._printing:
            return
        printer = self.printer_for_document()
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            printed = self.print_to(printer)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("印刷できません"), str(exc))
            return
        self.status.setText(self.tr("%1 ページを印刷に送りました。").replace("%1", str(printed)))

    def print_to(self, printer: QPrinter) -> int:
        """Render each page (or the chosen range) onto printer; returns the pages sent."""
        if self.page_count() == 0:
            raise UserError(self.tr("PDFがまだできていません。"))
        self._printing, self._cancel_print = True, False
        self.progress.setFormat(self.tr("印刷 %v / %m ページ"))
        self._set_busy(True)
        self.toolbar.setEnabled(False)  # no new build or second print while pages go out

        def on_page(done: int, count: int) -> bool:
            self.progress.setRange(0, count)
            self.progress.setValue(done)
            QCoreApplication.processEvents()  # repaint, and let Cancel be pressed
            return not self._cancel_print

        try:
            return print_pages(self.document, printer, on_page)
        finally:
            self._printing = False
            self.toolbar.setEnabled(True)
            self._set_busy(False)

    # --- closing -------------------------------------------------------------------

    def done(self, result: int) -> None:
        if self._printing:
            self._cancel_print = True
            return
        self._shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._printing:
            self._cancel_print = True
            event.ignore()
            return
        self._shutdown()
        super().closeEvent(event)

    def _shutdown(self) -> None:
        """No worker outlives the dialog: cancel and wait (a build stops at its next page)."""
        if self._task is not None:
            self._task.cancel()
        self._runner.wait()
