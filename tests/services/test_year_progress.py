"""The progress table reproduces the seed's 県内の進捗状況 from records saved through the services."""

from __future__ import annotations

import pytest

from kenshu_desk.domain.models import MeasureState
from kenshu_desk.domain.progress import MeasureStatus
from kenshu_desk.errors import UserError
from kenshu_desk.services.shared.reference import ensure_municipalities
from kenshu_desk.services.year.municipality_records import (
    RecordInput,
    StaleRecordError,
    carry_forward,
    get_record,
    municipalities,
    save_record,
)
from kenshu_desk.services.year.progress import progress_table

IN = MeasureStatus(MeasureState.IN_PLACE)
NONE = MeasureStatus()


def planned(fy: int | None) -> MeasureStatus:
    return MeasureStatus(MeasureState.PLANNED, fy)


# (how many municipalities, window, team): the seed's rows, including one municipality with a
# window now and a team planned for next year (window only → both) and a plan with no year.
SYSTEM_GROUPS = [
    (10, IN, IN),
    (9, IN, NONE),
    (1, IN, planned(2022)),
    (10, NONE, IN),
    (1, planned(2021), planned(2021)),
    (1, NONE, planned(2021)),
    (3, planned(2022), planned(2022)),
    (4, planned(2022), NONE),
    (1, NONE, planned(2022)),
    (1, planned(2023), planned(2024)),
    (1, planned(None), planned(None)),
    (3, planned(2023), NONE),
    (3, NONE, planned(2024)),
    (15, NONE, NONE),
]
MULTILAYER = [IN] * 2 + [planned(2022)] * 5 + [planned(2023)] * 5
TRANSITION = [IN] * 6 + [planned(2022)] * 2 + [planned(2025)]

SEED_FY2021 = {
    "multilayer": [2, 2, 7, 12],
    "transition": [6, 6, 8, 9],
    "support_system": [30, 32, 40, 48],
    "window_and_team": [10, 11, 15, 17],
    "window_only": [10, 10, 13, 16],
    "team_only": [10, 11, 12, 15],
    "adviser_requests": [16, None, None, None],
}


def enter_seed_statuses(db) -> None:  # type: ignore[no-untyped-def]
    """One save per municipality, as the records screen does."""
    with db.session() as s:
        ensure_municipalities(s)
        ids = [m.id for m in municipalities(s)]
    assert len(ids) == 63
    windows_teams = [(w, t) for n, w, t in SYSTEM_GROUPS for _ in range(n)]
    assert len(windows_teams) == 63
    for n, org_id in enumerate(ids):
        window, team = windows_teams[n]
        # 重層 and 移行準備 go to other municipalities than the first ones, as in life.
        multilayer = MULTILAYER[n - 20] if 20 <= n < 20 + len(MULTILAYER) else NONE
        transition = TRANSITION[n] if n < len(TRANSITION) else NONE
        data = RecordInput(
            support_type="継続" if n % 3 else "新規",
            situation="窓口なく各課対応。" if window == NONE else "",
            adviser_requested=n % 4 == 1,  # 16 of 63
            window=window,
            team=team,
            multilayer=multilayer,
            transition=transition,
        )
        with db.session() as s:
            save_record(s, org_id, 2021, data)


def test_seed_fiscal_2021_row_is_reproduced(db):
    enter_seed_statuses(db)
    with db.session() as s:
        table = progress_table(s, 2021)
    got = {row.key: list(row.values) for row in table.rows}
    assert got == SEED_FY2021
    assert table.recorded_count == 63 and table.municipality_count == 63
    assert [c.label for c in table.columns] == [
        "令和3年度 実施・構築済み",
        "令和3年度中 実施・構築予定",
        "令和4年度 実施・構築予定",
        "令和5年度以降 実施・構築予定",
    ]
    as_json = table.to_dict()
    assert as_json["rows"]["support_system"]["in_place"] == 30
    assert as_json["rows"]["window_and_team"]["planned_this_year"] == 11
    assert as_json["rows"]["adviser_requests"]["planned_next_year"] is None


def test_other_years_do_not_leak_in(db):
    enter_seed_statuses(db)
    with db.session() as s:
        assert progress_table(s, 2022).row("support_system").values == (0, 0, 0, 0)
        assert progress_table(s, 2022).recorded_count == 0


def test_carry_forward_keeps_what_is_in_place_and_flags_past_plans(db):
    enter_seed_statuses(db)
    with db.session() as s:
        report = carry_forward(s, 2021, 2022)
    assert report.created == 63
    # Plans for FY2021 are now past: 1 municipality planned both, 1 a team.
    assert len(report.overdue) == 3
    with db.session() as s:
        table = progress_table(s, 2022)
        # Nothing is marked done that was only planned: in place stays 30.
        assert table.row("support_system").values[0] == 30
        assert table.row("support_system").values[1] == 40  # FY2021 and FY2022 plans
        assert table.row("adviser_requests").values[0] == 0
        again = carry_forward(s, 2021, 2022)
    assert again.created == 0 and again.kept == 63


def test_validation_and_stale_edits(db):
    with db.session() as s:
        ensure_municipalities(s)
        kawagoe = next(m for m in municipalities(s) if m.name == "川越市").id
    with pytest.raises(UserError, match="予定年度"), db.session() as s:
        save_record(s, kawagoe, 2021, RecordInput(window=planned(2020)))
    with pytest.raises(UserError, match="予定にしてください"), db.session() as s:
        save_record(s, kawagoe, 2021, RecordInput(team=MeasureStatus(MeasureState.IN_PLACE, 2022)))
    with pytest.raises(UserError, match="区分"), db.session() as s:
        save_record(s, kawagoe, 2021, RecordInput(support_type="再開"))
    with db.session() as s:
        version = save_record(s, kawagoe, 2021, RecordInput(situation="初回")).version
    with db.session() as s:
        save_record(s, kawagoe, 2021, RecordInput(situation="二人目"), expected_version=version)
    with pytest.raises(StaleRecordError), db.session() as s:
        save_record(
            s, kawagoe, 2021, RecordInput(situation="古い画面から"), expected_version=version
        )
    with db.session() as s:
        assert get_record(s, kawagoe, 2021).situation == "二人目"
