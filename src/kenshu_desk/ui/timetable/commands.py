"""Undo commands: every edit of an event, its programme or a speaker is one QUndoCommand.

Each redo() and undo() is one call into services inside one transaction. Deleted rows come
back with their ids (the services return snapshots), so later steps that name an item still
find it, and presenter order and pinned starts are restored exactly. If a step fails (bad
input, or the row was changed elsewhere), the command reports it, changes nothing and
removes itself from the stack (setObsolete), so the stack never claims a state it lacks.

Team mode: an edit made on what the screen showed carries the row version it saw (a move:
the order it saw); every later undo or redo expects the version this program's own last
write left (services.versions.WrittenVersions).
When another organiser saved the row since, the step is refused (ConcurrentEditError). The
context is then told through `after_conflict`: the window clears the whole undo history
(earlier steps would write back values read before the other organiser's change, silently
undoing it) and reloads what is stored now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kenshu_desk.database import ConcurrentEditError, Database
from kenshu_desk.domain.models import Event, ProgrammeItem, Speaker
from kenshu_desk.errors import UserError
from kenshu_desk.services.shared.versions import WrittenVersions
from kenshu_desk.services.timetable import event_edit, programme_edit, speakers
from kenshu_desk.services.timetable.programme_edit import ItemData, ItemSnapshot, PresenterRef


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
    versions: WrittenVersions  # what this program's own writes left in each row

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


class RowEdit(DbCommand):
    """A step on one versioned row that never writes over another organiser's change.

    The first run applies to the version the screen showed (`expected_version`; None when
    the screen knew none); every later undo or redo to the version this program's own last
    write left (ctx.versions), since steps of other commands may have written the row in
    between. The services refuse any other version (ConcurrentEditError)."""

    model: ClassVar[type]

    def __init__(
        self, ctx: EditContext, text: str, row_id: int | None, expected_version: int | None
    ) -> None:
        super().__init__(ctx, text)
        self.row_id = row_id
        self.shown_version = expected_version
        self.ran = False

    def expected(self, model: type | None = None, row_id: int | None = None) -> int | None:
        """The version the next step may write over (of this command's row by default)."""
        if model is None:
            if not self.ran:
                return self.shown_version
            model, row_id = self.model, self.row_id
        return self.ctx.versions.get(model, row_id) if row_id is not None else None

    def _run(self, step: Callable[[Session], Change]) -> None:
        def tracked(session: Session) -> Change:
            change = step(session)
            self.ran = True  # rolled back with the transaction if the commit fails
            return change

        ran = self.ran
        super()._run(tracked)
        if self.isObsolete():
            self.ran = ran


class UpdateRow(RowEdit):
    """Change one row to `value` (fields, presenters…); undo puts back what was there.

    Record-before-then-apply, once for every kind of update: the first run keeps the
    previous value; saves of the same text field while typing merge into one step."""

    merge_id: ClassVar[int] = -1

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        row_id: int,
        value: Any,
        merge_token: object | None = None,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(ctx, text, row_id, expected_version)
        self.value = value
        self.before: Any = None
        self.merge_token = merge_token

    def apply(self, session: Session, value: Any, expected_version: int | None) -> Any:
        """Write `value` to the row (checked against expected_version); return the old one."""
        raise NotImplementedError

    def change(self) -> Change:
        raise NotImplementedError

    def _step(self, session: Session, value: Any) -> Change:
        before = self.apply(session, value, self.expected())
        if self.before is None:
            self.before = before
        return self.change()

    def do(self, session: Session) -> Change:
        return self._step(session, self.value)

    def undo_in(self, session: Session) -> Change:
        assert self.before is not None
        return self._step(session, self.before)

    def id(self) -> int:
        return self.merge_id if self.merge_token is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if type(other) is not type(self):
            return False
        assert isinstance(other, UpdateRow)
        if other.merge_token is not self.merge_token or other.row_id != self.row_id:
            return False
        if not isinstance(self.value, dict) or other.value.keys() != self.value.keys():
            return False
        self.value = other.value
        return True


# --- events -------------------------------------------------------------------------------

MERGE_EVENT_TEXT = 1001
MERGE_SPEAKER_TEXT = 1002
MERGE_ITEM_TEXT = 1003


class UpdateEvent(UpdateRow):
    """Change event fields."""

    model = Event
    merge_id = MERGE_EVENT_TEXT

    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        changes: Mapping[str, Any],
        text: str,
        merge_token: object | None = None,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(ctx, text, event_id, dict(changes), merge_token, expected_version)
        self.event_id = event_id

    def apply(self, session: Session, value: Any, expected_version: int | None) -> Any:
        return event_edit.update_event(
            session, self.event_id, value, expected_version=expected_version
        )

    def change(self) -> Change:
        return Change(event_id=self.event_id)


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
    """Delete an event that has only its programme (the window checks dependents first).

    The first run deletes only the event (and programme) the screen showed; a redo only
    while the event is as this program's undo restored it."""

    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        text: str,
        expected_version: int | None = None,
        expected_items: Mapping[int, int] | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.shown = (expected_version, expected_items)
        self.snapshot: event_edit.EventSnapshot | None = None

    def do(self, session: Session) -> Change:
        if self.snapshot is None:
            version, items = self.shown
        else:
            version, items = self.ctx.versions.get(Event, self.event_id), None
        self.snapshot = event_edit.delete_event(
            session, self.event_id, expected_version=version, expected_items=items
        )
        return Change(removed_event_id=self.event_id)

    def undo_in(self, session: Session) -> Change:
        assert self.snapshot is not None
        event_edit.restore_event(session, self.snapshot)
        return Change(event_id=self.event_id)


# --- programme ----------------------------------------------------------------------------


class AddItem(RowEdit):
    """Add or insert an item; undo deletes it only while nobody else has changed it."""

    model = ProgrammeItem

    def __init__(
        self, ctx: EditContext, event_id: int, data: ItemData, index: int | None, text: str
    ) -> None:
        super().__init__(ctx, text, None, None)
        self.event_id = event_id
        self.data = data
        self.index = index
        self.snapshot: ItemSnapshot | None = None

    @property
    def item_id(self) -> int | None:
        return self.row_id

    def do(self, session: Session) -> Change:
        if self.snapshot is None:
            self.row_id = programme_edit.add_item(session, self.event_id, self.data, self.index)
        else:
            programme_edit.restore_item(session, self.snapshot)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)

    def undo_in(self, session: Session) -> Change:
        assert self.row_id is not None
        self.snapshot = programme_edit.delete_item(
            session, self.row_id, expected_version=self.expected()
        )
        return Change(event_id=self.event_id)


