"""Undo commands: every edit of an event, its programme or a speaker is one QUndoCommand.

Each redo() and undo() is one call into services inside one transaction. Deleted rows come
back with their ids (the services return snapshots), so later steps that name an item still
find it, and presenter order and pinned starts are restored exactly. If a step fails (bad
input, or the row was changed elsewhere), the command reports it, changes nothing and
removes itself from the stack (setObsolete), so the stack never claims a state it lacks.

Team mode: an edit made on what the screen showed carries the row version it saw; when
another organiser saved the row since, the edit is refused (ConcurrentEditError). The
context is then told through `after_conflict`: the window clears the whole undo history
(earlier steps would write back values read before the other organiser's change, silently
undoing it) and reloads what is stored now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kenshu_desk.database import ConcurrentEditError, Database
from kenshu_desk.domain.models import Event, ProgrammeItem
from kenshu_desk.errors import UserError
from kenshu_desk.services import event_edit, programme_edit, speakers
from kenshu_desk.services.programme_edit import ItemData, ItemSnapshot, PresenterRef


def _tr(text: str) -> str:
    return QCoreApplication.translate("DbCommand", text)


@dataclass(frozen=True)
class Change:
    """What an edit touched, so the window refreshes exactly that."""

    event_id: int | None = None  # show and refresh this event
    focus_item_id: int | None = None  # select this programme item afterwards
    removed_event_id: int | None = None
    speaker_ids: tuple[int, ...] = ()  # speakers created, changed or deleted
    focus_speaker_id: int | None = None

    @property
    def speakers_changed(self) -> bool:
        return bool(self.speaker_ids)


class EditContext(Protocol):
    db: Database

    def after_edit(self, change: Change) -> None: ...

    def report_error(self, message: str) -> None: ...

    def after_conflict(self) -> None: ...


class DbCommand(QUndoCommand):
    """Runs its steps in one transaction each and tells the context what changed."""

    def __init__(self, ctx: EditContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx

    def _run(self, step: Callable[[Session], Change]) -> None:
        try:
            with self.ctx.db.session() as session:
                change = step(session)
        except ConcurrentEditError as exc:
            self._fail(str(exc))
            self.ctx.after_conflict()
        except UserError as exc:
            self._fail(str(exc))
        except StaleDataError:  # raised outside Database.session(): same meaning
            self._fail(str(ConcurrentEditError()))
            self.ctx.after_conflict()
        except SQLAlchemyError as exc:
            self._fail(_tr("データベースに保存できませんでした: ") + str(exc).splitlines()[0])
        else:
            self.ctx.after_edit(change)

    def _fail(self, message: str) -> None:
        self.setObsolete(True)
        self.ctx.report_error(
            _tr("「%1」を実行できませんでした: %2")
            .replace("%1", self.text())
            .replace("%2", message)
        )

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_in)

    def do(self, session: Session) -> Change:
        raise NotImplementedError

    def undo_in(self, session: Session) -> Change:
        raise NotImplementedError


def check_version(session: Session, model: type, row_id: int, expected: int | None) -> None:
    """The first run of an edit applies to the row the user saw, not to a newer one."""
    if expected is None:
        return
    row = session.get(model, row_id)
    if row is not None and row.version != expected:
        raise ConcurrentEditError()


# --- events -------------------------------------------------------------------------------

MERGE_EVENT_TEXT = 1001
MERGE_SPEAKER_TEXT = 1002
MERGE_ITEM_TEXT = 1003


class UpdateEvent(DbCommand):
    """Change event fields. Saves of the same text field while typing merge into one step."""

    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        changes: Mapping[str, Any],
        text: str,
        merge_token: object | None = None,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.changes = dict(changes)
        self.before: dict[str, Any] | None = None
        self.merge_token = merge_token
        self.expected_version = expected_version

    def do(self, session: Session) -> Change:
        if self.before is None:
            check_version(session, Event, self.event_id, self.expected_version)
        before = event_edit.update_event(session, self.event_id, self.changes)
        if self.before is None:
            self.before = before
        return Change(event_id=self.event_id)

    def undo_in(self, session: Session) -> Change:
        assert self.before is not None
        event_edit.update_event(session, self.event_id, self.before)
        return Change(event_id=self.event_id)

    def id(self) -> int:
        return MERGE_EVENT_TEXT if self.merge_token is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateEvent) or other.merge_token is not self.merge_token:
            return False
        if other.event_id != self.event_id or other.changes.keys() != self.changes.keys():
            return False
        self.changes = other.changes
        return True


class CreateEvent(DbCommand):
    """A new event, or a copy of one; undo deletes it, redo brings back the same row."""

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        fields: Mapping[str, Any] | None = None,
        copy_of: int | None = None,
        new_date: dt.date | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.fields = dict(fields or {})
        self.copy_of = copy_of
        self.new_date = new_date
        self.title = title
        self.event_id: int | None = None
        self.snapshot: event_edit.EventSnapshot | None = None

    def do(self, session: Session) -> Change:
        if self.snapshot is not None:
            self.event_id = event_edit.restore_event(session, self.snapshot)
        elif self.copy_of is not None:
            assert self.new_date is not None
            self.event_id = event_edit.duplicate_event(
                session, self.copy_of, self.new_date, self.title
            )
        else:
            self.event_id = event_edit.create_event(session, self.fields)
        return Change(event_id=self.event_id)

    def undo_in(self, session: Session) -> Change:
        assert self.event_id is not None
        # Not forced: if registrations were added meanwhile, the undo is refused, not lossy.
        self.snapshot = event_edit.delete_event(session, self.event_id)
        return Change(removed_event_id=self.event_id)


class DeleteEvent(DbCommand):
    """Delete an event that has only its programme (the window checks dependents first)."""

    def __init__(self, ctx: EditContext, event_id: int, text: str) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.snapshot: event_edit.EventSnapshot | None = None

    def do(self, session: Session) -> Change:
        self.snapshot = event_edit.delete_event(session, self.event_id)
        return Change(removed_event_id=self.event_id)

    def undo_in(self, session: Session) -> Change:
        assert self.snapshot is not None
        event_edit.restore_event(session, self.snapshot)
        return Change(event_id=self.event_id)


# --- programme ----------------------------------------------------------------------------


class AddItem(DbCommand):
    def __init__(
        self, ctx: EditContext, event_id: int, data: ItemData, index: int | None, text: str
    ) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.data = data
        self.index = index
        self.item_id: int | None = None
        self.snapshot: ItemSnapshot | None = None

    def do(self, session: Session) -> Change:
        if self.snapshot is None:
            self.item_id = programme_edit.add_item(session, self.event_id, self.data, self.index)
        else:
            programme_edit.restore_item(session, self.snapshot)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)

    def undo_in(self, session: Session) -> Change:
        assert self.item_id is not None
        self.snapshot = programme_edit.delete_item(session, self.item_id)
        return Change(event_id=self.event_id)


class DeleteItem(DbCommand):
    def __init__(self, ctx: EditContext, event_id: int, item_id: int, text: str) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.item_id = item_id
        self.snapshot: ItemSnapshot | None = None
        self.neighbour_id: int | None = None

    def do(self, session: Session) -> Change:
        self.snapshot = programme_edit.delete_item(session, self.item_id)
        ids = programme_edit.item_ids(session, self.event_id)
        index = min(self.snapshot.index, len(ids) - 1)
        return Change(event_id=self.event_id, focus_item_id=ids[index] if ids else None)

    def undo_in(self, session: Session) -> Change:
        assert self.snapshot is not None
        programme_edit.restore_item(session, self.snapshot)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)


class MoveItem(DbCommand):
    def __init__(
        self, ctx: EditContext, event_id: int, item_id: int, to_index: int, text: str
    ) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.item_id = item_id
        self.to_index = to_index
        self.from_index: int | None = None

    def do(self, session: Session) -> Change:
        self.from_index = programme_edit.move_item(session, self.item_id, self.to_index)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)

    def undo_in(self, session: Session) -> Change:
        assert self.from_index is not None
        programme_edit.move_item(session, self.item_id, self.from_index)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)


class UpdateItem(DbCommand):
    """Minutes, type, title, description or the pinned start of one item."""

    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        item_id: int,
        changes: Mapping[str, Any],
        text: str,
        merge_token: object | None = None,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.item_id = item_id
        self.changes = dict(changes)
        self.before: dict[str, Any] | None = None
        self.merge_token = merge_token
        self.expected_version = expected_version

    def do(self, session: Session) -> Change:
        if self.before is None:
            check_version(session, ProgrammeItem, self.item_id, self.expected_version)
        before = programme_edit.update_item(session, self.item_id, self.changes)
        if self.before is None:
            self.before = before
        return Change(event_id=self.event_id, focus_item_id=self.item_id)

    def undo_in(self, session: Session) -> Change:
        assert self.before is not None
        programme_edit.update_item(session, self.item_id, self.before)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)

    def id(self) -> int:
        return MERGE_ITEM_TEXT if self.merge_token is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateItem) or other.merge_token is not self.merge_token:
            return False
        if other.item_id != self.item_id or other.changes.keys() != self.changes.keys():
            return False
        self.changes = other.changes
        return True


class SetPresenters(DbCommand):
    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        item_id: int,
        refs: Sequence[PresenterRef],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.item_id = item_id
        self.refs = tuple(refs)
        self.before: tuple[PresenterRef, ...] | None = None

    def do(self, session: Session) -> Change:
        before = programme_edit.set_presenters(session, self.item_id, self.refs)
        if self.before is None:
            self.before = before
        return Change(event_id=self.event_id, focus_item_id=self.item_id)

    def undo_in(self, session: Session) -> Change:
        assert self.before is not None
        programme_edit.set_presenters(session, self.item_id, self.before)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)


class AddNewSpeakerAsPresenter(DbCommand):
    """Create a speaker on the spot and add them to an item: one step, one transaction."""

    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        item_id: int,
        fields: Mapping[str, Any],
        current: Sequence[PresenterRef],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.item_id = item_id
        self.fields = dict(fields)
        self.current = tuple(current)
        self.speaker_id: int | None = None

    def do(self, session: Session) -> Change:
        self.speaker_id = speakers.create_speaker(session, self.fields, speaker_id=self.speaker_id)
        refs = (*self.current, PresenterRef(self.speaker_id))
        programme_edit.set_presenters(session, self.item_id, refs)
        return Change(
            event_id=self.event_id, focus_item_id=self.item_id, speaker_ids=(self.speaker_id,)
        )

    def undo_in(self, session: Session) -> Change:
        assert self.speaker_id is not None
        programme_edit.set_presenters(session, self.item_id, self.current)
        speakers.delete_speaker(session, self.speaker_id)
        return Change(
            event_id=self.event_id, focus_item_id=self.item_id, speaker_ids=(self.speaker_id,)
        )


# --- speakers -----------------------------------------------------------------------------


class CreateSpeaker(DbCommand):
    def __init__(self, ctx: EditContext, fields: Mapping[str, Any], text: str) -> None:
        super().__init__(ctx, text)
        self.fields = dict(fields)
        self.speaker_id: int | None = None
        self.snapshot: speakers.SpeakerSnapshot | None = None

    def do(self, session: Session) -> Change:
        if self.snapshot is None:
            self.speaker_id = speakers.create_speaker(session, self.fields)
        else:
            speakers.restore_speaker(session, self.snapshot)
        assert self.speaker_id is not None
        return Change(speaker_ids=(self.speaker_id,), focus_speaker_id=self.speaker_id)

    def undo_in(self, session: Session) -> Change:
        assert self.speaker_id is not None
        self.snapshot = speakers.delete_speaker(session, self.speaker_id)
        return Change(speaker_ids=(self.speaker_id,))


class UpdateSpeaker(DbCommand):
    def __init__(
        self,
        ctx: EditContext,
        speaker_id: int,
        changes: Mapping[str, Any],
        text: str,
        merge_token: object | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.speaker_id = speaker_id
        self.changes = dict(changes)
        self.before: dict[str, Any] | None = None
        self.merge_token = merge_token

    def do(self, session: Session) -> Change:
        before = speakers.update_speaker(session, self.speaker_id, self.changes)
        if self.before is None:
            self.before = before
        return Change(speaker_ids=(self.speaker_id,), focus_speaker_id=self.speaker_id)

    def undo_in(self, session: Session) -> Change:
        assert self.before is not None
        speakers.update_speaker(session, self.speaker_id, self.before)
        return Change(speaker_ids=(self.speaker_id,), focus_speaker_id=self.speaker_id)

    def id(self) -> int:
        return MERGE_SPEAKER_TEXT if self.merge_token is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateSpeaker) or other.merge_token is not self.merge_token:
            return False
        if other.speaker_id != self.speaker_id or other.changes.keys() != self.changes.keys():
            return False
        self.changes = other.changes
        return True


class DeleteSpeaker(DbCommand):
    def __init__(self, ctx: EditContext, speaker_id: int, text: str) -> None:
        super().__init__(ctx, text)
        self.speaker_id = speaker_id
        self.snapshot: speakers.SpeakerSnapshot | None = None

    def do(self, session: Session) -> Change:
        self.snapshot = speakers.delete_speaker(session, self.speaker_id)
        return Change(speaker_ids=(self.speaker_id,))

    def undo_in(self, session: Session) -> Change:
        assert self.snapshot is not None
        speakers.restore_speaker(session, self.snapshot)
        return Change(speaker_ids=(self.speaker_id,), focus_speaker_id=self.speaker_id)
