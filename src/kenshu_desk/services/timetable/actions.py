"""Calls the window makes: each opens its own session, is one transaction, returns plain data.

The reads of the speaker directory (講師名簿) and its tab; the undo commands' steps are in
programme_actions. Each call opens its session on the thread that calls it: the directory's
full read runs on a worker.
"""

from __future__ import annotations

from collections.abc import Iterable

from kenshu_desk.database import Database
from kenshu_desk.services.timetable.speakers import (
    Appearance,
    SpeakerRow,
    list_speakers,
    speaker_appearances,
    speaker_row,
)


def all_speakers(db: Database) -> list[SpeakerRow]:
    """Every speaker, in 五十音 order of the reading."""
    with db.session() as s:
        return list_speakers(s)


def speaker_rows(db: Database, speaker_ids: Iterable[int]) -> dict[int, SpeakerRow | None]:
    """The given speakers' rows read again (None for a speaker that is gone)."""
    with db.session() as s:
        return {sid: speaker_row(s, sid) for sid in set(speaker_ids)}


def appearances_of(db: Database, speaker_id: int) -> list[Appearance]:
    """The events the speaker appears in, newest first."""
    with db.session() as s:
        return speaker_appearances(s, speaker_id)
