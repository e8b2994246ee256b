"""services.timetable.programme_actions: the undo steps, one transaction each, own errors."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import IntegrityError

from kenshu_desk.database import Database
from kenshu_desk.services.timetable import programme_actions as actions
from kenshu_desk.services.timetable import programme_edit
from kenshu_desk.services.timetable.event_edit import default_fields
from kenshu_desk.services.timetable.programme_edit import ItemData


@pytest.fixture
def programme(db: Database) -> tuple[int, list[int]]:
    """An event with three items: (event id, item ids in order)."""
    event_id = actions.create_event(db, default_fields(dt.date(2021, 5, 24)))
    ids = [actions.add_item(db, event_id, ItemData(title=t), None) for t in "ABC"]
    return event_id, ids


def _ids(db: Database, event_id: int) -> list[int]:
    with db.session() as s:
        return programme_edit.item_ids(s, event_id)


def test_deleting_selects_the_item_now_in_its_place(db: Database, programme):
    event_id, (a, b, c) = programme
    snapshot, focus = actions.delete_shown_item(db, event_id, b, None)
    assert (snapshot.id, focus) == (b, c)
    assert actions.delete_shown_item(db, event_id, c, None)[1] == a  # the last: the one before
    assert actions.delete_shown_item(db, event_id, a, None)[1] is None
    actions.restore_item(db, snapshot)
    assert _ids(db, event_id) == [b]


def test_a_database_failure_is_the_programs_own_error_and_saves_nothing(
    db: Database, programme, monkeypatch: pytest.MonkeyPatch
):
    event_id, ids = programme

    def refused(*_args: object) -> list[int]:
        raise IntegrityError("SELECT", {}, Exception("CHECK constraint failed\nmore detail"))

    monkeypatch.setattr(programme_edit, "item_ids", refused)
    with pytest.raises(actions.SaveFailed) as failure:
        actions.delete_shown_item(db, event_id, ids[1], None)
    assert "CHECK constraint failed" in failure.value.detail
    assert "\n" not in failure.value.detail
    monkeypatch.undo()
    assert _ids(db, event_id) == ids  # the delete was rolled back with the step
