"""The states of an outbox row and their Japanese labels (the outbox JSON contract)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"
    SAVED = "saved"
    SKIPPED = "skipped"  # a recipient left out (address unusable …); last_error says why

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.QUEUED: "送信待ち",
    Status.SENDING: "送信中",
    Status.SENT: "送信済み",
    Status.FAILED: "送信失敗",
    Status.UNKNOWN: "送信結果不明",
    Status.SAVED: "ファイルに保存",
    Status.SKIPPED: "対象外（送信せず）",
}

# "Send again" puts these back in the queue; a skipped row has no message to send.
RESENDABLE = (Status.FAILED, Status.UNKNOWN, Status.SAVED, Status.SENT)
