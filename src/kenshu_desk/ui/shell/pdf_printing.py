"""Printing a PDF shown with QtPdf: each page rendered to an image and drawn on the printer.

QtPdf renders pages only as images, so a page goes to the printer as a picture of itself —
exactly what the preview shows. 300 dpi is plenty for text on paper and keeps memory in
check (a 1200 dpi A4 page would be about 550 MB).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from kenshu_desk.errors import UserError

PRINT_DPI = 300


def printer_for(document: QPdfDocument, title: str) -> QPrinter:
    """A printer set up for the PDF's paper: its size, portrait or landscape as the PDF is."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)  # the PDF already has its margins
    if document.pageCount():
        size = document.pagePointSize(0)
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        printer.setPageSize(
            QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        )
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if size.width() > size.height()
            else QPageLayout.Orientation.Portrait
        )
    return printer


def page_range(printer: QPrinter, total: int) -> tuple[int, int]:
    """First and last page (1-based) the print dialog asked for."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return printer.fromPage(), min(printer.toPage() or total, total)
    return 1, total


def print_pages(
    document: QPdfDocument, printer: QPrinter, on_page: Callable[[int, int], bool]
) -> int:
    """Print the chosen pages; on_page(done, count) returning False stops. Returns pages sent."""
    first, last = page_range(printer, document.pageCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(
            QCoreApplication.translate(
                "PdfPrinting", "プリンターを開けません。プリンターの設定を確認してください。"
            )
        )
    sent = 0
    try:
        for index in range(first - 1, last):
            if sent:
                printer.newPage()
            paint_page(painter, printer, document, index)
            sent += 1
            if not on_page(sent, last - first + 1):
                break
    finally:
        painter.end()
    return sent


def paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, index: int) -> None:
    target = QRectF(painter.viewport())
    points = document.pagePointSize(index)
    dpi = min(printer.resolution(), PRINT_DPI)
    image = document.render(
        index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    )
    # Keep the page's proportions; centre it on the paper.
    scale = min(target.width() / image.width(), target.height() / image.height())
    size = QSizeF(image.width() * scale, image.height() * scale)
    origin = QPointF(
        target.x() + (target.width() - size.width()) / 2,
        target.y() + (target.height() - size.height()) / 2,
    )
    painter.drawImage(QRectF(origin, size), image)
