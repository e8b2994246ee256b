"""The speaker directory shared by the directory tab and the presenter type-ahead.

With thousands of speakers, reading and sorting them (五十音 keys) takes a noticeable
moment, so the full read runs on a worker thread with its own database session while the
window opens; after an edit only the speakers concerned are read again and moved to their
place. A newer read always wins over an older one still in flight.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kenshu_desk.database import Database
from kenshu_desk.services.timetable.actions import all_speakers, speaker_rows
from kenshu_desk.services.timetable.speakers import SpeakerRow
from kenshu_desk.ui.timetable.speaker_models import SpeakerListModel


class _Relay(QObject):
    """Carries the worker's result to the GUI thread (a queued signal)."""

    done = Signal(int, object)  # generation, list[SpeakerRow] or the exception


class _ReadAll(QRunnable):
    def __init__(self, db: Database, generation: int, relay: _Relay) -> None:
        super().__init__()
        self.db = db
        self.generation = generation
        self.relay = relay

    def run(self) -> None:
        try:
            result: object = all_speakers(self.db)  # this thread's own session
        except Exception as exc:  # reported in the GUI thread
            result = exc
        self.relay.done.emit(self.generation, result)


class SpeakerDirectory(QObject):
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = SpeakerListModel(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._generation = 0
        self.loading = False

    def load(self) -> None:
        """Read the whole directory again, in the background."""
        self._generation += 1
        self.loading = True
        self._pool.start(_ReadAll(self.db, self._generation, self._relay))

    def load_now(self) -> None:
        """Read the whole directory in this thread (tests, benchmarks, small databases)."""
        self._generation += 1
        self._set(all_speakers(self.db))

    def refresh(self, speaker_ids: Iterable[int]) -> None:
        """Read the given speakers again after an edit and put them in their place."""
        if self.loading:
            self.load()  # a read in flight may predate the edit: start a newer one
            return
        for speaker_id, row in speaker_rows(self.db, speaker_ids).items():
            if row is None:
                self.model.remove(speaker_id)
            else:
                self.model.upsert(row)

    def wait(self) -> None:
        """Let a read in flight finish (before the window and the database go away)."""
        self._pool.waitForDone()

    def _on_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # an older read: a newer one is on its way
        if isinstance(result, Exception):
            self.loading = False
            self.failed.emit(str(result).splitlines()[0] if str(result) else repr(result))
            return
        assert isinstance(result, list)
        self._set(result)

    def _set(self, rows: list[SpeakerRow]) -> None:
        self.loading = False
        self.model.set_rows(rows)
        self.loaded.emit()
