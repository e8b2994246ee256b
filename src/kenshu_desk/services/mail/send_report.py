"""What a send run reports: its retry policy, progress, and the closing report with who
failed and why (used by services/mail/outbox.py, the dialogs and the command line)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kenshu_desk.messages import Message, msg


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    first_delay: float = 2.0  # seconds; doubles each time
    max_delay: float = 120.0

    def delay(self, attempt: int) -> float:
        return min(self.first_delay * 2 ** max(attempt - 1, 0), self.max_delay)


DEFAULT_RETRY = RetryPolicy()


@dataclass(frozen=True)
class SendProgress:
    done: int
    total: int
    sent: int
    failed: int
    current: str  # recipient being handled, or a note


@dataclass(frozen=True)
class SendProblem:
    """A recipient this run could not deliver to, or does not know about: who and why."""

    name: str
    address: str
    status: str  # "failed" or "unknown"
    reason: str

    def line(self) -> Message:
        who = f"{self.name} <{self.address}>" if self.name else self.address
        return msg("send.problem", who=who, reason=self.reason)


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    retried: int = 0
    interrupted: int = 0  # rows found `sending` from a dead run, now `unknown`
    unknown: int = 0  # handed over in this run, no answer: now `unknown`
    left_queued: int = 0
    cancelled: bool = False
    error: str = ""  # why the run stopped early (cannot connect, login refused …)
    connections: int = 0
    recovered: int = 0  # 250s recorded from the local journal at the start
    problems: list[SendProblem] = field(default_factory=list)  # who failed or is unknown, why

    def summary(self) -> Message:
        """Counts, then whether the run was cancelled or stopped and why (str() words it)."""
        parts = [
            msg("send.count_sent", count=self.sent),
            msg("send.count_failed", count=self.failed),
        ]
        if self.left_queued:
            parts.append(msg("send.count_left_queued", count=self.left_queued))
        if self.interrupted + self.unknown:
            parts.append(msg("send.count_unknown", count=self.interrupted + self.unknown))
        text = parts[0]
        for part in parts[1:]:
            text = msg("send.list", first=text, then=part)
        if self.cancelled:
            text = msg("send.cancelled", summary=text)
        if self.error:
            text = msg("send.stopped", summary=text, error=self.error)
        return text
