"""Directory, registrations, check-in, archive instead of delete, fiscal-year coverage."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from kenshu_desk.database import Database
from kenshu_desk.domain.models import AttendanceState, Event, Participant, Registration
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants import participants as svc
from kenshu_desk.services.participants import registrations as regs
from kenshu_desk.services.participants.coverage import fiscal_year_coverage
from kenshu_desk.services.timetable import event_edit


def event_on(db: Database, day: dt.date) -> int:
    with db.session() as s:
        return s.scalars(select(Event.id).where(Event.date == day)).one()


def test_directory_in_gojuon_order_with_counts(demo_db: Database):
    with demo_db.session() as s:
        rows = svc.directory_rows(s)
    readings = [r.reading for r in rows]
    assert readings[0].startswith("あ")
    order = [
        "いがらし　あや",
        "かくた　めぐみ",
        "くさかべ　りょう",
        "たかはし　みさき",
        "わたなべ　ようこ",
    ]
    assert [r for r in readings if r in order] == order
    takahashi = next(r for r in rows if r.email == "m.takahashi@example.jp")
    assert takahashi.registered >= 5 and 0 < takahashi.attended <= takahashi.registered


@pytest.mark.parametrize(
    "typed",
    [
        "たかはし",
        "タカハシ",
        "ﾀｶﾊｼ",
        "髙橋",
        "M.TAKAHASHI",
        "ｍ．ｔａｋａ",
        "さいたま市 髙橋",
        "髙橋　美咲",
    ],
)
def test_search_full_and_half_width_alike(demo_db: Database, typed: str):
    with demo_db.session() as s:
        found = svc.search_participants(s, typed)
    assert "m.takahashi@example.jp" in {r.email for r in found}
    assert all("髙橋" in r.name for r in found)


def test_search_by_organisation_finds_linked_bodies(demo_db: Database):
    with demo_db.session() as s:
        found = {r.organisation for r in svc.search_participants(s, "川越市")}
    assert {"川越市", "川越市社会福祉協議会"} <= found


@pytest.mark.parametrize("typed", ["かわごえ", "カワゴエ", "ｶﾜｺﾞｴ", "かわごえし"])
def test_search_by_the_organisations_reading(demo_db: Database, typed: str):
    """Issue 18: searching かわごえ found nobody; the municipality list has the readings."""
    with demo_db.session() as s:
        found = {r.organisation for r in svc.search_participants(s, typed)}
    assert "川越市" in found and "川越市社会福祉協議会" in found  # its 社協 belongs to it
    assert all(org.startswith("川越市") for org in found), found


def test_save_validates_and_resolves_organisation(db: Database):
    with db.session() as s:
        from kenshu_desk.services.shared.reference import ensure_municipalities

        ensure_municipalities(s)
    with pytest.raises(UserError, match="氏名"), db.session() as s:
        svc.save_participant(s, svc.ParticipantData(name=" "))
    with pytest.raises(UserError, match="メールアドレス"), db.session() as s:
        svc.save_participant(s, svc.ParticipantData(name="a", email="a@b"))
    with db.session() as s:
        pid = svc.save_participant(
            s,
            svc.ParticipantData(
                name="新井　花子", organisation="蕨市社会福祉協議会", email="Ｈ＠example.jp"
            ),
        )
    with db.session() as s:
        p = s.get(Participant, pid)
        assert p.email == "H@example.jp"
        assert p.organisation.category == "社会福祉協議会"
        assert p.organisation.municipality.name == "蕨市"


def test_the_form_cleans_names_and_line_breaks_as_the_import_does(db: Database):
    """Only invisible characters, or a line break / RLO in the name: refused with a clear
    message; line breaks in 所属/部署/職名 become spaces (one line everywhere)."""
    for name, why in [
        ("\u202e\u200b", "見える文字がありません"),
        ("山田\n太郎", "改行"),
        ("\u202e山田太郎", "向きを変える"),
    ]:
        with pytest.raises(UserError, match=why), db.session() as s:
            svc.save_participant(s, svc.ParticipantData(name=name))
    with db.session() as s:
        pid = svc.save_participant(
            s,
            svc.ParticipantData(
                name="山田　太郎",
                organisation="さいたま市\r\n福祉局",
                department="地域包括\nケア課",
                title="主任\r\n",
            ),
        )
    with db.session() as s:
        p = s.get(Participant, pid)
        assert (p.name, p.department, p.title) == ("山田　太郎", "地域包括 ケア課", "主任")
        assert p.organisation.name == "さいたま市 福祉局"
    with db.session() as s:
        assert svc.participant_data(s, pid).organisation == "さいたま市 福祉局"


def test_archive_instead_of_delete(demo_db: Database):
    with demo_db.session() as s:
        pid = s.scalars(
            select(Participant.id).where(Participant.email == "k.sato@example.jp")
        ).one()
    with pytest.raises(UserError, match="アーカイブ"), demo_db.session() as s:
        svc.delete_participant(s, pid)
    with demo_db.session() as s:
        svc.set_archived(s, pid)
        assert pid not in {r.id for r in svc.directory_rows(s)}
        assert pid in {r.id for r in svc.directory_rows(s, include_archived=True)}
        assert len(svc.participant_history(s, pid)) >= 3
    with demo_db.session() as s:
        new = svc.save_participant(s, svc.ParticipantData(name="一時　登録"))
    with demo_db.session() as s:
        svc.delete_participant(s, new)
        assert s.get(Participant, new) is None


def test_deleting_an_event_keeps_its_people(demo_db: Database):
    eid = event_on(demo_db, dt.date(2021, 11, 25))
    with demo_db.session() as s:
        people = s.scalar(select(func.count(Participant.id)))
        pids = set(
            s.scalars(select(Registration.participant_id).where(Registration.event_id == eid))
        )
        event_edit.delete_event(s, eid, force=True)  # what the window's Delete runs
    with demo_db.session() as s:
        assert s.scalar(select(func.count(Participant.id))) == people
        assert s.scalar(select(func.count()).where(Registration.event_id == eid)) == 0
        assert all(s.get(Participant, p) is not None for p in pids)


def test_register_check_in_and_undo(demo_db: Database):
    eid = event_on(demo_db, dt.date(2027, 1, 28))
    with demo_db.session() as s:
        before = regs.registration_rows(s, eid)
        newcomer = svc.save_participant(
            s, svc.ParticipantData(name="受付　太郎", reading="うけつけ　たろう")
        )
        added = regs.register(s, eid, [newcomer, before[0].participant_id])
    assert len(added) == 1  # the one already registered is left alone
    with demo_db.session() as s:
        rows = regs.registration_rows(s, eid)
        assert rows[0].reading == "あんどう　たくみ"
        row = next(r for r in rows if r.participant_id == newcomer)
        assert row.state == "registered"
        regs.set_states(s, eid, [(newcomer, AttendanceState.ATTENDED_VENUE)])
    with demo_db.session() as s:
        assert s.get(Registration, row.id).state == AttendanceState.ATTENDED_VENUE
        regs.set_states(s, eid, [(newcomer, "registered")])  # the check-in's undo
        removed = regs.unregister_people(s, eid, [newcomer])
    with demo_db.session() as s:
        assert s.get(Registration, row.id) is None
        (restored,) = [regs.restore_registration(s, r) for r in removed]
    with demo_db.session() as s:
        assert s.get(Registration, restored).state == "registered"


def test_coverage_of_fiscal_2021(demo_db: Database):
    with demo_db.session() as s:
        cov = fiscal_year_coverage(s, 2021)
        planned = fiscal_year_coverage(s, 2026, basis="registered")
    assert len(cov.rows) == 63
    assert len(cov.events) == 9
    names = {r.name for r in cov.covered}
    assert "さいたま市" in names
    # 東秩父村 took part through its own staff and its 社会福祉協議会.
    assert "東秩父村" in names
    assert len(cov.covered) + len(cov.uncovered) == 63
    assert cov.uncovered and "市町村" in cov.summary()
    kokan2 = event_on(demo_db, dt.date(2021, 11, 25))
    assert cov.per_event(kokan2) >= 10
    assert planned.per_event(event_on(demo_db, dt.date(2027, 1, 28))) >= 8


def test_an_edit_on_an_older_version_is_merged_field_by_field_for_the_user():
    from kenshu_desk.services.participants.participants import ParticipantData, merge_edit

    original = ParticipantData(name="髙橋 美咲", title="主事", phone="", notes="")
    mine = ParticipantData(name="髙橋 美咲", title="主査", phone="", notes="車椅子")
    theirs = ParticipantData(name="髙橋 美咲", title="主任", phone="048-830-3222", notes="")
    merged = merge_edit(original, mine, theirs)
    assert merged.data.phone == "048-830-3222"  # only they changed it
    assert merged.data.notes == "車椅子"  # only I changed it
    assert merged.data.title == "主査"  # both did: mine stays in the form ...
    assert merged.clashes == (("title", "主任"),)  # ... and theirs is named
    assert merged.taken == ("phone",)
    same = merge_edit(original, mine, ParticipantData(**{**vars(theirs), "title": "主査"}))
    assert same.clashes == ()  # both made the same change: nothing to decide


def test_registrations_of_an_event_match_the_organisations_reading(demo_db: Database):
    """The registration list and the 受付 desk search the same way as the directory."""
    from kenshu_desk.services.participants.participants import search_words

    eid = event_on(demo_db, dt.date(2021, 11, 25))
    with demo_db.session() as s:
        rows = regs.registration_rows(s, eid)
    words = search_words("かわごえ")
    found = {r.organisation for r in rows if all(w in r.search_key for w in words)}
    assert found and all(org.startswith("川越市") for org in found), found
    assert {r.organisation for r in rows if r.organisation.startswith("川越市")} == found
