"""Replies from files: .eml (a saved mail), Outlook .msg, and bare .ics calendar replies.

Each file is one transaction: a file that fails to read is counted and named, and what the
files before it brought stays recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kenshu_desk.database import Database
from kenshu_desk.domain.models_replies import ReplySource
from kenshu_desk.errors import UserError
from kenshu_desk.services.replies.msg_file import read_msg
from kenshu_desk.services.replies.parse import ReadMail, read_eml, read_ics
from kenshu_desk.services.replies.record import ImportSummary, record_in_own_transaction

MAX_FILE_BYTES = 50 * 1024 * 1024  # a mail with its attachments; bigger is not a reply
SUFFIXES = {".eml": ReplySource.EML, ".msg": ReplySource.MSG, ".ics": ReplySource.ICS}


def source_of(path: Path) -> ReplySource:
    source = SUFFIXES.get(path.suffix.lower())
    if source is None:
        raise UserError.of("replies.file_kind", path=path)
    return source


def read_file(path: Path) -> tuple[ReadMail, ReplySource]:
    source = source_of(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError.of("replies.file_too_big", path=path, size=size)
        if source is ReplySource.MSG:
            return read_msg(path), source
        data = path.read_bytes()
    except OSError as exc:
        raise UserError.of(
            "replies.file_unreadable", path=path, reason=exc.strerror or exc
        ) from exc
    return (read_eml(data) if source is ReplySource.EML else read_ics(data)), source


def import_files(
    db: Database,
    paths: Sequence[Path],
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Read every file (checked first: an unknown kind refuses the whole list before
    anything is recorded), then record each in its own transaction."""
    for path in paths:
        source_of(path)
        if not path.is_file():
            raise UserError.of("replies.file_missing", path=path)
    total = ImportSummary()
    for done, path in enumerate(paths, 1):
        mail, source = read_file(path)
        # a file read before: its replies are found by their key, and count as duplicates
        summary = record_in_own_transaction(db, mail, source, path.name)
        total.add(summary)
        if progress is not None:
            progress(done, len(paths))
    return total
