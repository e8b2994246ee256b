"""The mail windows driven with qtbot, against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import email
from email import policy

import pytest
from mailkit import PEOPLE, make_event
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from kenshu_desk.mail.settings import MailSettings, keyring_available, load_settings, save_settings
from kenshu_desk.mail.transport import Security
from kenshu_desk.ui.mail.invite_dialog import InviteDialog
from kenshu_desk.ui.mail.mail_settings_dialog import MailSettingsDialog
from kenshu_desk.ui.mail.outbox_view import OutboxModel, OutboxView
from kenshu_desk.ui.shell.main_window import MainWindow


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
    # The one confirmation before a bulk send: the user says yes.
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    return smtp_server


def test_invite_dialog_counts_previews_and_sends(qtbot, ui_app, db, configured, ime_type):
    event_id = make_event(db)
    dialog = InviteDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.count_label.text() == "5 人（招待 5）"
    dialog.preview_for.setCurrentIndex(dialog.preview_for.findText("髙橋　美咲（さいたま市）"))
    preview = dialog.preview.toPlainText()
    assert "宛先: 髙橋　美咲 <m.takahashi@example.jp>" in preview
    assert "髙橋　美咲 様" in preview and "■会場　埼玉県県民健康センター 大ホール" in preview

    dialog.subject.clear()
    ime_type(dialog.subject, "{氏明}様へのご案内")
    assert "{氏明}" in dialog.template_error.text()
    assert not dialog.send_button.isEnabled()
    dialog.subject.clear()
    ime_type(dialog.subject, "{行事名}のご案内")
    assert dialog.template_error.text() == ""
    assert "件名: 第2回市町村情報交換会のご案内" in dialog.preview.toPlainText()
    assert dialog.send_button.isEnabled()

    dialog.send_button.click()
    worker = dialog.worker
    assert worker is not None
    with qtbot.waitSignal(worker.signals.succeeded, timeout=30000):
        pass
    assert "送信 5 件、失敗 0 件" in dialog.status.text()
    assert dialog.count_label.text().startswith("0 人")
    arrived = configured.handler.by_recipient()
    assert sorted(arrived) == sorted(p[3] for p in PEOPLE)
    msg = email.message_from_bytes(arrived["m.takahashi@example.jp"][0].data, policy=policy.default)
    assert msg["Subject"] == "第2回市町村情報交換会のご案内"  # the edited template was used


def test_cancel_stops_after_the_message_in_flight(qtbot, ui_app, db, configured):
    configured.handler.hold_on_data = 2
    event_id = make_event(db)
    dialog = InviteDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.send_button.click()
    worker = dialog.worker
    assert worker is not None
    try:
        assert configured.handler.held.wait(30)
        qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=10000)
        dialog.cancel_button.click()
        assert worker.cancelled
    finally:
        configured.handler.release.set()
    with qtbot.waitSignal(worker.signals.succeeded, timeout=30000) as blocker:
        pass
    report = blocker.args[0]
    assert report.cancelled and report.sent == 2 and report.left_queued == 3
    assert "中止しました" in dialog.status.text()
    assert len(configured.handler.arrived) == 2


def test_eml_export_from_the_dialog(qtbot, ui_app, db, configured, tmp_path):
    event_id = make_event(db)
    dialog = InviteDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.save_eml(str(tmp_path))
    assert dialog.eml_runner.busy and not dialog.eml_button.isEnabled()  # on a worker
    assert "作成しています" in dialog.status.text()
    qtbot.waitUntil(lambda: not dialog.eml_runner.busy, timeout=30000)
    assert len(list(tmp_path.glob("*.eml"))) == 5
    assert "5 件のメールファイル" in dialog.status.text()
    assert dialog.count_label.text().startswith("0 人")
    assert configured.handler.arrived == []


def test_outbox_view_resends_a_failed_message(qtbot, qtmodeltester, ui_app, db, configured):
    refused = PEOPLE[0][3]
    configured.handler.reject[refused] = "550 5.1.1 mailbox unavailable"
    event_id = make_event(db)
    dialog = InviteDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.send_button.click()
    with qtbot.waitSignal(dialog.worker.signals.succeeded, timeout=30000):
        pass

    view = OutboxView(db, event_id)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    model: OutboxModel = view.model
    statuses = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert statuses.count("送信済み") == 4 and statuses.count("送信失敗") == 1
    failed_row = statuses.index("送信失敗")
    assert failed_row == 0  # failures first, by default
    assert "550 5.1.1" in model.index(failed_row, 7).data()
    assert "宛先のメールアドレスがありません" in model.index(failed_row, 7).data()
    assert model.index(1, 6).data().startswith("令和")  # 和暦, like every date in the window
    view.order.setCurrentIndex(view.order.findData("only"))
    assert model.rowCount() == 1 and model.index(0, 0).data() == "送信失敗"
    view.table.selectRow(failed_row)
    assert view.resend_button.isEnabled()
    configured.handler.reject.clear()
    view.resend_button.click()
    with qtbot.waitSignal(view.worker.signals.succeeded, timeout=30000):
        pass
    assert model.rowCount() == 0  # nothing left that failed
    view.order.setCurrentIndex(view.order.findData("all"))
    statuses = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert statuses == ["送信済み"] * 5
    attempts = {model.index(r, 3).data(): model.index(r, 5).data() for r in range(5)}
    assert attempts[refused] == "2"  # the failed try and the resend
    assert len(configured.handler.by_recipient()[refused]) == 1


def test_settings_dialog_sends_a_test_message_and_saves(qtbot, ui_app, smtp_server, ime_type):
    dialog = MailSettingsDialog()
    qtbot.addWidget(dialog)
    ime_type(dialog.sender_name, "埼玉県 地域包括ケア課")
    dialog.sender_address.setText("chiiki@example.jp")
    dialog.host.setText(smtp_server.host)
    dialog.port.setValue(smtp_server.port)
    dialog.security.setCurrentIndex(dialog.security.findData("none"))
    # Where the machine has no OS keyring (CI), the dialog says so before anyone types, in
    # plain words; the environment variable is only under 詳細, folded at first.
    assert ("保存できません" in dialog.keyring_note.text()) is (not keyring_available())
    assert "KENSHU_DESK_SMTP_PASSWORD" not in dialog.keyring_note.text()
    assert ("KENSHU_DESK_SMTP_PASSWORD" in dialog.environment_note.text()) is (
        not keyring_available()
    )
    dialog.show()
    assert not dialog.details.content.isVisible() and not dialog.port.isVisible()
    dialog.details.toggle.click()
    assert dialog.port.isVisible() and dialog.security.isVisible()
    dialog.test_button.click()
    with qtbot.waitSignal(dialog._worker.signals.succeeded, timeout=30000):
        pass
    assert "chiiki@example.jp に送信しました" in dialog.status.text()
    [got] = smtp_server.handler.arrived
    assert got.rcpt_tos == ["chiiki@example.jp"]
    dialog.save()
    saved = load_settings()
    assert saved.sender_name == "埼玉県 地域包括ケア課"
    assert (saved.host, saved.port, saved.security) == (
        smtp_server.host,
        smtp_server.port,
        Security.NONE,
    )


def test_settings_dialog_reports_a_refused_test(qtbot, ui_app, smtp_server):
    smtp_server.handler.reject["chiiki@example.jp"] = "550 5.7.1 relaying denied"
    dialog = MailSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.sender_address.setText("chiiki@example.jp")
    dialog.host.setText(smtp_server.host)
    dialog.port.setValue(smtp_server.port)
    dialog.security.setCurrentIndex(dialog.security.findData("none"))
    dialog.test_button.click()
    with qtbot.waitSignal(dialog._worker.signals.failed, timeout=30000):
        pass
    assert "550 5.7.1 relaying denied" in dialog.status.text()


def test_main_window_mail_menu_and_calendar_export(qtbot, ui_app, db, tmp_path):
    from ical.calendar_stream import IcsCalendarStream

    from kenshu_desk.ui.mail.mail_menu import export_calendar

    make_event(db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "メール(&M)" in titles and titles[-1] == "ヘルプ(&H)"
    file_actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "カレンダーを書き出す(&C)…" in file_actions
    target = export_calendar(window, window, str(tmp_path / "event.ics"))
    assert target is not None
    cal = IcsCalendarStream.calendar_from_ics(target.read_text(encoding="utf-8"))
    assert cal.method == "PUBLISH" and cal.events[0].summary == "第2回市町村情報交換会"


def test_main_window_says_on_start_that_mail_is_waiting(qtbot, ui_app, db):
    from kenshu_desk.mail.compose import MailAddress
    from kenshu_desk.services.mail.invitations import queue_messages

    event_id = make_event(db)
    with db.session() as s:
        queue_messages(s, event_id, MailAddress("", "chiiki@example.jp"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "送信待ち 5 件" in window.statusBar().currentMessage())


def test_calendar_changes_are_confirmed_and_a_no_sends_nothing(
    qtbot, ui_app, db, configured, monkeypatch
):
    from kenshu_desk.domain.models import Event, Registration
    from kenshu_desk.mail.compose import MailAddress
    from kenshu_desk.mail.transport import SmtpConfig, SmtpTransport
    from kenshu_desk.services.mail.invitations import queue_messages
    from kenshu_desk.services.mail.outbox import send_queued

    event_id = make_event(db)
    with db.session() as s:
        queue_messages(s, event_id, MailAddress("課", "chiiki@example.jp"))
    config = SmtpConfig(configured.host, configured.port, Security.NONE, timeout=10)
    assert send_queued(db, SmtpTransport(config)).sent == 5
    with db.session() as s:
        s.get(Event, event_id).venue = "さいたま市民会館"
        reg = s.query(Registration).filter_by(event_id=event_id).first()
        s.delete(reg)
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    dialog = InviteDialog(db, event_id)
    qtbot.addWidget(dialog)
    assert dialog.count_label.text() == "5 人（変更のお知らせ 4、参加取り消しのお知らせ 1）"
    dialog.send_button.click()
    assert len(asked) == 1 and "5 人は、すでにある予定表の予定を書き換えます" in asked[0]
    assert dialog.worker is None and len(configured.handler.arrived) == 5
    dialog.kind.setCurrentIndex(dialog.kind.findData("cancellation"))
    assert "中止になっていません" in dialog.count_label.text()
    assert not dialog.send_button.isEnabled()


def test_a_silent_server_shows_the_wait_and_cancel_ends_it(qtbot, ui_app, db, monkeypatch):
    """A server that accepts the connection and never greets: the dialog says it is waiting
    and for how long at most, Cancel ends the wait at once (not after the 30 s), and nothing
    is lost: every message is still 送信待ち for the next send."""
    import socket

    from sqlalchemy import select

    from kenshu_desk.domain.models import OutboxMessage

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # the kernel accepts; nobody ever answers
    save_settings(
        MailSettings(
            sender_address="chiiki@example.jp", host="127.0.0.1",
            port=listener.getsockname()[1], security=Security.NONE, timeout=30.0,
        )
    )  # fmt: skip
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    try:
        event_id = make_event(db)
        dialog = InviteDialog(db, event_id)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.send_button.click()
        worker = dialog.worker
        assert worker is not None
        qtbot.waitUntil(lambda: "応答を待っています" in dialog.status.text(), timeout=10000)
        assert "最長 30 秒" in dialog.status.text()
        assert dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
        with qtbot.waitSignal(worker.signals.succeeded, timeout=5000):
            dialog.cancel_button.click()
    finally:
        listener.close()
    assert dialog.worker is None and dialog.send_button.isEnabled()
    assert "中止しました" in dialog.status.text() and "未送信 5 件" in dialog.status.text()
    with db.session() as s:
        assert {r.status for r in s.scalars(select(OutboxMessage))} == {"queued"}


def test_a_failed_send_names_the_person_and_says_why_in_japanese(qtbot, ui_app, db, configured):
    configured.handler.reject["m.takahashi@example.jp"] = (
        "550 5.1.1 <m.takahashi@example.jp>: Recipient address rejected: User unknown"
    )
    event_id = make_event(db)
    dialog = InviteDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.send_button.click()
    assert dialog.worker is not None
    with qtbot.waitSignal(dialog.worker.signals.succeeded, timeout=30000):
        pass
    lines = dialog.status.text().splitlines()
    assert lines[0].startswith("送信 4 件、失敗 1 件")
    assert len(lines) == 2 and lines[1].startswith(
        "・送信失敗 髙橋　美咲 <m.takahashi@example.jp>: "
    )
    assert "宛先のメールアドレスがありません" in lines[1]
    assert "550 5.1.1" in lines[1]  # the server's own reply stays, for the administrator
