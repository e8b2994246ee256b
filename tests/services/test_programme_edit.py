"""Programme edits on a real SQLite file: every change, and the undo data it returns."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from kenshu_desk.domain.models import Event, ItemPresenter, ProgrammeItem, Speaker
from kenshu_desk.errors import UserError
from kenshu_desk.services.timetable import programme_edit as pe
from kenshu_desk.services.timetable.event_edit import create_event, default_fields
from kenshu_desk.services.timetable.event_view import load_event_view
from kenshu_desk.services.timetable.events import NotFoundError

T = dt.time


def _times(db, event_id):
    with db.session() as s:
        view = load_event_view(s, event_id)
    return [(i.title, i.time_label) for i in view.items]


@pytest.fixture
def event_id(db):
    with db.session() as s:
        fields = default_fields(dt.date(2021, 5, 24)) | {
            "start_time": T(13, 30),
            "end_time": T(15, 30),
        }
        return create_event(s, fields)


@pytest.fixture
def speakers(db):
    with db.session() as s:
        rows = [Speaker(kind="organisation", name=n) for n in ("桶川市", "川越市", "鳩山町")]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def _build(db, event_id):
    with db.session() as s:
        ids = [
            pe.add_item(s, event_id, pe.ItemData("挨拶", "挨拶", minutes=5)),
            pe.add_item(s, event_id, pe.ItemData("事例発表", "県内市町村の取組状況", minutes=30)),
            pe.add_item(s, event_id, pe.ItemData("説明", "交付金について", minutes=40)),
        ]
        ids.append(pe.add_item(s, event_id, pe.break_item()))
        ids.append(pe.add_item(s, event_id, pe.ItemData("意見交換", "意見交換", minutes=40)))
    return ids


def test_seed_programme_times(db, event_id):
    _build(db, event_id)
    assert _times(db, event_id) == [
        ("挨拶", "13:30～13:35"),
        ("県内市町村の取組状況", "13:35～14:05"),
        ("交付金について", "14:05～14:45"),
        ("休憩", "14:45～14:50"),
        ("意見交換", "14:50～15:30"),
    ]
    with db.session() as s:
        assert load_event_view(s, event_id).checks == ()


def test_insert_at_index_and_positions_stay_contiguous(db, event_id):
    ids = _build(db, event_id)
    with db.session() as s:
        new = pe.add_item(s, event_id, pe.ItemData("講演", "基調講演", minutes=10), index=1)
    with db.session() as s:
        rows = s.scalars(
            select(ProgrammeItem).where(ProgrammeItem.event_id == event_id).order_by("position")
        ).all()
        assert [r.id for r in rows] == [ids[0], new, *ids[1:]]
        assert [r.position for r in rows] == list(range(6))


def test_minutes_change_moves_every_later_time_and_reports_overrun(db, event_id):
    ids = _build(db, event_id)
    with db.session() as s:
        assert pe.update_item(s, ids[1], {"minutes": 45})["minutes"] == 30
    assert _times(db, event_id)[2:] == [
        ("交付金について", "14:20～15:00"),
        ("休憩", "15:00～15:05"),
        ("意見交換", "15:05～15:45"),
    ]
    with db.session() as s:
        messages = [c.message for c in load_event_view(s, event_id).checks]
    assert messages == ["プログラムが終了時刻を15分超えています"]


def test_delete_and_restore_keeps_id_position_presenters_and_pin(db, event_id, speakers):
    ids = _build(db, event_id)
    refs = (pe.PresenterRef(speakers[2], "「小規模町の工夫」"), pe.PresenterRef(speakers[0]))
    with db.session() as s:
        pe.set_presenters(s, ids[1], refs)
        pe.update_item(s, ids[1], {"fixed_start": T(13, 40)})
    with db.session() as s:
        snapshot = pe.delete_item(s, ids[1])
    assert snapshot.index == 1 and snapshot.data.presenters == refs
    with db.session() as s:
        assert s.get(ProgrammeItem, ids[1]) is None
        assert s.scalars(select(ItemPresenter)).all() == []
    with db.session() as s:
        assert pe.restore_item(s, snapshot) == ids[1]
    with db.session() as s:
        item = s.get(ProgrammeItem, ids[1])
        assert item.position == 1 and item.fixed_start == T(13, 40)
        assert [(p.speaker_id, p.topic) for p in item.presenters] == [
            (speakers[2], "「小規模町の工夫」"),
            (speakers[0], ""),
        ]


def test_move_returns_the_old_index_and_undo_restores_order(db, event_id):
    ids = _build(db, event_id)
    with db.session() as s:
        old = pe.move_item(s, ids[4], 0)
    assert old == 4
    assert [t for t, _ in _times(db, event_id)][:2] == ["意見交換", "挨拶"]
    with db.session() as s:
        pe.move_item(s, ids[4], old)
    assert [t for t, _ in _times(db, event_id)] == [
        "挨拶",
        "県内市町村の取組状況",
        "交付金について",
        "休憩",
        "意見交換",
    ]


def test_move_clamps_to_the_programme(db, event_id):
    ids = _build(db, event_id)
    with db.session() as s:
        pe.move_item(s, ids[0], 99)
    assert _times(db, event_id)[-1][0] == "挨拶"


def test_pin_reports_gap_and_overlap(db, event_id):
    ids = _build(db, event_id)
    with db.session() as s:
        pe.update_item(s, ids[3], {"fixed_start": T(15, 0)})  # break at 15:00 instead of 14:45
    with db.session() as s:
        view = load_event_view(s, event_id)
    assert view.items[3].time_label == "15:00～15:05"
    assert "4番目の項目の前に15分の空き時間があります" in [c.message for c in view.checks]
    with db.session() as s:
        assert pe.update_item(s, ids[3], {"fixed_start": T(14, 30)})["fixed_start"] == T(15, 0)
    with db.session() as s:
        messages = [c.message for c in load_event_view(s, event_id).checks]
    assert "4番目の項目（時刻固定）が前の項目と15分重なっています" in messages
    with db.session() as s:
        pe.update_item(s, ids[3], {"fixed_start": None})
    assert _times(db, event_id)[3] == ("休憩", "14:45～14:50")


def test_presenters_keep_their_order(db, event_id, speakers):
    ids = _build(db, event_id)
    order = [pe.PresenterRef(i) for i in (speakers[1], speakers[0], speakers[2])]
    with db.session() as s:
        assert pe.set_presenters(s, ids[1], order) == ()
    with db.session() as s:
        view = load_event_view(s, event_id)
    assert view.items[1].presenters_label == "①川越市 ②桶川市 ③鳩山町"
    with db.session() as s:
        previous = pe.set_presenters(s, ids[1], order[::-1])
    assert previous == tuple(order)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"minutes": -5}, "0～720"),
        ({"minutes": 721}, "0～720"),
        ({"minutes": "10"}, "整数"),
        ({"item_type": "  "}, "種別"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(db, event_id, changes, message):
    ids = _build(db, event_id)
    with pytest.raises(UserError, match=message), db.session() as s:
        pe.update_item(s, ids[0], changes)
    assert _times(db, event_id)[0] == ("挨拶", "13:30～13:35")


def test_unknown_speaker_or_item_is_a_user_error(db, event_id):
    ids = _build(db, event_id)
    with pytest.raises(NotFoundError), db.session() as s:
        pe.set_presenters(s, ids[0], [pe.PresenterRef(9999)])
    with pytest.raises(NotFoundError), db.session() as s:
        pe.delete_item(s, 9999)
    with db.session() as s:
        assert s.get(Event, event_id).title == "新しい行事"
