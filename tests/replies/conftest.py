"""Fixtures for the replies tests: an event we invited people to, and a real IMAP mailbox."""

from __future__ import annotations

import datetime as dt

import pytest
from replykit import PEOPLE, Invited, Mailbox, imap_server, new_mailbox

from kenshu_desk.database import Database
from kenshu_desk.domain.models import Event, Participant, Registration


@pytest.fixture
def invited(db: Database) -> Invited:
    with db.session() as s:
        event = Event(
            title="市町村地域福祉管理職研修会",
            date=dt.date(2021, 11, 25),
            start_time=dt.time(14, 30),
            end_time=dt.time(16, 30),
            organiser_email="kenshu@pref.saitama.lg.jp",
        )
        other = Event(
            title="地域包括支援センター情報交換会",
            date=dt.date(2021, 12, 8),
            start_time=dt.time(13, 30),
            end_time=dt.time(16, 0),
        )
        s.add_all([event, other])
        ids = {}
        for key, (name, address) in PEOPLE.items():
            person = Participant(name=name, email=address)
            s.add(person)
            s.flush()
            ids[key] = person.id
            s.add(Registration(event_id=event.id, participant_id=person.id))
        s.add(Registration(event_id=other.id, participant_id=ids["kato"]))
        s.flush()
        return Invited(event.id, event.calendar_uid, other.id, other.calendar_uid, ids)


@pytest.fixture(scope="session")
def imap_info() -> dict[str, str]:
    return imap_server()


@pytest.fixture
def mailbox(imap_info: dict[str, str]) -> Mailbox:
    return new_mailbox(imap_info)
