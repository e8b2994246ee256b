"""名札 / 卓上名札 / グループ分け as PDF bytes from a Database: what the window's previews build
on their worker thread (each opens its own session there)."""

from __future__ import annotations

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.badges import badge_people
from kenshu_desk.services.participants.groups import event_groups
from kenshu_desk.services.timetable.events import get_event


def badges_pdf_bytes(db: Database, event_id: int, layout: str) -> bytes:
    from kenshu_desk.documents.badges import badges_pdf  # reportlab: not at start-up

    with db.session() as session:
        title = get_event(session, event_id).title
        people = badge_people(session, event_id)
    if not people:
        raise UserError(msg("badges.nobody"))
    return badges_pdf(title, people, layout)


def groups_pdf_bytes(db: Database, event_id: int, count: int, seed: int = 0) -> bytes:
    from kenshu_desk.documents.groups import groups_pdf

    with db.session() as session:
        title = get_event(session, event_id).title
        groups = event_groups(session, event_id, count, seed)
    return groups_pdf(title, groups)


def stored_groups_pdf_bytes(db: Database, event_id: int) -> bytes:
    """The stored grouping (as moved by hand) as the list and the seating sheet."""
    from kenshu_desk.documents.groups import groups_pdf
    from kenshu_desk.services.participants.groups_store import stored_groups

    with db.session() as session:
        title = get_event(session, event_id).title
        found = stored_groups(session, event_id)
    if found is None:
        raise UserError.of("groups.none_stored", event_id=event_id)
    return groups_pdf(title, found.groups)
