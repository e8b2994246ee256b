"""Property-based checks of the programme time computation (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from kenshu_desk.domain.programme import IssueKind, SlotInput, compute_schedule, to_minutes

times = st.integers(min_value=6 * 60, max_value=20 * 60).map(lambda m: dt.time(m // 60, m % 60))
unpinned = st.lists(st.integers(min_value=0, max_value=180).map(SlotInput), max_size=15)
items = st.lists(
    st.builds(SlotInput, st.integers(min_value=0, max_value=120), st.one_of(st.none(), times)),
    max_size=12,
)


@given(times, times, unpinned)
def test_unpinned_items_follow_each_other_without_gaps(start, end, slots):
    schedule = compute_schedule(start, end, slots)
    cursor = to_minutes(start)
    for slot, item in zip(schedule.slots, slots, strict=True):
        assert slot.start == cursor and slot.minutes == item.minutes
        cursor = slot.end
    kinds = {i.kind for i in schedule.issues}
    assert IssueKind.GAP not in kinds and IssueKind.OVERLAP not in kinds


@given(times, times, unpinned)
def test_overrun_and_early_end_account_for_the_whole_difference(start, end, slots):
    schedule = compute_schedule(start, end, slots)
    if not slots:
        return
    total = sum(s.minutes for s in slots)
    difference = to_minutes(start) + total - to_minutes(end)
    by_kind = {i.kind: i.minutes for i in schedule.issues}
    if difference > 0:
        assert by_kind[IssueKind.OVERRUN] == difference
    elif difference < 0:
        assert by_kind[IssueKind.EARLY_END] == -difference
    else:
        assert IssueKind.OVERRUN not in by_kind and IssueKind.EARLY_END not in by_kind


@given(times, times, items)
def test_pinned_items_start_where_pinned_and_gaps_overlaps_explain_the_jumps(start, end, slots):
    schedule = compute_schedule(start, end, slots)
    issues = {(i.kind, i.index): i.minutes for i in schedule.issues}
    previous_end = to_minutes(start)
    for index, (slot, item) in enumerate(zip(schedule.slots, slots, strict=True)):
        if item.fixed_start is not None:
            assert slot.start == to_minutes(item.fixed_start)
        jump = slot.start - previous_end
        if jump > 0:
            assert issues[(IssueKind.GAP, index)] == jump
        elif jump < 0 and index > 0:
            assert issues[(IssueKind.OVERLAP, index)] == -jump
        else:
            assert (IssueKind.GAP, index) not in issues
        previous_end = slot.end
