"""Team mode, two organisers on one database: presenters, moves, deletes and speakers.

Each test opens the database twice (two engines, as two organisers' programs do) and
makes the second organiser's edit between the first one's reading and saving.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from kenshu_desk.database import ConcurrentEditError, open_database
from kenshu_desk.domain.models import Event, ProgrammeItem, Speaker
from kenshu_desk.services.shared.versions import expect_version
from kenshu_desk.services.timetable import programme_edit, speakers
from kenshu_desk.services.timetable.event_view import load_event_view
from kenshu_desk.services.timetable.programme_edit import PresenterRef


@pytest.fixture
def other(demo_db):  # type: ignore[no-untyped-def]
    """The second organiser's program on the same database."""
    database = open_database(demo_db.url)
    yield database
    database.dispose()


def _shown(db):  # type: ignore[no-untyped-def]
    """The 第2回 programme as the first organiser's screen read it."""
    with db.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
        return load_event_view(s, event_id)


def _presenters(db, item_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [p.speaker_id for p in s.get(ProgrammeItem, item_id).presenters]


def _speaker_id(db, name: str) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(Speaker.id).where(Speaker.name == name))


def test_a_stale_presenter_edit_is_refused_and_the_others_kept(demo_db, other):
    view = _shown(demo_db)
    item = next(i for i in view.items if len(i.presenters) > 1)
    refs = [PresenterRef(p.speaker_id, p.topic) for p in item.presenters]
    with other.session() as s:  # B takes the last presenter off
        programme_edit.set_presenters(s, item.id, refs[:-1], expected_version=item.version)
    with pytest.raises(ConcurrentEditError, match="他の方が先に"), demo_db.session() as s:
        # A swaps the first two, on the list it read
        swapped = [refs[1], refs[0], *refs[2:]]
        programme_edit.set_presenters(s, item.id, swapped, expected_version=item.version)
    assert _presenters(demo_db, item.id) == [r.speaker_id for r in refs[:-1]]


def test_a_presenter_change_makes_other_edits_of_the_item_stale(demo_db, other):
    view = _shown(demo_db)
    item = next(i for i in view.items if i.presenters)
    with other.session() as s:
        programme_edit.set_presenters(s, item.id, [], expected_version=item.version)
    with pytest.raises(ConcurrentEditError), demo_db.session() as s:
        programme_edit.update_item(s, item.id, {"minutes": 1}, expected_version=item.version)
    assert _presenters(demo_db, item.id) == []
    # Saving the same presenters again is no change and leaves the version alone.
    fresh = _shown(demo_db).items[view.item_index(item.id)]
    with demo_db.session() as s:
        programme_edit.set_presenters(s, item.id, [], expected_version=fresh.version)
        assert s.get(ProgrammeItem, item.id).version == fresh.version


def test_a_move_on_a_reordered_programme_is_refused(demo_db, other):
    view = _shown(demo_db)
    shown = [i.id for i in view.items]
    with other.session() as s:  # B moves the last item to the top
        programme_edit.move_item(s, shown[-1], 0, expected_order=shown)
    with pytest.raises(ConcurrentEditError), demo_db.session() as s:
        programme_edit.move_item(s, shown[1], 2, expected_order=shown)  # A: Ctrl+↓ on row 2
    with demo_db.session() as s:
        assert programme_edit.item_ids(s, view.id) == [shown[-1], *shown[:-1]]


def test_a_move_is_not_refused_for_an_edit_that_keeps_the_order(demo_db, other):
    view = _shown(demo_db)
    shown = [i.id for i in view.items]
    with other.session() as s:
        programme_edit.update_item(s, shown[0], {"minutes": 9})
    with demo_db.session() as s:
        programme_edit.move_item(s, shown[1], 2, expected_order=shown)
    with demo_db.session() as s:
        assert programme_edit.item_ids(s, view.id) == [shown[0], shown[2], shown[1], *shown[3:]]
        assert s.get(ProgrammeItem, shown[0]).minutes == 9


def test_an_item_changed_by_another_is_not_deleted(demo_db, other):
    view = _shown(demo_db)
    item = view.items[1]
    with other.session() as s:
        programme_edit.update_item(s, item.id, {"title": "事例発表（差し替え）"})
    with pytest.raises(ConcurrentEditError), demo_db.session() as s:
        programme_edit.delete_item(s, item.id, expected_version=item.version)
    with demo_db.session() as s:
        assert s.get(ProgrammeItem, item.id).title == "事例発表（差し替え）"
    # Shown afresh, the delete goes through and the snapshot brings the new title back.
    fresh = _shown(demo_db).items[1]
    with demo_db.session() as s:
        snapshot = programme_edit.delete_item(s, item.id, expected_version=fresh.version)
    with demo_db.session() as s:
        programme_edit.restore_item(s, snapshot)
    with demo_db.session() as s:
        assert s.get(ProgrammeItem, item.id).title == "事例発表（差し替え）"


def test_stale_speaker_edits_and_deletes_are_refused(demo_db, other):
    with demo_db.session() as s:
        new_id = speakers.create_speaker(s, {"name": "東海林 太郎"})
        row = speakers.speaker_row(s, new_id)
    assert row is not None and row.version == 1
    with other.session() as s:
        speakers.update_speaker(
            s, new_id, {"affiliation": "埼玉県立大学"}, expected_version=row.version
        )
    with pytest.raises(ConcurrentEditError), demo_db.session() as s:
        speakers.update_speaker(s, new_id, {"title": "教授"}, expected_version=row.version)
    with pytest.raises(ConcurrentEditError), demo_db.session() as s:
        speakers.delete_speaker(s, new_id, expected_version=row.version)
    with demo_db.session() as s:
        stored = speakers.speaker_row(s, new_id)
    assert stored is not None
    assert (stored.affiliation, stored.title) == ("埼玉県立大学", "")
    assert stored.version == 2


def test_the_versioned_update_itself_refuses_a_save_between_check_and_write(demo_db, other):
    # The check reads the version; a save by B right after it is still caught by the
    # UPDATE … WHERE version = … of A's flush (no window between check and write).
    name_id = _speaker_id(demo_db, "中島 修")
    with pytest.raises(ConcurrentEditError), demo_db.session() as a:
        speaker = a.get(Speaker, name_id)
        expect_version(speaker, speaker.version)
        with other.session() as s:
            s.get(Speaker, name_id).notes = "B のメモ"
        speaker.notes = "A のメモ"
    with demo_db.session() as s:
        assert s.get(Speaker, name_id).notes == "B のメモ"
