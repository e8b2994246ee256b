"""Registration list and reception desk, driven with the keyboard as at a real desk."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt
from sqlalchemy import select

from kenshu_desk.domain.models import AttendanceState, Event, Participant, Registration
from kenshu_desk.services.participants import registrations as regs
from kenshu_desk.ui.participants.checkin import CheckInWidget
from kenshu_desk.ui.participants.registration_panel import RegistrationPanel


def event_id(db, day: dt.date) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalars(select(Event.id).where(Event.date == day)).one()


def state_of(db, eid: int, email: str) -> str | None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(
            select(Registration.state)
            .join(Registration.participant)
            .where(Registration.event_id == eid, Participant.email == email)
        )


def select_first(panel: RegistrationPanel) -> None:
    # Not QTableView.selectRow: with extended selection it follows the keyboard modifiers
    # still held from the last simulated Ctrl+key, and would toggle the row off.
    flags = QItemSelectionModel.SelectionFlag
    panel.view.selectionModel().select(panel.model.index(0, 0), flags.ClearAndSelect | flags.Rows)


def test_state_change_remove_and_undo(qtbot, qtmodeltester, ui_app, demo_db, ime_type, show_active):
    eid = event_id(demo_db, dt.date(2027, 1, 28))
    panel = RegistrationPanel(demo_db, eid)
    qtbot.addWidget(panel)
    show_active(panel)
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 12 and "申込 12 人" in panel.summary.text()
    ime_type(panel.search, "たかはし")
    assert panel.model.rowCount() == 1
    select_first(panel)
    qtbot.keyClick(panel.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 出席（会場）
    assert state_of(demo_db, eid, "m.takahashi@example.jp") == AttendanceState.ATTENDED_VENUE
    assert panel.model.row_at(0).state_label == "出席（会場）"
    panel.undo_action.trigger()
    assert state_of(demo_db, eid, "m.takahashi@example.jp") == "registered"
    panel.redo_action.trigger()
    assert state_of(demo_db, eid, "m.takahashi@example.jp") == "attended_venue"
    select_first(panel)
    panel.view.setFocus()  # in the search box, Delete edits the text
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert state_of(demo_db, eid, "m.takahashi@example.jp") is None
    panel.undo_action.trigger()  # back, with the state it had
    assert state_of(demo_db, eid, "m.takahashi@example.jp") == "attended_venue"


def test_add_from_directory(qtbot, ui_app, demo_db):
    eid = event_id(demo_db, dt.date(2027, 1, 28))
    panel = RegistrationPanel(demo_db, eid)
    qtbot.addWidget(panel)
    with demo_db.session() as s:
        sato = s.scalars(
            select(Participant.id).where(Participant.email == "k.sato@example.jp")
        ).one()
    panel.add_participants([sato])
    assert panel.model.rowCount() == 13
    panel.undo_action.trigger()
    assert panel.model.rowCount() == 12


def test_reception_desk_typing_and_enter(qtbot, ui_app, demo_db, ime_type, show_active):
    eid = event_id(demo_db, dt.date(2027, 1, 28))
    desk = CheckInWidget(demo_db, eid)
    qtbot.addWidget(desk)
    show_active(desk)
    assert "受付済み 0 / 申込 12 人" in desk.counter.text()
    ime_type(desk.search, "か")  # かくた, くさかべ, やまぐち かおり, さかもと …
    several = desk.model.rowCount()
    assert several > 1
    ime_type(desk.search, "く")
    assert desk.model.rowCount() < several
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)  # the search box keeps the focus
    chosen = desk.current_row()
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert "受付しました" in desk.feedback.text() and chosen.name in desk.feedback.text()
    assert desk.search.text() == ""
    assert state_of(demo_db, eid, chosen.email) == "attended_venue"
    assert "受付済み 1 / 申込 12 人" in desk.counter.text()
    ime_type(desk.search, chosen.reading[:3])
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert "受付済みです" in desk.feedback.text()
    qtbot.keyClick(desk.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state_of(demo_db, eid, chosen.email) == "registered"
    ime_type(desk.search, "ぞ")
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert "いません" in desk.feedback.text()


def test_a_change_on_a_registration_removed_elsewhere_is_refused_and_leaves_no_step(
    qtbot, ui_app, demo_db, ime_type, show_active
):
    from kenshu_desk.database import open_database

    eid = event_id(demo_db, dt.date(2027, 1, 28))
    panel = RegistrationPanel(demo_db, eid)
    qtbot.addWidget(panel)
    show_active(panel)
    ime_type(panel.search, "たかはし")
    select_first(panel)
    other = open_database(demo_db.url)  # a second organiser removes the registration
    try:
        with other.session() as s:
            reg = s.scalars(
                select(Registration)
                .join(Registration.participant)
                .where(Registration.event_id == eid, Participant.email == "m.takahashi@example.jp")
            ).one()
            s.delete(reg)
    finally:
        other.dispose()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert panel.message.text()  # said why, once, in the panel
    assert panel.undo_stack.count() == 0  # no step claiming a change that was not saved
    assert panel.model.rowCount() == 0  # the list shows what is stored now


def test_two_reception_desks_check_in_the_same_person(
    qtbot, ui_app, demo_db, ime_type, show_active
):
    """Desk B checks someone in while desk A still lists them as not here: A's Enter is
    refused with a message (not a second ✓), A then shows them checked in; A's later undo
    of its own check-in does not undo a change someone else made since."""
    from kenshu_desk.database import open_database

    eid = event_id(demo_db, dt.date(2027, 1, 28))
    other = open_database(demo_db.url)
    try:
        desk_a = CheckInWidget(demo_db, eid)
        desk_b = CheckInWidget(other, eid)
        for desk in (desk_a, desk_b):
            qtbot.addWidget(desk)
        show_active(desk_a)
        ime_type(desk_a.search, "く")
        chosen = desk_a.current_row()
        desk_b.search.setText(desk_a.search.text())
        desk_b.check_in_current()
        assert "受付しました" in desk_b.feedback.text()
        qtbot.keyClick(desk_a.search, Qt.Key.Key_Return)
        assert "受付しました" not in desk_a.feedback.text()
        assert "他の方が先に" in desk_a.feedback.text()
        assert desk_a.undo_stack.count() == 0
        assert "受付済み 1 / 申込 12 人" in desk_a.counter.text()
        assert state_of(demo_db, eid, chosen.email) == "attended_venue"
        # A checks in someone else; then B marks that person absent; A's undo is refused.
        ime_type(desk_a.search, "や")
        second = desk_a.current_row()
        qtbot.keyClick(desk_a.search, Qt.Key.Key_Return)
        assert "受付しました" in desk_a.feedback.text()
        with other.session() as s:
            regs.set_states(s, eid, [(second.participant_id, "absent")])
        qtbot.keyClick(desk_a.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert "他の方が先に" in desk_a.feedback.text()
        assert state_of(demo_db, eid, second.email) == "absent"
    finally:
        other.dispose()
