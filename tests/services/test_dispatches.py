"""Adviser dispatches: the 派遣実績 record per municipality, as the seed writes it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy.exc import IntegrityError
from tests.municipalities import find_municipality

from kenshu_desk.domain.models import Organisation, Speaker, WorkLine
from kenshu_desk.errors import UserError
from kenshu_desk.services.year.dispatches import (
    DispatchInput,
    add_dispatch,
    dispatch_record_text,
    dispatches_by_municipality,
    dispatches_for,
    get_dispatch,
    update_dispatch,
)


def _speaker(s, name: str) -> int:  # type: ignore[no-untyped-def]
    return s.query(Speaker).filter(Speaker.name == name).one().id


def test_record_reads_like_the_seed(demo_db):
    with demo_db.session() as s:
        city = find_municipality(s, "行田市")
        inohana, kato = _speaker(s, "猪鼻 紗都子"), _speaker(s, "加藤 巳佐子")
        # Entered out of order: the record is by date.
        add_dispatch(s, DispatchInput(dt.date(2021, 10, 20), "研修会", city.id, (inohana, kato)))
        hearing = add_dispatch(s, DispatchInput(dt.date(2021, 8, 12), "ヒアリング", city.id))
        assert hearing.title == "行田市 ヒアリング"
        assert hearing.is_dispatch and hearing.effective_work_line == WorkLine.DISPATCH
        # Another year is another record.
        add_dispatch(s, DispatchInput(dt.date(2022, 4, 20), "勉強会", city.id, (kato,)))
        city_id = city.id
    with demo_db.session() as s:
        entries = dispatches_for(s, city_id, 2021)
        assert dispatch_record_text(entries) == "8/12(県職員)、10/20(猪鼻・加藤)"
        assert [e.with_adviser for e in entries] == [False, True]
        assert dispatch_record_text(dispatches_for(s, city_id, 2022)) == "4/20(加藤)"
        assert len(dispatches_for(s, city_id)) == 3


def test_a_visit_to_a_municipal_body_counts_for_its_municipality(demo_db):
    with demo_db.session() as s:
        city = find_municipality(s, "ふじみ野市")
        shakyo = s.query(Organisation).filter(Organisation.municipality_id == city.id).first()
        assert shakyo is not None, "the demo has ふじみ野市社会福祉協議会"
        nomura = _speaker(s, "野村 政子")
        event = add_dispatch(
            s, DispatchInput(dt.date(2021, 9, 28), "検討会議への参加", shakyo.id, (nomura,))
        )
        stored = get_dispatch(s, event.id)
        both = replace(stored.data, adviser_ids=(nomura, _speaker(s, "熊木 しづ子")))
        update_dispatch(s, event.id, both, stored.version)
        city_id = city.id
    with demo_db.session() as s:
        assert dispatch_record_text(dispatches_for(s, city_id, 2021)).startswith("9/28(野村・熊木)")
        assert "9/28(野村・熊木)" in dispatch_record_text(
            dispatches_by_municipality(s, 2021)[city_id]
        )


def test_cancelled_visits_and_bad_input(demo_db):
    with demo_db.session() as s:
        city = find_municipality(s, "桶川市")
        event = add_dispatch(s, DispatchInput(dt.date(2021, 7, 28), "ヒアリング", city.id))
        event.cancelled = True
        city_id = city.id
    with demo_db.session() as s:
        assert dispatch_record_text(dispatches_for(s, city_id, 2021)) == ""
    with pytest.raises(UserError, match="派遣の種別"), demo_db.session() as s:
        add_dispatch(s, DispatchInput(dt.date(2021, 7, 28), "部会", city_id))
    with pytest.raises(UserError, match="二度"), demo_db.session() as s:
        nomura = _speaker(s, "野村 政子")
        add_dispatch(s, DispatchInput(dt.date(2021, 7, 28), "勉強会", city_id, (nomura, nomura)))


def test_a_municipality_that_hosted_a_dispatch_cannot_be_deleted(demo_db):
    with demo_db.session() as s:
        city = find_municipality(s, "桶川市")
        add_dispatch(s, DispatchInput(dt.date(2021, 7, 28), "ヒアリング", city.id))
    with pytest.raises(IntegrityError), demo_db.session() as s:
        s.delete(find_municipality(s, "桶川市"))


def test_a_recorded_dispatch_is_corrected_over_the_version_read(demo_db):
    from kenshu_desk.database import ConcurrentEditError
    from kenshu_desk.services.year.dispatches import get_dispatch, update_dispatch

    with demo_db.session() as s:
        city = find_municipality(s, "行田市")
        inohana, kato = _speaker(s, "猪鼻 紗都子"), _speaker(s, "加藤 巳佐子")
        event = add_dispatch(
            s, DispatchInput(dt.date(2021, 10, 20), "研修会", city.id, (inohana,), notes="資料持参")
        )
        event_id, city_id = event.id, city.id
    with demo_db.session() as s:
        read = get_dispatch(s, event_id)
    assert read.data.adviser_ids == (inohana,) and read.data.notes == "資料持参"
    # Another organiser corrects the date first.
    with demo_db.session() as s:
        other = get_dispatch(s, event_id)
        update_dispatch(
            s, event_id, dataclasses.replace(other.data, date=dt.date(2021, 10, 21)), other.version
        )
    # This form still holds the old version: refused, and theirs stays.
    fixed = dataclasses.replace(read.data, adviser_ids=(kato, inohana))
    with pytest.raises(ConcurrentEditError), demo_db.session() as s:
        update_dispatch(s, event_id, fixed, read.version)
    with demo_db.session() as s:
        assert dispatch_record_text(dispatches_for(s, city_id, 2021)) == "10/21(猪鼻)"
        again = get_dispatch(s, event_id)
        update_dispatch(
            s, event_id, dataclasses.replace(again.data, adviser_ids=(kato, inohana)), again.version
        )
    with demo_db.session() as s:
        assert dispatch_record_text(dispatches_for(s, city_id, 2021)) == "10/21(加藤・猪鼻)"
        assert (
            get_dispatch(s, event_id).data.notes == "資料持参"
        )  # what the form does not show is kept
    with pytest.raises(UserError, match="見つかりません"), demo_db.session() as s:
        get_dispatch(s, 999_999)
