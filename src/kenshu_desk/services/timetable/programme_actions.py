"""Calls the window makes: each opens its own session, is one transaction, returns plain data.

These are the steps of the undo commands (ui/timetable/commands.py and
programme_commands.py): every redo() and undo() of an edit of an event, its programme or a
speaker is one call here, committed whole or not at all. Deleted rows come back as
snapshots, so a later step puts them back with their ids.

Errors are the program's own: a row another organiser changed first raises
ConcurrentEditError, a refused input UserError, and any other refusal of the database
SaveFailed (with the database's first line of explanation).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kenshu_desk.database import ConcurrentEditError, Database, DatabaseError
from kenshu_desk.messages import msg
from kenshu_desk.services.timetable import event_edit, programme_edit, speakers
from kenshu_desk.services.timetable.event_edit import EventSnapshot
from kenshu_desk.services.timetable.programme_edit import ItemData, ItemSnapshot, PresenterRef
from kenshu_desk.services.timetable.speakers import SpeakerSnapshot


class SaveFailed(DatabaseError):
    """The database refused a step for a reason of its own; `detail` is its first line."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(msg("timetable.save_failed", detail=detail))


@contextlib.contextmanager
def _step(db: Database) -> Iterator[Session]:
    """One step, one transaction; the database's own errors become the program's."""
    try:
        with db.session() as session:
            yield session
    except StaleDataError as exc:  # raised outside Database.session(): same meaning
        raise ConcurrentEditError() from exc
    except SQLAlchemyError as exc:
        raise SaveFailed(str(exc).splitlines()[0]) from exc


# --- events -------------------------------------------------------------------------------


def update_event(
    db: Database, event_id: int, changes: Mapping[str, Any], expected_version: int | None
) -> dict[str, Any]:
    """Change event fields; returns their previous values."""
    with _step(db) as s:
        return event_edit.update_event(s, event_id, changes, expected_version=expected_version)


def create_event(db: Database, fields: Mapping[str, Any]) -> int:
    with _step(db) as s:
        return event_edit.create_event(s, fields)


def duplicate_event(db: Database, event_id: int, new_date: dt.date, title: str | None) -> int:
    with _step(db) as s:
        return event_edit.duplicate_event(s, event_id, new_date, title)


def restore_event(db: Database, snapshot: EventSnapshot) -> int:
    with _step(db) as s:
        return event_edit.restore_event(s, snapshot)


def delete_event(
    db: Database,
    event_id: int,
    expected_version: int | None = None,
    expected_items: Mapping[int, int] | None = None,
) -> EventSnapshot:
    """Delete an event that has only its programme (refused otherwise, never forced)."""
    with _step(db) as s:
        return event_edit.delete_event(
            s, event_id, expected_version=expected_version, expected_items=expected_items
        )


# --- programme ----------------------------------------------------------------------------


def add_item(db: Database, event_id: int, data: ItemData, index: int | None) -> int:
    with _step(db) as s:
        return programme_edit.add_item(s, event_id, data, index)


def restore_item(db: Database, snapshot: ItemSnapshot) -> None:
    with _step(db) as s:
        programme_edit.restore_item(s, snapshot)


def delete_item(db: Database, item_id: int, expected_version: int | None) -> ItemSnapshot:
    with _step(db) as s:
        return programme_edit.delete_item(s, item_id, expected_version=expected_version)


def delete_shown_item(
    db: Database, event_id: int, item_id: int, expected_version: int | None
) -> tuple[ItemSnapshot, int | None]:
    """Delete an item; also the item now in its place (the next, else the last) to select."""
    with _step(db) as s:
        snapshot = programme_edit.delete_item(s, item_id, expected_version=expected_version)
        ids = programme_edit.item_ids(s, event_id)
    index = min(snapshot.index, len(ids) - 1)
    return snapshot, ids[index] if ids else None


def move_item(
    db: Database, event_id: int, item_id: int, to_index: int, expected_order: Sequence[int] | None
) -> tuple[int, tuple[int, ...]]:
    """Move an item within its programme; its previous index and the order now stored."""
    with _step(db) as s:
        from_index = programme_edit.move_item(s, item_id, to_index, expected_order=expected_order)
        return from_index, tuple(programme_edit.item_ids(s, event_id))


def update_item(
    db: Database, item_id: int, changes: Mapping[str, Any], expected_version: int | None
) -> dict[str, Any]:
    """Change item fields; returns their previous values."""
    with _step(db) as s:
        return programme_edit.update_item(s, item_id, changes, expected_version=expected_version)


def set_presenters(
    db: Database, item_id: int, refs: Sequence[PresenterRef], expected_version: int | None
) -> tuple[PresenterRef, ...]:
    """Replace the item's presenters; returns the previous ones."""
    with _step(db) as s:
        return programme_edit.set_presenters(s, item_id, refs, expected_version=expected_version)


def add_new_presenter(
    db: Database,
    item_id: int,
    fields: Mapping[str, Any],
    current: Sequence[PresenterRef],
    expected_version: int | None,
    speaker_id: int | None = None,
) -> int:
    """Create a speaker and add them after the item's `current` presenters; their id.

    `speaker_id` only when a redo puts the same speaker back."""
    with _step(db) as s:
        new_id = speakers.create_speaker(s, fields, speaker_id=speaker_id)
        refs = (*current, PresenterRef(new_id))
        programme_edit.set_presenters(s, item_id, refs, expected_version=expected_version)
        return new_id


def remove_new_presenter(
    db: Database,
    item_id: int,
    current: Sequence[PresenterRef],
    item_version: int | None,
    speaker_id: int,
    speaker_version: int | None,
) -> None:
    """Undo add_new_presenter: the item's presenters back to `current`, the speaker deleted."""
    with _step(db) as s:
        programme_edit.set_presenters(s, item_id, current, expected_version=item_version)
        speakers.delete_speaker(s, speaker_id, expected_version=speaker_version)


# --- speakers -----------------------------------------------------------------------------


def create_speaker(db: Database, fields: Mapping[str, Any]) -> int:
    with _step(db) as s:
        return speakers.create_speaker(s, fields)


def restore_speaker(db: Database, snapshot: SpeakerSnapshot) -> int:
    with _step(db) as s:
        return speakers.restore_speaker(s, snapshot)


def update_speaker(
    db: Database, speaker_id: int, changes: Mapping[str, Any], expected_version: int | None
) -> dict[str, Any]:
    """Change speaker fields; returns their previous values."""
    with _step(db) as s:
        return speakers.update_speaker(s, speaker_id, changes, expected_version=expected_version)


def delete_speaker(db: Database, speaker_id: int, expected_version: int | None) -> SpeakerSnapshot:
    """Delete a speaker who appears in no programme; returns a snapshot for undo."""
    with _step(db) as s:
        return speakers.delete_speaker(s, speaker_id, expected_version=expected_version)
