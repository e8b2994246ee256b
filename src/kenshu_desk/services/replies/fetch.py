"""Fetching replies from the organiser's mailbox (IMAP), read-only and resumable.

Each mail is recorded in its own transaction as soon as it is read, so a connection that
drops half-way keeps everything read before it: the error carries what was done, and the
next fetch skips those mails by their Message-ID.
"""

from __future__ import annotations

from collections.abc import Callable

from kenshu_desk.database import Database
from kenshu_desk.domain.models_replies import ReplySource
from kenshu_desk.errors import UserError
from kenshu_desk.mail.imap import ImapConfig, ImapError, ImapReader
from kenshu_desk.messages import Message
from kenshu_desk.services.replies.parse import read_eml
from kenshu_desk.services.replies.record import (
    ImportSummary,
    already_read,
    record_in_own_transaction,
)

Progress = Callable[[int, int], None]


class FetchInterrupted(UserError):
    """The mailbox stopped answering part-way; `summary` is what was recorded before."""

    def __init__(self, message: Message | str, summary: ImportSummary) -> None:
        super().__init__(message)
        self.summary = summary


def fetch_replies(
    db: Database,
    config: ImapConfig,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Read the folder's new calendar mails and record their replies.

    Raises ImapError before anything was read (login, TLS, folder …) and FetchInterrupted
    (an ImapError's message, with the summary so far) when the connection fails later."""
    summary = ImportSummary()
    with ImapReader(config) as reader:
        candidates = reader.candidates()
        calendar = [c for c in candidates if c.has_calendar]
        summary.not_reply += len(candidates) - len(calendar)
        summary.mails += len(candidates) - len(calendar)
        with db.read_session() as s:
            seen = already_read(s, [c.message_id for c in calendar])
        todo = [c for c in calendar if c.message_id not in seen]
        summary.already_read += len(calendar) - len(todo)
        key_of = {c.uid: c.message_id for c in todo}
        total = len(todo)
        if progress is not None:
            progress(0, total)
        done = 0
        try:
            for uid, raw in reader.bodies([c.uid for c in todo]):
                mail = read_eml(raw)
                mail.message_id = key_of.get(uid, mail.message_id)  # the key the skip uses
                summary.add(record_in_own_transaction(db, mail, ReplySource.IMAP, mail.message_id))
                done += 1
                if progress is not None:
                    progress(done, total)
                if cancelled is not None and cancelled():
                    break
        except ImapError as exc:
            raise FetchInterrupted(exc.message, summary) from exc
    return summary
