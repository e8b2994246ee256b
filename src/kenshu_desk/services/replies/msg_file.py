"""Outlook .msg files (read with extract-msg): a meeting response saved from Outlook, or a
mail carrying a calendar reply as an attachment.

Outlook saves an answer to a meeting as a "meeting response" item (message class
IPM.Schedule.Meeting.Resp.Pos / .Neg / .Tent): no calendar text, but MAPI properties
([MS-OXOCAL]): the answer in the class, the SEQUENCE (PidLidAppointmentSequence), the time
answered (PidLidAttendeeCriticalChange) and the meeting's GlobalObjectId, which for an
invitation that came from iCalendar holds "vCal-Uid", a version and the UID itself.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parseaddr
from pathlib import Path

from kenshu_desk.services.replies.parse import Outcome, ParsedReply, ReadMail, read_ics

RESPONSES = {"pos": "ACCEPTED", "neg": "DECLINED", "tent": "TENTATIVE"}
VCAL_UID = b"vCal-Uid"


def uid_of_global_object_id(data: bytes) -> str:
    """The iCalendar UID inside a GlobalObjectId's data, or "" when it has none."""
    if not data.startswith(VCAL_UID):
        return ""
    return data[len(VCAL_UID) + 4 :].split(b"\x00", 1)[0].decode("utf-8", errors="replace")


def _text(item: object, name: str) -> str:
    """A string property; some writers leave the UTF-16 terminator in the stream."""
    return str(getattr(item, name, "") or "").replace("\x00", "").strip()


def _naive_utc(value: object) -> dt.datetime | None:
    if not isinstance(value, dt.datetime):
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def read_msg(path: Path) -> ReadMail:
    """The replies in an Outlook .msg; MALFORMED when extract-msg cannot read the file."""
    import extract_msg  # here: the library loads slowly and only this path needs it

    try:
        item = extract_msg.openMsg(str(path), delayAttachments=False)
    except Exception:
        return ReadMail(outcome=Outcome.MALFORMED)
    try:
        result = ReadMail(
            message_id=_text(item, "messageId"),
            sender=parseaddr(_text(item, "sender"))[1].lower(),
        )
        replies: dict[str, ParsedReply] = {}
        broken = False
        for attachment in getattr(item, "attachments", []) or []:
            name = str(getattr(attachment, "longFilename", "") or getattr(attachment, "name", ""))
            mime = str(getattr(attachment, "mimetype", "") or "").lower()
            data = getattr(attachment, "data", None)
            if not isinstance(data, bytes):
                continue
            if name.lower().endswith(".ics") or mime in ("text/calendar", "application/ics"):
                found = read_ics(data)
                broken = broken or found.outcome is Outcome.MALFORMED
                for reply in found.replies:
                    replies.setdefault(reply.key(), reply)
        response = _meeting_response(item, result.sender)
        if response is not None:
            replies.setdefault(response.key(), response)
        result.replies = list(replies.values())
        if result.replies:
            result.outcome = Outcome.REPLY
        elif broken:
            result.outcome = Outcome.MALFORMED
        return result
    finally:
        item.close()


def _meeting_response(item: object, sender: str) -> ParsedReply | None:
    class_type = str(getattr(item, "classType", "") or "").lower()
    if not class_type.startswith("ipm.schedule.meeting.resp."):
        return None
    partstat = RESPONSES.get(class_type.rsplit(".", 1)[-1])
    goid = getattr(item, "globalObjectID", None)
    uid = uid_of_global_object_id(bytes(getattr(goid, "data", b"") or b"")) if goid else ""
    if partstat is None or not uid or not sender:
        return None
    stamp = _naive_utc(getattr(item, "attendeeCriticalChange", None)) or _naive_utc(
        getattr(item, "date", None)
    )
    counter = bool(getattr(item, "appointmentCounterProposal", False))
    proposal = ""
    if counter:
        start = _naive_utc(getattr(item, "appointmentProposedStartWhole", None))
        end = _naive_utc(getattr(item, "appointmentProposedEndWhole", None))
        if start and end:
            jst = dt.timedelta(hours=9)
            proposal = f"{(start + jst):%Y-%m-%d %H:%M}～{(end + jst):%Y-%m-%d %H:%M}"
    return ParsedReply(
        uid=uid,
        method="COUNTER" if counter else "REPLY",
        address=sender,
        name=parseaddr(_text(item, "sender"))[0],
        partstat=partstat,
        sequence=int(getattr(item, "appointmentSequence", 0) or 0),
        dtstamp=stamp,
        comment=_text(item, "body"),
        proposal=proposal,
    )
