"""Calls the window makes: each opens its own session (one user action, one transaction) and
returns plain data, so the mail dialogs and menu never hold a database session.

The invitation dialog, the sent-mail log and the メール menu use these; the CLI calls the
session-level functions (invitations.py, outbox_log.py) directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from kenshu_desk.database import Database
from kenshu_desk.mail.attachments import Attachment
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.templates import MailTemplate, MessageKind
from kenshu_desk.services.mail.invitations import (
    InvitationPlan,
    QueueReport,
    Recipient,
    plan_messages,
    queue_messages,
    recipients_of,
    save_eml_files,
    template_values,
)
from kenshu_desk.services.mail.outbox_log import OutboxEntry, list_outbox, pending_counts
from kenshu_desk.services.timetable.events import get_event


@dataclass(frozen=True)
class InviteSetup:
    """What the invitation dialog shows from the start: the event and who has an address."""

    event_title: str
    organiser_name: str
    organiser_email: str
    recipients: list[Recipient]


def invite_setup(db: Database, event_id: int) -> InviteSetup:
    with db.session() as s:
        event = get_event(s, event_id)
        recipients, _ = recipients_of(event)
        return InviteSetup(event.title, event.organiser_name, event.organiser_email, recipients)


def plan_invitations(db: Database, event_id: int, kind: MessageKind | None) -> InvitationPlan:
    """Who would get what now; nothing is written (UserError as plan_messages)."""
    with db.session() as s:
        return plan_messages(s, event_id, kind)


def invitation_values(
    db: Database, event_id: int, recipient: Recipient, sender_name: str
) -> dict[str, str]:
    """The placeholders' values for one recipient's preview."""
    with db.session() as s:
        return template_values(get_event(s, event_id), recipient, sender_name)


def queue_invitations(
    db: Database,
    event_id: int,
    sender: MailAddress,
    templates: Mapping[MessageKind, MailTemplate],
    *,
    kind: MessageKind | None,
    alarm_minutes: int | None,
    attach_agenda: bool = False,
) -> QueueReport:
    """Compose and queue the planned messages, all in one transaction (run on the worker)."""
    with db.session() as s:
        return queue_messages(
            s, event_id, sender, templates, kind=kind, alarm_minutes=alarm_minutes,
            attachments=agenda_attachments(s, event_id, attach_agenda),
        )  # fmt: skip


def save_invitation_drafts(
    db: Database,
    event_id: int,
    sender: MailAddress,
    folder: Path,
    templates: Mapping[MessageKind, MailTemplate],
    *,
    kind: MessageKind | None,
    alarm_minutes: int | None,
    attach_agenda: bool = False,
) -> list[Path]:
    """One .eml per recipient, recorded as saved, in one transaction; the files written."""
    with db.session() as s:
        _report, paths = save_eml_files(
            s, event_id, sender, folder, templates, kind=kind, alarm_minutes=alarm_minutes,
            attachments=agenda_attachments(s, event_id, attach_agenda),
        )  # fmt: skip
    return paths


def agenda_attachments(s: Session, event_id: int, wanted: bool) -> list[Attachment]:
    """The 次第 as a PDF attachment when wanted (issue 20), else nothing."""
    if not wanted:
        return []
    from kenshu_desk.services.reminders.reminders import agenda_attachment  # reportlab: late

    return [agenda_attachment(get_event(s, event_id))]


def pending_mail(db: Database) -> dict[str, int]:
    """How many messages wait (queued) or need a decision (failed, unknown)."""
    with db.session() as s:
        return pending_counts(s)


def outbox_entries(db: Database, event_id: int | None = None) -> list[OutboxEntry]:
    """The sent-mail log, of one event or of all, in the order the messages were queued."""
    with db.session() as s:
        return list_outbox(s, event_id)


def event_calendar(db: Database, event_id: int, alarm_minutes: int | None) -> tuple[bytes, str]:
    """The event as a published .ics, and the file name to suggest for it."""
    from kenshu_desk.documents.ics import publish_calendar  # icalendar: not at start-up

    with db.session() as s:
        event = get_event(s, event_id)
        data = publish_calendar(event, alarm_minutes=alarm_minutes)
        return data, f"{event.date:%Y%m%d}_{event.title}.ics"
