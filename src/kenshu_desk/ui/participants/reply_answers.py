"""The answers to the invitations (issue 20) as the registration list shows them."""

from __future__ import annotations

from dataclasses import dataclass

from kenshu_desk.database import Database
from kenshu_desk.services.replies.actions import reply_list
from kenshu_desk.ui.mail.replies_dialog import answer_label, counts_text
from kenshu_desk.ui.shell.i18n import date_time_label


@dataclass(frozen=True)
class ReplyAnswers:
    answers: dict[int, tuple[str, str]]  # participant id → ("出席予定 令和3年…", comment)
    counts: str  # 出席予定 2 人、欠席の連絡 1 人 …


def reply_answers(db: Database, event_id: int) -> ReplyAnswers:
    rows = reply_list(db, event_id)
    answers = {
        r.participant_id: (f"{answer_label(r)} {date_time_label(r.replied_at)}".strip(), r.comment)
        for r in rows
        if r.participant_id is not None and r.status is not None
    }
    return ReplyAnswers(answers, counts_text(rows))
