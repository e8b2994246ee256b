"""Editing a programme (時間割): add, insert, delete, move, minutes, pin, presenters.

Each function works inside the caller's transaction (one user action = one
`with db.session()`), and returns what an undo needs: the previous values, or a snapshot
that restores a deleted row *with its id*, so that later undo steps naming the item still
find it. Positions are kept contiguous (0..n-1) after every change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from kenshu_desk.domain.models import Event, ItemPresenter, ItemType, ProgrammeItem, Speaker
from kenshu_desk.errors import UserError
from kenshu_desk.services.shared.versions import expect_order, expect_version, touch
from kenshu_desk.services.timetable.events import NotFoundError

ITEM_TYPES: tuple[str, ...] = tuple(t.value for t in ItemType)
ITEM_FIELDS: tuple[str, ...] = ("item_type", "title", "description", "minutes", "fixed_start")
MAX_MINUTES = 12 * 60  # one day's programme; a longer item is a typing slip
DEFAULT_MINUTES = 10
BREAK_MINUTES = 5


@dataclass(frozen=True)
class PresenterRef:
    """A presenter of an item: who, and optionally the talk title (「…について」)."""

    speaker_id: int
    topic: str = ""


@dataclass(frozen=True)
class ItemData:
    """Everything a programme item holds, apart from its id and position."""

    item_type: str = ItemType.OTHER.value
    title: str = ""
    description: str = ""
    minutes: int = DEFAULT_MINUTES
    fixed_start: dt.time | None = None
    presenters: tuple[PresenterRef, ...] = field(default=())

    @classmethod
    def of(cls, item: ProgrammeItem) -> ItemData:
        return cls(
            item_type=item.item_type,
            title=item.title,
            description=item.description,
            minutes=item.minutes,
            fixed_start=item.fixed_start,
            presenters=tuple(PresenterRef(p.speaker_id, p.topic) for p in item.presenters),
        )


def break_item(minutes: int = BREAK_MINUTES) -> ItemData:
    """A break as the seed prints it: type 休憩, title 休憩."""
    return ItemData(item_type=ItemType.BREAK.value, title=ItemType.BREAK.value, minutes=minutes)


@dataclass(frozen=True)
class ItemSnapshot:
    """A deleted item, enough to put it back where it was with the same id."""

    id: int
    event_id: int
    index: int
    data: ItemData


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError.of("events.not_found", event_id=event_id)
    return event


def _item(session: Session, item_id: int) -> ProgrammeItem:
    """The item with its event and presenters in one query: an edit reads them all (the
    event's calendar sequence, the programme's state), and each query is a round trip."""
    item = session.get(
        ProgrammeItem,
        item_id,
        options=[joinedload(ProgrammeItem.event), joinedload(ProgrammeItem.presenters)],
    )
    if item is None:
        raise NotFoundError.of("programme.item_not_found", item_id=item_id)
    return item


def _ordered(session: Session, event_id: int) -> list[ProgrammeItem]:
    stmt = (
        select(ProgrammeItem)
        .where(ProgrammeItem.event_id == event_id)
        .order_by(ProgrammeItem.position, ProgrammeItem.id)
    )
    return list(session.scalars(stmt))


def item_ids(session: Session, event_id: int) -> list[int]:
    """The event's item ids in programme order."""
    return [item.id for item in _ordered(session, event_id)]


def _renumber(items: Sequence[ProgrammeItem]) -> None:
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position


def _check_value(name: str, value: Any) -> Any:
    """Validate one item field; the message names the field as the editor labels it."""
    if name == "minutes":
        if isinstance(value, bool) or not isinstance(value, int):
            raise UserError.of("programme.minutes_not_integer")
        if not 0 <= value <= MAX_MINUTES:
            raise UserError.of("programme.minutes_out_of_range", max=MAX_MINUTES)
        return value
    if name == "fixed_start":
        if value is not None and not isinstance(value, dt.time):
            raise UserError.of("programme.bad_fixed_start")
        return value.replace(second=0, microsecond=0) if value is not None else None
    if name in ("item_type", "title", "description"):
        if not isinstance(value, str):
            raise UserError.of("timetable.text_expected")
        if name == "item_type":
            value = value.strip()
            if not value:
                raise UserError.of("timetable.kind_required")
            if len(value) > 40:
                raise UserError.of("programme.type_too_long", limit=40)
        if name == "title" and len(value) > 500:
            raise UserError.of("programme.title_too_long", limit=500)
        return value
    raise UserError.of("programme.unknown_field", name=name)


