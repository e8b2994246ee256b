"""Adviser dispatches (アドバイザー派遣): visits to one municipality and the record of them.

A dispatch is an Event of a dispatch kind (ヒアリング, 勉強会, 研修会, 検討会議への参加) whose
host is the municipality (or one of its bodies, e.g. its 社協). The advisers who went are
EventAdviser rows; a visit with none is prefecture staff alone (県職員). The record per
municipality reads like the seed's 派遣実績 column: "8/12(県職員)、10/20(猪鼻・加藤)".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.database import ConcurrentEditError
from kenshu_desk.domain.japanese import fiscal_year_range, reading_sort_key
from kenshu_desk.domain.models import (
    DISPATCH_KINDS,
    Event,
    EventAdviser,
    Organisation,
    Speaker,
    SpeakerKind,
)
from kenshu_desk.errors import UserError

STAFF_ONLY = "県職員"
RECORD_SEPARATOR = "、"
DEFAULT_START = dt.time(10, 0)
DEFAULT_END = dt.time(12, 0)


def family_name(speaker: Speaker) -> str:
    """The family name the seed prints ("猪鼻 紗都子" → "猪鼻"); an organisation's full name."""
    if speaker.kind != SpeakerKind.PERSON:
        return speaker.name
    name = speaker.name.strip()
    for sep in (" ", "\u3000"):
        if sep in name:
            return name.split(sep, 1)[0]
    return name


@dataclass(frozen=True)
class DispatchEntry:
    event_id: int
    date: dt.date
    kind: str
    title: str
    host_id: int
    host_name: str
    advisers: tuple[str, ...]  # family names, in order; empty = 県職員
    cancelled: bool

    @property
    def with_adviser(self) -> bool:
        return bool(self.advisers)

    def who(self) -> str:
        return "・".join(self.advisers) if self.advisers else STAFF_ONLY

    def short(self) -> str:
        """One entry of the 派遣実績 column: 10/20(猪鼻・加藤)."""
        return f"{self.date.month}/{self.date.day}({self.who()})"

    @classmethod
    def of(cls, event: Event) -> DispatchEntry:
        host = event.host_organisation
        return cls(
            event_id=event.id,
            date=event.date,
            kind=event.kind,
            title=event.title,
            host_id=event.host_organisation_id or 0,
            host_name=host.name if host else "",
            advisers=tuple(family_name(a.speaker) for a in event.advisers),
            cancelled=event.cancelled,
        )


def recorded_visits(entries: Sequence[DispatchEntry]) -> list[DispatchEntry]:
    """The visits the 派遣実績 record lists: oldest first, the cancelled ones left out."""
    return sorted((e for e in entries if not e.cancelled), key=lambda e: (e.date, e.event_id))


def dispatch_record_text(entries: Sequence[DispatchEntry]) -> str:
    """The seed's 派遣実績 cell, oldest first; cancelled visits are not part of the record."""
    return RECORD_SEPARATOR.join(e.short() for e in recorded_visits(entries))


def _organisation_ids_of(session: Session, municipality_id: int) -> list[int]:
    """The municipality and the bodies linked to it (社協, 地域包括 …)."""
    linked = session.scalars(
        select(Organisation.id).where(Organisation.municipality_id == municipality_id)
    )
    return [municipality_id, *linked]


def _dispatch_query(fy: int | None):  # type: ignore[no-untyped-def]
    stmt = (
        select(Event)
        .where(Event.host_organisation_id.is_not(None), Event.kind.in_(list(DISPATCH_KINDS)))
        .options(
            selectinload(Event.advisers).selectinload(EventAdviser.speaker),
            selectinload(Event.host_organisation),
        )
        .order_by(Event.date, Event.start_time, Event.id)
    )
    if fy is not None:
        first, last = fiscal_year_range(fy)
        stmt = stmt.where(Event.date >= first, Event.date <= last)
    return stmt


def dispatches_for(
    session: Session, municipality_id: int, fy: int | None = None
) -> list[DispatchEntry]:
    """The dispatches a municipality (or one of its bodies) received, oldest first."""
    ids = _organisation_ids_of(session, municipality_id)
    stmt = _dispatch_query(fy).where(Event.host_organisation_id.in_(ids))
    return [DispatchEntry.of(e) for e in session.scalars(stmt)]


def dispatches_by_municipality(session: Session, fy: int) -> dict[int, list[DispatchEntry]]:
    """Every dispatch of fiscal year fy, keyed by the municipality it counts for."""
    rows = session.execute(
        select(Organisation.id, Organisation.municipality_id).where(
            or_(Organisation.lgcode.is_not(None), Organisation.municipality_id.is_not(None))
        )
    )
    parent_of = {org_id: parent_id for org_id, parent_id in rows}
    result: dict[int, list[DispatchEntry]] = defaultdict(list)
    for event in session.scalars(_dispatch_query(fy)):
        host_id = event.host_organisation_id or 0
        municipality = parent_of.get(host_id) or host_id
        result[municipality].append(DispatchEntry.of(event))
    return dict(result)


