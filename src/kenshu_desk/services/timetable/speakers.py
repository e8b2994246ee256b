"""The speaker directory (講師名簿): list, create, change, delete, and where each one speaks.

Names are stored as written; only the sort key (reading, 五十音) and the search key are
normalised. A speaker who appears in a programme cannot be deleted: the agenda of a past
event must still print who spoke.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.domain.japanese import match_key, reading_sort_key
from kenshu_desk.domain.models import Event, ItemPresenter, ProgrammeItem, Speaker, SpeakerKind
from kenshu_desk.domain.validation import is_valid_email
from kenshu_desk.errors import UserError
from kenshu_desk.services.shared.versions import expect_version
from kenshu_desk.services.timetable.events import NotFoundError, event_schedule, joined

SPEAKER_KINDS: tuple[str, ...] = (SpeakerKind.PERSON.value, SpeakerKind.ORGANISATION.value)
HONORIFICS: tuple[str, ...] = ("氏", "様", "")
SPEAKER_CATEGORIES: tuple[str, ...] = ("学識経験者", "相談支援機関", "市町村関係者", "国", "その他")
SPEAKER_FIELDS: tuple[str, ...] = (
    "kind",
    "name",
    "reading",
    "affiliation",
    "title",
    "honorific",
    "category",
    "email",
    "notes",
)
_LIMITS = {"name": 200, "reading": 200, "affiliation": 300, "title": 200, "email": 320}
# Endings that make a name an organisation rather than a person (桶川市, 厚生労働省, …).
_ORGANISATION_ENDINGS = (
    "市", "町", "村", "区", "県", "都", "道", "府", "省", "庁", "局", "課", "室", "部",
    "協議会", "センター", "大学", "法人", "会", "所", "団", "機構",
)  # fmt: skip


def guess_kind(name: str) -> str:
    """Organisation if the name ends like one (…市, …省, …協議会), else a person."""
    text = name.strip()
    if text.endswith(_ORGANISATION_ENDINGS) and " " not in text and "\u3000" not in text:
        return SpeakerKind.ORGANISATION.value
    if text.endswith(_ORGANISATION_ENDINGS) and len(text) > 8:
        return SpeakerKind.ORGANISATION.value
    return SpeakerKind.PERSON.value


@dataclass(frozen=True)
class SpeakerRow:
    """A speaker as the directory and the type-ahead show it."""

    id: int
    kind: str
    name: str
    reading: str
    affiliation: str
    title: str
    honorific: str
    category: str
    email: str
    notes: str
    display: str  # one line, as the agenda prints it
    search_key: str
    version: int = 0  # the row version read (team mode: an edit made on it is checked)

    @property
    def is_person(self) -> bool:
        return self.kind == SpeakerKind.PERSON

    @property
    def short(self) -> str:
        """Name with honorific (中島 修 氏), or the organisation's name."""
        return f"{self.name} {self.honorific}".strip() if self.is_person else self.name

    @property
    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SPEAKER_FIELDS}

    @classmethod
    def of(cls, s: Speaker) -> SpeakerRow:
        return cls.from_values(*(getattr(s, name) for name in _ROW_COLUMNS))

    @classmethod
    def from_values(
        cls,
        id: int,
        kind: str,
        name: str,
        reading: str,
        affiliation: str,
        title: str,
        honorific: str,
        category: str,
        email: str,
        notes: str,
        version: int = 0,
    ) -> SpeakerRow:
        return cls(
            id=id,
            kind=kind,
            name=name,
            reading=reading,
            affiliation=affiliation,
            title=title,
            honorific=honorific,
            category=category,
            email=email,
            notes=notes,
            display=speaker_display(kind, name, affiliation, title, honorific),
            search_key=match_key(" ".join((name, reading, affiliation, title))),
            version=version,
        )


_ROW_COLUMNS = ("id", *SPEAKER_FIELDS, "version")


def speaker_display(kind: str, name: str, affiliation: str, title: str, honorific: str) -> str:
    """The agenda line, as Speaker.display() gives it, from plain values."""
    if kind != SpeakerKind.PERSON:
        return name
    full = f"{name} {honorific}".strip()
    return " ".join(p for p in (affiliation, title, full) if p)


def sort_key(row: SpeakerRow) -> tuple:
    """五十音 of the reading, then the name, then the id (so equal names keep an order)."""
    return (reading_sort_key(row.reading, row.name), row.id)


def sort_rows(rows: list[SpeakerRow]) -> list[SpeakerRow]:
    return sorted(rows, key=sort_key)


def list_speakers(session: Session) -> list[SpeakerRow]:
    """Every speaker, in 五十音 order of the reading (no reading: last).

    Plain column values, not ORM objects: the directory may hold thousands.
    """
    columns = [getattr(Speaker, name) for name in _ROW_COLUMNS]
    return sort_rows([SpeakerRow.from_values(*row) for row in session.execute(select(*columns))])


def speaker_row(session: Session, speaker_id: int) -> SpeakerRow | None:
    """One speaker's row (None if there is no such speaker), e.g. after an edit."""
    columns = [getattr(Speaker, name) for name in _ROW_COLUMNS]
    found = session.execute(select(*columns).where(Speaker.id == speaker_id)).first()
    return SpeakerRow.from_values(*found) if found is not None else None


