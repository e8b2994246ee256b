"""The states of an outbox row (the outbox JSON contract) and their labels: Messages,
worded in the program's language where they are shown."""

from __future__ import annotations

from enum import StrEnum

from kenshu_desk.messages import Message, msg


class Status(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"
    SAVED = "saved"
    SKIPPED = "skipped"  # a recipient left out (address unusable …); last_error says why

    @property
    def label(self) -> Message:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, Message] = {
    Status.QUEUED: msg("outbox.status_queued"),
    Status.SENDING: msg("outbox.status_sending"),
    Status.SENT: msg("outbox.status_sent"),
    Status.FAILED: msg("outbox.status_failed"),
    Status.UNKNOWN: msg("outbox.status_unknown"),
    Status.SAVED: msg("outbox.status_saved"),
    Status.SKIPPED: msg("outbox.status_skipped"),
}

# "Send again" puts these back in the queue; a skipped row has no message to send.
RESENDABLE = (Status.FAILED, Status.UNKNOWN, Status.SAVED, Status.SENT)
