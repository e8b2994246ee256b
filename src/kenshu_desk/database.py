"""Opening a database: URL resolution, SQLite pragmas, upgrade-on-open with a backup.

SQLite is the embedded default; any SQLAlchemy URL works. The schema changes only through
the Alembic migrations in db/. An older database is copied to a timestamped backup beside
it before it is upgraded; a file that is not a database is reported and never touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from kenshu_desk.database_messages import (
    CONNECT_TIMEOUT_SECONDS,
    _describe_dbapi_error,
    sqlite_path,
)
from kenshu_desk.database_messages import damaged_message as damaged_message
from kenshu_desk.database_messages import latest_backup as latest_backup
from kenshu_desk.domain import (
    models_certificates,  # noqa: F401  (issue 21: its tables join Base)
    models_groups,  # noqa: F401  (issue 21: its tables join Base)
    models_replies,  # noqa: F401  (issue 20: its tables join Base)
    models_survey,  # noqa: F401  (issue 21: its tables join Base)
)
from kenshu_desk.domain.models import ChangeStamp
from kenshu_desk.domain.models_materials import EventMaterial as EventMaterial
from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg
from kenshu_desk.paths import default_database_path, migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

ENV_VAR = "KENSHU_DESK_DB"

# The newest migration in db/versions (a test keeps the two equal). Knowing it without
# Alembic lets a database that is already current open without importing Alembic at all,
# which is most of the start-up time of a small application.
SCHEMA_REVISION = "0011"
# Every connection to a server names the schema this program writes; a guard in the shared
# database (migration 0006) refuses writes from a program that does not match the stored
# schema — another organiser's older kenshu-desk, still open after an upgrade.
APPLICATION_NAME = f"kenshu-desk schema {SCHEMA_REVISION}"
SCHEMA_GUARD_MARK = "kenshu-desk schema guard"
_ALEMBIC_LOCK = threading.Lock()
STAMP_RAISES = "kenshu_stamp_raises"  # Session.info key: change-counter raises not yet committed


class DatabaseError(UserError):
    """A database that cannot be opened or upgraded; the message is for the user."""


class SharedUpgradeNeeded(DatabaseError):
    """A shared (server) database at an older revision: upgraded only when the user says so,
    with a backup first, because every other organiser's program must be updated too."""

    def __init__(self, where: str, current: str) -> None:
        self.current = current
        super().__init__(
            msg(
                "database.shared_upgrade_needed",
                where=where,
                current=current,
                revision=SCHEMA_REVISION,
            )
        )


def schema_guard_message() -> Message:
    return msg("database.schema_guard")


class ConcurrentEditError(UserError):
    """Someone else changed the same row first (team mode): the edit is refused, not merged."""

    def __init__(self) -> None:
        super().__init__(msg("database.concurrent_edit"))


def resolve_url(value: str | None) -> str:
    """--db value, else $KENSHU_DESK_DB, else the saved server setting (db_settings), else
    the default file. A bare path means SQLite."""
    from kenshu_desk.db_settings import load_server_url

    value = value or os.environ.get(ENV_VAR) or load_server_url() or ""
    if not value:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def _check_sqlite_file(path: Path) -> None:
    """Refuse anything that is not an SQLite database before SQLAlchemy writes to it."""
    if path.is_dir():
        raise DatabaseError.of("database.path_is_folder", path=path)
    if not path.parent.is_dir():
        raise DatabaseError.of("database.folder_missing", folder=path.parent)
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as exc:
        raise DatabaseError.of("database.cannot_read", path=path, reason=exc.strerror) from exc
    if header != b"SQLite format 3\x00":
        raise DatabaseError.of("database.not_sqlite", path=path)


