"""The progress table (県内の進捗状況) on screen, with its chart and the exports.

The chart is the documents' reportlab drawing, rasterised through QtPdf: what the screen
shows, the PNG, the clipboard and the PDF are one picture.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.database import Database
from kenshu_desk.domain.progress import ProgressTable
from kenshu_desk.errors import UserError
from kenshu_desk.services.year.actions import progress_of_year, year_overview
from kenshu_desk.ui.shell.fiscal_year_spin import FiscalYearSpin
from kenshu_desk.ui.shell.i18n import fiscal_year_name
from kenshu_desk.ui.year.wording import (
    progress_column_label,
    progress_group,
    progress_row_label,
)

_Index = QModelIndex | QPersistentModelIndex
PNG_SCALE = 3  # 760 pt wide chart → 2280 px: sharp when pasted into a report


class ProgressTableModel(QAbstractTableModel):
    """Rows of the progress table; columns 区分, 項目 and the four counts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: ProgressTable | None = None

    def set_table(self, table: ProgressTable) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._table is None else len(self._table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._table is None else 2 + len(self._table.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if section == 0:
                return self.tr("区分")
            if section == 1:
                return self.tr("項目")
            if 0 <= section - 2 < len(self._table.columns):
                column = self._table.columns[section - 2]
                label = progress_column_label(column, self._table.fiscal_year)
                return label if role == Qt.ItemDataRole.DisplayRole else label.replace("\n", " ")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._table is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._table.rows):
            return None
        row = self._table.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return progress_group(row.group)
            if col == 1:
                return progress_row_label(row.key, row.label)
            value = row.values[col - 2]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole and col >= 2:
            return row.values[col - 2]
        return None


def render_pdf_page(data: bytes, scale: float) -> QImage:
    """The first page of a PDF as an image, `scale` pixels per point."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    size = document.pagePointSize(0)
    image = document.render(0, QSize(round(size.width() * scale), round(size.height() * scale)))
    document.close()
    buffer.close()
    # Transparent background from the renderer: flatten onto white for reports.
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


class ProgressView(QWidget):
    """Year picker, table, chart; exports to XLSX/PDF, the chart to PNG or the clipboard."""

    def __init__(
        self, db: Database, fiscal_year: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.year = FiscalYearSpin(fiscal_year)
        self.year.setAccessibleName(self.tr("年度"))
        self.model = ProgressTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.chart = QLabel()
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.chart.setMinimumHeight(220)
        self.chart.setAccessibleName(self.tr("進捗状況のグラフ"))
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.message = QLabel()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.xlsx_button = QPushButton(self.tr("Excel に出力(&E)…"))
        self.pdf_button = QPushButton(self.tr("PDF に出力(&P)…"))
        self.png_button = QPushButton(self.tr("グラフを画像で保存(&G)…"))
        self.copy_button = QPushButton(self.tr("グラフをコピー(&C)"))
        self.copy_button.setToolTip(
            self.tr("報告書や資料に貼り付けられるように、グラフをクリップボードにコピーします")
        )

        bar = QHBoxLayout()
        label = QLabel(self.tr("年度(&Y):"))
        label.setBuddy(self.year)
        bar.addWidget(label)
        bar.addWidget(self.year)
        bar.addStretch(1)
        for button in (self.xlsx_button, self.pdf_button, self.png_button, self.copy_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        title = QLabel(
            self.tr("重層的支援体制整備事業・総合相談支援体制構築 実施・構築状況（市町村数・累計）")
        )
        layout.addWidget(title)
        layout.addWidget(self.view)
        layout.addWidget(self.basis)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.message)

        self.year.valueChanged.connect(self.reload)
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.png_button.clicked.connect(lambda: self._export("png"))
        self.copy_button.clicked.connect(self.copy_chart)
        self._chart_image = QImage()
        self.reload()

    # -- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.table = progress_of_year(self.db, self.year.value())
        self.model.set_table(self.table)
        header = self.view.horizontalHeader()
        header.resizeSection(0, 190)
        header.resizeSection(1, 420)
        for col in range(2, self.model.columnCount()):
            header.resizeSection(col, 130)
        self.view.clearSpans()
        start = 0
        rows = self.table.rows
        for n in range(1, len(rows) + 1):
            if n == len(rows) or rows[n].group != rows[start].group:
                if n - start > 1:
                    self.view.setSpan(start, 0, n - start, 1)
                start = n
        self.view.resizeRowsToContents()
        height = self.view.horizontalHeader().height() + 2 * self.view.frameWidth()
        height += sum(self.view.rowHeight(r) for r in range(self.model.rowCount()))
        self.view.setFixedHeight(height + 2)
        self.basis.setText(
            self.tr(
                "県内 {0} 市町村のうち、{1}の記録がある市町村 {2}。各列はその時点までに"
                "実施・構築済み又は予定の市町村数（累計）です。"
            ).format(
                self.table.municipality_count,
                fiscal_year_name(self.table.fiscal_year),
                self.table.recorded_count,
            )
        )
        # reportlab and openpyxl load when the progress view is first filled, not at start-up.
        from kenshu_desk.documents.progress_report import progress_chart_pdf

        self._chart_image = render_pdf_page(progress_chart_pdf(self.table), PNG_SCALE)
        self._show_chart()

    def chart_image(self) -> QImage:
        return self._chart_image

    def _show_chart(self) -> None:
        if self._chart_image.isNull():
            return
        target = self.chart.size() * self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(self._chart_image).scaled(
            target, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.chart.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._show_chart()

    # -- exports ---------------------------------------------------------------------------

    def export(self, kind: str, path: Path) -> None:
        from kenshu_desk.documents.progress_report import progress_pdf, progress_xlsx

        if kind == "png":
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            # PySide6 wants the format as str; its stubs say bytes.
            if not self._chart_image.save(buffer, "PNG"):  # type: ignore[call-overload]
                raise UserError(self.tr("{0} に保存できません。").format(path))
            write_atomically(path, bytes(buffer.data().data()))
            return
        if kind == "xlsx":
            data = progress_xlsx(self.table, year_overview(self.db, self.table.fiscal_year))
        else:
            data = progress_pdf(self.table)
        write_atomically(path, data)

    def copy_chart(self) -> None:
        QGuiApplication.clipboard().setImage(self._chart_image)
        self.message.setText(self.tr("グラフをクリップボードにコピーしました"))

    def _export(self, kind: str) -> None:
        filters = {
            "xlsx": self.tr("Excel ブック (*.xlsx)"),
            "pdf": self.tr("PDF (*.pdf)"),
            "png": self.tr("PNG 画像 (*.png)"),
        }
        stem = self.tr("進捗状況グラフ") if kind == "png" else self.tr("進捗状況")
        default = f"{stem}_{fiscal_year_name(self.table.fiscal_year)}.{kind}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("進捗状況を出力"), default, filters[kind]
        )
        if not name:
            return
        path = Path(name if name.lower().endswith(f".{kind}") else f"{name}.{kind}")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.export(kind, path)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.message.setText(self.tr("{0} に出力しました").format(path))
