"""Reading calendar replies out of mail and files. No database, no Qt.

What the clients write (tests/replies/README.md says where each layout comes from):

- Outlook / Exchange: multipart/alternative with text/plain, text/html and
  ``text/calendar; method=REPLY`` (often base64); COMMENT carries what the person typed.
- Google Calendar: multipart/mixed → alternative (…, text/calendar; method=REPLY) plus the
  same calendar again as ``application/ics; name="invite.ics"``.
- Thunderbird: text/plain, ``text/calendar; method=REPLY`` and an ``invite.ics`` attachment.
- Apple Calendar: an attachment ``text/calendar; method=REPLY; name=iCal-….ics``, sometimes
  ``MAILTO:`` in capitals and the address in an EMAIL parameter.
- A delegation: PARTSTAT=DELEGATED and DELEGATED-TO; a counter proposal: METHOD:COUNTER with
  the proposed DTSTART/DTEND.

The same calendar often comes twice in one mail (inline and attached): replies are keyed so
the copy counts once. Anything that is not a REPLY or COUNTER is "not a reply"; a calendar
part that does not parse is "malformed": both are reported, never raised.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parseaddr
from enum import StrEnum
from zoneinfo import ZoneInfo

from icalendar import Calendar

TOKYO = ZoneInfo("Asia/Tokyo")
CALENDAR_TYPES = ("text/calendar", "application/ics", "text/x-vcalendar")
REPLY_METHODS = ("REPLY", "COUNTER")


class Outcome(StrEnum):
    REPLY = "reply"  # at least one reply found (whether for our events is decided later)
    NOT_REPLY = "not_reply"  # no calendar, or an invitation / cancellation / publish
    MALFORMED = "malformed"  # a calendar part that cannot be read


@dataclass(frozen=True)
class ParsedReply:
    """One attendee's answer in one VEVENT of a REPLY (or COUNTER)."""

    uid: str
    method: str
    address: str  # lower-case, without mailto:
    name: str
    partstat: str
    sequence: int
    dtstamp: dt.datetime | None  # naive UTC
    comment: str = ""
    delegated_to: str = ""
    proposal: str = ""  # COUNTER: the time proposed, in Japan time

    def key(self) -> str:
        text = "|".join(
            (
                self.uid,
                self.method,
                self.address,
                self.partstat,
                str(self.sequence),
                self.dtstamp.isoformat() if self.dtstamp else "",
                self.comment,
            )
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ReadMail:
    """What one mail (or file) held."""

    message_id: str = ""
    sender: str = ""
    replies: list[ParsedReply] = field(default_factory=list)
    outcome: Outcome = Outcome.NOT_REPLY


def _address(value: object) -> str:
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    return text.strip().lower()


def _utc(value: object) -> dt.datetime | None:
    when = getattr(value, "dt", None)
    if isinstance(when, dt.datetime):
        if when.tzinfo is None:  # a floating time: read as Japan time, the organiser's
            when = when.replace(tzinfo=TOKYO)
        return when.astimezone(dt.UTC).replace(tzinfo=None)
    return None


def _text(component: object, name: str) -> str:
    value = component.get(name)  # type: ignore[attr-defined]
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").strip()


def _proposal(vevent: object) -> str:
    start, end = vevent.get("dtstart"), vevent.get("dtend")  # type: ignore[attr-defined]
    parts = []
    for value in (start, end):
        when = getattr(value, "dt", None)
        if isinstance(when, dt.datetime):
            if when.tzinfo is None:
                when = when.replace(tzinfo=TOKYO)
            parts.append(when.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M"))
    return "～".join(parts)


def parse_calendar(data: bytes | str) -> list[ParsedReply]:
    """The replies in one calendar text; [] for an invitation or cancellation.

    Raises ValueError when the text is not a readable calendar."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    calendar = Calendar.from_ical(text)
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise ValueError("not a VCALENDAR")
    method = _text(calendar, "method").upper()
    if method not in REPLY_METHODS:
        return []
    replies: list[ParsedReply] = []
    for vevent in calendar.walk("VEVENT"):
        uid = _text(vevent, "uid")
        if not uid:
            raise ValueError("a VEVENT without UID")
        try:
            sequence = int(str(vevent.get("sequence", 0)))
        except ValueError:
            sequence = 0
        stamp = _utc(vevent.get("dtstamp")) or _utc(vevent.get("x-microsoft-cdo-replytime"))
        comment = _text(vevent, "comment")
        attendees = vevent.get("attendee")
        if attendees is None:
            continue
        if not isinstance(attendees, list):
            attendees = [attendees]
        for attendee in attendees:
            params = getattr(attendee, "params", {})
            address = _address(attendee) or _address(params.get("EMAIL"))
            if "@" not in address:
                address = _address(params.get("EMAIL")) or address
            partstat = str(params.get("PARTSTAT", "NEEDS-ACTION")).upper()
            # Google puts the guest's note in a parameter of the ATTENDEE, not in COMMENT
            note = comment or str(params.get("X-RESPONSE-COMMENT", "")).strip()
            if method == "REPLY" and partstat == "NEEDS-ACTION" and len(attendees) > 1:
                continue  # a client that echoes the other guests: only the one who answered
            replies.append(
                ParsedReply(
                    uid=uid,
                    method=method,
                    address=address,
                    name=str(params.get("CN", "")).strip().strip('"'),
                    partstat=partstat,
                    sequence=sequence,
                    dtstamp=stamp,
                    comment=note,
                    delegated_to=_address(params.get("DELEGATED-TO", "")),
                    proposal=_proposal(vevent) if method == "COUNTER" else "",
                )
            )
    return replies


def _is_calendar_part(part: Message) -> bool:
    if part.get_content_type() in CALENDAR_TYPES:
        return True
    filename = (part.get_filename() or "").lower()
    return filename.endswith((".ics", ".vcs"))


def _payload(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return b""
    charset = part.get_content_charset() or "utf-8"
    if charset.lower().replace("-", "") in ("utf8", "usascii", "ascii"):
        return data
    try:  # a client that declared another charset: re-encode so icalendar reads UTF-8
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data


def read_message(message: Message) -> ReadMail:
    """The replies in a mail; each calendar part read once, duplicates (inline + attached)
    merged; a mail with one good and one broken part keeps the good one."""
    result = ReadMail(
        message_id=str(message.get("Message-ID", "") or "").strip(),
        sender=parseaddr(str(message.get("From", "") or ""))[1].lower(),
    )
    seen: dict[str, ParsedReply] = {}
    broken = False
    for part in message.walk():
        if part.is_multipart() or not _is_calendar_part(part):
            continue
        try:
            for reply in parse_calendar(_payload(part)):
                seen.setdefault(reply.key(), reply)
        except (ValueError, IndexError, KeyError, TypeError):
            broken = True
    result.replies = list(seen.values())
    if result.replies:
        result.outcome = Outcome.REPLY
    elif broken:
        result.outcome = Outcome.MALFORMED
    return result


def read_eml(data: bytes) -> ReadMail:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    return read_message(message)


def read_ics(data: bytes) -> ReadMail:
    try:
        replies = parse_calendar(data)
    except (ValueError, IndexError, KeyError, TypeError):
        return ReadMail(outcome=Outcome.MALFORMED)
    unique = list({r.key(): r for r in replies}.values())
    return ReadMail(replies=unique, outcome=Outcome.REPLY if unique else Outcome.NOT_REPLY)
