"""Build the seed's 5/24 timetable in the real window, by keyboard and mouse, then drag,
undo and redo — checking the computed times at every step against the seed:

    13:30～13:35 (5分)  挨拶
    13:35～14:05 (30分) 県内市町村の取組状況 ①桶川市 ②川越市 ③鳩山町 ④狭山市 ⑤ふじみ野市
    14:05～14:45 (40分) 重層的支援体制整備事業交付金について 厚生労働省 …
    14:45～14:50 (5分)  休憩
    14:50～15:30 (40分) 意見交換
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from sqlalchemy import func, select
from window_helpers import click_row, drop_row, programme_rows, times, titles

from kenshu_desk.domain.models import Event, Speaker
from kenshu_desk.services.timetable.events import event_to_dict, get_event

SEED_TIMES = ["13:30～13:35", "13:35～14:05", "14:05～14:45", "14:45～14:50", "14:50～15:30"]
MHLW = "厚生労働省 社会・援護局 地域福祉課 地域共生社会推進室"


def _speaker_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Speaker))


def _type_row(qtbot, window, ime_type, minutes: str, item_type: str, title: str) -> None:
    """Ctrl+Enter adds a row and opens its minutes; Tab moves to 種別 and 内容."""
    table = window.programme.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    editor = window.focusWidget()
    qtbot.keyClicks(editor, minutes)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    combo = window.focusWidget()  # the 種別 combo, its text selected
    assert isinstance(combo, QComboBox) and combo.lineEdit().selectedText()
    ime_type(combo.lineEdit(), item_type)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    title_edit = window.focusWidget()
    title_edit.selectAll()
    if title != item_type:
        ime_type(title_edit, title)
    qtbot.keyClick(title_edit, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits an Enter in a cell editor from its queue


def _add_presenter(qtbot, window, ime_type, typed: str, pick_first: bool) -> None:
    """Type into the presenter box; take the first suggestion (↓ Enter) or just press Enter.

    While the suggestions are open they have the keyboard, as on a desktop.
    """
    entry = window.programme.presenters.entry
    qtbot.mouseClick(entry, Qt.MouseButton.LeftButton)
    ime_type(entry, typed)
    popup = window.programme.presenters.completer.popup()
    if pick_first:
        assert popup.isVisible()
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup if popup.isVisible() else entry, Qt.Key.Key_Return)
    assert entry.text() == ""


def test_build_the_may_programme_then_drag_undo_and_redo(qtbot, open_window, demo_db, ime_type):
    window = open_window(demo_db)
    speakers_before = _speaker_count(demo_db)

    # --- a new event, by mouse; its title is ready to be typed over ---
    qtbot.mouseClick(window.new_button, Qt.MouseButton.LeftButton)
    event_id = window.current_event_id()
    assert window.form.title.hasFocus() and window.form.title.selectedText() == "新しい行事"
    ime_type(window.form.title, "第1回市町村情報交換会（練習）")
    qtbot.keyClick(window.form.title, Qt.Key.Key_Return)

    kind = window.form.kind
    kind.lineEdit().setFocus()
    kind.lineEdit().selectAll()
    ime_type(kind.lineEdit(), "情報交換会")
    qtbot.keyClick(kind.lineEdit(), Qt.Key.Key_Return)

    window.form.date.line.setFocus()
    window.form.date.line.selectAll()  # as Tab into the field leaves it
    qtbot.keyClicks(window.form.date.line, "20210524")
    qtbot.keyClick(window.form.date.line, Qt.Key.Key_Tab)
    assert window.form.date_label.text().startswith("令和3年5月24日（月）")
    assert window.form.date_warning.text() == ""
    window.form.end.setFocus()
    qtbot.keyClicks(window.form.end, "1530")
    qtbot.keyClick(window.form.end, Qt.Key.Key_Tab)

    with demo_db.session() as s:
        event = s.get(Event, event_id)
        assert (event.title, event.kind, event.date) == (
            "第1回市町村情報交換会（練習）",
            "情報交換会",
            dt.date(2021, 5, 24),
        )
        assert (event.start_time, event.end_time) == (dt.time(13, 30), dt.time(15, 30))

    # --- the programme, by keyboard ---
    _type_row(qtbot, window, ime_type, "5", "挨拶", "挨拶")
    _type_row(qtbot, window, ime_type, "30", "事例発表", "県内市町村の取組状況（5市町村×5分）")
    _type_row(qtbot, window, ime_type, "40", "説明", "重層的支援体制整備事業交付金について")
    assert times(window) == SEED_TIMES[:3]
    assert window.checks.warnings() == []
    assert "プログラムが終了時刻の45分前に終わります" in window.checks.messages()

    # presenters of item 2: chosen from the directory with type-ahead (reading or name)
    click_row(qtbot, window.programme.table, 1, 3)
    for typed in ("おけがわ", "川越", "ハトヤマ", "さやまし", "ふじみ野市"):
        _add_presenter(qtbot, window, ime_type, typed, pick_first=typed != "ふじみ野市")
    assert programme_rows(window)[1][4] == "①桶川市 ②川越市 ③鳩山町 ④狭山市 ⑤ふじみ野市"

    # item 3: the ministry, found by a word of its name
    click_row(qtbot, window.programme.table, 2, 3)
    _add_presenter(qtbot, window, ime_type, "地域共生社会推進室", pick_first=True)
    assert programme_rows(window)[2][4] == MHLW
    assert _speaker_count(demo_db) == speakers_before  # nothing created by the type-ahead

    # --- a break is one click; then the discussion, by keyboard ---
    qtbot.mouseClick(
        window.programme.buttons[window.programme.break_action], Qt.MouseButton.LeftButton
    )
    _type_row(qtbot, window, ime_type, "40", "意見交換", "意見交換")
    assert titles(window) == [
        "挨拶",
        "県内市町村の取組状況（5市町村×5分）",
        "重層的支援体制整備事業交付金について",
        "休憩",
        "意見交換",
    ]
    assert times(window) == SEED_TIMES
    # The demo's own 第1回 is on the same day at the same times: every presenter is booked
    # twice, and the window says so; the programme itself fits exactly.
    assert window.checks.warnings() == [
        f"2番目の項目：{name} は同じ時間帯に「第1回市町村情報交換会」の"
        "「県内市町村の取組状況（5市町村×5分）」（13:35～14:05）にも登壇します"
        for name in ("桶川市", "川越市", "鳩山町", "狭山市", "ふじみ野市")
    ] + [
        f"3番目の項目：{MHLW} は同じ時間帯に「第1回市町村情報交換会」の"
        "「重層的支援体制整備事業交付金について」（14:05～14:45）にも登壇します"
    ]
    with demo_db.session() as s:
        built = event_to_dict(get_event(s, event_id))["programme"]
    assert [(p["start"], p["end"], p["minutes"]) for p in built] == [
        ("13:30", "13:35", 5),
        ("13:35", "14:05", 30),
        ("14:05", "14:45", 40),
        ("14:45", "14:50", 5),
        ("14:50", "15:30", 40),
    ]
    assert built[1]["presenters"] == ["桶川市", "川越市", "鳩山町", "狭山市", "ふじみ野市"]

    # --- drag the break before the briefing ---
    drop_row(qtbot, window.programme.table, 3, 2)
    assert titles(window)[2:4] == ["休憩", "重層的支援体制整備事業交付金について"]
    assert times(window)[2:4] == ["14:05～14:10", "14:10～14:50"]
    assert window.programme.current_item().title == "休憩"
    assert window.undo_stack.undoText() == "項目の移動"

    # --- undo and redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) ---
    table = window.programme.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert times(window) == SEED_TIMES and titles(window)[3] == "休憩"
    qtbot.keyClick(
        table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert titles(window)[2] == "休憩"
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(window)[3] == "休憩"

    # undo the discussion, the break, the ministry: exact earlier states come back
    def undo(expected: str) -> None:
        assert window.undo_stack.undoText() == expected
        window.undo_stack.undo()

    undo("種別の変更")  # 意見交換 (the title followed the type)
    undo("所要時間の変更")
    undo("項目の追加")
    assert titles(window)[-1] == "休憩"
    undo("休憩の追加")
    assert len(titles(window)) == 3
    undo("発表者の追加")
    assert programme_rows(window)[2][4] == ""
    for _ in range(5):
        window.undo_stack.redo()
    assert times(window) == SEED_TIMES
    assert programme_rows(window)[2][4] == MHLW
    assert len(window.checks.warnings()) == 6

    # the whole event can be undone and redone with the same row and the same ids
    with demo_db.session() as s:
        before = event_to_dict(get_event(s, event_id))
    now = window.undo_stack.index()
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    with demo_db.session() as s:
        assert s.get(Event, event_id) is None
    assert window.current_event_id() != event_id
    window.undo_stack.setIndex(now)
    assert window.current_event_id() == event_id
    with demo_db.session() as s:
        assert event_to_dict(get_event(s, event_id)) == before
    assert times(window) == SEED_TIMES
    window.undo_stack.redo()  # the drag is still there to redo
    assert titles(window)[2] == "休憩"


def test_new_presenter_is_created_on_the_spot_as_one_undo_step(
    qtbot, open_window, demo_db, ime_type
):
    window = open_window(demo_db)
    window.select_event(_event_id(demo_db, dt.date(2021, 5, 24)))
    click_row(qtbot, window.programme.table, 4, 3)  # 意見交換, no presenters
    before = _speaker_count(demo_db)
    _add_presenter(qtbot, window, ime_type, "川島町", pick_first=False)
    assert programme_rows(window)[4][4] == "川島町"
    assert _speaker_count(demo_db) == before + 1
    with demo_db.session() as s:
        made = s.scalar(select(Speaker).where(Speaker.name == "川島町"))
        assert made.kind == "organisation" and made.honorific == ""
    assert window.speakers_model.row_of(made.id) >= 0
    window.undo_stack.undo()
    assert programme_rows(window)[4][4] == ""
    assert _speaker_count(demo_db) == before
    window.undo_stack.redo()
    assert programme_rows(window)[4][4] == "川島町"


def _event_id(db, day: dt.date) -> int:
    with db.session() as s:
        return s.scalar(select(Event.id).where(Event.date == day))
