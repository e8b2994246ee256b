"""Calls the window makes: each opens its own session (one user action = one transaction)
and returns what the main window shows — the event list, one event's row or view, what a
delete would take with it — or makes the delete the user confirmed."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.exc import SQLAlchemyError

from kenshu_desk.database import Database, DatabaseError
from kenshu_desk.domain.models import Event
from kenshu_desk.services.timetable import event_edit
from kenshu_desk.services.timetable.event_view import (
    EventView,
    list_event_summaries,
    load_event_view,
)


def event_list(db: Database) -> list[Event]:
    """Every event without its programme, newest first (only their own columns are loaded)."""
    with db.read_session() as session:
        return list_event_summaries(session)


def find_event(db: Database, event_id: int) -> Event | None:
    """The event's own columns, or None when it is gone (deleted, here or by someone else)."""
    with db.session() as session:
        return session.get(Event, event_id)


def event_view(db: Database, event_id: int) -> EventView:
    """What the editor shows of an event; NotFoundError when it is gone. Read without a
    transaction: switching events costs a round trip per statement on a server, no more."""
    with db.read_session() as session:
        return load_event_view(session, event_id)


def event_dependents(db: Database, event_id: int) -> event_edit.Dependents:
    """The registrations, recordings and sent mail a delete of the event would take along."""
    with db.session() as session:
        return event_edit.event_dependents(session, event_id)


def delete_event_and_dependents(
    db: Database,
    event_id: int,
    *,
    expected_version: int,
    expected_items: Mapping[int, int],
) -> None:
    """Delete an event with its registrations, recordings and sent mail (the user confirmed;
    no undo), in one transaction. ConcurrentEditError when another organiser changed the
    event or its programme since it was shown; DatabaseError for any other database failure."""
    try:
        with db.session() as session:
            event_edit.delete_event(
                session,
                event_id,
                force=True,
                expected_version=expected_version,
                expected_items=expected_items,
            )
    except SQLAlchemyError as exc:
        raise DatabaseError(str(exc)) from exc
