"""The participant directory driven as a user meets it: Japanese typing, history, archive."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from kenshu_desk.ui.participants.participant_directory import ParticipantDirectoryWidget


def open_directory(qtbot, db) -> ParticipantDirectoryWidget:  # type: ignore[no-untyped-def]
    widget = ParticipantDirectoryWidget(db)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.total() > 0)
    return widget


def names(widget: ParticipantDirectoryWidget) -> list[str]:
    return [widget.model.index(r, 0).data() for r in range(widget.model.rowCount())]


def test_model_and_gojuon_order(qtbot, qtmodeltester, ui_app, demo_db):
    widget = open_directory(qtbot, demo_db)
    qtmodeltester.check(widget.model)
    readings = [widget.model.index(r, 1).data() for r in range(widget.model.rowCount())]
    assert readings[0].startswith("あ") and "人" in widget.count_label.text()


def test_filter_as_you_type_in_japanese_and_half_width(qtbot, ui_app, demo_db, ime_type):
    widget = open_directory(qtbot, demo_db)
    ime_type(widget.search, "たかはし")
    assert names(widget) == ["髙橋\u3000美咲"]
    widget.search.clear()
    ime_type(widget.search, "ﾀｶﾊｼ")
    assert names(widget) == ["髙橋\u3000美咲"]
    widget.search.clear()
    ime_type(widget.search, "川越市　社会福祉")  # organisation words, full-width space between
    assert names(widget) and all(
        widget.model.row_at(r).organisation == "川越市社会福祉協議会"
        for r in range(widget.model.rowCount())
    )
    widget.search.clear()
    assert widget.model.rowCount() == widget.model.total()


def test_history_archive_and_no_delete_with_history(qtbot, ui_app, demo_db, ime_type):
    widget = open_directory(qtbot, demo_db)
    ime_type(widget.search, "m.takahashi")
    widget.view.selectRow(0)
    assert "さいたま市" in widget.detail.text()
    assert widget.history_model.rowCount() >= 5
    widget.delete_action.trigger()
    assert "削除できません" in widget.message.text()
    widget.archive_action.trigger()
    assert widget.model.rowCount() == 0  # archived people leave the list
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.show_archived.setChecked(True)
    assert names(widget) == ["髙橋\u3000美咲"]
    widget.view.selectRow(0)
    assert widget.archive_action.text().startswith("名簿に戻す")


def test_new_participant_without_history_can_be_deleted(
    qtbot, ui_app, demo_db, ime_type, monkeypatch
):
    from kenshu_desk.services.participants.participants import ParticipantData, save_participant

    with demo_db.session() as s:
        pid = save_participant(s, ParticipantData(name="削除　予定", reading="さくじょ　よてい"))
    widget = open_directory(qtbot, demo_db)
    widget.select_id(pid)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    widget.delete_action.trigger()
    assert widget.model.row_of(pid) < 0


def test_the_participant_dialog_refuses_a_name_of_only_invisible_characters(qtbot, ui_app, demo_db):  # type: ignore[no-untyped-def]
    """The same check as the import: Save stays disabled and the line says why."""
    from PySide6.QtWidgets import QDialogButtonBox

    from kenshu_desk.ui.participants.participant_dialog import ParticipantDialog

    dialog = ParticipantDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.name.setText("\u202e\u200b")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    assert "見える文字がありません" in dialog.problem.text()
    dialog.name.setText("山田　太郎")
    assert save.isEnabled() and dialog.problem.text() == ""


def test_history_dates_are_long_dates_not_iso(  # type: ignore[no-untyped-def]
    qtbot, ui_app, demo_db, ime_type, monkeypatch, tmp_path
):
    """令和3年11月25日（木） in Japanese, Thu 25 Nov 2021 in English: never 2021-11-25."""
    import re

    from kenshu_desk.ui.shell import i18n

    widget = open_directory(qtbot, demo_db)
    ime_type(widget.search, "m.takahashi")
    widget.view.selectRow(0)
    dates = [
        widget.history_model.index(r, 0).data() for r in range(widget.history_model.rowCount())
    ]
    assert dates and all(re.fullmatch(r"(令和|平成)\d+年\d+月\d+日（.）", d) for d in dates), dates
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert i18n.install_translators("en")
    try:
        widget.view.clearSelection()
        widget.view.selectRow(0)
        english = [widget.history_model.index(r, 0).data() for r in range(len(dates))]
    finally:
        i18n.remove_translators()
    assert all(re.fullmatch(r"\w{3} \d{1,2} \w{3} \d{4}", d) for d in english), english
