"""What the user is told when a database cannot be opened or used: read-only, locked,
damaged (with the latest backup), a server that does not answer or refuses."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from kenshu_desk.messages import Message, msg

CONNECT_TIMEOUT_SECONDS = 10  # database.py gives a silent server up after this long


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def latest_backup(path: Path) -> Path | None:
    """The newest of the copies made before upgrades (``name.backup-YYYYmmdd-HHMMSS``)."""
    copies = [p for p in path.parent.glob(f"{path.stem}.backup-*") if p.is_file()]
    return max(copies, key=lambda p: p.stat().st_mtime, default=None)


def damaged_message(path: Path) -> Message:
    backup = latest_backup(path)
    if backup is None:
        return msg("database.damaged", path=path, backup=msg("database.damaged_no_backup"))
    saved = dt.datetime.fromtimestamp(backup.stat().st_mtime)
    where = msg("database.damaged_backup", backup=backup, saved=saved)
    return msg("database.damaged", path=path, backup=where)


def _describe_dbapi_error(url: str, exc: DBAPIError) -> Message:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    where = sqlite_path(url) or make_url(url).render_as_string(hide_password=True)
    path = sqlite_path(url)
    read_only_place = path is not None and path.exists() and not os.access(path.parent, os.W_OK)
    if "readonly" in lowered or "read-only" in lowered or read_only_place:
        return msg("database.read_only", where=where)
    if "locked" in lowered:
        return msg("database.locked", where=where)
    if path is not None and ("malformed" in lowered or "corrupt" in lowered):
        return damaged_message(path)
    if "not a database" in lowered or "malformed" in lowered:
        return msg("database.damaged_or_not_database", where=where)
    if "unable to open" in lowered:
        return msg("database.cannot_open", where=where)
    if "timeout expired" in lowered or "timed out" in lowered:
        return msg("database.server_timeout", where=where, seconds=CONNECT_TIMEOUT_SECONDS)
    if "connection refused" in lowered:
        return msg("database.server_refused", where=where)
    return msg("database.open_failed", where=where, reason=text.splitlines()[0])
