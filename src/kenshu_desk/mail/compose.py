"""MIME composition: one message per recipient, in the shape calendar clients recognise.

    multipart/mixed
      multipart/alternative
        text/plain; charset=utf-8
        text/html; charset=utf-8
        text/calendar; charset=UTF-8; method=REQUEST   (last: the richest alternative)
      application/ics; name=invite.ics                (the same bytes, as an attachment)

Every part is base64, so the message is 7-bit clean and needs no 8BITMIME or SMTPUTF8 from
the server. Headers go through the email package's SMTP policy, which RFC 2047-encodes
Japanese display names and subjects and writes CRLF line ends. A CR or LF inside any header
value is refused before anything is built: it is how header injection starts.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from kenshu_desk.domain.validation import EmailProblem, email_problem
from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message


class _SmtpPolicy(policy.EmailPolicy):
    """policy.SMTP, except that a text/calendar Content-Type is kept exactly as written.

    The email package re-renders parameters quoted (method="REQUEST"); Outlook writes
    `text/calendar; charset=UTF-8; method=REQUEST` and some clients compare it literally.
    """

    def header_store_parse(self, name, value):  # type: ignore[no-untyped-def,override]
        if (
            name.lower() == "content-type"
            and isinstance(value, str)
            and value.startswith("text/calendar;")
        ):
            check_header_value(name, value)
            return (name, value)
        return super().header_store_parse(name, value)


SMTP_POLICY = _SmtpPolicy(linesep="\r\n")
ATTACHMENT_NAME = "invite.ics"


class MessageError(UserError):
    """A header value or an address that cannot go into a message."""


# What check_header_value calls a field in its message (header names stay as they are).
SUBJECT_FIELD = Message("mail.field_subject")
ADDRESS_FIELD = Message("mail.field_address")
DISPLAY_NAME_FIELD = Message("mail.field_display_name")


def check_header_value(name: str | Message, value: str) -> None:
    if "\r" in value or "\n" in value:
        raise MessageError.of("mail.header_line_break", field=name, value=repr(value))


def check_address(address: str) -> None:
    """A plain ASCII addr-spec (local@domain.tld); the reason is named when it is not."""
    problem = email_problem(address)
    if problem is EmailProblem.LINE_BREAK:
        check_header_value(ADDRESS_FIELD, address)
    if problem is EmailProblem.EMPTY:
        raise MessageError.of("mail.address_empty")
    if problem is EmailProblem.NON_ASCII:
        raise MessageError.of("mail.address_not_ascii", address=address)
    if problem is not None:
        raise MessageError.of("mail.address_invalid", address=address)


@dataclass(frozen=True)
class MailAddress:
    """A display name (any language) and an address, both checked on creation."""

    name: str
    address: str

    def __post_init__(self) -> None:
        check_header_value(DISPLAY_NAME_FIELD, self.name)
        check_address(self.address)

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]

    def header(self) -> Address:
        local, _, domain = self.address.rpartition("@")
        return Address(display_name=self.name, username=local, domain=domain)


def part_of(msg: EmailMessage, index: int) -> EmailMessage:
    """One part of a multipart message (typed: get_payload() may return a str)."""
    payload = msg.get_payload()
    assert isinstance(payload, list)
    found = payload[index]
    assert isinstance(found, EmailMessage)
    return found


def text_to_html(text: str) -> str:
    """The plain text as a simple HTML page: escaped, line breaks kept, URLs clickable."""
    escaped = html.escape(text)
    linked = re.sub(
        r"(https?://[^\s<>&\"]+(?:&amp;[^\s<>&\"]+)*)",
        r'<a href="\1">\1</a>',
        escaped,
    )
    body = linked.replace("\n", "<br>\n")
    return (
        '<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"></head>\n'
        '<body style="font-family: sans-serif; line-height: 1.6">\n'
        f"{body}\n</body></html>\n"
    )


def compose_calendar_message(
    *,
    sender: MailAddress,
    recipient: MailAddress,
    subject: str,
    text: str,
    calendar: bytes,
    method: str,
    html_body: str | None = None,
    date: dt.datetime | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    """One invitation (method REQUEST) or cancellation (CANCEL) to one recipient."""
    check_header_value(SUBJECT_FIELD, subject)
    if method not in ("REQUEST", "CANCEL", "PUBLISH"):
        raise ValueError(f"unknown calendar method {method!r}")
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["From"] = sender.header()
    msg["To"] = recipient.header()
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or dt.datetime.now(dt.UTC).astimezone())
    msg["Message-ID"] = message_id or make_msgid(domain=sender.domain)
    check_header_value("Message-ID", msg["Message-ID"])
    msg.set_content(text, charset="utf-8", cte="base64")
    msg.add_alternative(
        html_body if html_body is not None else text_to_html(text),
        subtype="html",
        charset="utf-8",
        cte="base64",
    )
    msg.add_alternative(calendar, maintype="text", subtype="calendar", cte="base64")
    calendar_part = part_of(msg, -1)
    # Written out unquoted, the way Outlook itself writes it; some clients compare literally.
    calendar_part.replace_header("Content-Type", f"text/calendar; charset=UTF-8; method={method}")
    msg.make_mixed()
    msg.add_attachment(
        calendar, maintype="application", subtype="ics", cte="base64", filename=ATTACHMENT_NAME
    )
    attachment = part_of(msg, -1)
    attachment.replace_header("Content-Type", f'application/ics; name="{ATTACHMENT_NAME}"')
    for part in msg.walk():
        if part is not msg:
            del part["MIME-Version"]  # only the top level carries it (RFC 2045)
    return msg


def compose_text_message(
    *,
    sender: MailAddress,
    recipient: MailAddress,
    subject: str,
    text: str,
    date: dt.datetime | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    """Plain text with an HTML alternative and no calendar part (the recording link)."""
    check_header_value(SUBJECT_FIELD, subject)
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["From"] = sender.header()
    msg["To"] = recipient.header()
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or dt.datetime.now(dt.UTC).astimezone())
    msg["Message-ID"] = message_id or make_msgid(domain=sender.domain)
    check_header_value("Message-ID", msg["Message-ID"])
    msg.set_content(text, charset="utf-8", cte="base64")
    msg.add_alternative(text_to_html(text), subtype="html", charset="utf-8", cte="base64")
    for part in msg.walk():
        if part is not msg:
            del part["MIME-Version"]
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    """The message as it goes over SMTP: CRLF line ends, 7-bit."""
    return msg.as_bytes(policy=SMTP_POLICY)


def as_draft(payload: bytes) -> bytes:
    """An .eml that Outlook opens as an unsent draft (X-Unsent: 1), ready to send."""
    return b"X-Unsent: 1\r\n" + payload


def compose_test_message(sender: MailAddress, recipient: MailAddress) -> bytes:
    """The settings dialog's "Send test message": plain text, to check server and login."""
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["From"] = sender.header()
    msg["To"] = recipient.header()
    msg["Subject"] = "kenshu-desk テストメール"
    msg["Date"] = format_datetime(dt.datetime.now(dt.UTC).astimezone())
    msg["Message-ID"] = make_msgid(domain=sender.domain)
    msg.set_content(
        "kenshu-desk のメール設定を確認するためのテストメールです。\n"
        "このメールが届いていれば、招待メールを送信できます。\n",
        charset="utf-8",
        cte="base64",
    )
    return message_bytes(msg)
