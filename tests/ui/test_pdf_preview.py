"""The PDF preview as the organiser meets it: open, look, save, print, change options."""

from __future__ import annotations

import datetime as dt
import io
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from kenshu_desk.domain.models import Event, Participant, Registration
from kenshu_desk.domain.roster import RosterOrder
from kenshu_desk.errors import UserError
from kenshu_desk.ui.shell.document_actions import (
    agenda_builder,
    agenda_namer,
    open_agenda_preview,
    open_roster_preview,
)
from kenshu_desk.ui.shell.main_window import MainWindow
from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog, PreviewOptions, safe_file_name


def event_id_on(db, date: dt.date) -> int:
    with db.session() as s:
        return s.scalar(select(Event.id).where(Event.date == date))


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def agenda_dialog(qtbot, ui_app, demo_db):
    event_id = event_id_on(demo_db, dt.date(2021, 11, 25))
    dialog = PdfPreviewDialog(agenda_builder(demo_db, event_id), agenda_namer(demo_db, event_id))
    qtbot.addWidget(dialog)
    qtbot.waitSignal(dialog.document_ready, timeout=15000).wait()
    return dialog


def test_agenda_preview_loads_and_saves(agenda_dialog, tmp_path):
    dialog = agenda_dialog
    assert dialog.page_count() == 1
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert "第2回市町村情報交換会" in dialog.windowTitle()
    assert dialog.suggested_file_name() == "20211125_第2回市町村情報交換会_次第.pdf"
    assert dialog.print_action.isEnabled() and dialog.save_action.isEnabled()
    target = tmp_path / "保存先" / "次第.pdf"
    target.parent.mkdir()
    dialog.save_to(target)
    saved = target.read_bytes()
    assert saved == dialog.pdf_bytes()
    text = text_of(saved)
    assert "14:35～15:20" in text and "(45分)" in text and "中島 修" in text


def test_save_to_unwritable_place_says_why(agenda_dialog, tmp_path):
    with pytest.raises(UserError, match="書き込めません"):
        agenda_dialog.save_to(tmp_path / "no-such-folder" / "x.pdf")
    with pytest.raises(UserError, match="フォルダ"):
        agenda_dialog.save_to(tmp_path)


def _printed(dialog: PdfPreviewDialog, path) -> PdfReader:
    printer = dialog.printer_for_document()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    sent = dialog.print_to(printer)
    assert sent == dialog.page_count()
    return PdfReader(str(path))


def _dark_pixels(path, page: int = 0) -> int:
    document = QPdfDocument()
    document.load(str(path))
    image = document.render(page, QSize(210, 297))
    dark = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if QColor(image.pixel(x, y)).lightness() < 128:
                dark += 1
    document.close()
    return dark


