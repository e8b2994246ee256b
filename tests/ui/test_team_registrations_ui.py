"""Team mode: two organisers' registration lists of one event, and one person's record."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from kenshu_desk.database import open_database
from kenshu_desk.domain.models import AttendanceState, Event, Participant, Registration
from kenshu_desk.services.participants import participants
from kenshu_desk.services.participants import registrations as regs
from kenshu_desk.ui.participants.participant_dialog import ParticipantDialog
from kenshu_desk.ui.participants.registration_panel import RegistrationPanel

REFUSED = "他の方が先に同じ内容を変更しました"


@pytest.fixture
def other(demo_db):  # type: ignore[no-untyped-def]
    database = open_database(demo_db.url)
    yield database
    database.dispose()


def _event(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalars(select(Event.id).where(Event.date == dt.date(2027, 1, 28))).one()


def _person(db, email: str) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalars(select(Participant.id).where(Participant.email == email)).one()


def _select(panel: RegistrationPanel, pid: int) -> None:
    row = next(n for n, r in enumerate(panel.model.rows()) if r.participant_id == pid)
    flags = QItemSelectionModel.SelectionFlag
    panel.view.selectionModel().select(panel.model.index(row, 0), flags.ClearAndSelect | flags.Rows)


def _state(db, eid: int, pid: int) -> str | None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(
            select(Registration.state).where(
                Registration.event_id == eid, Registration.participant_id == pid
            )
        )


def test_removing_someone_just_checked_in_elsewhere_is_refused(
    qtbot, ui_app, demo_db, other, show_active
):
    eid, who = _event(demo_db), _person(demo_db, "m.takahashi@example.jp")
    panel_a = RegistrationPanel(demo_db, eid)
    panel_b = RegistrationPanel(other, eid)
    for panel in (panel_a, panel_b):
        qtbot.addWidget(panel)
    show_active(panel_b)
    _select(panel_b, who)
    panel_b.view.setFocus()
    qtbot.keyClick(panel_b.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert _state(demo_db, eid, who) == AttendanceState.ATTENDED_VENUE

    show_active(panel_a)
    panel_a.set_selected_state(AttendanceState.REGISTERED)  # nothing selected: no step
    rows = panel_a.model.rowCount()
    _select(panel_a, who)
    panel_a.view.setFocus()
    qtbot.keyClick(panel_a.view, Qt.Key.Key_Delete)
    assert REFUSED in panel_a.message.text() and "申込を削除" in panel_a.message.text()
    qtbot.waitUntil(lambda: panel_a.undo_stack.count() == 0)
    assert _state(demo_db, eid, who) == AttendanceState.ATTENDED_VENUE
    assert panel_a.model.rowCount() == rows
    shown = next(r for r in panel_a.model.rows() if r.participant_id == who)
    assert shown.state_label == "出席（会場）"  # the list shows B's check-in now


def test_undo_of_a_state_does_not_write_over_a_change_made_elsewhere(
    qtbot, ui_app, demo_db, other, show_active
):
    eid, who = _event(demo_db), _person(demo_db, "m.takahashi@example.jp")
    panel = RegistrationPanel(demo_db, eid)
    qtbot.addWidget(panel)
    show_active(panel)
    _select(panel, who)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # online
    assert _state(demo_db, eid, who) == AttendanceState.ATTENDED_ONLINE
    with other.session() as s:  # B, at the desk, records her as present in the hall
        regs.set_states(s, eid, [(who, AttendanceState.ATTENDED_VENUE)])
    panel.undo_action.trigger()
    assert REFUSED in panel.message.text()
    assert _state(demo_db, eid, who) == AttendanceState.ATTENDED_VENUE
    qtbot.waitUntil(lambda: panel.undo_stack.count() == 0)


def test_adding_someone_another_organiser_just_added_makes_one_registration(
    qtbot, ui_app, demo_db, other
):
    eid, sato = _event(demo_db), _person(demo_db, "k.sato@example.jp")
    panel = RegistrationPanel(demo_db, eid)
    qtbot.addWidget(panel)
    rows = panel.model.rowCount()
    with other.session() as s:  # B adds 佐藤 while A is picking people
        regs.register(s, eid, [sato])
    panel.add_participants([sato])
    assert "0 人を申込に追加しました。1 人は他の方が既に追加していました。" in (
        panel.message.text()
    )
    assert panel.model.rowCount() == rows + 1
    with demo_db.session() as s:
        n = s.scalar(
            select(func.count(Registration.id)).where(
                Registration.event_id == eid, Registration.participant_id == sato
            )
        )
    assert n == 1
    panel.undo_action.trigger()  # A's step added nobody: B's registration stays
    assert _state(demo_db, eid, sato) == AttendanceState.REGISTERED


def test_a_participant_saved_elsewhere_is_shown_not_overwritten(qtbot, ui_app, demo_db, other):
    who = _person(demo_db, "m.takahashi@example.jp")
    dialog = ParticipantDialog(demo_db, who)
    qtbot.addWidget(dialog)
    with other.session() as s:
        data = participants.participant_data(s, who)
        participants.save_participant(
            s, participants.ParticipantData(**{**data.__dict__, "phone": "048-830-3222"}), who
        )
    dialog.title_edit.setText("主幹")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert REFUSED in dialog.problem.text()
    assert dialog.result() != ParticipantDialog.DialogCode.Accepted  # still open, not saved
    assert dialog.phone.text() == "048-830-3222"  # what B saved, taken in
    assert dialog.title_edit.text() == "主幹"  # and what A typed, still there
    assert "電話番号" in dialog.problem.text() and "もう一度保存" in dialog.problem.text()
    with demo_db.session() as s:
        assert participants.participant_data(s, who).title != "主幹"
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # saved over B's version, seen
    assert dialog.result() == ParticipantDialog.DialogCode.Accepted
    with demo_db.session() as s:
        stored = participants.participant_data(s, who)
    assert (stored.phone, stored.title) == ("048-830-3222", "主幹")
