"""Team mode across an office network: the user's actions on the large database in
PostgreSQL, reached through a proxy that adds a chosen round-trip time (latency_proxy.py).

`python -m benchmarks --only network [--rtt-ms 20]` (several values: `--rtt-ms 0 5 20`).
The server: KENSHU_BENCH_POSTGRES_URL or KENSHU_TEST_POSTGRES_URL, else one started with
.ci/start-postgres (Debian's postgresql package, as root), else the module says it is skipped.

Every figure is printed beside its target (issue 19's targets at 20 ms RTT). Round trips are
counted by the proxy (requests sent after the link went quiet). "GUI thread, longest block"
is an event-loop stall probe: a 10 ms timer on the GUI thread that notes its longest gap while
the window's actions run.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url

from benchmarks.common import Figure
from benchmarks.latency_proxy import LatencyProxy

ROOT = Path(__file__).resolve().parents[1]
RTT_DEFAULT = (20.0,)


def _server_url() -> str | None:
    for name in ("KENSHU_BENCH_POSTGRES_URL", "KENSHU_TEST_POSTGRES_URL"):
        if os.environ.get(name):
            return os.environ[name]
    has_server = any(Path("/usr/lib/postgresql").glob("*/bin/initdb")) and shutil.which("su")
    if not has_server or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    out = subprocess.run(
        [str(ROOT / ".ci" / "start-postgres")], capture_output=True, text=True, check=False
    )
    return out.stdout.strip().splitlines()[-1] if out.returncode == 0 else None


@contextmanager
def _database(admin_url: str) -> Iterator[str]:
    name = f"kd_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _through(url: str, proxy: LatencyProxy) -> str:
    return (
        make_url(url).set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    )


class StallProbe:
    """A 10 ms timer on the GUI thread; the longest gap between its ticks is the longest time
    the event loop was blocked (the window did not repaint or take a key)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self.during = ""  # the action that blocked longest
        self.action = ""
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000 - 10
        if gap > self.longest:
            self.longest, self.during = gap, self.action
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


