"""Team mode, two organisers on the same event's registrations and the same people.

Two engines on one database. The overlapping saves are made deterministic by letting the
second organiser save at an exact point of the first one's transaction (an engine event
at the first one's INSERT), with no threads and no sleeping.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select

from kenshu_desk.database import ConcurrentEditError, open_database
from kenshu_desk.domain.models import AttendanceState, Event, Participant, Registration
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants import participants
from kenshu_desk.services.participants import registrations as regs


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


def _count(db, eid: int, pid: int) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(
            select(func.count(Registration.id)).where(
                Registration.event_id == eid, Registration.participant_id == pid
            )
        )


def _row(db, eid: int, pid: int) -> regs.RegistrationRow:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return next(r for r in regs.registration_rows(s, eid) if r.participant_id == pid)


def test_registering_the_same_person_at_the_same_moment_makes_one_registration(demo_db, other):
    eid, sato = _event(demo_db), _person(demo_db, "k.sato@example.jp")
    assert _count(demo_db, eid, sato) == 0
    fired = []

    def b_saves_first(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        # A has checked that sato is not registered and is about to insert: B registers
        # sato and commits in this very moment.
        if statement.lstrip().upper().startswith("INSERT INTO REGISTRATION") and not fired:
            fired.append(True)
            with other.session() as s:
                regs.register(s, eid, [sato])

    event.listen(demo_db.engine, "before_cursor_execute", b_saves_first)
    try:
        with pytest.raises(ConcurrentEditError, match="他の方が先に"), demo_db.session() as s:
            regs.register(s, eid, [sato])
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", b_saves_first)
    assert fired and _count(demo_db, eid, sato) == 1
    # Tried again, the registration is found and left as it is: still one.
    with demo_db.session() as s:
        assert regs.register(s, eid, [sato]) == []
    assert _count(demo_db, eid, sato) == 1


def test_a_registration_changed_elsewhere_is_not_removed(demo_db, other):
    eid, who = _event(demo_db), _person(demo_db, "m.takahashi@example.jp")
    shown = _row(demo_db, eid, who)
    with other.session() as s:  # B checks her in at the desk
        regs.set_states(s, eid, [(who, AttendanceState.ATTENDED_VENUE)])
    shown_version = {who: shown.version}
    with pytest.raises(ConcurrentEditError), demo_db.session() as s:
        regs.unregister_people(s, eid, [who], lambda r: shown_version.get(r.participant_id))
    with pytest.raises(ConcurrentEditError), demo_db.session() as s:
        regs.set_states(
            s, eid, [(who, AttendanceState.ABSENT)], lambda r: shown_version[r.participant_id]
        )
    assert _row(demo_db, eid, who).state == AttendanceState.ATTENDED_VENUE


def test_removing_a_registration_removed_elsewhere_says_so(demo_db, other):
    eid, who = _event(demo_db), _person(demo_db, "m.takahashi@example.jp")
    shown = _row(demo_db, eid, who)
    with other.session() as s:
        regs.unregister_people(s, eid, [who], lambda r: shown.version)
    with pytest.raises(UserError, match="既に削除されています"), demo_db.session() as s:
        regs.unregister_people(s, eid, [who], lambda r: shown.version)
    assert _count(demo_db, eid, who) == 0


def test_a_stale_participant_edit_is_refused_and_the_other_kept(demo_db, other):
    who = _person(demo_db, "m.takahashi@example.jp")
    with demo_db.session() as s:  # A opens the edit dialog
        data = participants.participant_data(s, who)
        version = participants.participant_version(s, who)
    with other.session() as s:  # B saves a new phone number meanwhile
        b_data = participants.participant_data(s, who)
        participants.save_participant(
            s,
            participants.ParticipantData(**{**b_data.__dict__, "phone": "048-830-3222"}),
            who,
            expected_version=version,
        )
    a_data = participants.ParticipantData(**{**data.__dict__, "title": "主幹"})
    with pytest.raises(ConcurrentEditError), demo_db.session() as s:
        participants.save_participant(s, a_data, who, expected_version=version)
    with demo_db.session() as s:
        stored = participants.participant_data(s, who)
        assert (stored.phone, stored.title) == ("048-830-3222", data.title)
        fresh = participants.participant_version(s, who)
    with demo_db.session() as s:  # made again on what is stored now: both kept
        participants.save_participant(
            s,
            participants.ParticipantData(**{**stored.__dict__, "title": "主幹"}),
            who,
            expected_version=fresh,
        )
    with demo_db.session() as s:
        stored = participants.participant_data(s, who)
        assert (stored.phone, stored.title) == ("048-830-3222", "主幹")


def test_an_import_while_another_organiser_registers_the_same_person(demo_db, other):
    from pathlib import Path

    from kenshu_desk.services.participants.participant_import import ParticipantImport

    data = Path(__file__).resolve().parent / "data" / "participants_utf8_bom.csv"
    eid, sato = _event(demo_db), _person(demo_db, "k.sato@example.jp")  # in that file
    imp = ParticipantImport.from_file(data)
    with demo_db.session() as s:
        planned = imp.preview(s, event_id=eid)  # what A confirmed: 佐藤 is to be registered
    fired = []

    def b_registers_sato(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        # A has started writing the import: B registers 佐藤 just now.
        if statement.lstrip().upper().startswith("INSERT") and not fired:
            fired.append(True)
            with other.session() as s:
                regs.register(s, eid, [sato])

    event.listen(demo_db.engine, "before_cursor_execute", b_registers_sato)
    try:
        with demo_db.session() as s:
            result = imp.commit(s, event_id=eid, preview=planned)
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", b_registers_sato)
    assert fired and _count(demo_db, eid, sato) == 1  # not twice
    assert (result.registered, result.already_registered) == (2, 1)
