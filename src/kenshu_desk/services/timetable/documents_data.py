"""Calls the 印刷 menu makes: each opens its own session (one per call, on the thread that
calls it — the previews build their PDF on a worker) and returns plain data or the PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from kenshu_desk.database import Database
from kenshu_desk.domain.models import Event
from kenshu_desk.domain.roster import Roster, RosterOrder
from kenshu_desk.services.participants.roster import event_roster
from kenshu_desk.services.timetable.events import get_event

Progress = Callable[[int, int], None]


def agenda_pdf_bytes(db: Database, event_id: int, progress: Progress | None = None) -> bytes:
    """The event's agenda as PDF bytes, built while its programme is loaded; NotFoundError
    when the event is gone."""
    from kenshu_desk.documents.agenda import agenda_pdf  # reportlab: not at start-up

    with db.session() as session:
        return agenda_pdf(get_event(session, event_id), progress=progress)


def roster_of(db: Database, event_id: int, order: RosterOrder) -> Roster:
    """Everyone registered for the event, sorted by order; NotFoundError when it is gone."""
    with db.session() as session:
        return event_roster(session, event_id, order)


def event_title_and_date(db: Database, event_id: int) -> tuple[str, dt.date] | None:
    """The event's title and date for a preview's heading, or None when it is gone."""
    with db.session() as session:
        event = session.get(Event, event_id)
        return (event.title, event.date) if event is not None else None
