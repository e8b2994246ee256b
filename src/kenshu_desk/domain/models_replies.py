"""Participants' answers to our calendar invitations (RSVP, issue 20). Plain objects, no I/O.

Every reply read (from the organiser's mailbox over IMAP, an .eml / Outlook .msg file or a
bare .ics) is kept as one row, so the organiser can see what was said and when; a person's
answer is the newest reply that was applied (highest SEQUENCE, then DTSTAMP). A reply whose
attendee address is not one we invited, a delegation and a COUNTER proposal are kept too but
not applied: they are listed for the organiser to decide. `seen_message` remembers every
Message-ID already read, reply or not, so a second fetch skips them cheaply.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kenshu_desk.domain.models import Base, Event, Participant, utcnow


class PartStat(StrEnum):
    ACCEPTED = "ACCEPTED"  # 出席予定
    DECLINED = "DECLINED"  # 欠席の連絡
    TENTATIVE = "TENTATIVE"  # 未定
    DELEGATED = "DELEGATED"
    NEEDS_ACTION = "NEEDS-ACTION"


class ReplyStatus(StrEnum):
    APPLIED = "applied"  # the attendee is a person registered for the event
    UNKNOWN_ADDRESS = "unknown_address"  # not an address we invited: the organiser decides
    DELEGATED = "delegated"  # handed to someone else (DELEGATED-TO): listed, not applied
    COUNTER = "counter"  # METHOD:COUNTER, another time proposed: listed, not applied


class ReplySource(StrEnum):
    IMAP = "imap"
    EML = "eml"
    MSG = "msg"
    ICS = "ics"


class CalendarReply(Base):
    """One attendee's reply (METHOD:REPLY or COUNTER) to one of our events' invitations."""

    __tablename__ = "calendar_reply"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), index=True)
    partstat: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(320))  # the ATTENDEE's mailto:
    attendee_name: Mapped[str] = mapped_column(String(200), default="")  # its CN
    sender: Mapped[str] = mapped_column(String(320), default="")  # the mail's From
    replied_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # DTSTAMP, naive UTC
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # the SEQUENCE answered
    comment: Mapped[str] = mapped_column(Text, default="")
    delegated_to: Mapped[str] = mapped_column(String(320), default="")
    proposal: Mapped[str] = mapped_column(Text, default="")  # COUNTER: the proposed time
    source: Mapped[str] = mapped_column(String(10))
    message_id: Mapped[str] = mapped_column(String(300), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # The same reply read twice (two copies of one mail, a file imported again) is one row.
    dedup_key: Mapped[str] = mapped_column(String(64), unique=True)

    event: Mapped[Event] = relationship()
    participant: Mapped[Participant | None] = relationship()


class SeenMessage(Base):
    """A mail already read for replies (by Message-ID), whatever it held."""

    __tablename__ = "seen_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(300), unique=True)
    source: Mapped[str] = mapped_column(String(10))
    outcome: Mapped[str] = mapped_column(String(20))  # reply / not_reply / not_ours / malformed
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
