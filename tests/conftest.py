"""Test configuration: offscreen Qt, an isolated data folder and a fresh database per test."""

from __future__ import annotations

import os
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from kenshu_desk.database import Database, open_database


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does touches the real user's data folder or database."""
    monkeypatch.setenv("KENSHU_DESK_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("KENSHU_DESK_DB", raising=False)
    # The command line speaks the system's language and this machine's is C.UTF-8 (English):
    # the tests read its Japanese unless they ask for English (tests/cli/test_cli_english.py).
    monkeypatch.setenv("KENSHU_DESK_LANG", "ja")


@pytest.fixture(autouse=True)
def _no_thread_left_running() -> Iterator[None]:
    """A test that leaves a worker running fails: Qt's global pool must be idle, and every
    non-daemon thread the test started must have ended (within a few seconds)."""
    before = {t.ident for t in threading.enumerate()}
    yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        assert QThreadPool.globalInstance().waitForDone(30000), "a Qt worker is still running"
        if "kenshu_desk.ui.shell.workers" in sys.modules:
            from kenshu_desk.ui.shell.workers import wait_for_all_runners

            assert wait_for_all_runners(30000), "a window's task is still running"
    deadline = time.monotonic() + 5
    while True:
        left = [
            t.name
            for t in threading.enumerate()
            if t.ident not in before and t.is_alive() and not t.daemon
        ]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert left == [], f"threads left running: {left}"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgres",
        action="store_true",
        help="run the suite against a PostgreSQL server (team mode): the server's URL comes from"
        " KENSHU_TEST_POSTGRES_URL, else .ci/start-postgres starts one on 127.0.0.1",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: needs an SQLite file (skipped on PostgreSQL)")
    config.addinivalue_line("markers", "postgres_only: needs a PostgreSQL server")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    on_postgres = config.getoption("--postgres")
    skip_sqlite = pytest.mark.skip(reason="SQLite-specific (the suite runs on PostgreSQL)")
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL (run with --postgres)")
    for item in items:
        if on_postgres and "sqlite_only" in item.keywords:
            item.add_marker(skip_sqlite)
        if not on_postgres and "postgres_only" in item.keywords:
            item.add_marker(skip_pg)
    if on_postgres:
        # The PostgreSQL run is for what touches a database: a test that opens none (PDF
        # layout, parsing, widgets, the code checks) ran already, identically, on SQLite.
        keep = [item for item in items if _uses_a_database(item)]
        if len(keep) < len(items):
            config.hook.pytest_deselected(items=[i for i in items if i not in keep])
            items[:] = keep


def _uses_a_database(item: pytest.Item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return bool(names & {"db_url", "postgres_server"}) or "postgres_only" in item.keywords


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> str | None:
    """The admin URL of the test PostgreSQL server, or None when the suite runs on SQLite."""
    from tests.pg import server_url

    wanted = request.config.getoption("--postgres")
    return server_url(required=wanted) if wanted else None


@pytest.fixture(scope="session")
def postgres_template(postgres_server: str | None) -> Iterator[str | None]:
    """On PostgreSQL: a database at the newest schema that `db` databases are copied from."""
    if postgres_server is None:
        yield None
        return
    from tests.pg import schema_template

    with schema_template(postgres_server) as name:
        yield name


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_server: str | None):
    """The URL of a fresh database for this test (SQLite file or PostgreSQL database): empty,
    except on PostgreSQL for a test that opens it with `db` anyway, which gets a copy of the
    schema template (the same tables the migrations make, without running them each time)."""
    if postgres_server is None:
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    from tests.pg import temporary_database

    template = "template0"
    if "demo_db" in request.fixturenames:
        template = request.getfixturevalue("postgres_demo_template")
    elif "db" in request.fixturenames:
        template = request.getfixturevalue("postgres_template")
    with temporary_database(postgres_server, template) as url:
        yield url


@pytest.fixture
def db_arg(db_url: str, tmp_path: Path) -> str:
    """What a user passes as --db for this test's database (a bare path for SQLite)."""
    prefix = "sqlite:///"
    return db_url[len(prefix) :] if db_url.startswith(prefix) else db_url


@pytest.fixture
def db_path(tmp_path: Path, postgres_server: str | None) -> Path:
    """An SQLite file path: tests that need one are about SQLite itself."""
    if postgres_server is not None:
        pytest.skip("SQLite file test (the suite runs on PostgreSQL)")
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def postgres_demo_template(
    postgres_server: str | None, postgres_template: str | None
) -> Iterator[str | None]:
    """On PostgreSQL: the schema template with the demo data, copied for `demo_db`."""
    if postgres_server is None or postgres_template is None:
        yield None
        return
    from tests.pg import demo_template

    with demo_template(postgres_server, postgres_template) as name:
        yield name


@pytest.fixture
def demo_db(db: Database, postgres_server: str | None) -> Database:
    """The test's database with the demo data (on PostgreSQL, copied with it: see db_url)."""
    if postgres_server is None:
        from kenshu_desk.services.demo import load_demo

        with db.session() as session:
            load_demo(session)
    return db


@pytest.fixture
def ui_app(qapp):  # type: ignore[no-untyped-def]
    """The QApplication with the bundled fonts registered, as app.py does at start-up."""
    from kenshu_desk.app import configure_application

    if not qapp.property("kenshu_configured"):
        configure_application(qapp)
        qapp.setProperty("kenshu_configured", True)
    return qapp


@pytest.fixture
def ime_type(qtbot):  # type: ignore[no-untyped-def]
    """Type text the way a Japanese input method delivers it: one committed string per call.

    QTest.keyClicks only knows ASCII keys; real Japanese input arrives as QInputMethodEvent.
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
        widget.setFocus()
        for ch in text:
            if ch.isascii():
                qtbot.keyClicks(widget, ch)
            else:
                event = QInputMethodEvent()
                event.setCommitString(ch)
                QApplication.sendEvent(widget, event)

    return type_text
