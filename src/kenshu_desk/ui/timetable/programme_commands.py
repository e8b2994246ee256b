"""Undo commands on an event's programme: add, delete, move and change items, presenters.

They work like the commands in `commands` (one service call per step, the row version the
screen showed, then the one this program's own last write left); an item deleted by a step
comes back with its id, its place and its presenters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kenshu_desk.domain.models import ProgrammeItem, Speaker
from kenshu_desk.services.timetable import programme_actions as actions
from kenshu_desk.services.timetable.programme_edit import ItemData, ItemSnapshot, PresenterRef
from kenshu_desk.ui.timetable.commands import (
    MERGE_ITEM_TEXT,
    Change,
    DbCommand,
    EditContext,
    RowEdit,
    UpdateRow,
)


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

    def do(self) -> Change:
        if self.snapshot is None:
            self.row_id = actions.add_item(self.db, self.event_id, self.data, self.index)
        else:
            actions.restore_item(self.db, self.snapshot)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)

    def revert(self) -> Change:
        assert self.row_id is not None
        self.snapshot = actions.delete_item(self.db, self.row_id, self.expected())
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

    def do(self) -> Change:
        self.snapshot, in_its_place = actions.delete_shown_item(
            self.db, self.event_id, self.item_id, self.expected()
        )
        return Change(event_id=self.event_id, focus_item_id=in_its_place)

    def revert(self) -> Change:
        assert self.snapshot is not None
        actions.restore_item(self.db, self.snapshot)
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

    def _move(self, to_index: int) -> int:
        from_index, self.order = actions.move_item(
            self.db, self.event_id, self.item_id, to_index, self.order
        )
        return from_index

    def do(self) -> Change:
        self.from_index = self._move(self.to_index)
        return Change(event_id=self.event_id, focus_item_id=self.item_id)

    def revert(self) -> Change:
        assert self.from_index is not None
        self._move(self.from_index)
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

    def apply(self, value: Any, expected_version: int | None) -> Any:
        return actions.update_item(self.db, self.item_id, value, expected_version)

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

    def apply(self, value: Any, expected_version: int | None) -> Any:
        return actions.set_presenters(self.db, self.item_id, value, expected_version)

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

    def do(self) -> Change:
        self.speaker_id = actions.add_new_presenter(
            self.db, self.item_id, self.fields, self.current, self.expected(), self.speaker_id
        )
        return self._change()

    def revert(self) -> Change:
        assert self.speaker_id is not None
        actions.remove_new_presenter(
            self.db,
            self.item_id,
            self.current,
            self.expected(),
            self.speaker_id,
            self.expected(Speaker, self.speaker_id),
        )
        return self._change()
