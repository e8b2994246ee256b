"""Test configuration: offscreen Qt, an isolated data folder and a fresh database per test."""

from __future__ import annotations

import os

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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{db_path}")
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db: Database) -> Database:
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