class DeleteItem(RowEdit):
    """Delete the item the screen showed; refused if another organiser changed it since."""

    model = ProgrammeItem

    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        item_id: int,
        text: str,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(ctx, text, item_id, expected_version)
        self.event_id = event_id
        self.item_id = item_id
        self.snapshot: ItemSnapshot | None = None

    def do(self, session: Session) -> Change:
        self.snapshot = programme_edit.delete_item(
            session, self.item_id, expected_version=self.expected()
        )
        ids = programme_edit.item_ids(session, self.event_id)
        index = min(self.snapshot.index, len(ids) - 1)
        return Change(event_id=self.event_id, focus_item_id=ids[index] if ids else None)

    def undo_in(self, session: Session) -> Change:
        assert self.snapshot is not None
        programme_edit.restore_item(session, self.snapshot)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)


class MoveItem(DbCommand):
    """Reorder: applies to the order the screen showed, later steps to the order they left."""

    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        item_id: int,
        to_index: int,
        text: str,
        expected_order: Sequence[int] | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.event_id = event_id
        self.item_id = item_id
        self.to_index = to_index
        self.from_index: int | None = None
        self.order = tuple(expected_order) if expected_order is not None else None

    def _move(self, session: Session, to_index: int) -> int:
        from_index = programme_edit.move_item(
            session, self.item_id, to_index, expected_order=self.order
        )
        self.order = tuple(programme_edit.item_ids(session, self.event_id))
        return from_index

    def do(self, session: Session) -> Change:
        self.from_index = self._move(session, self.to_index)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)

    def undo_in(self, session: Session) -> Change:
        assert self.from_index is not None
        self._move(session, self.from_index)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)


class UpdateItem(UpdateRow):
    """Minutes, type, title, description or the pinned start of one item."""

    model = ProgrammeItem
    merge_id = MERGE_ITEM_TEXT

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
        super().__init__(ctx, text, item_id, dict(changes), merge_token, expected_version)
        self.event_id = event_id
        self.item_id = item_id

    def apply(self, session: Session, value: Any, expected_version: int | None) -> Any:
        return programme_edit.update_item(
            session, self.item_id, value, expected_version=expected_version
        )

    def change(self) -> Change:
        return Change(event_id=self.event_id, focus_item_id=self.item_id)


