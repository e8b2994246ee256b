"""Calls the window makes for materials and reminders: each opens its own session (one user
action, one transaction) and returns plain data, so the dialog never holds a session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.templates import MailTemplate
from kenshu_desk.messages import Message
from kenshu_desk.services.materials import materials as mat
from kenshu_desk.services.reminders import reminders as rem
from kenshu_desk.services.reminders import schedule as sch
from kenshu_desk.services.timetable.events import get_event


@dataclass(frozen=True)
class ReminderSetup:
    event_title: str
    event_date: dt.date
    organiser_name: str
    organiser_email: str
    schedule: sch.ScheduleInfo | None
    due: sch.DueReminder | None


def setup(db: Database, event_id: int, today: dt.date) -> ReminderSetup:
    with db.session() as s:
        event = get_event(s, event_id)
        due = None
        if not event.cancelled and event.date >= today:
            due = sch.due_reminder(s, event_id, today)
        return ReminderSetup(
            event.title, event.date, event.organiser_name, event.organiser_email,
            sch.get_schedule(s, event_id), due,
        )  # fmt: skip


def materials_of(db: Database, event_id: int) -> list[mat.MaterialInfo]:
    with db.session() as s:
        return mat.list_materials(s, event_id)


def add_file(db: Database, event_id: int, path: Path, title: str | None = None) -> mat.MaterialInfo:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError.of(
            "materials.file_unreadable", path=path, reason=exc.strerror or exc
        ) from None
    with db.session() as s:
        return mat.add_material(s, event_id, path.name, data, title)


def move(db: Database, material_id: int, step: int) -> None:
    with db.session() as s:
        mat.move_material(s, material_id, step)


def remove(db: Database, material_id: int) -> None:
    with db.session() as s:
        mat.remove_material(s, material_id)


def rename(db: Database, material_id: int, title: str) -> None:
    with db.session() as s:
        mat.rename_material(s, material_id, title)


def save_as(db: Database, material_id: int, target: Path) -> Path:
    with db.session() as s:
        _info, data = mat.material_data(s, material_id)
    write_atomically(target, data)
    return target


def set_schedule(
    db: Database,
    event_id: int,
    days: int | None,
    *,
    agenda: bool,
    materials: bool,
    materials_link: str = "",
) -> None:
    with db.session() as s:
        sch.set_schedule(
            s, event_id, days, attach_agenda=agenda, attach_materials=materials,
            materials_link=materials_link,
        )  # fmt: skip


def plan(db: Database, event_id: int, today: dt.date) -> rem.ReminderPlan:
    with db.session() as s:
        return rem.plan_reminder(s, event_id, today=today)


def agenda_size(db: Database, event_id: int) -> int:
    """Bytes of the 次第 PDF as it would be attached (made once when the window opens)."""
    with db.session() as s:
        return len(rem.agenda_attachment(get_event(s, event_id)).data)


def size_check(
    db: Database, event_id: int, *, agenda_bytes: int | None, materials: bool, limit_mb: float
) -> tuple[int, Message | None]:
    """The estimated size of one reminder (the 次第 when `agenda_bytes` is given, the
    materials' stored sizes), and the warning when it passes the limit."""
    sizes = [agenda_bytes] if agenda_bytes is not None else []
    if materials:
        sizes += [m.size for m in materials_of(db, event_id)]
    size = rem.size_of_files(sizes)
    return size, rem.size_warning(size, limit_mb)


@dataclass(frozen=True)
class ReminderOrder:
    """What the window asks for: sent on the worker (queue) or written as drafts."""

    event_id: int
    sender: MailAddress
    template: MailTemplate
    agenda: bool
    materials: bool
    limit_mb: float
    allow_large: bool
    today: dt.date
    materials_link: str = ""  # offered as a download in the text (in place of attaching)


def queue(
    db: Database, order: ReminderOrder, eml_dir: Path | None = None
) -> rem.ReminderQueueReport:
    with db.session() as s:
        return rem.queue_reminder(
            s, order.event_id, order.sender, order.template,
            attach_agenda=order.agenda, attach_materials=order.materials,
            materials_link=order.materials_link, size_limit_mb=order.limit_mb, allow_large=order.allow_large,
            eml_dir=eml_dir, today=order.today,
        )  # fmt: skip


def due_list(db: Database, today: dt.date) -> list[sch.DueReminder]:
    with db.session() as s:
        return sch.due_reminders(s, today)
