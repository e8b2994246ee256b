"""Team mode: stale edits refused, changes noticed, the local database copied to a server."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kenshu_desk.cli import main
from kenshu_desk.database import ConcurrentEditError, open_database
from kenshu_desk.domain.models import Event, Organisation, ProgrammeItem
from kenshu_desk.errors import UserError
from kenshu_desk.services.demo import load_demo
from kenshu_desk.services.team.copy_database import copy_database


def _second_window(url: str):  # type: ignore[no-untyped-def]
    return open_database(url)


def test_a_stale_edit_is_refused_and_the_first_one_kept(demo_db):
    other = _second_window(demo_db.url)
    try:
        mine, theirs = demo_db.sessions(), other.sessions()
        item_id = mine.scalars(select(ProgrammeItem.id)).first()
        a = mine.get(ProgrammeItem, item_id)
        b = theirs.get(ProgrammeItem, item_id)
        a.minutes = 7
        mine.commit()
        b.minutes = 9
        with pytest.raises(ConcurrentEditError, match="他の方が先に"), other.session() as s:
            s.merge(b)  # the other organiser's stale object, saved in one user action
        theirs.rollback()
        mine.close()
        theirs.close()
        with demo_db.session() as s:
            assert s.get(ProgrammeItem, item_id).minutes == 7
    finally:
        other.dispose()


def test_two_sessions_editing_the_same_programme_lose_nothing(demo_db):
    other = _second_window(demo_db.url)
    try:
        with demo_db.session() as s:
            event = s.scalars(select(Event).where(Event.title == "第2回市町村情報交換会")).first()
            ids = [i.id for i in event.items]
        # Different items edited at once by two organisers: both edits survive.
        with demo_db.session() as s1, other.session() as s2:
            s1.get(ProgrammeItem, ids[0]).title = "開会挨拶"
            s2.get(ProgrammeItem, ids[1]).minutes = 50
        with demo_db.session() as s:
            assert s.get(ProgrammeItem, ids[0]).title == "開会挨拶"
            assert s.get(ProgrammeItem, ids[1]).minutes == 50
    finally:
        other.dispose()


def test_other_windows_notice_a_change(demo_db):
    other = _second_window(demo_db.url)
    try:
        seen = other.change_counter()
        with demo_db.session() as s:
            s.scalars(select(Event)).first().venue = "さいたま市民会館"
        assert other.change_counter() > seen
        unchanged = other.change_counter()
        with demo_db.session() as s:
            s.scalars(select(Event)).all()  # reading changes nothing
        assert other.change_counter() == unchanged
    finally:
        other.dispose()


def _make_local(tmp_path):  # type: ignore[no-untyped-def]
    local = open_database(f"sqlite:///{tmp_path / 'local.sqlite3'}")
    with local.session() as s:
        load_demo(s)
    return local


def _events_json(capsys, db_arg: str) -> list[dict]:
    assert main(["--db", db_arg, "events", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_copy_local_database_to_an_empty_server_database(tmp_path, db_url, capsys):
    local = _make_local(tmp_path)
    try:
        report = copy_database(local, db_url)
    finally:
        local.dispose()
    assert report.counts["organisation"] >= 63 and report.counts["participant"] == 40
    assert _events_json(capsys, str(tmp_path / "local.sqlite3")) == _events_json(capsys, db_url)
    target = open_database(db_url)
    try:
        with target.session() as s:
            # New rows get fresh ids after the copy (sequences moved past the copied ids).
            s.add(Organisation(name="テスト市社会福祉協議会", category="社会福祉協議会"))
        with target.session() as s:
            org = s.scalars(
                select(Organisation).where(Organisation.name == "ふじみ野市社会福祉協議会")
            ).one()
            assert org.municipality is not None and org.municipality.name == "ふじみ野市"
    finally:
        target.dispose()


def test_copy_refuses_a_database_that_is_not_empty(tmp_path, demo_db, capsys):
    local = _make_local(tmp_path)
    before = _events_json(capsys, demo_db.url)
    try:
        with pytest.raises(UserError, match="空ではありません"):
            copy_database(local, demo_db.url)
    finally:
        local.dispose()
    assert _events_json(capsys, demo_db.url) == before


def test_copy_database_command(tmp_path, db_url, capsys):
    _make_local(tmp_path).dispose()
    code = main(["--db", str(tmp_path / "local.sqlite3"), "copy-database", db_url])
    out = capsys.readouterr().out
    assert code == 0 and "件数を確認済み" in out