def backup_sqlite(path: Path) -> Path:
    """A consistent copy (sqlite3's online backup, WAL included) beside the original."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix or '.sqlite3'}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix or '.sqlite3'}")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None = None  # set when this open upgraded an older database

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def server_label(self) -> str:
        """host/database of a server database, for people (never the password)."""
        url = make_url(self.url)
        return f"{url.host or ''}/{url.database or ''}"

    def __post_init__(self) -> None:
        event.listen(self.sessions, "after_flush", _raise_change_stamp)
        event.listen(self.sessions, "do_orm_execute", _raise_change_stamp_for_dml)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One user action = one transaction: committed whole or rolled back whole.

        A stale row (another organiser saved it first) becomes ConcurrentEditError.
        """
        session = self.sessions()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConcurrentEditError() from exc
        except DBAPIError as exc:
            session.rollback()
            if SCHEMA_GUARD_MARK in str(exc.orig):
                raise DatabaseError(schema_guard_message()) from exc
            if exc.connection_invalidated or _is_lock_or_readonly(exc) or _is_damaged(exc):
                message = _describe_dbapi_error(self.url, exc)
                if not _is_damaged(exc):
                    message = msg("database.not_saved", detail=message)
                raise DatabaseError(message) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        """A look at the data that changes nothing: in autocommit, so on a server each
        statement is one round trip (no BEGIN before it, no COMMIT after). Each statement sees
        the data as committed when it runs; use it where that is enough (what the window
        shows, read again after every change). Nothing done in it is saved."""
        try:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                session = Session(bind=conn, expire_on_commit=False, autoflush=False)
                try:
                    yield session
                finally:
                    session.close()
        except DBAPIError as exc:
            raise DatabaseError(_describe_dbapi_error(self.url, exc)) from exc

    def change_counter(self) -> int:
        """Raised by every committed change from any window or process on this database.
        DatabaseError when the database cannot be read (a server away for a moment)."""
        # Autocommit: one round trip on a server (no BEGIN before the read, no ROLLBACK after).
        with self.read_session() as session:
            return int(session.scalar(select(ChangeStamp.counter)) or 0)

    @property
    def location(self) -> str:
        """Where the data is, for people: the SQLite file, or the server URL without password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


class OwnCommits:
    """Counts the change-counter raises made by this process's own committed transactions.

    database.py raises the counter once per flush and once per INSERT/UPDATE/DELETE statement
    run through a session (the outbox, imports) and counts each raise in the session; a
    transaction's raises count here once it commits (a rolled-back one raised nothing)."""

    def __init__(self, db: Database) -> None:
        self._lock = threading.Lock()
        self._total = 0
        event.listen(db.sessions, "after_commit", self._committed)
        event.listen(db.sessions, "after_rollback", self._rolled_back)

    @property
    def total(self) -> int:
        with self._lock:
            return self._total

    def _committed(self, session: Session) -> None:
        raised = session.info.pop(STAMP_RAISES, 0)
        with self._lock:
            self._total += raised

    @staticmethod
    def _rolled_back(session: Session) -> None:
        session.info.pop(STAMP_RAISES, None)


def _raise_change_stamp(session: Session, _flush_context: object) -> None:
    """Tell other windows the data changed: after every flush, and after every INSERT,
    UPDATE or DELETE statement run through a session (below)."""
    # On the session's own connection, so it commits or rolls back with the change itself.
    session.connection().execute(update(ChangeStamp).values(counter=ChangeStamp.counter + 1))
    # Counted, so this program can tell its own committed raises from others' (team mode).
    session.info[STAMP_RAISES] = session.info.get(STAMP_RAISES, 0) + 1


def _raise_change_stamp_for_dml(state: ORMExecuteState) -> None:
    # Bulk statements (imports, registrations, the outbox) bypass the flush.
    if state.is_insert or state.is_update or state.is_delete:
        _raise_change_stamp(state.session, None)


def _stored_revision(engine: Engine) -> str | None:
    """The alembic_version row read with plain SQL (None when there is no such table)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def _create_engine(parsed: URL) -> Engine:
    """The engine for a URL, with the keyring's password if any. A server that does not
    answer is given up after CONNECT_TIMEOUT_SECONDS (unless the URL says otherwise), not
    after the operating system's TCP timeout of a minute or more."""
    from kenshu_desk.db_settings import connect_url

    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args: dict[str, Any] = {"application_name": APPLICATION_NAME}
        if "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
        options["connect_args"] = connect_args
    return create_engine(connect_url(parsed), **options)


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def newer_schema_message(revision: str) -> Message:
    """A database written by a newer kenshu-desk: this program must not touch it (an older
    program would write rows without the newer columns' rules, or "upgrade" it wrongly)."""
    return msg("database.newer_schema", revision=revision)


def _is_newer(revision: str | None) -> bool:
    """A stored revision this program's migrations do not know (only a newer one writes it)."""
    return (
        revision is not None
        and revision != SCHEMA_REVISION
        and (revision not in _known_revisions())
    )


