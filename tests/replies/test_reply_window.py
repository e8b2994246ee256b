"""The replies in the window: the 返信 dialog (files dropped or chosen, the mailbox fetched on a
worker) and the answers beside each registration."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from replykit import PEOPLE, Reply, apple, google, outlook, plain_mail, thunderbird

from kenshu_desk.mail.imap_settings import ImapSecurity, ImapSettings, save_imap_settings
from kenshu_desk.ui.mail.replies_dialog import ReplyDialog
from kenshu_desk.ui.participants.registration_panel import RegistrationPanel


def _drop(dialog: ReplyDialog, paths: list) -> None:  # type: ignore[type-arg]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    dialog.dropEvent(event)


def test_dropped_files_are_read_and_the_answers_shown(
    qtbot, qtmodeltester, ui_app, db, invited, tmp_path
):
    kato, megumi = PEOPLE["kato"], PEOPLE["megumi"]
    a = tmp_path / "承諾_研修.eml"
    a.write_bytes(outlook(Reply(invited.uid, kato[1], kato[0], comment="10分ほど遅れます。")))
    b = tmp_path / "辞退.eml"
    b.write_bytes(google(Reply(invited.uid, megumi[1], megumi[0], partstat="DECLINED")))
    stranger = tmp_path / "other.eml"
    stranger.write_bytes(outlook(Reply(invited.uid, "private@example.ne.jp", "かとう（私用）")))
    ignored = tmp_path / "memo.txt"
    ignored.write_text("x")

    dialog = ReplyDialog(db, invited.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtmodeltester.check(dialog.model)
    assert "返信なし 5 人" in dialog.counts.text()

    _drop(dialog, [a, b, stranger, ignored])
    qtbot.waitUntil(lambda: not dialog.runner.busy)
    assert "返信を反映 2 件" in dialog.status.text()
    assert "要確認 1 件" in dialog.status.text()
    text = dialog.counts.text()
    assert "出席予定 1 人" in text and "欠席の連絡 1 人" in text and "要確認 1 件" in text
    shown = {
        dialog.model.index(r, 1).data(): dialog.model.index(r, 0).data()
        for r in range(dialog.model.rowCount())
    }
    assert shown["加藤 恵"] == "出席予定"
    assert shown["髙橋 めぐみ"] == "欠席の連絡"
    listed = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert "要確認（招待していないアドレス）" in listed
    dialog.grab().save(str(tmp_path / "replies_dialog.png"))

    panel = RegistrationPanel(db, invited.event_id)
    qtbot.addWidget(panel)
    qtmodeltester.check(panel.model)
    column = panel.model.REPLY_COLUMN
    assert panel.model.headerData(column, Qt.Orientation.Horizontal) == "返信"
    by_name = {panel.model.row_at(r).name: r for r in range(panel.model.rowCount())}
    cell = panel.model.index(by_name["加藤 恵"], column)
    assert cell.data().startswith("出席予定 令和3年11月18日")
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "10分ほど遅れます。"
    assert panel.model.index(by_name["山田 太郎"], column).data() == ""
    assert "返信: 出席予定 1 人、欠席の連絡 1 人" in panel.summary.text()


def test_fetch_from_the_mailbox_on_a_worker(qtbot, ui_app, db, invited, mailbox, monkeypatch):
    suzuki, tanaka = PEOPLE["suzuki"], PEOPLE["tanaka"]
    mailbox.put(thunderbird(Reply(invited.uid, suzuki[1], suzuki[0], partstat="TENTATIVE")))
    mailbox.put(apple(Reply(invited.uid, tanaka[1], tanaka[0])))
    mailbox.put(plain_mail())
    save_imap_settings(
        ImapSettings("127.0.0.1", mailbox.imaps_port, ImapSecurity.SSL, mailbox.user, timeout=10)
    )
    monkeypatch.setenv("KENSHU_DESK_IMAP_PASSWORD", mailbox.password)
    monkeypatch.setenv("SSL_CERT_FILE", str(mailbox.cert))

    dialog = ReplyDialog(db, invited.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.fetch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.runner.busy)
    assert "返信を反映 2 件" in dialog.status.text(), dialog.status.text()
    assert "出席予定 1 人" in dialog.counts.text() and "未定 1 人" in dialog.counts.text()
    assert dialog.fetch_button.isEnabled() and not dialog.cancel_button.isEnabled()

    monkeypatch.setenv("KENSHU_DESK_IMAP_PASSWORD", "wrong")
    qtbot.mouseClick(dialog.fetch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.runner.busy)
    assert "ログインできません" in dialog.status.text()
    assert "未定 1 人" in dialog.counts.text()  # nothing recorded was lost


def test_without_a_server_the_dialog_says_where_to_set_it(qtbot, ui_app, db, invited):
    dialog = ReplyDialog(db, invited.event_id)
    qtbot.addWidget(dialog)
    dialog.fetch_button.click()
    assert "受信（IMAP）サーバーが設定されていません" in dialog.status.text()
    assert not dialog.runner.busy


def test_the_incoming_server_is_set_from_the_replies_dialog(qtbot, ui_app, db, invited):
    from kenshu_desk.mail.imap_settings import load_imap_settings
    from kenshu_desk.mail.settings import keyring_available
    from kenshu_desk.ui.mail.imap_settings_dialog import ImapSettingsDialog

    dialog = ImapSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText(" imap.pref.saitama.lg.jp ")
    dialog.security.setCurrentIndex(dialog.security.findData("starttls"))
    dialog.user.setText("kenshu")
    dialog.folder.setText("受信トレイ/研修")
    dialog.password.setText("")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = load_imap_settings()
    assert (saved.host, saved.security.value, saved.effective_port) == (
        "imap.pref.saitama.lg.jp",
        "starttls",
        143,
    )
    assert (saved.user, saved.folder) == ("kenshu", "受信トレイ/研修")

    again = ImapSettingsDialog()
    qtbot.addWidget(again)
    assert again.host.text() == "imap.pref.saitama.lg.jp"
    again.password.setText("secret")
    again.save()
    if not keyring_available():  # no OS keyring here: said, with the variable to use instead
        assert "KENSHU_DESK_IMAP_PASSWORD" in again.status.text()


def test_a_reply_from_an_address_not_invited_is_given_to_a_registrant(
    qtbot, ui_app, db, invited, tmp_path
):
    from PySide6.QtCore import QItemSelectionModel

    from kenshu_desk.services.replies.files import import_files

    path = tmp_path / "private.eml"
    path.write_bytes(
        outlook(Reply(invited.uid, "k.kato.home@example.ne.jp", "加藤 恵", partstat="DECLINED"))
    )
    import_files(db, [path])
    dialog = ReplyDialog(db, invited.event_id)
    qtbot.addWidget(dialog)
    assert not dialog.assign_button.isEnabled()
    listed = next(n for n, r in enumerate(dialog.rows) if r.status == "unknown_address")
    flags = QItemSelectionModel.SelectionFlag
    dialog.view.selectionModel().select(
        dialog.model.index(listed, 0), flags.ClearAndSelect | flags.Rows
    )
    assert dialog.assign_button.isEnabled()

    dialog.assign_selected(invited.ids["kato"])
    assert "反映しました" in dialog.status.text()
    kato = next(r for r in dialog.rows if r.participant_id == invited.ids["kato"])
    assert (kato.partstat, kato.address) == ("DECLINED", "k.kato.home@example.ne.jp")
    assert "要確認" not in dialog.counts.text()
    assert "欠席の連絡 1 人" in dialog.counts.text()
