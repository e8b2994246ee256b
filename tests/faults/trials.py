"""What the long fault trials share: each trial's own database and mail server, and running
several trials side by side with every failure reported."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from kenshu_desk.database import Database, open_database
from tests.mail.mailkit import Handler, _free_port


@contextlib.contextmanager
def trial_database(postgres: str | None, folder: Path) -> Iterator[tuple[Database, str]]:
    """A fresh database for one trial (SQLite in `folder`, or a PostgreSQL database) and the
    --db argument a user would give for it."""
    from tests.pg import temporary_database

    with contextlib.ExitStack() as stack:
        if postgres is None:
            url = f"sqlite:///{folder / 'test.sqlite3'}"
            db_arg = str(folder / "test.sqlite3")
        else:
            url = db_arg = stack.enter_context(temporary_database(postgres))
        db = open_database(url)
        stack.callback(db.dispose)
        yield db, db_arg


@contextlib.contextmanager
def mail_server(handler: Handler) -> Iterator[int]:
    """A real SMTP server on 127.0.0.1 for `handler`; yields its port."""
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def side_by_side(trials: Mapping[Any, Callable[[], None]], at_once: int) -> None:
    """Run the trials `at_once` at a time; fail with every trial's failure, by its name."""
    with ThreadPoolExecutor(at_once) as pool:
        futures = {name: pool.submit(trial) for name, trial in trials.items()}
    failed = {name: f.exception() for name, f in futures.items() if f.exception() is not None}
    assert failed == {}, "\n\n".join(f"{name}: {e!r}" for name, e in failed.items())