class SetPresenters(UpdateRow):
    """The presenters of one item, in order (the item's version rises with them)."""

    model = ProgrammeItem

    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        item_id: int,
        refs: Sequence[PresenterRef],
        text: str,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(ctx, text, item_id, tuple(refs), None, expected_version)
        self.event_id = event_id
        self.item_id = item_id

    def apply(self, session: Session, value: Any, expected_version: int | None) -> Any:
        return programme_edit.set_presenters(
            session, self.item_id, value, expected_version=expected_version
        )

    def change(self) -> Change:
        return Change(event_id=self.event_id, focus_item_id=self.item_id)


class AddNewSpeakerAsPresenter(RowEdit):
    """Create a speaker on the spot and add them to an item: one step, one transaction.

    The row guarded is the item (its presenters as the screen showed them); the new
    speaker's own version is followed too, so undo never deletes a speaker someone else
    has edited since."""

    model = ProgrammeItem

    def __init__(
        self,
        ctx: EditContext,
        event_id: int,
        item_id: int,
        fields: Mapping[str, Any],
        current: Sequence[PresenterRef],
        text: str,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(ctx, text, item_id, expected_version)
        self.event_id = event_id
        self.item_id = item_id
        self.fields = dict(fields)
        self.current = tuple(current)
        self.speaker_id: int | None = None

    def _change(self) -> Change:
        assert self.speaker_id is not None
        return Change(
            event_id=self.event_id, focus_item_id=self.item_id, speaker_ids=(self.speaker_id,)
        )

    def do(self, session: Session) -> Change:
        self.speaker_id = speakers.create_speaker(session, self.fields, speaker_id=self.speaker_id)
        refs = (*self.current, PresenterRef(self.speaker_id))
        programme_edit.set_presenters(session, self.item_id, refs, expected_version=self.expected())
        return self._change()

    def undo_in(self, session: Session) -> Change:
        assert self.speaker_id is not None
        programme_edit.set_presenters(
            session, self.item_id, self.current, expected_version=self.expected()
        )
        speakers.delete_speaker(
            session, self.speaker_id, expected_version=self.expected(Speaker, self.speaker_id)
        )
        return self._change()


# --- speakers -----------------------------------------------------------------------------


class CreateSpeaker(RowEdit):
    """A new speaker; undo deletes it only while nobody else has changed it."""

    model = Speaker

    def __init__(self, ctx: EditContext, fields: Mapping[str, Any], text: str) -> None:
        super().__init__(ctx, text, None, None)
        self.fields = dict(fields)
        self.snapshot: speakers.SpeakerSnapshot | None = None

    @property
    def speaker_id(self) -> int | None:
        return self.row_id

    def do(self, session: Session) -> Change:
        if self.snapshot is None:
            self.row_id = speakers.create_speaker(session, self.fields)
        else:
            speakers.restore_speaker(session, self.snapshot)
        assert self.row_id is not None
        return Change(speaker_ids=(self.row_id,), focus_speaker_id=self.row_id)

    def undo_in(self, session: Session) -> Change:
        assert self.row_id is not None
        self.snapshot = speakers.delete_speaker(
            session, self.row_id, expected_version=self.expected()
        )
        return Change(speaker_ids=(self.row_id,))


class UpdateSpeaker(UpdateRow):
    model = Speaker
    merge_id = MERGE_SPEAKER_TEXT

    def __init__(
        self,
        ctx: EditContext,
        speaker_id: int,
        changes: Mapping[str, Any],
        text: str,
        merge_token: object | None = None,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(ctx, text, speaker_id, dict(changes), merge_token, expected_version)
        self.speaker_id = speaker_id

    def apply(self, session: Session, value: Any, expected_version: int | None) -> Any:
        return speakers.update_speaker(
            session, self.speaker_id, value, expected_version=expected_version
        )

    def change(self) -> Change:
        return Change(speaker_ids=(self.speaker_id,), focus_speaker_id=self.speaker_id)


class DeleteSpeaker(RowEdit):
    """Delete the speaker the screen showed; refused if another organiser changed it since."""

    model = Speaker

    def __init__(
        self, ctx: EditContext, speaker_id: int, text: str, expected_version: int | None = None
    ) -> None:
        super().__init__(ctx, text, speaker_id, expected_version)
        self.speaker_id = speaker_id
        self.snapshot: speakers.SpeakerSnapshot | None = None

    def do(self, session: Session) -> Change:
        self.snapshot = speakers.delete_speaker(
            session, self.speaker_id, expected_version=self.expected()
        )
        return Change(speaker_ids=(self.speaker_id,))

    def undo_in(self, session: Session) -> Change:
        assert self.snapshot is not None
        speakers.restore_speaker(session, self.snapshot)
        return Change(speaker_ids=(self.speaker_id,), focus_speaker_id=self.speaker_id)
