"""資料とリマインド driven with qtbot: materials added (also by a drop from Explorer), put in
order, saved back; the reminder offered on its day and sent through a real SMTP server."""

from __future__ import annotations

import datetime as dt
import email
import io
import os
from email import policy
from pathlib import Path

import pytest
from mailkit import PEOPLE, make_event
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from reportlab.pdfgen.canvas import Canvas

from kenshu_desk.domain.models import AttendanceState, Event
from kenshu_desk.mail.reminder_template import load_reminder_template
from kenshu_desk.mail.settings import MailSettings, save_settings
from kenshu_desk.mail.transport import Security
from kenshu_desk.services.reminders.schedule import set_schedule
from kenshu_desk.ui.reminders.reminder_dialog import ReminderDialog

ADDRESSES = [p[3] for p in PEOPLE]
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _no_thread_left_behind():  # type: ignore[no-untyped-def]
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


def configure(server, limit_mb: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    save_settings(
        MailSettings(
            sender_name="埼玉県 地域包括ケア課", sender_address="chiiki@example.jp",
            host=server.host, port=server.port, security=Security.NONE, size_limit_mb=limit_mb,
        )
    )


@pytest.fixture
def answers(monkeypatch):  # type: ignore[no-untyped-def]
    """Every question is answered Yes; the warnings shown are recorded."""
    shown: list[str] = []
    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: yes))

    def warning(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        shown.append(text)
        return yes

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


@pytest.fixture
def event_id(db):  # type: ignore[no-untyped-def]
    event_id = make_event(db, date=TODAY + dt.timedelta(days=2))
    with db.session() as s:
        for reg in s.get(Event, event_id).registrations:
            if reg.participant.email == ADDRESSES[4]:
                reg.state = AttendanceState.CANCELLED.value
    return event_id


def pdf_file(folder: Path, name: str, text: str, padding: int = 0) -> Path:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, text)
    canvas.save()
    path = folder / name
    path.write_bytes(buffer.getvalue() + b"%" + b"0" * padding + b"\n")
    return path


def drop(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    widget.dropEvent(event)


def test_materials_added_dropped_ordered_saved_and_removed(
    qtbot, ui_app, db, event_id, smtp_server, answers, tmp_path
):
    configure(smtp_server)
    dialog = ReminderDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.materials
    first = pdf_file(tmp_path, "第1部_講義資料.pdf", "lecture")
    second = pdf_file(tmp_path, "第2部_事例発表.pdf", "case report")
    note = tmp_path / "メモ.txt"
    note.write_text("x", encoding="utf-8")
    panel.add([str(first)])
    drop(panel, [second, note])  # files dragged from Explorer; the .txt is refused, said why
    assert panel.list.count() == 2
    assert "資料として登録できません" in panel.status.text()
    assert panel.list.item(0).text().startswith("1. 第1部_講義資料")
    panel.list.setCurrentRow(1)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert panel.list.item(0).text().startswith("1. 第2部_事例発表")
    assert panel.list.currentRow() == 0  # the moved one stays chosen
    panel.rename("事例発表（桶川市）")
    assert "事例発表（桶川市）" in panel.list.item(0).text()
    target = tmp_path / "out" / "saved.pdf"
    target.parent.mkdir()
    panel.save_as(str(target))
    assert target.read_bytes() == second.read_bytes()
    assert "case report" in PdfReader(target).pages[0].extract_text()
    if os.environ.get("KENSHU_SHOTS"):
        dialog.grab().save(f"{os.environ['KENSHU_SHOTS']}/materials.png")
    panel.list.setCurrentRow(1)
    panel.remove(confirm=False)
    assert panel.list.count() == 1


def test_reminder_offered_on_its_day_sent_once_and_size_warned(
    qtbot, ui_app, db, event_id, smtp_server, answers, tmp_path
):
    configure(smtp_server, limit_mb=1.0)
    with db.session() as s:
        set_schedule(s, event_id, 3, attach_agenda=True, attach_materials=True)
    big = pdf_file(tmp_path, "大きな資料.pdf", "big", padding=900 * 1024)
    dialog = ReminderDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.due_label.isVisible() and "4 人" in dialog.due_label.text()
    assert dialog.tabs.currentIndex() == 1
    assert dialog.days.value() == 3 and dialog.agenda.isChecked()
    assert dialog.plan_label.text().startswith("送信先 4 人")
    dialog.materials.add([str(big)])
    assert "上限 1 MB を超えます" in dialog.size_label.text()
    if os.environ.get("KENSHU_SHOTS"):
        dialog.grab().save(f"{os.environ['KENSHU_SHOTS']}/reminder.png")

    # The warning comes before anything is sent; answered No, nothing goes.
    no = QMessageBox.StandardButton.No
    import kenshu_desk.ui.reminders.reminder_dialog as module

    original = module.QMessageBox.warning
    module.QMessageBox.warning = staticmethod(lambda *a, **k: no)  # type: ignore[method-assign]
    try:
        dialog.send()
    finally:
        module.QMessageBox.warning = original  # type: ignore[method-assign]
    assert dialog.worker is None and smtp_server.handler.arrived == []

    dialog.with_materials.setChecked(False)  # the 次第 alone is small
    assert "超えます" not in dialog.size_label.text()
    dialog.body.setPlainText(dialog.body.toPlainText() + "{氏明}")
    assert "{氏明}" in dialog.template_error.text() and not dialog.send_button.isEnabled()
    dialog.body.setPlainText(dialog.body.toPlainText().replace("{氏明}", "当日はよろしくお願いします。"))
    assert dialog.send_button.isEnabled()
    dialog.send()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30000)
    assert "送信 4 件" in dialog.status.text()
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted(ADDRESSES[:4]) and all(len(v) == 1 for v in by.values())
    message = email.message_from_bytes(by[ADDRESSES[1]][0].data, policy=policy.default)
    assert "当日はよろしくお願いします。" in message.get_body(("plain",)).get_content()
    names = [part.get_filename() for part in message.iter_attachments()]
    assert len(names) == 1 and names[0].endswith("_次第.pdf")
    assert "当日はよろしくお願いします。" in load_reminder_template().body
    assert dialog.plan_label.text().startswith("送信先 0 人")  # nothing twice
    assert not dialog.send_button.isEnabled() and not dialog.due_label.isVisible()

    again = ReminderDialog(db, event_id)  # opened again the same day: nothing is offered
    qtbot.addWidget(again)
    assert again.setup.due is None


