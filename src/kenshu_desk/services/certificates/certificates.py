"""Who gets a 修了証 for an event, with a number that stays theirs (issue 21).

A person attended the training at the venue, or online for at least `threshold` percent of the
event's time (Registration.minutes_online, from the meeting report). A person marked online
without minutes (recorded by hand) is counted as attended and said so. Numbers read
第R3-11-001号: the era's letter and year and the month of the event, then the person's number,
issued once and kept (re-printing gives the same numbers; someone added later gets the next).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kenshu_desk.database import Database
from kenshu_desk.domain.certificates import (
    ONLINE_NO_MINUTES,
    CertificatePlan,
    Left,
    Recipient,
    TemplateData,
    duration_minutes,
    number_text,
)
from kenshu_desk.domain.models import AttendanceState, Event, Participant, Registration
from kenshu_desk.domain.models_certificates import CertificateNumber, CertificateTemplate
from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.shared.versions import expect_version
from kenshu_desk.services.timetable.events import get_event

DEFAULT_THRESHOLD = 80


def _check_threshold(threshold: float) -> None:
    if not 0 <= threshold <= 100:
        raise UserError.of("certificates.bad_threshold", value=threshold)


def plan_certificates(
    session: Session, event_id: int, threshold: float = DEFAULT_THRESHOLD, *, issue: bool = True
) -> CertificatePlan:
    """Who gets one (numbers issued and stored when `issue`), and who does not and why."""
    _check_threshold(threshold)
    event = get_event(session, event_id)
    needed = duration_minutes(event) * threshold / 100
    rows = session.execute(
        select(Registration, Participant)
        .join(Participant, Registration.participant_id == Participant.id)
        .where(Registration.event_id == event_id)
    ).all()
    chosen: list[tuple[Registration, Participant, str]] = []
    left: list[Left] = []
    for reg, person in rows:
        if reg.state == AttendanceState.ATTENDED_VENUE:
            chosen.append((reg, person, "会場"))
        elif reg.state == AttendanceState.ATTENDED_ONLINE:
            if reg.minutes_online is None:
                chosen.append((reg, person, ONLINE_NO_MINUTES))
            elif reg.minutes_online >= needed:
                chosen.append((reg, person, f"オンライン（{reg.minutes_online} 分）"))
            else:
                why = msg("certificates.why_short", minutes=reg.minutes_online, needed=needed)
                left.append(Left(person.id, person.name, why))
        else:
            left.append(Left(person.id, person.name, _state_word(reg.state)))
    numbers = _numbers(session, event, [reg for reg, _, _ in chosen], issue=issue)
    from kenshu_desk.domain.japanese import reading_sort_key

    chosen.sort(key=lambda c: numbers.get(c[0].id, 10**9))
    recipients = [
        Recipient(person.id, reg.id, person.name, person.organisation_name, how,
                  number_text(event, numbers[reg.id]) if reg.id in numbers else "")
        for reg, person, how in chosen
    ]  # fmt: skip
    left.sort(key=lambda x: reading_sort_key("", x.name))
    return CertificatePlan(event.title, event.date, recipients, left, read_template(session))


def _state_word(state: str) -> Message:
    if state == "absent":
        return msg("certificates.why_absent")
    if state == "cancelled":
        return msg("certificates.why_cancelled")
    return msg("certificates.why_unrecorded")


def _numbers(
    session: Session, event: Event, regs: list[Registration], *, issue: bool
) -> dict[int, int]:
    """registration id → sequence: kept ones, then new ones in 五十音 order of the name."""
    stored = {
        n.registration_id: n.sequence
        for n in session.scalars(
            select(CertificateNumber).where(CertificateNumber.event_id == event.id)
        )
    }
    if not issue:
        return stored
    from kenshu_desk.domain.japanese import reading_sort_key

    new = sorted(
        (r for r in regs if r.id not in stored),
        key=lambda r: reading_sort_key(r.participant.reading, r.participant.name),
    )
    next_number = (
        session.scalar(
            select(func.max(CertificateNumber.sequence)).where(
                CertificateNumber.event_id == event.id
            )
        )
        or 0
    ) + 1
    for reg in new:
        session.add(
            CertificateNumber(event_id=event.id, registration_id=reg.id, sequence=next_number)
        )
        stored[reg.id] = next_number
        next_number += 1
    session.flush()
    return stored


# ---------------------------------------------------------------- the template


def read_template(session: Session) -> TemplateData:
    row = session.get(CertificateTemplate, 1)
    if row is None:
        return TemplateData()
    return TemplateData(
        row.heading, row.body, row.honorific, row.organiser_title, row.organiser_name,
        row.seal_png, row.version,
    )  # fmt: skip


def save_template(session: Session, data: TemplateData) -> int:
    """Store the template (refused when another organiser saved it since `data.version`)."""
    if not data.heading.strip() or not data.body.strip():
        raise UserError.of("certificates.template_empty")
    if data.seal_png is not None and not data.seal_png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise UserError.of("certificates.seal_not_png")
    row = session.get(CertificateTemplate, 1)
    if row is None:
        row = CertificateTemplate(id=1)
        session.add(row)
    elif data.version is not None:
        expect_version(row, data.version)
    row.heading, row.body = data.heading.strip(), data.body.strip()
    row.honorific = data.honorific.strip()
    row.organiser_title, row.organiser_name = (
        data.organiser_title.strip(),
        data.organiser_name.strip(),
    )
    row.seal_png = data.seal_png
    session.flush()
    return row.version


# ---------------------------------------------------------------- for the window (own session)


def certificates_pdf_bytes(
    db: Database, event_id: int, threshold: float = DEFAULT_THRESHOLD
) -> bytes:
    from kenshu_desk.documents.certificates import certificates_pdf

    with db.session() as s:
        plan = plan_certificates(s, event_id, threshold)
    if not plan.recipients:
        raise UserError.of("certificates.nobody")
    return certificates_pdf(plan, dt.date.today())


def template_of(db: Database) -> TemplateData:
    with db.session() as s:
        return read_template(s)


def store_template(db: Database, data: TemplateData) -> int:
    with db.session() as s:
        return save_template(s, data)
