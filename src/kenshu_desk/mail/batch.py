"""Calendar messages for a whole send run, with the email package's work done once.

compose_calendar_message() builds each message through the email package, which parses
and RFC 2047-folds every header of every part again for each recipient: about 13 ms a
message, 13 s for 1,000 (benchmarks/mail.py). In a send run only a few fields differ from
one recipient to the next (To, Subject when the template names the person, Message-ID, the
text and HTML bodies, the calendar, the boundaries), so a `CalendarMessageFrame` composes
one message through compose_calendar_message() itself, with placeholders in those fields,
serialises it, and cuts it at the placeholders. Each recipient's message is then the frame
with their fields put in, each encoded the way the email package encodes it:

- headers folded by the same policy (SMTP_POLICY.header_store_parse + fold_binary);
- bodies as email.contentmanager writes them with cte="base64" (lines joined with CRLF and
  ended with one, base64 in lines of max_line_length // 4 * 3 bytes);
- boundaries random, in email.generator's format (the same length, so the folding of the
  multipart Content-Type headers is unchanged).

So the bytes are those compose_calendar_message() + message_bytes() would give with the
same boundaries (tests/mail/test_batch.py compares them), in about a tenth of the time.
Should a future email package write the placeholders differently, the frame refuses to be
built (FrameMismatch) and the caller composes the slow way.
"""

from __future__ import annotations

import binascii
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass

from kenshu_desk.mail.compose import (
    SMTP_POLICY,
    SUBJECT_FIELD,
    MailAddress,
    check_header_value,
    compose_calendar_message,
    message_bytes,
    part_of,
)

_WIDTH = len(repr(sys.maxsize - 1))  # as email.generator formats its boundaries
_RANDOM = random.Random()


class FrameMismatch(RuntimeError):
    """The serialised reference message does not hold each placeholder where expected."""


def make_boundary() -> str:
    """A boundary in email.generator's format: 15 '=', the random digits, '=='."""
    return "=" * 15 + f"{_RANDOM.randrange(sys.maxsize):0{_WIDTH}d}" + "=="


def _placeholder_boundary(digit: str) -> str:
    return "=" * 15 + digit * _WIDTH + "=="


def fold_header(name: str, value: object) -> bytes:
    """One header line (folded, CRLF-ended) exactly as the message's generator writes it."""
    stored_name, stored = SMTP_POLICY.header_store_parse(name, value)
    return SMTP_POLICY.fold_binary(stored_name, stored)


def base64_bytes(data: bytes) -> bytes:
    """email.contentmanager's base64 body, with the generator's CRLF line ends."""
    step = (SMTP_POLICY.max_line_length or 76) // 4 * 3
    encoded = b"".join(binascii.b2a_base64(data[i : i + step]) for i in range(0, len(data), step))
    return encoded.replace(b"\n", b"\r\n")


def base64_text(text: str) -> bytes:
    """A text body as set_content(text, charset="utf-8", cte="base64") encodes it."""
    linesep = SMTP_POLICY.linesep.encode("ascii")
    return base64_bytes(linesep.join(text.encode("utf-8").splitlines()) + linesep)


_TO = MailAddress("kenshu-desk placeholder", "placeholder@recipient.invalid")
_SUBJECT = "kenshu-desk placeholder subject"
_MESSAGE_ID = "<placeholder.message-id@kenshu-desk.invalid>"
_TEXT = "kenshu-desk placeholder text"
_HTML = "kenshu-desk placeholder html"
_CALENDAR = b"kenshu-desk placeholder calendar"
_OUTER = _placeholder_boundary("1")
_INNER = _placeholder_boundary("2")


@dataclass(frozen=True)
class _Slot:
    field: str


class CalendarMessageFrame:
    """compose_calendar_message() for many recipients from one sender, method and date."""

    def __init__(self, *, sender: MailAddress, method: str, date: dt.datetime) -> None:
        reference = compose_calendar_message(
            sender=sender, recipient=_TO, subject=_SUBJECT, text=_TEXT, html_body=_HTML,
            calendar=_CALENDAR, method=method, date=date, message_id=_MESSAGE_ID,
        )  # fmt: skip
        reference.set_boundary(_OUTER)
        alternative = part_of(reference, 0)
        alternative.set_boundary(_INNER)
        whole = message_bytes(reference)
        slots = {
            fold_header("To", _TO.header()): ("to", 1),
            fold_header("Subject", _SUBJECT): ("subject", 1),
            fold_header("Message-ID", _MESSAGE_ID): ("message_id", 1),
            base64_text(_TEXT): ("text", 1),
            base64_text(_HTML): ("html", 1),
            base64_bytes(_CALENDAR): ("calendar", 2),
            _OUTER.encode(): ("outer", 4),  # header, two part separators, closing line
            _INNER.encode(): ("inner", 5),
        }
        for placeholder, (name, expected) in slots.items():
            if whole.count(placeholder) != expected:
                raise FrameMismatch(f"placeholder {name} found {whole.count(placeholder)} times")
        pattern = re.compile(b"|".join(re.escape(p) for p in slots))
        self._pieces: list[bytes | _Slot] = []
        position = 0
        for found in pattern.finditer(whole):
            self._pieces.append(whole[position : found.start()])
            self._pieces.append(_Slot(slots[found.group()][0]))
            position = found.end()
        self._pieces.append(whole[position:])
        self._subjects: dict[str, bytes] = {}

    def message(
        self,
        *,
        recipient: MailAddress,
        subject: str,
        text: str,
        html_body: str,
        calendar: bytes,
        message_id: str,
    ) -> bytes:
        """One recipient's message, as message_bytes(compose_calendar_message(...))."""
        check_header_value(SUBJECT_FIELD, subject)
        check_header_value("Message-ID", message_id)
        folded_subject = self._subjects.get(subject)
        if folded_subject is None:
            folded_subject = self._subjects[subject] = fold_header("Subject", subject)
        values = {
            "to": fold_header("To", recipient.header()),
            "subject": folded_subject,
            "message_id": fold_header("Message-ID", message_id),
            "text": base64_text(text),
            "html": base64_text(html_body),
            "calendar": base64_bytes(calendar),
            "outer": make_boundary().encode(),
            "inner": make_boundary().encode(),
        }
        return b"".join(
            values[piece.field] if isinstance(piece, _Slot) else piece for piece in self._pieces
        )
