"""A local journal of 250s the database did not take, so no accepted message is forgotten.

The outbox commits `sent` by itself right after the server's 250. Should that commit fail
(a lock, a dropped PostgreSQL connection, a full disk), the run stops and the acceptance is
appended here, in the user's data folder, one JSON line per message. The next run (or
`outbox` listing) applies each line to its row — only while that row is still `sending` or
`unknown` and carries the same Message-ID — and then forgets it. So the message is recorded
as sent and never offered again as "interrupted".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import update

from kenshu_desk.atomic_file import write_text_atomically
from kenshu_desk.database import Database
from kenshu_desk.domain.models import OutboxMessage
from kenshu_desk.paths import user_data_dir
from kenshu_desk.services.mail.status import Status

JOURNAL_FILE = "outbox-journal.jsonl"


def journal_path() -> Path:
    return user_data_dir() / JOURNAL_FILE


def _database_of(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=True)


@dataclass(frozen=True)
class Accepted:
    row_id: int
    message_id: str
    reply: str
    sent_at: dt.datetime


def write_accepted(db: Database, accepted: Accepted) -> Path:
    """Append one acceptance and flush it to disk (OSError if even that fails)."""
    path = journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(
        {
            "database": _database_of(db),
            "id": accepted.row_id,
            "message_id": accepted.message_id,
            "reply": accepted.reply,
            "sent_at": accepted.sent_at.isoformat(),
        },
        ensure_ascii=False,
    )
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")
        f.flush()
        os.fsync(f.fileno())
    return path


def _read(path: Path) -> list[dict[str, Any]]:
    entries = []
    with contextlib.suppress(OSError):
        for line in path.read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                if isinstance(entry, dict):
                    entries.append(entry)
    return entries


def apply_journal(db: Database) -> int:
    """Record the journal's acceptances for this database as sent; returns how many."""
    path = journal_path()
    if not path.exists():
        return 0
    entries = _read(path)
    mine = [e for e in entries if e.get("database") == _database_of(db)]
    if not mine:
        return 0
    applied = 0
    with db.session() as s:
        for entry in mine:
            result: Any = s.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == int(entry["id"]),
                    OutboxMessage.message_id == str(entry["message_id"]),
                    OutboxMessage.status.in_([Status.SENDING.value, Status.UNKNOWN.value]),
                )
                .values(
                    status=Status.SENT.value,
                    sent_at=dt.datetime.fromisoformat(entry["sent_at"]),
                    server_reply=str(entry.get("reply", "")),
                    last_error="",
                    next_attempt_at=None,
                )
            )
            applied += int(result.rowcount)
    others = [e for e in entries if e.get("database") != _database_of(db)]
    if others:
        write_text_atomically(
            path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in others)
        )
    else:
        path.unlink()
    return applied
