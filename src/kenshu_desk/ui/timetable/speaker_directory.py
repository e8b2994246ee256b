"""The speaker directory shared by the directory tab and the presenter type-ahead.

With thousands of speakers, reading and sorting them (五十音 keys) takes a noticeable
moment, so the full read runs on a worker thread with its own database session while the
window opens; after an edit only the speakers concerned are read again and moved to their
place. A newer read always wins over an older one still in flight.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from kenshu_desk.database import Database
from kenshu_desk.services.timetable.actions import all_speakers, speaker_rows
from kenshu_desk.services.timetable.speakers import SpeakerRow
from kenshu_desk.ui.shell.workers import TaskRunner
from kenshu_desk.ui.timetable.speaker_models import SpeakerListModel


class SpeakerDirectory(QObject):
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = SpeakerListModel(self)
        self._runner = TaskRunner(self)
        self._generation = 0
        self.loading = False

    def load(self) -> None:
        """Read the whole directory again, in the background."""
        self._generation += 1
        self.loading = True
        generation, db = self._generation, self.db
        self._runner.start(
            lambda _progress, _cancelled: all_speakers(db),  # the worker's own session
            lambda rows: self._on_done(generation, rows),
            lambda message: self._on_failed(generation, message),
        )

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
        self._runner.wait()

    def _on_done(self, generation: int, rows: list[SpeakerRow]) -> None:
        if generation == self._generation:  # else an older read: a newer one is on its way
            self._set(rows)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.loading = False
            self.failed.emit(message.splitlines()[0] if message else message)

    def _set(self, rows: list[SpeakerRow]) -> None:
        self.loading = False
        self.model.set_rows(rows)
        self.loaded.emit()
