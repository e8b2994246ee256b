"""Row versions for team mode: an edit applies to the row the user saw, or not at all.

Every editable row carries a version number (the models' version_id_col), raised by each
UPDATE. An edit made on a screen carries the version that screen showed; when another
organiser saved the row since, the stored version differs and the edit is refused
(ConcurrentEditError) instead of writing over their change.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from kenshu_desk.database import ConcurrentEditError, Database


def expect_version(row: Any, expected: int | None) -> None:
    """Refuse the edit when the row is no longer at the version the user saw (None: any)."""
    if expected is not None and row.version != expected:
        raise ConcurrentEditError()


def expect_order(current: Sequence[int], expected: Sequence[int] | None) -> None:
    """Refuse a reordering made on an order that is no longer the stored one (None: any)."""
    if expected is not None and tuple(current) != tuple(expected):
        raise ConcurrentEditError()


def touch(row: Any, column: str) -> None:
    """Raise the row's version although none of its own columns changed.

    A change of rows that belong to it (an item's presenters) is a change of the row for
    the organisers editing it: the UPDATE of `column` with its own value raises the version
    and, like any versioned UPDATE, fails if another organiser saved the row meanwhile."""
    flag_modified(row, column)


RowKey = tuple[type, int]


class WrittenVersions:
    """The version each row had after this program's own last committed write of it.

    An undo or redo step writes over a row this program wrote before; it is safe only while
    nobody else has written the row since, i.e. while the stored version is still the one
    recorded here. Every versioned row a flush inserts or updates counts (also the rows an
    insertion renumbers), and only once its transaction commits."""

    def __init__(self, db: Database) -> None:
        self._lock = threading.Lock()
        self._known: dict[RowKey, int] = {}
        event.listen(db.sessions, "after_flush", self._flushed)
        event.listen(db.sessions, "after_commit", self._committed)
        event.listen(db.sessions, "after_rollback", self._rolled_back)

    @classmethod
    def of(cls, db: Database) -> WrittenVersions:
        """The one record of a database's own writes (every window and panel shares it)."""
        with _BOOKS_LOCK:
            book = _BOOKS.get(db.sessions)
            if book is None:
                book = _BOOKS[db.sessions] = cls(db)
            return book

    def get(self, model: type, row_id: int) -> int | None:
        with self._lock:
            return self._known.get((model, row_id))

    @staticmethod
    def _flushed(session: Session, _context: object) -> None:
        pending: dict[RowKey, int] = session.info.setdefault("kenshu_written", {})
        for row in (*session.new, *session.dirty):
            version = getattr(row, "version", None)
            if isinstance(version, int) and session.is_modified(row):
                pending[(type(row), row.id)] = version

    def _committed(self, session: Session) -> None:
        pending = session.info.pop("kenshu_written", {})
        with self._lock:
            self._known.update(pending)

    @staticmethod
    def _rolled_back(session: Session) -> None:
        session.info.pop("kenshu_written", None)


_BOOKS: weakref.WeakKeyDictionary[object, WrittenVersions] = weakref.WeakKeyDictionary()
_BOOKS_LOCK = threading.Lock()
