"""The 実施報告書: what an office files after an event, gathered as plain data.

The event (和暦 date, time, venue / online, audience), its programme with the speakers, who
took part — by kind of organisation (市町村 / 社協 / 地域包括 / その他) and by municipality,
registered / attended at the venue / online / absent — which of the prefecture's municipalities
took part, where the recording link went, and the survey's counts when a survey was imported.
The PDF and the XLSX (documents/event_report*.py) only lay this out; every figure is counted
here, once.

A person counts for a municipality through their organisation: the municipality itself, or the
body linked to it (its 社会福祉協議会, 地域包括支援センター …), as the coverage view counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.database import Database
from kenshu_desk.domain.event_report import (
    CATEGORY_ORDER,
    EventReport,
    MunicipalityLine,
    ProgrammeLine,
    RecordingSummary,
    Tally,
    category_of,
)
from kenshu_desk.domain.japanese import (
    fiscal_year,
    fiscal_year_label,
    minutes_label,
    time_range,
    wareki,
)
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    ItemPresenter,
    Organisation,
    Participant,
    ProgrammeItem,
    RecordingLink,
    Registration,
)
from kenshu_desk.domain.programme import SlotInput, compute_schedule
from kenshu_desk.services.mail.outbox import Status
from kenshu_desk.services.recordings.recording_log import delivery_log
from kenshu_desk.services.recordings.recordings import RECEIVED
from kenshu_desk.services.timetable.events import get_event

Progress = Callable[[int, int], None]


def _programme(event: Event) -> list[ProgrammeLine]:
    schedule = compute_schedule(
        event.start_time,
        event.end_time,
        [SlotInput(item.minutes, item.fixed_start) for item in event.items],
    )
    lines = []
    for item, slot in zip(event.items, schedule.slots, strict=True):
        presenters = tuple(_presenter(p) for p in item.presenters)
        lines.append(
            ProgrammeLine(
                time_range(slot.start_time, slot.end_time),
                minutes_label(slot.minutes),
                item.title,
                presenters,
            )
        )
    return lines


def _presenter(p: ItemPresenter) -> str:
    s = p.speaker
    if not s.is_person:
        return s.name
    post = " ".join(x for x in (s.affiliation, s.title) if x)
    name = f"{s.name} {s.honorific or '氏'}"
    return f"{post}　{name}" if post else name


def event_report(session: Session, event_id: int) -> EventReport:
    """Everything the 実施報告書 prints; NotFoundError when the event is gone."""
    event = get_event(session, event_id)
    session.scalars(  # the programme with its speakers, in one go
        select(ProgrammeItem)
        .where(ProgrammeItem.event_id == event_id)
        .options(selectinload(ProgrammeItem.presenters).selectinload(ItemPresenter.speaker))
    ).all()
    municipalities = {
        m.id: MunicipalityLine(m.name, m.lgcode or "", Tally())
        for m in session.scalars(
            select(Organisation)
            .where(Organisation.lgcode.is_not(None))
            .order_by(Organisation.lgcode)
        )
    }
    total, cancellations = Tally(), 0
    by_category = {c: Tally() for c in CATEGORY_ORDER}
    registrations = session.scalars(
        select(Registration)
        .where(Registration.event_id == event_id)
        .options(selectinload(Registration.participant).selectinload(Participant.organisation))
    ).all()
    for reg in registrations:
        if reg.state == AttendanceState.CANCELLED:
            cancellations += 1
            continue
        org = reg.participant.organisation
        total.add(reg.state)
        by_category[category_of(org)].add(reg.state)
        if org is not None:
            home = org.id if org.lgcode else org.municipality_id
            line = municipalities.get(home) if home is not None else None
            if line is not None:
                line.tally.add(reg.state)
    report = EventReport(
        event_id=event.id,
        title=event.title,
        kind=event.kind,
        fiscal_year=fiscal_year_label(fiscal_year(event.date)),
        date=wareki(event.date),
        time=f"{event.start_time:%H:%M}～{event.end_time:%H:%M}",
        venue=event.venue,
        online=bool(event.online_url),
        audience=event.target_audience,
        organiser=event.organiser_name,
        cancelled=event.cancelled,
        programme=_programme(event),
        total=total,
        cancellations=cancellations,
        by_category=by_category,
        municipalities=list(municipalities.values()),
        recordings=_recordings(session, event_id, registrations),
    )
    from kenshu_desk.services.survey.survey import survey_summary

    report.survey = survey_summary(session, event_id, mask=True)
    if total.registered and not report.attendance_recorded:
        report.notes.append("出欠が記録されていないため、参加市町村は申込で数えています。")
    elif total.unrecorded:
        report.notes.append(f"出欠が記録されていない人が {total.unrecorded} 名います。")
    return report


def _recordings(
    session: Session, event_id: int, registrations: Sequence[Registration]
) -> list[RecordingSummary]:
    log = delivery_log(session, event_id)
    links = session.scalars(
        select(RecordingLink.url)
        .where(RecordingLink.event_id == event_id)
        .order_by(RecordingLink.id)
    ).all()
    out = []
    for url in dict.fromkeys([*links, *(e.url for e in log)]):
        entries = [e for e in log if e.url == url]
        received = {e.participant_id for e in entries if e.status in RECEIVED}
        failed = sum(1 for e in entries if e.status == Status.FAILED)
        waiting = sum(1 for e in entries if e.status not in RECEIVED and e.status != Status.FAILED)
        not_reached = sum(
            1
            for reg in registrations
            if reg.state != AttendanceState.CANCELLED
            and not AttendanceState(reg.state).attended
            and reg.participant_id not in received
        )
        out.append(
            RecordingSummary(
                url, sum(1 for e in entries if e.status in RECEIVED), failed, waiting, not_reached
            )
        )
    return out


def report_pdf_bytes(db: Database, event_id: int, progress: Progress | None = None) -> bytes:
    """The 実施報告書 as PDF bytes (own session: safe on a worker)."""
    from kenshu_desk.documents.event_report import event_report_pdf  # reportlab: when used

    with db.session() as session:
        report = event_report(session, event_id)
    return event_report_pdf(report, progress=progress)


def report_xlsx_bytes(db: Database, event_id: int) -> bytes:
    """The 実施報告書 as an Excel workbook (own session: safe on a worker)."""
    from kenshu_desk.documents.event_report_xlsx import event_report_xlsx  # openpyxl: when used

    with db.session() as session:
        report = event_report(session, event_id)
    return event_report_xlsx(report)
