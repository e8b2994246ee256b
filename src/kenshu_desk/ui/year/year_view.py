"""The year at a glance on screen: months across, a row per line of work, a box per event.

YearChart paints a YearPlan snapshot (services.year_view), the same one the PDF is made
from. Clicking a box (or Enter on the focused box) emits eventActivated(id); the main
window selects that event. Arrow keys move between boxes, in date order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.database import Database
from kenshu_desk.services.year.actions import plan_of_year
from kenshu_desk.services.year.year_view import YearEntry, YearPlan
from kenshu_desk.ui.shell.fiscal_year_spin import FiscalYearSpin
from kenshu_desk.ui.shell.i18n import fiscal_year_name
from kenshu_desk.ui.shell.workers import TaskRunner
from kenshu_desk.ui.year.wording import calendar_years, month_labels, work_line_name

LABEL_WIDTH = 132
MIN_MONTH_WIDTH = 90
HEADER_ROW = 24
GAP = 3
PAD = 4
MIN_ROW = 44


@dataclass(frozen=True)
class _Box:
    entry: YearEntry
    line: str
    rect: QRectF


class YearChart(QWidget):
    """Paints one fiscal year; knows which box is where for clicks, keys and tooltips."""

    eventActivated = Signal(int)  # click / arrow+Enter: select it in the main window
    eventOpened = Signal(int)  # double-click / Ctrl+Enter: and bring the main window up

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: YearPlan | None = None
        self._boxes: list[_Box] = []
        self._rows: list[tuple[str, float, float]] = []  # (line, top, height)
        self._current = -1
        self._height = 200
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("年間スケジュール"))

    # -- data ------------------------------------------------------------------------------

    def set_plan(self, plan: YearPlan) -> None:
        selected = self.current_event_id()
        self._plan = plan
        self._layout()
        self._current = next(
            (n for n, b in enumerate(self._boxes) if b.entry.event_id == selected), -1
        )
        self.update()

    def boxes(self) -> list[tuple[int, QRectF]]:
        """(event id, rectangle) of every box, in date order per line (tests click these)."""
        return [(b.entry.event_id, QRectF(b.rect)) for b in self._boxes]

    def current_event_id(self) -> int | None:
        return (
            self._boxes[self._current].entry.event_id
            if 0 <= self._current < len(self._boxes)
            else None
        )

    def select_event(self, event_id: int) -> bool:
        for n, box in enumerate(self._boxes):
            if box.entry.event_id == event_id:
                self._current = n
                self.update()
                return True
        return False

    # -- layout ----------------------------------------------------------------------------

    def _month_width(self) -> float:
        return max(MIN_MONTH_WIDTH, (self.width() - LABEL_WIDTH - 1) / 12)

    def _layout(self) -> None:
        self._boxes, self._rows = [], []
        if self._plan is None:
            return
        metrics = QFontMetricsF(self.font())
        col = self._month_width()
        inner = col - 2 * GAP - 2 * PAD
        y: float = 2 * HEADER_ROW
        for line in self._plan.lines:
            tallest = 0.0
            placed: list[_Box] = []
            for month, entries in enumerate(line.by_month()):
                x = LABEL_WIDTH + month * col + GAP
                top = y + GAP
                for entry in entries:
                    text_rect = metrics.boundingRect(
                        QRectF(0, 0, inner, 10_000), Qt.TextFlag.TextWordWrap, entry.box_text
                    )
                    h = text_rect.height() + 2 * PAD
                    placed.append(_Box(entry, line.name, QRectF(x, top, col - 2 * GAP, h)))
                    top += h + GAP
                tallest = max(tallest, top - y)
            height = max(tallest + GAP, MIN_ROW)
            self._rows.append((line.name, y, height))
            # Date order within the line, so the arrow keys walk the year.
            self._boxes.extend(sorted(placed, key=lambda b: (b.entry.date, b.entry.event_id)))
            y += height
        self._height = int(y) + 2
        self.setMinimumSize(int(LABEL_WIDTH + 12 * MIN_MONTH_WIDTH) + 2, self._height)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(int(LABEL_WIDTH + 12 * 110), self._height)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._layout()

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        if self._plan is None:
            return
        col = self._month_width()
        right = LABEL_WIDTH + 12 * col
        grid = QColor("#9A9A9A")
        header = QColor("#E4E8EE")
        painter.fillRect(QRectF(0, 0, right, 2 * HEADER_ROW), header)
        painter.setPen(QPen(QColor("#222222")))
        x = float(LABEL_WIDTH)
        for label, months in calendar_years(self._plan):
            span = months * col
            painter.drawText(QRectF(x, 0, span, HEADER_ROW), Qt.AlignmentFlag.AlignCenter, label)
            x += span
        for n, label in enumerate(month_labels(self._plan)):
            rect = QRectF(LABEL_WIDTH + n * col, HEADER_ROW, col, HEADER_ROW)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QPen(grid))
        painter.drawLine(LABEL_WIDTH, HEADER_ROW, int(right), HEADER_ROW)
        for name, top, height in self._rows:
            painter.fillRect(QRectF(0, top, LABEL_WIDTH, height), header)
            painter.setPen(QPen(QColor("#222222")))
            painter.drawText(
                QRectF(6, top, LABEL_WIDTH - 12, height),
                Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                work_line_name(name),
            )
            painter.setPen(QPen(grid))
            painter.drawLine(0, int(top), int(right), int(top))
        bottom = self._rows[-1][1] + self._rows[-1][2] if self._rows else 2 * HEADER_ROW
        for n in range(13):
            xx = int(LABEL_WIDTH + n * col)
            painter.drawLine(xx, HEADER_ROW if n not in (0, 9, 12) else 0, xx, int(bottom))
        painter.drawLine(0, int(bottom), int(right), int(bottom))
        painter.drawRect(QRectF(0, 0, right, bottom))
        for n, box in enumerate(self._boxes):
            self._paint_box(painter, box, n == self._current)
        painter.end()

    def _paint_box(self, painter: QPainter, box: _Box, current: bool) -> None:
        # Imported here: the year view module loads with the main window, reportlab need not.
        from kenshu_desk.documents.year_schedule import LINE_COLOURS, OTHER_COLOURS

        fill, stroke = LINE_COLOURS.get(box.line, OTHER_COLOURS)
        pen = QPen(QColor(stroke), 2.5 if current else 1.0)
        if box.entry.cancelled:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor("white") if box.entry.cancelled else QColor(fill))
        painter.drawRoundedRect(box.rect, 4, 4)
        if current and self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.rect.adjusted(-2, -2, 2, 2), 5, 5)
        font = painter.font()
        font.setUnderline(box.entry.with_adviser)
        font.setStrikeOut(box.entry.cancelled)
        painter.setFont(font)
        painter.setPen(QColor("#777777") if box.entry.cancelled else self.palette().text().color())
        painter.drawText(
            box.rect.adjusted(PAD, PAD, -PAD, -PAD),
            int(Qt.TextFlag.TextWordWrap),
            box.entry.box_text,
        )
        font.setUnderline(False)
        font.setStrikeOut(False)
        painter.setFont(font)

    # -- input -----------------------------------------------------------------------------

    def _box_at(self, pos) -> int:  # type: ignore[no-untyped-def]
        for n, box in enumerate(self._boxes):
            if box.rect.contains(pos):
                return n
        return -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        n = self._box_at(event.position())
        if n < 0 or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._current = n
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.update()
        self.eventActivated.emit(self._boxes[n].entry.event_id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        n = self._box_at(event.position())
        if n < 0:
            super().mouseDoubleClickEvent(event)
            return
        self.eventOpened.emit(self._boxes[n].entry.event_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self._boxes:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._current = min(self._current + 1, len(self._boxes) - 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._current = max(self._current - 1, 0)
        elif key == Qt.Key.Key_Home:
            self._current = 0
        elif key == Qt.Key.Key_End:
            self._current = len(self._boxes) - 1
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._current >= 0:
                event_id = self._boxes[self._current].entry.event_id
                self.eventActivated.emit(event_id)
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.eventOpened.emit(event_id)
            return
        else:
            super().keyPressEvent(event)
            return
        self.update()

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == event.Type.ToolTip and isinstance(event, QHelpEvent):
            n = self._box_at(event.pos())
            if n >= 0:
                QToolTip.showText(event.globalPos(), self._boxes[n].entry.detail, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class _ExportSignals(QObject):
    """Said once an export has ended (after the view has shown it)."""

    finished = Signal(str)  # the path written
    failed = Signal(str)  # the message for the user


class YearViewWidget(QWidget):
    """Fiscal-year picker, the chart in a scroll area, and PDF export."""

    eventActivated = Signal(int)
    eventOpened = Signal(int)

    def __init__(
        self, db: Database, fiscal_year: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.year = FiscalYearSpin(fiscal_year)
        self.year.setAccessibleName(self.tr("年度"))
        self.summary = QLabel()
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A3 横"), "A3")
        self.paper.addItem(self.tr("A4 横"), "A4")
        self.paper.setAccessibleName(self.tr("用紙"))
        self.export_button = QPushButton(self.tr("PDF に出力(&P)…"))
        self.export_button.setToolTip(self.tr("事業スケジュールとして PDF に保存します"))
        self.chart = YearChart()
        self.chart.eventActivated.connect(self.eventActivated)
        self.chart.eventOpened.connect(self.eventOpened)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)

        bar = QHBoxLayout()
        label = QLabel(self.tr("年度(&Y):"))
        label.setBuddy(self.year)
        bar.addWidget(label)
        bar.addWidget(self.year)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.paper)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        self.year.valueChanged.connect(self.reload)
        self.export_button.clicked.connect(self._export)
        self.export_signals = _ExportSignals(self)
        self.export_runner = TaskRunner(self)
        from kenshu_desk.documents.fonts import register_fonts

        register_fonts()  # here, before any export thread needs them
        self.reload()

    def reload(self) -> None:
        plan = plan_of_year(self.db, self.year.value())
        self.chart.set_plan(plan)
        self.summary.setText(self.tr("%n 件の行事", "", plan.event_count))
        self._plan = plan

    def export_pdf(self, path: Path, paper: str = "A3") -> None:
        from kenshu_desk.documents.year_schedule import year_schedule_pdf

        write_atomically(path, year_schedule_pdf(self._plan, paper=paper))

    def start_export(self, path: Path, paper: str = "A3") -> None:
        """Write the PDF on a worker (a busy year takes seconds to lay out); export_signals
        report the end. The worker gets a frozen snapshot (YearPlan), never a Session."""
        self.export_button.setEnabled(False)
        self.summary.setText(self.tr("PDF を作成しています…"))
        plan = self._plan

        def work(_progress: object, _cancelled: object) -> str:
            from kenshu_desk.documents.year_schedule import year_schedule_pdf

            write_atomically(path, year_schedule_pdf(plan, paper=paper))
            return str(path)

        self.export_runner.start(work, self._export_finished, self._export_failed)

    def _export_finished(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.summary.setText(self.tr("{0} に出力しました").format(Path(path).name))
        self.export_signals.finished.emit(path)

    def _export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.summary.setText(message)
        self.export_signals.failed.emit(message)

    def _export(self) -> None:
        stem = self.tr("事業スケジュール")
        default = f"{stem}_{fiscal_year_name(self._plan.fiscal_year)}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("事業スケジュールを PDF に出力"), default, self.tr("PDF (*.pdf)")
        )
        if name:
            path = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
            self.start_export(path, self.paper.currentData())
