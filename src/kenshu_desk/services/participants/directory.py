"""Calls the window makes: each opens its own session and returns plain data.

For the participant directory widget: its rows (read on the widget's worker, or for a few
people after an edit), a person's history, archiving and deleting. One call is one
transaction.
"""

from __future__ import annotations

from kenshu_desk.database import Database
from kenshu_desk.services.participants.participants import (
    DirectoryRow,
    HistoryRow,
    delete_participant,
    directory_rows,
    participant_history,
    set_archived,
)


def read_directory(
    db: Database, *, include_archived: bool, ids: list[int] | None = None
) -> list[DirectoryRow]:
    """Everyone (or only ``ids``) in 五十音 order; safe on a worker (its own session)."""
    with db.session() as s:
        return directory_rows(s, include_archived=include_archived, ids=ids)


def history_of(db: Database, participant_id: int) -> list[HistoryRow]:
    """The events the person registered for, newest first."""
    with db.session() as s:
        return participant_history(s, participant_id)


def archive_participant(db: Database, participant_id: int, archived: bool) -> None:
    """Archive the person (or bring them back to the directory)."""
    with db.session() as s:
        set_archived(s, participant_id, archived)


def delete_without_history(db: Database, participant_id: int) -> None:
    """Delete a person; UserError when they have registrations (archive them instead)."""
    with db.session() as s:
        delete_participant(s, participant_id)
