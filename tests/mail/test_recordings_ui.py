"""The recording dialog driven with qtbot, against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import os

import pytest
from mailkit import PEOPLE, make_event
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from kenshu_desk.domain.models import AttendanceState, Event
from kenshu_desk.mail.recording_template import DEFAULT_TEMPLATE, load_recording_template
from kenshu_desk.mail.settings import MailSettings, save_settings
from kenshu_desk.mail.transport import Security
from kenshu_desk.services.recordings import recordings as rec
from kenshu_desk.services.recordings.recording_log import delivery_log
from kenshu_desk.ui.recordings.recording_link_form import RecordingLinkForm, parse_extras
from kenshu_desk.ui.recordings.recordings_dialog import RecordingsDialog

ADDRESSES = [p[3] for p in PEOPLE]
URL = "https://example.jp/rec/xyz"


@pytest.fixture(autouse=True)
def _no_thread_left_behind():  # type: ignore[no-untyped-def]
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def configured(smtp_server, monkeypatch):  # type: ignore[no-untyped-def]
    save_settings(
        MailSettings(
            sender_name="埼玉県 地域包括ケア課",
            sender_address="chiiki@example.jp",
            host=smtp_server.host,
            port=smtp_server.port,
            security=Security.NONE,
        )
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    return smtp_server


@pytest.fixture
def event_id(db):  # type: ignore[no-untyped-def]
    event_id = make_event(db)
    with db.session() as s:
        for reg in s.get(Event, event_id).registrations:
            if reg.participant.email in ADDRESSES[:2]:
                reg.state = AttendanceState.ATTENDED_VENUE.value
    return event_id


def test_parse_extras():
    assert parse_extras("鳩山町 福祉課 <f@example.jp>\n\nx=y@example.jp\nz@example.jp") == [
        ("鳩山町 福祉課", "f@example.jp"),
        ("x", "y@example.jp"),
        ("", "z@example.jp"),
    ]


def test_links_send_follow_up_and_export(
    qtbot, qtmodeltester, ui_app, db, event_id, configured, ime_type, tmp_path
):
    dialog = RecordingsDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "動画リンク" in dialog.count_label.text() and not dialog.send_button.isEnabled()
    dialog.add_link((URL, "pw-1", None, "全編"))
    assert dialog.links_model.rowCount() == 1
    qtmodeltester.check(dialog.links_model)
    dialog.links_view.selectRow(0)
    dialog.edit_link((URL, "pw-2", None, "全編（字幕付き）"))
    assert dialog.links_model.row_at(0).passcode == "pw-2"

    # Absentees by default: 3 of the 5 registrants; an extra address makes 4.
    assert dialog.count_label.text().startswith("送信先 3 人")
    ime_type(dialog.extras, "鳩山町 福祉課 <fukushi@example.jp>")
    assert dialog.count_label.text().startswith("送信先 4 人")
    dialog.preview_for.setCurrentIndex(
        dialog.preview_for.findText(f"{PEOPLE[2][0]} <{ADDRESSES[2]}>")
    )
    assert f"{PEOPLE[2][0]} 様" in dialog.preview.toPlainText()
    assert "pw-2" in dialog.preview.toPlainText()
    dialog.body.setPlainText(dialog.body.toPlainText() + "{氏明}")
    assert "{氏明}" in dialog.template_error.text() and not dialog.send_button.isEnabled()
    dialog.body.setPlainText(DEFAULT_TEMPLATE.body + "\n埼玉県 地域包括ケア課\n")
    assert dialog.send_button.isEnabled()

    dialog.group.button(2).setChecked(True)  # hand-picked: nobody checked yet, only the extra
    assert dialog.count_label.text().startswith("送信先 1 人")
    dialog.group.button(0).setChecked(True)

    dialog.send()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert "送信 4 件" in dialog.status.text()
    by = configured.handler.by_recipient()
    assert sorted(by) == sorted([*ADDRESSES[2:], "fukushi@example.jp"])
    assert dialog.count_label.text().startswith("送信先 0 人")  # nothing twice
    # The edited template went out, and is kept for next time (the CLI uses it too).
    assert "埼玉県 地域包括ケア課" in load_recording_template().body
    dialog.reset_template()
    assert dialog.template == DEFAULT_TEMPLATE

    qtmodeltester.check(dialog.follow.follow_model)
    qtmodeltester.check(dialog.follow.log_model)
    assert dialog.follow.log_model.rowCount() == 4
    assert "要対応 0 人" in dialog.follow.follow_summary.text()

    # One more registrant who did not come: neither → manual delivery by phone.
    with db.session() as s:
        link = rec.list_recordings(s, event_id)[0]
    dialog.follow.only_neither.setChecked(True)
    assert dialog.follow.follow_model.rowCount() == 0
    dialog.follow.only_neither.setChecked(False)
    dialog.record_manual("phone", "x")  # nobody chosen: said on the same tab, nothing written
    assert (
        "相手を選んで" in dialog.follow.follow_status.text()
        and dialog.follow.log_model.rowCount() == 4
    )
    dialog.follow.follow_view.selectRow(0)
    dialog.record_manual("phone", "電話で伝えた")
    assert dialog.follow.log_model.rowCount() == 5
    assert any(
        e.method == "phone" and e.note == "電話で伝えた" for e in dialog.follow.log_model._rows
    )
    assert link.id == dialog.link_choice.currentData()

    target = tmp_path / "log.csv"
    dialog.export_log(str(target))
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 6 and "6 件" not in dialog.follow.follow_status.text()
    assert "5 件" in dialog.follow.follow_status.text()

    dialog.tabs.setCurrentIndex(2)
    if os.environ.get("KENSHU_SHOTS"):
        for n in range(3):
            dialog.tabs.setCurrentIndex(n)
            dialog.grab().save(f"{os.environ['KENSHU_SHOTS']}/rec{n}.png")
    form = RecordingLinkForm(dialog, dialog.links_model.row_at(0))
    qtbot.addWidget(form)
    form.has_until.setChecked(True)
    if os.environ.get("KENSHU_SHOTS"):
        form.show()
        form.grab().save(f"{os.environ['KENSHU_SHOTS']}/form.png")
    assert form.values()[0] == URL and form.values()[2] is not None
    dialog.links_view.selectRow(0)
    dialog.remove_link(confirm=False)
    assert dialog.links_model.rowCount() == 0 and dialog.follow.log_model.rowCount() == 0


def test_cancel_stops_the_run(qtbot, ui_app, db, event_id, configured):
    configured.handler.hold_on_data = 1
    with db.session() as s:
        rec.add_recording(s, event_id, URL)
    dialog = RecordingsDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.send()
    assert configured.handler.held.wait(10)
    dialog.cancel_sending()
    configured.handler.release.set()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert "中止" in dialog.status.text()
    assert len(configured.handler.arrived) == 1
    with db.session() as s:
        statuses = sorted(e.status for e in delivery_log(s, event_id))
    assert statuses == ["queued", "queued", "sent"]


def test_main_window_mail_menu_opens_the_recording_dialog(qtbot, ui_app, db, event_id, monkeypatch):
    from kenshu_desk.ui.shell.main_window import MainWindow

    opened: list[RecordingsDialog] = []
    monkeypatch.setattr(RecordingsDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(db)
    qtbot.addWidget(window)
    action = next(a for a in window.mail_menu.actions() if a.text().startswith("録画の送付"))
    assert action.shortcut().toString() == "Ctrl+Shift+V"
    assert window.current_event_id() == event_id
    action.trigger()
    assert len(opened) == 1 and opened[0].event_id == event_id
    qtbot.addWidget(opened[0])


def test_eml_drafts_are_written_on_a_worker_and_recorded(
    qtbot, ui_app, db, event_id, configured, tmp_path
):
    with db.session() as s:
        rec.add_recording(s, event_id, URL)
    dialog = RecordingsDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.save_eml(str(tmp_path))
    assert dialog.eml_runner.busy and not dialog.send_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.eml_runner.busy, timeout=30000)
    drafts = list(tmp_path.glob("*.eml"))
    assert len(drafts) == 3  # the three without an attendance record
    assert "3 件のメールファイル" in dialog.status.text()
    with db.session() as s:
        assert sorted(e.status for e in delivery_log(s, event_id)) == ["saved"] * 3
    assert configured.handler.arrived == []


def test_eml_drafts_with_the_events_materials(qtbot, ui_app, db, event_id, configured, tmp_path):
    """資料を添付 in the window: each draft carries the event's material."""
    import email
    from email import policy

    from test_reminders import real_pdf

    from kenshu_desk.services.materials.materials import add_material

    with db.session() as s:
        rec.add_recording(s, event_id, URL)
        add_material(s, event_id, "配布資料.pdf", real_pdf("配布資料"), "配布資料")
    dialog = RecordingsDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.with_materials.setChecked(True)
    dialog.save_eml(str(tmp_path))
    qtbot.waitUntil(lambda: not dialog.eml_runner.busy, timeout=30000)
    drafts = sorted(tmp_path.glob("*.eml"))
    assert len(drafts) == 3
    for draft in drafts:
        message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
        assert [p.get_filename() for p in message.iter_attachments()] == ["配布資料.pdf"]


def test_a_manual_delivery_offers_its_methods_in_the_windows_language(
    qtbot, ui_app, db, event_id, monkeypatch, tmp_path
):
    """The 伝達の記録 question lists 電話で伝達 / 手渡し・口頭 as the window words them (By phone /
    By hand or in person in English), and the choice is stored as its method."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    from kenshu_desk.ui.shell import i18n

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert i18n.install_translators("en")
    try:
        dialog = RecordingsDialog(db, event_id)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.add_link((URL, "", None, ""))
        dialog.follow.follow_view.selectRow(0)
        offered: list[list[str]] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QInputDialog):
                QTimer.singleShot(20, answer)
                return
            if box.comboBoxItems():
                offered.append(box.comboBoxItems())
                box.setTextValue(box.comboBoxItems()[1])
                QTimer.singleShot(20, answer)  # then the note
            else:
                box.setTextValue("handed over at the desk")
            box.accept()

        QTimer.singleShot(20, answer)
        dialog.follow.record_manual()
        assert offered == [["By phone", "By hand or in person"]]
        with db.session() as s:
            entries = delivery_log(s, event_id)
        assert [(e.method, e.note) for e in entries] == [("hand", "handed over at the desk")]
    finally:
        i18n.remove_translators()
