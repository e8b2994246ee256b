"""Work on large lists in slices, so a worker thread lets the window's thread in between.

One `list.sort` of 20,000 rows is a single C call that holds the interpreter lock for about
30 ms; the GUI thread needs that lock for every Python slot and waits. Sorting slices and
merging them (heapq.merge is Python code: the lock changes hands as it runs) gives the same
order, stable like list.sort, without the long hold.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

SLICE = 2000


def sorted_in_slices(rows: list[T], key: Callable[[T], Any], size: int = SLICE) -> list[T]:
    """sorted(rows, key=key), stable, never sorting more than `size` rows in one call."""
    if len(rows) <= size:
        return sorted(rows, key=key)
    slices = [sorted(rows[i : i + size], key=key) for i in range(0, len(rows), size)]
    # Among equal keys heapq.merge takes the earlier slice first: stable like list.sort.
    return list(heapq.merge(*slices, key=key))