def get_speaker(session: Session, speaker_id: int) -> Speaker:
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        raise NotFoundError.of("speakers.not_found", speaker_id=speaker_id)
    return speaker


def _check_field(name: str, value: Any) -> str:
    if name not in SPEAKER_FIELDS:
        raise UserError.of("speakers.unknown_field", name=name)
    if not isinstance(value, str):
        raise UserError.of("timetable.text_expected")
    if name == "kind" and value not in SPEAKER_KINDS:
        raise UserError.of(
            "speakers.bad_kind",
            person=SpeakerKind.PERSON.value,
            organisation=SpeakerKind.ORGANISATION.value,
        )
    if name == "honorific" and value not in HONORIFICS:
        raise UserError.of("speakers.bad_honorific", first=HONORIFICS[0], second=HONORIFICS[1])
    if name == "category" and not value.strip():
        raise UserError.of("speakers.category_required")
    if name == "name" and not value.strip():
        raise UserError.of("speakers.name_required")
    if name == "email":
        value = value.strip()
        if value and not is_valid_email(value):
            raise UserError.of("timetable.email_invalid", address=value)
    limit = _LIMITS.get(name)
    if limit is not None and len(value) > limit:
        raise UserError.of("timetable.too_long", limit=limit)
    return value


def new_speaker_fields(name: str) -> dict[str, str]:
    """Fields for a speaker created on the spot from a typed name."""
    kind = guess_kind(name)
    return {
        "kind": kind,
        "name": name.strip(),
        "honorific": "氏" if kind == SpeakerKind.PERSON else "",
        "category": "その他",
    }


def create_speaker(
    session: Session, fields: Mapping[str, Any], *, speaker_id: int | None = None
) -> int:
    """Add a speaker; `speaker_id` only when an undo puts a deleted one back."""
    values = {name: _check_field(name, value) for name, value in fields.items()}
    if "name" not in values:
        raise UserError.of("speakers.name_required")
    speaker = Speaker(**values)
    if speaker_id is not None:
        if session.get(Speaker, speaker_id) is not None:
            raise UserError.of("speakers.id_exists", speaker_id=speaker_id)
        speaker.id = speaker_id
    session.add(speaker)
    session.flush()
    return speaker.id


def update_speaker(
    session: Session,
    speaker_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
) -> dict[str, Any]:
    """Change some fields; returns their previous values (for undo).

    `expected_version`: the version the user saw; refused if the speaker changed since."""
    speaker = get_speaker(session, speaker_id)
    expect_version(speaker, expected_version)
    checked = {name: _check_field(name, value) for name, value in changes.items()}
    previous = {name: getattr(speaker, name) for name in checked}
    for name, value in checked.items():
        if previous[name] != value:
            setattr(speaker, name, value)
    session.flush()
    return previous


@dataclass(frozen=True)
class Appearance:
    """One programme item a speaker presents in."""

    event_id: int
    date: dt.date
    event_title: str
    event_kind: str
    item_title: str
    start: dt.time
    end: dt.time
    cancelled: bool


def speaker_appearances(session: Session, speaker_id: int) -> list[Appearance]:
    """The events a speaker appears in, newest first, with the computed times."""
    event_ids = (
        select(ProgrammeItem.event_id)
        .join(ItemPresenter)
        .where(ItemPresenter.speaker_id == speaker_id)
    )
    events = session.scalars(
        select(Event)
        .where(Event.id.in_(event_ids))
        .options(selectinload(Event.items).selectinload(ProgrammeItem.presenters))
        .order_by(Event.date.desc(), Event.start_time.desc(), Event.id.desc())
    )
    found = []
    for event in events:
        schedule = event_schedule(event)
        for item, slot in zip(event.items, schedule.slots, strict=True):
            if any(p.speaker_id == speaker_id for p in item.presenters):
                found.append(
                    Appearance(
                        event.id,
                        event.date,
                        event.title,
                        event.kind,
                        item.title,
                        slot.start_time,
                        slot.end_time,
                        event.cancelled,
                    )
                )
    return found


@dataclass(frozen=True)
class SpeakerSnapshot:
    id: int
    fields: tuple[tuple[str, Any], ...]


def delete_speaker(
    session: Session, speaker_id: int, *, expected_version: int | None = None
) -> SpeakerSnapshot:
    """Delete a speaker who appears in no programme; returns a snapshot for undo."""
    speaker = get_speaker(session, speaker_id)
    expect_version(speaker, expected_version)
    used = speaker_appearances(session, speaker_id)
    if used:
        listed = sorted({f"{a.date:%Y/%m/%d} {a.event_title}" for a in used})
        where = joined(listed[:3])
        if len(listed) > 3:
            raise UserError.of(
                "speakers.in_use_more", name=speaker.name, where=where, more=len(listed) - 3
            )
        raise UserError.of("speakers.in_use", name=speaker.name, where=where)
    snapshot = SpeakerSnapshot(
        speaker.id, tuple((name, getattr(speaker, name)) for name in SPEAKER_FIELDS)
    )
    session.delete(speaker)
    session.flush()
    return snapshot


def restore_speaker(session: Session, snapshot: SpeakerSnapshot) -> int:
    return create_speaker(session, dict(snapshot.fields), speaker_id=snapshot.id)