def test_schedule_saved_from_the_window_and_not_offered_before_its_day(
    qtbot, ui_app, db, event_id, smtp_server, answers
):
    configure(smtp_server)
    dialog = ReminderDialog(db, event_id)
    qtbot.addWidget(dialog)
    assert not dialog.due_label.isVisible() and dialog.days.value() == -1
    dialog.days.setValue(1)
    dialog.materials_link.setText("共有フォルダ")  # not a link: refused, nothing saved
    dialog.save_schedule()
    assert "https://" in dialog.status.text()
    dialog.materials_link.setText("https://example.jp/share/kenshu")
    dialog.save_schedule()
    assert "保存しました" in dialog.status.text()
    later = ReminderDialog(db, event_id)  # one day before is tomorrow
    qtbot.addWidget(later)
    assert later.setup.due is None and later.days.value() == 1
    assert later.materials_link.text() == "https://example.jp/share/kenshu"
    on_the_day = ReminderDialog(db, event_id, today=TODAY + dt.timedelta(days=1))
    qtbot.addWidget(on_the_day)
    assert on_the_day.setup.due is not None


def test_eml_drafts_from_the_window(qtbot, ui_app, db, event_id, smtp_server, answers, tmp_path):
    configure(smtp_server)
    dialog = ReminderDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.save_eml(str(tmp_path))
    qtbot.waitUntil(lambda: not dialog.eml_runner.busy, timeout=30000)
    assert len(list(tmp_path.glob("*.eml"))) == 4
    assert "4 件のメールファイル" in dialog.status.text()
    assert dialog.plan_label.text().startswith("送信先 0 人")


def test_mail_menu_opens_the_dialog(qtbot, ui_app, db, event_id, monkeypatch):
    from kenshu_desk.ui.shell.main_window import MainWindow

    opened: list[ReminderDialog] = []
    monkeypatch.setattr(ReminderDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(db)
    qtbot.addWidget(window)
    action = next(a for a in window.mail_menu.actions() if a.text().startswith("資料とリマインド"))
    action.trigger()
    assert len(opened) == 1 and opened[0].event_id == event_id
    qtbot.addWidget(opened[0])


def test_the_size_limit_is_set_in_the_mail_settings(qtbot, ui_app, smtp_server):
    from kenshu_desk.mail.settings import load_settings
    from kenshu_desk.ui.mail.mail_settings_dialog import MailSettingsDialog

    configure(smtp_server, limit_mb=10.0)
    dialog = MailSettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.size_limit.value() == 10.0
    dialog.size_limit.setValue(7.5)
    assert dialog.current_settings().size_limit_mb == 7.5
    save_settings(dialog.current_settings())
    assert load_settings().size_limit_mb == 7.5


def test_the_main_window_says_a_reminder_is_due_when_it_opens(qtbot, ui_app, db, event_id):
    from kenshu_desk.ui.shell.main_window import MainWindow

    with db.session() as s:
        set_schedule(s, event_id, 2, attach_agenda=True)
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: "リマインドの送付日です" in window.statusBar().currentMessage(), timeout=10000
    )
    assert "第2回市町村情報交換会" in window.statusBar().currentMessage()
