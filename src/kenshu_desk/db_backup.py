"""A copy of a shared (server) database made before its schema is upgraded.

On SQLite the file itself is copied (database.backup_sqlite). A server database is copied
with PostgreSQL's own `pg_dump` when it is installed and works with that server; otherwise
the program makes its own copy: every table, as it is (at the old revision), into an SQLite
file in the user's data folder. That copy opens like any local database — kenshu-desk
upgrades it on open — and `copy-database` puts it back on an empty server.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Engine, MetaData, Table, create_engine, select, types

from kenshu_desk.paths import user_data_dir

BATCH = 2000
PG_DUMP_TIMEOUT = 600  # seconds


def backup_folder() -> Path:
    folder = user_data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _stem(engine: Engine, revision: str) -> str:
    url = engine.url
    raw = f"{url.host or 'local'}-{url.database or 'db'}"
    safe = re.sub(r"[^0-9A-Za-z._-]+", "_", raw)[:80]  # a name Windows accepts
    return f"{safe}-rev{revision}-{dt.datetime.now():%Y%m%d-%H%M%S}"


def backup_server_database(engine: Engine, revision: str, folder: Path | None = None) -> Path:
    """Copy the database behind `engine` (at `revision`) to a new file; returns its path.
    Raises OSError or SQLAlchemyError when no copy could be made."""
    folder = folder or backup_folder()
    stem = _stem(engine, revision)
    if engine.dialect.name == "postgresql" and shutil.which("pg_dump"):
        path = folder / f"{stem}.sql"
        if _pg_dump(engine, path):
            return path
    path = folder / f"{stem}.sqlite3"
    copy_tables(engine, path)
    return path


def _pg_dump(engine: Engine, path: Path) -> bool:
    """pg_dump's plain SQL dump; False (and no file) when it cannot dump this server (an older
    pg_dump than the server refuses, for one)."""
    url = engine.url
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    command = [str(shutil.which("pg_dump")), "--no-owner", "--no-password", "--file", str(path)]
    if url.host:
        command += ["--host", url.host]
    if url.port:
        command += ["--port", str(url.port)]
    if url.username:
        command += ["--username", url.username]
    command += ["--dbname", str(url.database or "")]
    try:
        result = subprocess.run(
            command, env=env, capture_output=True, timeout=PG_DUMP_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        result = None
    if result is None or result.returncode != 0 or not path.exists() or not path.stat().st_size:
        path.unlink(missing_ok=True)
        return False
    return True


def _generic(column_type: Any) -> Any:
    try:
        return column_type.as_generic()
    except NotImplementedError:
        return types.LargeBinary() if "BYTEA" in str(column_type).upper() else types.Text()


def copy_tables(engine: Engine, path: Path) -> None:
    """Every table and row of `engine`'s database into a new SQLite file at `path`, column
    types made generic; the whole copy or no file."""
    source_meta = MetaData()
    source_meta.reflect(bind=engine)
    target_meta = MetaData()
    for table in source_meta.sorted_tables:
        Table(
            table.name,
            target_meta,
            *(
                Column(c.name, _generic(c.type), primary_key=c.primary_key, nullable=c.nullable)
                for c in table.columns
            ),
        )
    partial = path.with_name(path.name + ".part")
    partial.unlink(missing_ok=True)
    target = create_engine(f"sqlite:///{partial}")
    try:
        target_meta.create_all(target)
        with engine.connect() as source, target.begin() as dest:
            for table in source_meta.sorted_tables:
                rows = source.execution_options(yield_per=BATCH).execute(select(table))
                for chunk in rows.mappings().partitions(BATCH):
                    dest.execute(target_meta.tables[table.name].insert(), [dict(r) for r in chunk])
    except BaseException:
        target.dispose()
        partial.unlink(missing_ok=True)
        raise
    target.dispose()
    os.replace(partial, path)
