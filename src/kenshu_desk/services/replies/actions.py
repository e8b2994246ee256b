"""Calls the window and the command line make about replies: each opens its own session."""

from __future__ import annotations

from kenshu_desk.database import Database
from kenshu_desk.services.participants.registrations import event_with_registrations
from kenshu_desk.services.replies.record import ReplyRow, answer_counts, event_replies


def reply_list(db: Database, event_id: int) -> list[ReplyRow]:
    """The event's registered people with their answers, then the replies to decide on."""
    with db.session() as s:
        return event_replies(s, event_with_registrations(s, event_id))


def reply_counts(db: Database, event_id: int) -> dict[str, int]:
    return answer_counts(reply_list(db, event_id))


def answers_by_participant(db: Database, event_id: int) -> dict[int, ReplyRow]:
    """participant id → their answer (only those who answered), for the registration list."""
    return {
        r.participant_id: r
        for r in reply_list(db, event_id)
        if r.participant_id is not None and r.status is not None
    }


def assign_reply(db: Database, reply_id: int, participant_id: int) -> None:
    """The organiser's decision on a reply from an address we did not invite: it is this
    registered person's answer (their private address, a colleague's mailbox …)."""
    from sqlalchemy import select

    from kenshu_desk.domain.models import Registration
    from kenshu_desk.domain.models_replies import CalendarReply, ReplyStatus
    from kenshu_desk.errors import UserError

    with db.session() as s:
        reply = s.get(CalendarReply, reply_id)
        if reply is None or reply.status != ReplyStatus.UNKNOWN_ADDRESS.value:
            raise UserError.of("replies.not_assignable")
        registered = s.scalar(
            select(Registration.id).where(
                Registration.event_id == reply.event_id,
                Registration.participant_id == participant_id,
            )
        )
        if registered is None:
            raise UserError.of("replies.not_registered")
        reply.participant_id = participant_id
        reply.status = ReplyStatus.APPLIED.value