def check_speakers_exist(session: Session, refs: Sequence[PresenterRef]) -> None:
    ids = {r.speaker_id for r in refs}
    if not ids:
        return
    found = set(session.scalars(select(Speaker.id).where(Speaker.id.in_(ids))))
    if missing := ids - found:
        raise NotFoundError.of("speakers.gone", speaker_id=min(missing))


def apply_presenters(item: ProgrammeItem, refs: Sequence[PresenterRef]) -> None:
    item.presenters.clear()
    for position, ref in enumerate(refs):
        item.presenters.append(
            ItemPresenter(position=position, speaker_id=ref.speaker_id, topic=ref.topic)
        )


def add_item(
    session: Session,
    event_id: int,
    data: ItemData,
    index: int | None = None,
    *,
    item_id: int | None = None,
) -> int:
    """Insert an item before `index` (None or past the end: append); returns its id.

    `item_id` is given only when an undo puts a deleted item back.
    """
    _event(session, event_id)
    values = {name: _check_value(name, getattr(data, name)) for name in ITEM_FIELDS}
    check_speakers_exist(session, data.presenters)
    items = _ordered(session, event_id)
    if index is None or index > len(items):
        index = len(items)
    index = max(0, index)
    item = ProgrammeItem(event_id=event_id, position=index, **values)
    if item_id is not None:
        if session.get(ProgrammeItem, item_id) is not None:
            raise UserError.of("programme.item_id_exists", item_id=item_id)
        item.id = item_id
    apply_presenters(item, data.presenters)
    session.add(item)
    items.insert(index, item)
    _renumber(items)
    session.flush()
    return item.id


def snapshot_item(session: Session, item_id: int) -> ItemSnapshot:
    item = _item(session, item_id)
    items = _ordered(session, item.event_id)
    return ItemSnapshot(item.id, item.event_id, items.index(item), ItemData.of(item))


def delete_item(
    session: Session, item_id: int, *, expected_version: int | None = None
) -> ItemSnapshot:
    """Delete an item (and its presenters); returns what restore_item needs.

    `expected_version`: the version the user saw; refused if the item changed since."""
    item = _item(session, item_id)
    expect_version(item, expected_version)
    snapshot = snapshot_item(session, item_id)
    items = _ordered(session, item.event_id)
    items.remove(item)
    session.delete(item)
    session.flush()  # the row must be gone before the others take its position
    _renumber(items)
    session.flush()
    return snapshot


def restore_item(session: Session, snapshot: ItemSnapshot) -> int:
    return add_item(session, snapshot.event_id, snapshot.data, snapshot.index, item_id=snapshot.id)


def move_item(
    session: Session, item_id: int, to_index: int, *, expected_order: Sequence[int] | None = None
) -> int:
    """Move an item so that it ends up at `to_index`; returns its previous index.

    `expected_order`: the item ids in the order the user saw; refused if the programme
    was reordered, added to or shortened since (the index would mean another place)."""
    item = _item(session, item_id)
    items = _ordered(session, item.event_id)
    expect_order([i.id for i in items], expected_order)
    from_index = items.index(item)
    to_index = max(0, min(to_index, len(items) - 1))
    items.pop(from_index)
    items.insert(to_index, item)
    _renumber(items)
    session.flush()
    return from_index


def update_item(
    session: Session,
    item_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
) -> dict[str, Any]:
    """Change some of an item's fields; returns their previous values (for undo)."""
    item = _item(session, item_id)
    expect_version(item, expected_version)
    checked = {name: _check_value(name, value) for name, value in changes.items()}
    previous = {name: getattr(item, name) for name in checked}
    for name, value in checked.items():
        if getattr(item, name) != value:
            setattr(item, name, value)
    session.flush()
    return previous


def set_presenters(
    session: Session,
    item_id: int,
    refs: Sequence[PresenterRef],
    *,
    expected_version: int | None = None,
) -> tuple[PresenterRef, ...]:
    """Replace the item's presenters by `refs`, in that order; returns the previous list.

    The item's version rises with its presenters, so two organisers editing the same
    item's presenters cannot overwrite each other."""
    item = _item(session, item_id)
    expect_version(item, expected_version)
    check_speakers_exist(session, refs)
    previous = tuple(PresenterRef(p.speaker_id, p.topic) for p in item.presenters)
    apply_presenters(item, refs)
    if previous != tuple(refs):
        touch(item, "position")
    session.flush()
    return previous