def _timed(action: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    action()
    return (time.perf_counter() - t0) * 1000


def _trips(proxy: LatencyProxy, action: Callable[[], object]) -> tuple[float, float]:
    proxy.reset_count()
    ms = _timed(action)
    return float(proxy.requests), ms


def run(db_path: Path, rtt_ms: tuple[float, ...] = RTT_DEFAULT) -> list[Figure]:
    admin = _server_url()
    if admin is None:
        print("network: skipped (no PostgreSQL: set KENSHU_BENCH_POSTGRES_URL or run as root"
              " with Debian's postgresql package)")  # fmt: skip
        return []
    from kenshu_desk.database import open_database
    from kenshu_desk.services.team.copy_database import copy_database

    figures: list[Figure] = []
    with _database(admin) as url:
        source = open_database(f"sqlite:///{db_path}")
        try:
            copy_database(source, url)
        finally:
            source.dispose()
        pg = make_url(url)
        for rtt in rtt_ms:
            proxy = LatencyProxy(pg.host or "127.0.0.1", pg.port or 5432, rtt_ms=rtt).start()
            try:
                figures += [
                    Figure(f"[{rtt:g} ms] {f.name}", f.value, f.unit, max_value=f.max_value)
                    for f in _measure(_through(url, proxy), proxy, rtt)
                ]
            finally:
                proxy.stop()
    return figures


def _measure(url: str, proxy: LatencyProxy, rtt: float) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from kenshu_desk.app import configure_application
    from kenshu_desk.database import open_database

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    out: list[Figure] = []
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            conn.execute(text("select 1"))  # the pool holds a connection from here on
            pings = [_timed(lambda: conn.execute(text("select 1"))) for _ in range(5)]
        out.append(Figure("one round trip (select 1)", statistics.median(pings)))
        out += _window_figures(app, db, proxy)
        out += _service_figures(db, proxy)
    finally:
        db.dispose()
    return out


def _window_figures(app, db, proxy: LatencyProxy) -> list[Figure]:  # type: ignore[no-untyped-def]
    from benchmarks.editor import _type
    from kenshu_desk.app import settle_memory
    from kenshu_desk.ui.participants.participant_directory import ParticipantDirectoryWidget
    from kenshu_desk.ui.shell.main_window import MainWindow
    from kenshu_desk.ui.timetable.event_list import EVENT_ID_ROLE

    probe = StallProbe()
    out: list[Figure] = []
    window = None

    def open_window() -> None:
        nonlocal window
        window = MainWindow(db)
        window.resize(1366, 728)
        window.show()
        app.processEvents()
        settle_memory()  # what app.py does once the main window is up

    out.append(Figure("main window filled", _timed(open_window), max_value=2500))
    assert window is not None
    probe.start()  # from here on every action is the user's, on a window already shown
    t0 = time.perf_counter()
    while window.speakers.loading and time.perf_counter() - t0 < 60:
        app.processEvents()
    out.append(Figure("speaker directory ready (worker)", (time.perf_counter() - t0) * 1000))

    proxy_ = window.events_proxy
    probe.action = "switch event"
    shows = []
    for row in range(0, 40, 4):
        event_id = int(proxy_.index(row, 0).data(EVENT_ID_ROLE))

        def show(event_id: int = event_id) -> None:
            window.select_event(event_id)
            app.processEvents()

        shows.append(_timed(show))
    out.append(Figure("switch event, median", statistics.median(shows), max_value=150))

    probe.action = "event filter"
    window.search.clear()
    keys = _type(app, window.search, "市町村情報交換会 第3回")
    window.search.clear()
    app.processEvents()
    out.append(Figure("event filter, slowest keystroke", max(keys), max_value=50))

    probe.action = "presenter type-ahead"
    table = window.programme.table
    table.setCurrentIndex(window.programme.model.index(1, 3))
    entry = window.programme.presenters.entry
    ahead = _type(app, entry, "なかじま 文京")
    window.programme.presenters.completer.popup().hide()
    entry.clear()
    out.append(Figure("presenter type-ahead, slowest keystroke", max(ahead), max_value=50))

    probe.action = "participant directory open"
    t0 = time.perf_counter()
    directory = ParticipantDirectoryWidget(db)
    loaded: list[bool] = []
    directory.loaded.connect(lambda: loaded.append(True))
    directory.resize(1200, 700)
    directory.show()
    while not loaded:  # the rows come from a worker; the window keeps taking events
        app.processEvents()
    out.append(Figure("participant directory (20,000) open", (time.perf_counter() - t0) * 1000,
                      max_value=1500))  # fmt: skip
    probe.action = "directory filter"
    typed = _type(app, directory.search, "やまだ みさ")
    out.append(Figure("directory filter, slowest keystroke", max(typed), max_value=50))
    directory.close()

    probe.action = "team-mode poll"
    watcher = window.change_watcher
    polls = []
    proxy.reset_count()
    for _ in range(3):
        polls.append(_timed(watcher.poll_in_background))  # what the timer calls
        while watcher._reader.busy:
            app.processEvents()
    out.append(Figure("team-mode poll, round trips", proxy.requests / 3, "trips", max_value=1))
    out.append(Figure("team-mode poll, time on the GUI thread", max(polls), max_value=5))
    probe.stop()
    out.append(Figure(f"GUI thread, longest block ({probe.during})", probe.longest, max_value=100))
    window.close()
    window.deleteLater()
    app.processEvents()
    return out


def _service_figures(db, proxy: LatencyProxy) -> list[Figure]:  # type: ignore[no-untyped-def]
    from benchmarks.participants import sample_rows, write_cp932_csv
    from kenshu_desk.domain.models import Event, Participant, ProgrammeItem, Registration
    from kenshu_desk.mail.compose import MailAddress
    from kenshu_desk.services.mail.invitations import queue_messages
    from kenshu_desk.services.participants import registrations
    from kenshu_desk.services.participants.participant_import import ParticipantImport
    from kenshu_desk.services.timetable import programme_edit

    out: list[Figure] = []
    with db.session() as s:
        event_id = s.scalars(select(Event.id).order_by(Event.id).limit(1)).one()
        item_id, version = s.execute(
            select(ProgrammeItem.id, ProgrammeItem.version)
            .where(ProgrammeItem.event_id == event_id)
            .order_by(ProgrammeItem.position)
        ).first()
        people = list(s.scalars(select(Participant.id).order_by(Participant.id).limit(301)))

    def edit() -> None:
        with db.session() as s:
            programme_edit.update_item(s, item_id, {"title": "開会挨拶"}, expected_version=version)

    trips, ms = _trips(proxy, edit)
    out.append(Figure("edit a programme item, round trips", trips, "trips", max_value=3))
    out.append(Figure("edit a programme item", ms))

    def undo() -> None:
        with db.session() as s:
            programme_edit.update_item(s, item_id, {"title": "挨拶"})

    trips, _ = _trips(proxy, undo)
    out.append(Figure("undo the edit, round trips", trips, "trips", max_value=3))

    def reorder() -> None:
        with db.session() as s:
            ids = programme_edit.item_ids(s, event_id)
            programme_edit.move_item(s, ids[1], 0, expected_order=ids)

    trips, _ = _trips(proxy, reorder)
    out.append(Figure("reorder two items, round trips", trips, "trips", max_value=3))

    with db.session() as s:
        new_event = Event(
            kind="研修", title="ネットワーク計測の研修", date=dt.date(2026, 12, 10),
            start_time=dt.time(13, 30), end_time=dt.time(16, 0), venue="埼玉県庁",
            organiser_name="埼玉県 福祉部", organiser_email="chiiki@example.jp",
        )  # fmt: skip
        s.add(new_event)
        s.flush()
        new_id = new_event.id
        s.execute(
            insert(Registration),
            [{"event_id": new_id, "participant_id": pid} for pid in people[:300]],
        )

    def register() -> None:
        with db.session() as s:
            registrations.register(s, new_id, [people[300]])

    trips, _ = _trips(proxy, register)
    out.append(Figure("register a participant, round trips", trips, "trips", max_value=3))

    def check_in() -> None:
        with db.session() as s:
            registrations.set_states(s, new_id, [(people[0], "attended_venue")])

    trips, _ = _trips(proxy, check_in)
    out.append(Figure("check in at the reception desk, round trips", trips, "trips", max_value=3))

    with tempfile.TemporaryDirectory(prefix="kenshu-net-") as tmp:
        path = Path(tmp) / "roster.csv"
        write_cp932_csv(path, sample_rows(1000, seed=19))

        def import_rows() -> None:
            importer = ParticipantImport.from_file(path)
            with db.session() as s:
                preview = importer.preview(s)
            with db.session() as s:
                importer.commit(s, preview=preview)

        trips, ms = _trips(proxy, import_rows)
        out.append(Figure("import 1,000 participants", ms, max_value=5000))
        out.append(Figure("import 1,000 participants, round trips", trips, "trips"))

    sender = MailAddress("埼玉県 福祉部", "chiiki@example.jp")

    def queue() -> None:
        with db.session() as s:
            queue_messages(s, new_id, sender)

    trips, ms = _trips(proxy, queue)
    out.append(Figure("queue 300 invitations", ms, max_value=3000))
    out.append(Figure("queue 300 invitations, round trips", trips, "trips"))
    out += _send_figures(db, proxy, new_id)
    return out


def _send_figures(db, proxy: LatencyProxy, event_id: int) -> list[Figure]:  # type: ignore[no-untyped-def]
    from aiosmtpd.controller import Controller

    from benchmarks.mail import _free_port
    from kenshu_desk.mail.transport import Security, SmtpConfig, SmtpTransport
    from kenshu_desk.services.mail.outbox import send_queued

    class Sink:
        count = 0

        async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
            Sink.count += 1
            return "250 OK"

    port = _free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        transport = SmtpTransport(SmtpConfig("127.0.0.1", port, Security.NONE))
        trips, ms = _trips(proxy, lambda: send_queued(db, transport, event_id=event_id))
        transport.close()
    finally:
        controller.stop()
    return [
        Figure("send 300 invitations (local SMTP)", ms),
        Figure(
            "send 300 invitations, database round trips per message",
            trips / max(Sink.count, 1),
            "trips",
        ),
    ]
