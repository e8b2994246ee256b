"""An event with registrants, for the survey tests."""

from __future__ import annotations

import datetime as dt

import pytest

from kenshu_desk.database import Database
from kenshu_desk.domain.models import Event, Participant, Registration


@pytest.fixture
def event_id(db: Database) -> int:
    with db.session() as s:
        event = Event(
            title="包括的支援体制実践能力養成研修",
            date=dt.date(2021, 11, 25),
            start_time=dt.time(13, 30),
            end_time=dt.time(16, 30),
        )
        s.add(event)
        for name, email in (
            ("石井 翔", "ishii@city.example.jp"),
            ("山口 美咲", "yamaguchi@town.example.jp"),
            ("加藤 恵", ""),  # no address on file: found by name
        ):
            person = Participant(name=name, email=email)
            s.add(person)
            s.flush()
            s.add(Registration(event_id=event.id, participant_id=person.id))
        s.flush()
        return event.id
