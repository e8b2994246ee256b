"""Undo commands: every edit of an event, its programme or a speaker is one QUndoCommand.

This module holds the base classes and the commands on events and speakers; those on a
programme are in programme_commands. Each redo() and undo() is one call into
services.timetable.programme_actions, i.e. one transaction. Deleted rows come
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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kenshu_desk.database import ConcurrentEditError, Database, DatabaseError
from kenshu_desk.domain.models import Event, Speaker
from kenshu_desk.errors import UserError
from kenshu_desk.services.shared.versions import WrittenVersions
from kenshu_desk.services.timetable import programme_actions as actions
from kenshu_desk.services.timetable.event_edit import EventSnapshot
from kenshu_desk.services.timetable.programme_actions import SaveFailed
from kenshu_desk.services.timetable.speakers import SpeakerSnapshot
from kenshu_desk.ui.shell.db_wait import run_waiting


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

    def report_unsaved(self, message: str) -> None:
        """The step was not saved (or may not have been) for a reason other than its value:
        say so and leave what the user typed on the screen."""

    def after_conflict(self) -> None: ...


class DbCommand(QUndoCommand):
    """Runs its steps (one service call, one transaction each) and tells the context what
    changed."""

    def __init__(self, ctx: EditContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx

    @property
    def db(self) -> Database:
        return self.ctx.db

    def _run(self, step: Callable[[], Change]) -> None:
        try:
            # On a thread of its own: the window stays alive while a server answers.
            change = run_waiting(step)
        except ConcurrentEditError as exc:
            self._fail(str(exc))
            self.ctx.after_conflict()
        except SaveFailed as exc:
            self._fail(_tr("データベースに保存できませんでした: ") + exc.detail)
        except DatabaseError as exc:  # the server or the file, not the value: keep the input
            self._fail(str(exc), keep_input=True)
        except UserError as exc:
            self._fail(str(exc))
        else:
            self.ctx.after_edit(change)

    def _fail(self, message: str, keep_input: bool = False) -> None:
        self.setObsolete(True)
        text = _tr("「%1」を実行できませんでした: %2").replace("%1", self.text()).replace("%2", message)
        if keep_input:
            self.ctx.report_unsaved(
                text + _tr(" 入力した内容は画面に残してあります。もう一度確定すると保存し直します。")
            )
        else:
            self.ctx.report_error(text)

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.revert)

    def do(self) -> Change:
        """The step redo() runs."""
        raise NotImplementedError

    def revert(self) -> Change:
        """The step undo() runs."""
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

    def _run(self, step: Callable[[], Change]) -> None:
        def tracked() -> Change:
            change = step()
            self.ran = True  # only once the step's transaction has committed
            return change

        super()._run(tracked)


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

    def apply(self, value: Any, expected_version: int | None) -> Any:
        """Write `value` to the row (checked against expected_version); return the old one."""
        raise NotImplementedError

    def change(self) -> Change:
        raise NotImplementedError

    def _step(self, value: Any) -> Change:
        before = self.apply(value, self.expected())
        if self.before is None:
            self.before = before
        return self.change()

    def do(self) -> Change:
        return self._step(self.value)

    def revert(self) -> Change:
        assert self.before is not None
        return self._step(self.before)

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

    def apply(self, value: Any, expected_version: int | None) -> Any:
        return actions.update_event(self.db, self.event_id, value, expected_version)

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
        self.snapshot: EventSnapshot | None = None

    def do(self) -> Change:
        if self.snapshot is not None:
            self.event_id = actions.restore_event(self.db, self.snapshot)
        elif self.copy_of is not None:
            assert self.new_date is not None
            self.event_id = actions.duplicate_event(
                self.db, self.copy_of, self.new_date, self.title
            )
        else:
            self.event_id = actions.create_event(self.db, self.fields)
        return Change(event_id=self.event_id)

    def revert(self) -> Change:
        assert self.event_id is not None
        # Not forced: if registrations were added meanwhile, the undo is refused, not lossy.
        self.snapshot = actions.delete_event(self.db, self.event_id)
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
        self.snapshot: EventSnapshot | None = None

    def do(self) -> Change:
        if self.snapshot is None:
            version, items = self.shown
        else:
            version, items = self.ctx.versions.get(Event, self.event_id), None
        self.snapshot = actions.delete_event(self.db, self.event_id, version, items)
        return Change(removed_event_id=self.event_id)

    def revert(self) -> Change:
        assert self.snapshot is not None
        actions.restore_event(self.db, self.snapshot)
        return Change(event_id=self.event_id)


# --- speakers -----------------------------------------------------------------------------


class CreateSpeaker(RowEdit):
    """A new speaker; undo deletes it only while nobody else has changed it."""

    model = Speaker

    def __init__(self, ctx: EditContext, fields: Mapping[str, Any], text: str) -> None:
        super().__init__(ctx, text, None, None)
        self.fields = dict(fields)
        self.snapshot: SpeakerSnapshot | None = None

    @property
    def speaker_id(self) -> int | None:
        return self.row_id

    def do(self) -> Change:
        if self.snapshot is None:
            self.row_id = actions.create_speaker(self.db, self.fields)
        else:
            actions.restore_speaker(self.db, self.snapshot)
        assert self.row_id is not None
        return Change(speaker_ids=(self.row_id,), focus_speaker_id=self.row_id)

    def revert(self) -> Change:
        assert self.row_id is not None
        self.snapshot = actions.delete_speaker(self.db, self.row_id, self.expected())
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

    def apply(self, value: Any, expected_version: int | None) -> Any:
        return actions.update_speaker(self.db, self.speaker_id, value, expected_version)

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
        self.snapshot: SpeakerSnapshot | None = None

    def do(self) -> Change:
        self.snapshot = actions.delete_speaker(self.db, self.speaker_id, self.expected())
        return Change(speaker_ids=(self.speaker_id,))

    def revert(self) -> Change:
        assert self.snapshot is not None
        actions.restore_speaker(self.db, self.snapshot)
        return Change(speaker_ids=(self.speaker_id,), focus_speaker_id=self.speaker_id)
