"""Calls the window makes: each opens its own session (one user action, one transaction) and
returns plain data, so the recordings dialog and its 確認 tab never hold a database session.

The CLI calls the session-level functions (recordings.py, manual.py, recording_log.py)
directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kenshu_desk.database import Database
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.templates import MailTemplate
from kenshu_desk.services.recordings import recordings as rec
from kenshu_desk.services.recordings.recording_log import (
    DeliveryEntry,
    FollowUpRow,
    delivery_log,
    follow_up,
)
from kenshu_desk.services.timetable.events import get_event


@dataclass(frozen=True)
class Registrant:
    participant_id: int
    name: str
    organisation: str


@dataclass(frozen=True)
class RecordingsSetup:
    """What the recordings dialog shows from the start: the event and its registrants."""

    event_title: str
    organiser_name: str
    organiser_email: str
    registrants: list[Registrant]


def recordings_setup(db: Database, event_id: int) -> RecordingsSetup:
    with db.session() as s:
        event = get_event(s, event_id)
        registrants = [
            Registrant(r.participant_id, r.participant.name, r.participant.organisation_name)
            for r in rec.registrations_of(event)
        ]
        return RecordingsSetup(
            event.title, event.organiser_name, event.organiser_email, registrants
        )


def event_recordings(db: Database, event_id: int) -> list[rec.RecordingInfo]:
    with db.session() as s:
        return rec.list_recordings(s, event_id)


def plan_sending(
    db: Database,
    recording_id: int,
    group: str,
    picked: Iterable[int],
    extras: Iterable[tuple[str, str]],
) -> rec.RecordingPlan:
    """Who would get the link now; nothing is written."""
    with db.session() as s:
        return rec.plan_recording(s, recording_id, group, picked, extras)


def preview_recording(
    db: Database, event_id: int, recording_id: int | None, template: MailTemplate, name: str
) -> MailTemplate | None:
    """The template filled in for `name`; None when no link is chosen (UserError if the
    template does not fill)."""
    with db.session() as s:
        event = get_event(s, event_id)
        if not recording_id:
            return None
        info = next(i for i in rec.list_recordings(s, event_id) if i.id == recording_id)
        return rec.render_recording(template, info, event, name)


def add_link(
    db: Database,
    event_id: int,
    url: str,
    passcode: str = "",
    available_until: dt.date | None = None,
    note: str = "",
) -> rec.RecordingInfo:
    with db.session() as s:
        return rec.add_recording(s, event_id, url, passcode, available_until, note)


def edit_link(
    db: Database,
    recording_id: int,
    *,
    url: str,
    passcode: str,
    available_until: dt.date | None,
    note: str,
) -> rec.RecordingInfo:
    with db.session() as s:
        return rec.edit_recording(
            s, recording_id, url=url, passcode=passcode, available_until=available_until, note=note
        )


def delete_link(db: Database, recording_id: int) -> None:
    """The link and its delivery log (the outbox keeps the mails themselves)."""
    with db.session() as s:
        rec.delete_recording(s, recording_id)


def queue_sending(
    db: Database,
    recording_id: int,
    sender: MailAddress,
    template: MailTemplate,
    *,
    group: str,
    picked: Iterable[int],
    extras: Iterable[tuple[str, str]],
    materials: bool = False,
    size_limit_mb: float = 0.0,
) -> list[int]:
    """Compose, queue and log one message per recipient in one transaction; the outbox ids.
    `materials`: the event's materials attached (refused past `size_limit_mb`)."""
    with db.session() as s:
        return rec.queue_recording(
            s, recording_id, sender, template, group=group, picked=picked, extras=extras,
            materials=materials, size_limit_mb=size_limit_mb,
        ).ids  # fmt: skip


def save_drafts(
    db: Database,
    recording_id: int,
    sender: MailAddress,
    template: MailTemplate,
    folder: Path,
    *,
    group: str,
    picked: Iterable[int],
    extras: Iterable[tuple[str, str]],
    materials: bool = False,
    size_limit_mb: float = 0.0,
) -> list[Path]:
    """One .eml per recipient, recorded as saved, in one transaction; the files written."""
    with db.session() as s:
        return rec.queue_recording(
            s, recording_id, sender, template, group=group, picked=picked,
            extras=extras, eml_dir=folder, materials=materials, size_limit_mb=size_limit_mb,
        ).paths  # fmt: skip


def follow_up_and_log(db: Database, event_id: int) -> tuple[list[FollowUpRow], list[DeliveryEntry]]:
    """Attended / received per registrant, and the delivery log, read together."""
    with db.session() as s:
        return follow_up(s, event_id), delivery_log(s, event_id)


def record_manual(
    db: Database,
    recording_id: int,
    *,
    method: str,
    participant_id: int | None,
    when: dt.datetime | None,
    note: str,
) -> int:
    """A delivery told by phone or handed over; the new log entry's id."""
    with db.session() as s:
        return rec.record_manual_delivery(
            s, recording_id, method=method, participant_id=participant_id, when=when, note=note
        )