@dataclass(frozen=True)
class DispatchInput:
    date: dt.date
    kind: str
    host_organisation_id: int
    adviser_ids: tuple[int, ...] = ()
    title: str = ""  # default: "<host> <kind>"
    start: dt.time = DEFAULT_START
    end: dt.time = DEFAULT_END
    venue: str = ""
    notes: str = ""


def _check(session: Session, data: DispatchInput) -> Organisation:
    if data.kind not in DISPATCH_KINDS:
        kinds = "・".join(DISPATCH_KINDS)
        raise UserError.of("dispatches.kind_unknown", kinds=kinds, kind=data.kind)
    host = session.get(Organisation, data.host_organisation_id)
    if host is None:
        raise UserError.of("dispatches.host_not_found", id=data.host_organisation_id)
    if data.end <= data.start:
        raise UserError.of("dispatches.end_not_after_start")
    _check_advisers(session, data.adviser_ids)
    return host


def _check_advisers(session: Session, adviser_ids: Sequence[int]) -> None:
    if len(set(adviser_ids)) != len(adviser_ids):
        raise UserError.of("dispatches.adviser_twice")
    for speaker_id in adviser_ids:
        if session.get(Speaker, speaker_id) is None:
            raise UserError.of("dispatches.adviser_not_found", id=speaker_id)


def _replace_advisers(session: Session, event: Event, adviser_ids: Sequence[int]) -> None:
    """Who went, in order (checked by the caller)."""
    event.advisers.clear()
    session.flush()  # the unique (event, speaker) pair must be gone before it comes back
    for position, speaker_id in enumerate(adviser_ids):
        event.advisers.append(EventAdviser(position=position, speaker_id=speaker_id))


def add_dispatch(session: Session, data: DispatchInput) -> Event:
    """Record a visit of advisers (or prefecture staff) to a municipality."""
    host = _check(session, data)
    event = Event(
        kind=data.kind,
        title=data.title.strip() or f"{host.name} {data.kind}",
        date=data.date,
        start_time=data.start,
        end_time=data.end,
        venue=data.venue,
        notes=data.notes,
        host_organisation=host,
    )
    for position, speaker_id in enumerate(data.adviser_ids):
        event.advisers.append(EventAdviser(position=position, speaker_id=speaker_id))
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class StoredDispatch:
    """A recorded dispatch as the form shows it, with the version the form read."""

    event_id: int
    version: int
    data: DispatchInput


def get_dispatch(session: Session, event_id: int) -> StoredDispatch:
    event = session.get(Event, event_id)
    if event is None or not event.is_dispatch:
        raise UserError.of("dispatches.not_found", id=event_id)
    assert event.host_organisation_id is not None  # is_dispatch
    return StoredDispatch(
        event_id=event.id,
        version=event.version,
        data=DispatchInput(
            date=event.date,
            kind=event.kind,
            host_organisation_id=event.host_organisation_id,
            adviser_ids=tuple(a.speaker_id for a in event.advisers),
            title=event.title,
            start=event.start_time,
            end=event.end_time,
            venue=event.venue,
            notes=event.notes,
        ),
    )


def update_dispatch(
    session: Session, event_id: int, data: DispatchInput, expected_version: int
) -> Event:
    """Correct a recorded dispatch: when, what, where and who went.

    expected_version is the version the form read: a dispatch changed by someone else in
    between is refused (ConcurrentEditError), never overwritten.
    """
    current = get_dispatch(session, event_id)
    if current.version != expected_version:
        raise ConcurrentEditError()
    host = _check(session, data)
    event = session.get(Event, event_id)
    assert event is not None
    event.kind = data.kind
    event.title = data.title.strip() or f"{host.name} {data.kind}"
    event.date = data.date
    event.start_time = data.start
    event.end_time = data.end
    event.host_organisation = host
    if tuple(data.adviser_ids) != current.data.adviser_ids:
        _replace_advisers(session, event, data.adviser_ids)  # checked by _check
    session.flush()
    return event


@dataclass(frozen=True)
class DispatchChoices:
    hosts: tuple[tuple[int, str], ...]  # the municipality first, then its bodies
    advisers: tuple[tuple[int, str, str], ...]  # (speaker id, name, affiliation), 五十音順


def dispatch_choices(session: Session, municipality_id: int) -> DispatchChoices:
    """What the dispatch form offers for a municipality: where to, and who can go."""
    town = session.get(Organisation, municipality_id)
    if town is None:
        raise UserError.of("records.municipality_not_found", id=municipality_id)
    bodies = session.scalars(
        select(Organisation)
        .where(Organisation.municipality_id == municipality_id, Organisation.id != town.id)
        .order_by(Organisation.name)
    )
    people = session.scalars(select(Speaker).where(Speaker.kind == SpeakerKind.PERSON))
    advisers = sorted(people, key=lambda p: reading_sort_key(p.reading, p.name))
    return DispatchChoices(
        hosts=((town.id, town.name), *((b.id, b.name) for b in bodies)),
        advisers=tuple((p.id, p.name, p.affiliation) for p in advisers),
    )
