import datetime as dt

from kenshu_desk.domain.programme import (
    IssueKind,
    SlotInput,
    compute_schedule,
    from_minutes,
    overlaps,
)

T = dt.time


def labels(schedule):
    return [f"{s.start_time:%H:%M}～{s.end_time:%H:%M}" for s in schedule.slots]


def test_seed_may_timetable_times():
    # 令和3年5月: 挨拶 5, 取組状況 30, 交付金 40, 休憩 5, 意見交換 40 from 13:30.
    items = [SlotInput(m) for m in (5, 30, 40, 5, 40)]
    schedule = compute_schedule(T(13, 30), T(15, 30), items)
    assert labels(schedule) == [
        "13:30～13:35",
        "13:35～14:05",
        "14:05～14:45",
        "14:45～14:50",
        "14:50～15:30",
    ]
    assert schedule.issues == ()


def test_overrun_reports_minutes_past_the_end():
    schedule = compute_schedule(T(14, 30), T(16, 0), [SlotInput(5), SlotInput(45), SlotInput(70)])
    assert [(i.kind, i.minutes) for i in schedule.issues] == [(IssueKind.OVERRUN, 30)]
    assert "30分超えています" in schedule.issues[0].message()


def test_early_end_is_reported():
    schedule = compute_schedule(T(14, 30), T(16, 30), [SlotInput(60)])
    assert [(i.kind, i.minutes) for i in schedule.issues] == [(IssueKind.EARLY_END, 60)]


def test_pinned_item_after_a_gap():
    items = [SlotInput(30), SlotInput(30, fixed_start=T(14, 0)), SlotInput(30)]
    schedule = compute_schedule(T(13, 0), T(14, 30), items)
    assert labels(schedule) == ["13:00～13:30", "14:00～14:30", "14:30～15:00"]
    kinds = [(i.kind, i.index, i.minutes) for i in schedule.issues]
    assert (IssueKind.GAP, 1, 30) in kinds
    assert (IssueKind.OVERRUN, None, 30) in kinds


def test_pinned_item_overlapping_the_previous_one():
    items = [SlotInput(60), SlotInput(30, fixed_start=T(13, 45))]
    schedule = compute_schedule(T(13, 0), T(14, 15), items)
    assert labels(schedule) == ["13:00～14:00", "13:45～14:15"]
    assert [(i.kind, i.index, i.minutes) for i in schedule.issues] == [(IssueKind.OVERLAP, 1, 15)]
    assert "重なって" in schedule.issues[0].message()


def test_pinned_before_event_start_and_negative_minutes():
    schedule = compute_schedule(T(13, 0), T(13, 30), [SlotInput(-5, fixed_start=T(12, 50))])
    kinds = {i.kind for i in schedule.issues}
    assert IssueKind.BEFORE_START in kinds and IssueKind.NEGATIVE in kinds


def test_empty_programme_has_no_issues():
    schedule = compute_schedule(T(13, 0), T(14, 0), [])
    assert schedule.slots == () and schedule.issues == () and schedule.end is None


def test_half_open_overlap_and_clamping():
    assert not overlaps(780, 840, 840, 900)
    assert overlaps(780, 841, 840, 900)
    assert from_minutes(24 * 60 + 10) == T(23, 59)
