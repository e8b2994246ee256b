"""services.timetable.window: the main window's forced delete, one transaction, own errors."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kenshu_desk.database import ConcurrentEditError, Database, DatabaseError
from kenshu_desk.domain.models import Event
from kenshu_desk.services.timetable import event_edit
from kenshu_desk.services.timetable import window as window_service


def _shown(db: Database, day: dt.date) -> tuple[int, int, dict[int, int]]:
    """(event id, version, {item id: version}) as the window would show the event."""
    with db.session() as s:
        event = s.scalars(select(Event).where(Event.date == day)).one()
        return event.id, event.version, {i.id: i.version for i in event.items}


def test_forced_delete_takes_the_registrations_along(demo_db: Database):
    eid, version, items = _shown(demo_db, dt.date(2021, 11, 25))
    assert not window_service.event_dependents(demo_db, eid).none
    window_service.delete_event_and_dependents(
        demo_db, eid, expected_version=version, expected_items=items
    )
    assert window_service.find_event(demo_db, eid) is None


def test_forced_delete_refuses_a_changed_programme(demo_db: Database):
    eid, version, items = _shown(demo_db, dt.date(2021, 11, 25))
    stale = {item_id: v + 1 for item_id, v in items.items()}
    with pytest.raises(ConcurrentEditError):
        window_service.delete_event_and_dependents(
            demo_db, eid, expected_version=version, expected_items=stale
        )
    assert window_service.find_event(demo_db, eid) is not None


def test_a_database_failure_becomes_the_programs_own_error(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
):
    eid, version, items = _shown(demo_db, dt.date(2021, 11, 25))

    def refused(*_args: object, **_kwargs: object) -> None:
        raise IntegrityError("DELETE FROM event", {}, Exception("FOREIGN KEY constraint failed"))

    monkeypatch.setattr(event_edit, "delete_event", refused)
    with pytest.raises(DatabaseError, match="FOREIGN KEY constraint failed"):
        window_service.delete_event_and_dependents(
            demo_db, eid, expected_version=version, expected_items=items
        )