def open_database(url: str, *, upgrade: bool = True, upgrade_shared: bool = False) -> Database:
    """Open (and create or upgrade) the database at url; DatabaseError says what is wrong.

    An older shared (server) database raises SharedUpgradeNeeded unless `upgrade_shared`:
    the user has confirmed, and a backup is made before the upgrade."""

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError.of("database.bad_url", url=url) from exc
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
    try:
        engine = _create_engine(parsed)
    except NoSuchModuleError as exc:
        raise DatabaseError.of("database.unsupported_kind", url=url) from exc
    except ImportError as exc:
        raise DatabaseError(missing_driver_message(exc)) from exc
    if engine.dialect.name == "sqlite":
        _install_sqlite_pragmas(engine)
    db = Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
    try:
        if upgrade:
            db.backup = _upgrade(db, upgrade_shared=upgrade_shared)
        if engine.dialect.name == "sqlite":
            # WAL is a property of the file: set once it is known to be ours, never before.
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseError(_describe_dbapi_error(url, exc)) from exc
    except DatabaseError:
        engine.dispose()
        raise
    return db


TEAM_EXTRA = "pip install 'kenshu-desk[team]'"


def missing_driver_message(exc: ImportError) -> Message:
    """What to do when the driver of the chosen database is not installed."""
    if (exc.name or "").startswith("psycopg"):
        return msg("database.postgres_driver_missing", command=TEAM_EXTRA)
    return msg("database.driver_missing", name=exc.name)


def probe_database(url: str) -> str:
    """One line for a connection test: the server and whether the schema is current
    (worded now: the window shows it as text).

    Nothing is created or upgraded; the keyring's password is used as when opening."""

    try:
        engine = _create_engine(make_url(url))
    except ImportError as exc:
        raise DatabaseError(missing_driver_message(exc)) from exc
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseError.of("database.bad_url", url=url) from exc
    try:
        with engine.connect() as conn:
            info = conn.dialect.server_version_info or ()
        server = f"{engine.dialect.name} {'.'.join(str(n) for n in info)}".strip()
        current = _stored_revision(engine)
        if current == SCHEMA_REVISION:
            state = msg("database.probe_current")
        elif _is_newer(current):
            assert current is not None
            # Not an "it will be upgraded": opening it is refused, so the test says so.
            raise DatabaseError.of(
                "database.probe_newer", server=server, detail=newer_schema_message(current)
            )
        elif current is None and not _has_tables(engine):
            state = msg("database.probe_empty")
        elif current is None:
            state = msg("database.probe_not_ours")
        elif engine.dialect.name == "sqlite":
            state = msg("database.probe_will_upgrade", current=current, revision=SCHEMA_REVISION)
        else:
            state = msg("database.probe_needs_upgrade", current=current, revision=SCHEMA_REVISION)
    except DBAPIError as exc:
        raise DatabaseError(_describe_dbapi_error(url, exc)) from exc
    finally:
        engine.dispose()
    return str(msg("database.probe_connected", server=server, state=state))


def _upgrade(db: Database, *, upgrade_shared: bool = False) -> Path | None:
    current = _stored_revision(db.engine)
    if current == SCHEMA_REVISION:
        return None
    from alembic import command

    if _is_newer(current):
        assert current is not None
        raise DatabaseError(newer_schema_message(current))
    if current is None and _has_tables(db.engine):
        raise DatabaseError.of("database.not_ours")
    backup = None
    if current is not None and db.path is not None:
        backup = backup_sqlite(db.path)
    elif current is not None:
        where = make_url(db.url).render_as_string(hide_password=True)
        if not upgrade_shared:
            raise SharedUpgradeNeeded(where, current)
        backup = _backup_server(db, where, current)
    cfg = _alembic_config()
    sqlite = db.engine.dialect.name == "sqlite"
    with db.engine.connect() as conn:
        if sqlite:
            # A batch migration rebuilds a table; with foreign keys on, that would cascade-
            # delete every row that points at it. Off for the upgrade (outside a transaction,
            # as SQLite requires), and the links are checked before the upgrade commits.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        with conn.begin(), _ALEMBIC_LOCK:  # Alembic's op/context are process-wide
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise DatabaseError.of("database.upgrade_broken_links", backup=backup)
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()
    return backup


def _backup_server(db: Database, where: str, current: str) -> Path:
    from sqlalchemy.exc import SQLAlchemyError

    from kenshu_desk.db_backup import backup_server_database

    try:
        return backup_server_database(db.engine, current)
    except (OSError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise DatabaseError.of("database.shared_backup_failed", where=where, reason=reason) from exc


def _is_lock_or_readonly(exc: DBAPIError) -> bool:
    text = str(exc.orig).lower()
    return any(word in text for word in ("locked", "readonly", "read-only", "disk i/o"))


def _is_damaged(exc: DBAPIError) -> bool:
    text = str(exc.orig).lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt"))