def test_print_renders_every_page_onto_the_printer(agenda_dialog, tmp_path):
    out = tmp_path / "printed.pdf"
    reader = _printed(agenda_dialog, out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(595.3, abs=2)  # A4 portrait
    assert float(box.height) == pytest.approx(841.9, abs=2)
    assert _dark_pixels(out) > 200  # the agenda is on the paper, not a blank page
    assert "印刷に送りました" not in agenda_dialog.status.text()  # print_to itself is quiet


def test_zoom(agenda_dialog):
    dialog = agenda_dialog
    dialog.resize(900, 1000)
    dialog.zoom_by(1.25)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    first = dialog.view.zoomFactor()
    dialog.zoom_by(1.25)
    assert dialog.view.zoomFactor() == pytest.approx(first * 1.25)


def test_roster_options_rebuild_the_pdf(qtbot, ui_app, demo_db, tmp_path):
    event_id = event_id_on(demo_db, dt.date(2021, 11, 25))
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = open_roster_preview(window, demo_db, event_id, sign_in=False)
    qtbot.waitSignal(dialog.document_ready, timeout=15000).wait()
    assert "参加者名簿" in dialog.windowTitle()
    portrait = dialog.document.pagePointSize(0)
    assert portrait.width() < portrait.height()
    first_text = text_of(dialog.pdf_bytes())
    assert "所属順" in first_text

    with qtbot.waitSignal(dialog.document_ready, timeout=15000):
        dialog.order_box.setCurrentIndex(dialog.order_box.findData(RosterOrder.READING))
    assert dialog.options == PreviewOptions(order=RosterOrder.READING, sign_in=False)
    assert "五十音順" in text_of(dialog.pdf_bytes())

    with qtbot.waitSignal(dialog.document_ready, timeout=15000):
        dialog.sign_in_box.setChecked(True)
    assert "受付簿" in dialog.windowTitle()
    assert dialog.suggested_file_name() == "20211125_第2回市町村情報交換会_受付簿_五十音順.pdf"
    landscape = dialog.document.pagePointSize(0)
    assert landscape.width() > landscape.height()
    text = text_of(dialog.pdf_bytes())
    assert "署名" in text and "出欠" in text

    reader = _printed(dialog, tmp_path / "sign-in.pdf")
    assert len(reader.pages) == dialog.page_count()
    page = reader.pages[0].mediabox
    assert float(page.width) > float(page.height)  # landscape on paper too

    # The page range chosen in the print dialog is honoured.
    assert dialog.page_count() >= 2
    printer = dialog.printer_for_document()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert dialog.print_to(printer) == 1
    assert len(PdfReader(str(tmp_path / "range.pdf")).pages) == 1
    dialog.close()


def test_menu_actions_follow_the_selection(qtbot, ui_app, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "印刷(&R)")
    actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert set(actions) == {
        "次第をプレビュー…",
        "参加者名簿をプレビュー…",
        "受付簿をプレビュー…",
        "実施報告書をプレビュー…",
        "実施報告書を Excel で保存…",
        "名札をプレビュー…",
        "卓上名札をプレビュー…",
        "グループ分け…",
        "修了証をプレビュー…",
        "修了証の設定…",
    }
    assert all(a.isEnabled() for a in actions.values())  # the first event is selected
    event_id = event_id_on(demo_db, dt.date(2021, 5, 24))
    window.select_event(event_id)
    actions["受付簿をプレビュー…"].trigger()
    dialogs = window.findChildren(PdfPreviewDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitSignal(dialog.document_ready, timeout=15000).wait()
    assert dialog.options.sign_in and "第1回市町村情報交換会" in dialog.windowTitle()
    dialog.close()


def test_menu_actions_are_disabled_without_an_event(qtbot, ui_app, db):
    window = MainWindow(db)  # an empty database: no event to print
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "印刷(&R)")
    # Everything that prints an event; the certificate template is not one event's.
    commands = [a for a in menu.actions() if not a.isSeparator() and a.text() != "修了証の設定…"]
    assert commands and not any(a.isEnabled() for a in commands)


def test_the_certificate_template_and_preview(qtbot, ui_app, demo_db, tmp_path):
    """印刷 → 修了証の設定: the issuer and a seal image saved; 修了証をプレビュー prints them."""
    from PySide6.QtGui import QImage

    from kenshu_desk.ui.shell.certificate_actions import (
        CertificateTemplateDialog,
        open_certificates_preview,
    )

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = CertificateTemplateDialog(demo_db, window)
    qtbot.addWidget(dialog)
    dialog.heading.setText("")
    dialog.save()
    assert "空にできません" in dialog.error.text() and dialog.result() == 0
    dialog.heading.setText("修了証")
    dialog.organiser_title.setText("埼玉県福祉部長")
    dialog.organiser_name.setText("埼玉 太郎")
    dialog.honorific.setCurrentIndex(dialog.honorific.findData("殿"))
    seal = tmp_path / "公印.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(0xCC0000)
    assert image.save(str(seal))
    dialog.choose_seal(str(seal))
    dialog.save()
    assert dialog.result() == 1
    preview = open_certificates_preview(window, demo_db, event_id_on(demo_db, dt.date(2021, 11, 25)))
    qtbot.waitSignal(preview.document_ready, timeout=15000).wait()
    reader = PdfReader(io.BytesIO(preview.pdf_bytes()))
    first = reader.pages[0]
    assert "埼玉県福祉部長" in first.extract_text() and "殿" in first.extract_text()
    assert any(x.get_object()["/Subtype"] == "/Image" for x in first["/Resources"]["/XObject"].values())
    preview.close()


def test_the_event_report_from_the_menu(qtbot, ui_app, demo_db, tmp_path):
    """実施報告書: previewed as a PDF, and saved as an Excel workbook on a worker."""
    from openpyxl import load_workbook

    from kenshu_desk.ui.shell.document_actions import open_report_preview, save_report_xlsx

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    event_id = event_id_on(demo_db, dt.date(2021, 11, 25))
    dialog = open_report_preview(window, demo_db, event_id)
    qtbot.waitSignal(dialog.document_ready, timeout=15000).wait()
    assert dialog.suggested_file_name() == "20211125_第2回市町村情報交換会_実施報告書.pdf"
    text = text_of(dialog.pdf_bytes())
    assert "実施報告" in text and "所感" in text
    dialog.close()
    target = tmp_path / "報告" / "実施報告書"  # no extension typed: .xlsx is added
    target.parent.mkdir()
    save_report_xlsx(window, event_id, str(target))
    saved = target.with_suffix(".xlsx")
    qtbot.waitUntil(saved.exists, timeout=15000)
    qtbot.waitUntil(lambda: "保存しました" in window.statusBar().currentMessage(), timeout=5000)
    book = load_workbook(saved)
    assert book.sheetnames == ["実施報告", "市町村別"]


def test_big_roster_reports_progress(qtbot, ui_app, demo_db):
    event_id = event_id_on(demo_db, dt.date(2021, 11, 25))
    with demo_db.session() as s:
        event = s.get(Event, event_id)
        for n in range(1000):
            person = Participant(name=f"大量 参加者{n:04d}", reading=f"たいりょう{n:04d}")
            s.add(Registration(event=event, participant=person))
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    reports: list[tuple[int, int]] = []
    dialog = open_roster_preview(window, demo_db, event_id, sign_in=False)
    dialog.build_progress.connect(lambda done, total: reports.append((done, total)))
    qtbot.waitSignal(dialog.document_ready, timeout=30000).wait()
    assert dialog.page_count() >= 25
    assert reports and reports[-1][0] == dialog.page_count()
    assert max(total for _, total in reports) >= 25
    assert not dialog.progress.isVisible() and not dialog.cancel_button.isVisible()
    dialog.close()


def test_cancel_stops_the_build(qtbot, ui_app):
    started = threading.Event()

    def slow(_options, progress) -> bytes:
        started.set()
        for page in range(1, 10_000):
            progress(page, 10_000)
            threading.Event().wait(0.005)
        return b""

    dialog = PdfPreviewDialog(slow, lambda _o: ("テスト", "test.pdf"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert started.wait(5)
    assert dialog.is_building() and dialog.cancel_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_building(), timeout=5000)
    assert "中止" in dialog.status.text()
    assert not dialog.save_action.isEnabled() and dialog.pdf_bytes() is None


def test_failure_is_shown_in_the_dialog(qtbot, ui_app, demo_db):
    dialog = PdfPreviewDialog(agenda_builder(demo_db, 987654), agenda_namer(demo_db, 987654))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.build_failed, timeout=15000) as blocker:
        pass
    assert "見つかりません" in blocker.args[0]
    assert "見つかりません" in dialog.status.text()
    assert not dialog.print_action.isEnabled()


def test_open_agenda_preview_from_a_window(qtbot, ui_app, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = open_agenda_preview(window, demo_db, event_id_on(demo_db, dt.date(2021, 5, 24)))
    qtbot.waitSignal(dialog.document_ready, timeout=15000).wait()
    assert "（休憩）" in text_of(dialog.pdf_bytes())
    dialog.close()


def test_safe_file_name():
    assert safe_file_name('a/b:c*?"<>|.pdf') == "a_b_c______.pdf"
    assert safe_file_name("..") == "document.pdf"
    # Event titles go through the same helper (issue 16): no folder made of "/", no ":".
    assert (
        safe_file_name("研修: 上半期/下半期_出欠.xlsx", "出欠.xlsx")
        == "研修_ 上半期_下半期_出欠.xlsx"
    )
    assert safe_file_name("CON.xlsx", "出欠.xlsx") == "_CON.xlsx"  # a Windows device name
    assert safe_file_name("報告 .", "出欠.xlsx") == "報告"
    assert safe_file_name("/", "出欠.xlsx") == "_"
