"""Nothing that waits on the database server runs on the GUI thread: the team-mode poll.

Across an office network a query costs 5–30 ms or more; on the GUI thread it freezes the
window. The first test checks on which thread the poll's statements run (any database); the
second puts a 400 ms round trip in front of PostgreSQL and measures the event loop's longest
block while the poll runs (an event-loop stall probe), far below one round trip.
"""

from __future__ import annotations

import threading
import time

import pytest
from benchmarks.latency_proxy import LatencyProxy
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import event
from sqlalchemy.engine import make_url

from kenshu_desk.database import Database, open_database


def _threads_of_statements(db: Database):  # type: ignore[no-untyped-def]
    seen: list[bool] = []

    def before(*_args):  # type: ignore[no-untyped-def]
        seen.append(threading.current_thread() is threading.main_thread())

    event.listen(db.engine, "before_cursor_execute", before)
    return seen, lambda: event.remove(db.engine, "before_cursor_execute", before)


def test_the_timer_poll_reads_on_a_worker(qtbot, open_window, demo_db):  # type: ignore[no-untyped-def]
    window = open_window(demo_db)
    watcher = window.change_watcher
    on_gui, stop = _threads_of_statements(demo_db)
    try:
        watcher.timer.timeout.emit()  # what the 5-second timer does
        qtbot.waitUntil(lambda: not watcher._reader.busy, timeout=10_000)
    finally:
        stop()
    assert on_gui, "the poll ran no statement"
    assert not any(on_gui), "the poll queried the database on the GUI thread"


def test_a_change_elsewhere_still_arrives_through_the_worker(qtbot, open_window, demo_db):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from kenshu_desk.domain.models import Event

    window = open_window(demo_db)
    watcher = window.change_watcher
    other = open_database(demo_db.url)
    try:
        with other.session() as s:
            s.scalars(select(Event)).first().venue = "さいたま市民会館うらわ"
        reloads: list[bool] = []
        original = watcher.reload_window
        watcher.reload_window = lambda note=True: reloads.append(note) or original(note)  # type: ignore[method-assign]
        watcher.timer.timeout.emit()
        qtbot.waitUntil(lambda: bool(reloads), timeout=10_000)
    finally:
        other.dispose()


class _Probe:
    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


@pytest.mark.postgres_only
def test_a_slow_network_does_not_freeze_the_window_while_polling(  # type: ignore[no-untyped-def]
    qtbot, open_window, demo_db
):
    url = make_url(demo_db.url)
    proxy = LatencyProxy(url.host or "127.0.0.1", url.port or 5432, rtt_ms=400).start()
    slow = open_database(url.set(port=proxy.port).render_as_string(hide_password=False))
    try:
        window = open_window(slow)
        watcher = window.change_watcher
        probe = _Probe()
        probe._last = time.perf_counter()
        probe.timer.start()
        started = time.perf_counter()  # before the emit: the worker starts the read at once
        watcher.timer.timeout.emit()
        qtbot.waitUntil(lambda: not watcher._reader.busy, timeout=20_000)
        waited = time.perf_counter() - started
        probe.timer.stop()
        assert waited >= 0.3  # the read crossed the slow link (one 400 ms round trip)
        assert probe.longest < 0.2, f"the GUI thread was blocked {probe.longest * 1000:.0f} ms"
        QApplication.processEvents()
    finally:
        slow.dispose()
        proxy.stop()


@pytest.mark.postgres_only
def test_a_server_that_stops_answering_mid_edit_leaves_the_window_alive(  # type: ignore[no-untyped-def]
    qtbot, open_window, demo_db
):
    """The edit waits on its own thread: the window keeps painting, a dialog offers to stop
    waiting, the message says so in Japanese and the typed text stays in the field."""
    from PySide6.QtWidgets import QProgressDialog

    url = make_url(demo_db.url)
    proxy = LatencyProxy(url.host or "127.0.0.1", url.port or 5432, rtt_ms=0).start()
    slow = open_database(url.set(port=proxy.port).render_as_string(hide_password=False))
    try:
        window = open_window(slow)
        window.change_watcher.timer.stop()
        event_id = window.current_event_id()
        assert event_id is not None
        venue = window.form.venue
        probe = _Probe()
        seen_dialogs: list[str] = []

        def stop_waiting() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, QProgressDialog)
            seen_dialogs.append(dialog.labelText())
            dialog.cancel()

        proxy.frozen = True
        QTimer.singleShot(1500, stop_waiting)
        probe._last = time.perf_counter()
        probe.timer.start()
        venue.setText("さいたま新都心合同庁舎1号館 2階 会議室")
        venue.editingFinished.emit()  # returns once the user stopped waiting
        probe.timer.stop()

        assert seen_dialogs and "応答を待っています" in seen_dialogs[0]
        assert probe.longest < 0.2, f"the GUI thread was blocked {probe.longest * 1000:.0f} ms"
        message = window.statusBar().currentMessage()
        assert "待つのをやめました" in message and "画面に残してあります" in message
        assert venue.text() == "さいたま新都心合同庁舎1号館 2階 会議室"
        assert window.undo_stack.count() == 0  # no step claimed that was not confirmed

        proxy.frozen = False  # the server answers again: the held edit lands on its own
        from kenshu_desk.domain.models import Event

        def stored_venue() -> str:
            with demo_db.session() as s:
                return s.get(Event, event_id).venue

        qtbot.waitUntil(lambda: stored_venue() == venue.text(), timeout=20_000)
    finally:
        proxy.frozen = False
        slow.dispose()
        proxy.stop()
