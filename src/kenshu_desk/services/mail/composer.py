"""Composing invitation, update and cancellation messages: one by one (compose_message, the
reference) or for a whole run with the shared work done once (RunComposer)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import make_msgid

from kenshu_desk.documents.ics import (
    CalendarPerson,
    InvitationCalendars,
    invitation_calendar,
    programme_text,
    when_text,
)
from kenshu_desk.domain.models import Event
from kenshu_desk.mail.batch import CalendarMessageFrame, FrameMismatch
from kenshu_desk.mail.compose import (
    MailAddress,
    compose_calendar_message,
    message_bytes,
    text_to_html,
)
from kenshu_desk.mail.templates import (
    CANCEL_KINDS,
    DEFAULT_TEMPLATES,
    MailTemplate,
    MessageKind,
    render_template,
)


@dataclass(frozen=True)
class Recipient:
    participant_id: int
    name: str
    organisation: str
    address: str

    @property
    def mail_address(self) -> MailAddress:
        return MailAddress(self.name, self.address)


def template_values(event: Event, recipient: Recipient, sender_name: str) -> dict[str, str]:
    return {**_event_values(event, sender_name), **_recipient_values(recipient)}


def _event_values(event: Event, sender_name: str) -> dict[str, str]:
    venue = event.venue or ("オンライン開催" if event.online_url else "")
    return {
        "行事名": event.title,
        "日時": when_text(event),
        "会場": venue,
        "参加URL": event.online_url,
        "プログラム": programme_text(event),
        "差出人": sender_name or event.organiser_name,
        "問い合わせ先": event.organiser_contact.strip(),
    }


def _recipient_values(recipient: Recipient) -> dict[str, str]:
    return {"氏名": recipient.name, "所属": recipient.organisation}


def compose_message(
    event: Event,
    recipient: Recipient,
    kind: MessageKind,
    sender: MailAddress,
    templates: Mapping[MessageKind, MailTemplate] | None = None,
    *,
    alarm_minutes: int | None = None,
    now: dt.datetime | None = None,
) -> tuple[str, str, bytes]:
    """(subject, Message-ID, payload bytes) of one participant's message.

    The reference composition, entirely through icalendar and the email package. A send
    run uses `RunComposer`, which gives the same message (tests/mail/test_batch.py) in a
    tenth of the time, and falls back to this if its frame cannot be built.
    """
    template = (templates or DEFAULT_TEMPLATES).get(kind) or DEFAULT_TEMPLATES[kind]
    filled = render_template(template, template_values(event, recipient, sender.name))
    calendar = invitation_calendar(
        event,
        organizer=CalendarPerson(sender.name, sender.address),
        attendee=CalendarPerson(recipient.name, recipient.address),
        cancel=kind in CANCEL_KINDS,
        now=now,
        alarm_minutes=alarm_minutes,
    )
    message_id = make_msgid(domain=sender.domain)
    msg = compose_calendar_message(
        sender=sender,
        recipient=recipient.mail_address,
        subject=filled.subject,
        text=filled.body,
        calendar=calendar,
        method="CANCEL" if kind in CANCEL_KINDS else "REQUEST",
        date=now,
        message_id=message_id,
    )
    return filled.subject, message_id, message_bytes(msg)


class RunComposer:
    """compose_message() for every recipient of one run, the shared work done once.

    Per run: the template values of the event (programme, date, place), one calendar per
    method with only the ATTENDEE line left to fill (InvitationCalendars), and one MIME
    frame per method with the From and Date headers and every part header already encoded
    (CalendarMessageFrame). Per recipient: the template, the ATTENDEE line, To, Subject
    (cached when it does not name the person), Message-ID and the bodies.
    """

    def __init__(
        self,
        event: Event,
        sender: MailAddress,
        templates: Mapping[MessageKind, MailTemplate] | None = None,
        *,
        alarm_minutes: int | None = None,
        now: dt.datetime,
    ) -> None:
        self.event = event
        self.sender = sender
        self.templates = templates
        self.alarm_minutes = alarm_minutes
        self.now = now
        self._values = _event_values(event, sender.name)
        self._calendars: dict[bool, InvitationCalendars] = {}
        self._frames: dict[str, CalendarMessageFrame | None] = {}

    def compose(self, recipient: Recipient, kind: MessageKind) -> tuple[str, str, bytes]:
        """(subject, Message-ID, payload bytes), as compose_message() returns them."""
        cancel = kind in CANCEL_KINDS
        method = "CANCEL" if cancel else "REQUEST"
        frame = self._frame(method)
        if frame is None:
            return compose_message(
                self.event, recipient, kind, self.sender, self.templates,
                alarm_minutes=self.alarm_minutes, now=self.now,
            )  # fmt: skip
        template = (self.templates or DEFAULT_TEMPLATES).get(kind) or DEFAULT_TEMPLATES[kind]
        filled = render_template(template, {**self._values, **_recipient_values(recipient)})
        calendars = self._calendars.get(cancel)
        if calendars is None:
            calendars = self._calendars[cancel] = InvitationCalendars(
                self.event,
                organizer=CalendarPerson(self.sender.name, self.sender.address),
                cancel=cancel,
                now=self.now,
                alarm_minutes=self.alarm_minutes,
            )
        message_id = make_msgid(domain=self.sender.domain)
        payload = frame.message(
            recipient=recipient.mail_address,
            subject=filled.subject,
            text=filled.body,
            html_body=text_to_html(filled.body),
            calendar=calendars.for_attendee(CalendarPerson(recipient.name, recipient.address)),
            message_id=message_id,
        )
        return filled.subject, message_id, payload

    def _frame(self, method: str) -> CalendarMessageFrame | None:
        if method not in self._frames:
            try:
                self._frames[method] = CalendarMessageFrame(
                    sender=self.sender, method=method, date=self.now
                )
            except FrameMismatch:
                self._frames[method] = None  # this Python's email package: the slow way
        return self._frames[method]
