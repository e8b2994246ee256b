"""sorted_in_slices gives exactly sorted()'s order, stability included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kenshu_desk.services.shared.slices import sorted_in_slices


@given(st.lists(st.tuples(st.integers(0, 5), st.integers())), st.integers(1, 7))
def test_same_order_as_sorted_and_stable(rows, size):  # type: ignore[no-untyped-def]
    # Keys with many ties (the first field only): equal keys keep their input order.
    assert sorted_in_slices(rows, key=lambda r: r[0], size=size) == sorted(
        rows, key=lambda r: r[0]
    )


def test_a_directory_sized_list() -> None:
    rows = [(i * 7919) % 20000 for i in range(20000)]
    assert sorted_in_slices(rows, key=lambda r: r) == sorted(rows)
