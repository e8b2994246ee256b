"""Splitting the people at an event into discussion groups (意見交換・グループワーク).

The rule that makes the guarantees hold: the people are laid out in one row, everyone of one
organisation next to each other, and the row is dealt to the groups like cards (position i goes
to group i mod N). So
- group sizes differ by at most one;
- an organisation with at most N people lands in N different groups (its people sit in
  consecutive positions); one with more people is spread as evenly as it can be;
- the organisations are ordered by kind and municipality size before dealing, so every group
  gets a like share of cities, towns and villages, and the prefecture's staff (placed together
  at the end of the row) are spread one per group.
The seed only shuffles organisations of the same kind and size, and which group number a row
position gets: the same seed gives the same groups.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

# Size classes of a municipality, from the designation/kind in the reference data.
SIZE_ORDER = {"政令指定都市": 0, "中核市": 1, "施行時特例市": 2, "市": 3, "町": 4, "村": 5}
STAFF_CATEGORIES = frozenset({"都道府県", "国"})


@dataclass(frozen=True)
class GroupMember:
    participant_id: int
    name: str
    organisation: str  # "" when unknown: such a person counts as an organisation of one
    size_class: str = ""  # 政令指定都市 / 中核市 / 市 / 町 / 村, "" for other bodies
    staff: bool = False  # prefecture staff, speakers: spread over the groups

    @property
    def organisation_key(self) -> str:
        return self.organisation or f"#{self.participant_id}"


@dataclass(frozen=True)
class Group:
    number: int
    members: tuple[GroupMember, ...]


def assign_groups(members: Sequence[GroupMember], count: int, seed: int = 0) -> list[Group]:
    """Split members into `count` groups (numbered from 1); see the module's docstring."""
    if count < 1:
        raise ValueError("count must be at least 1")
    rng = random.Random(seed)
    blocks: dict[str, list[GroupMember]] = {}
    for member in sorted(members, key=lambda m: m.participant_id):
        blocks.setdefault(member.organisation_key, []).append(member)
    keyed = []
    for key in sorted(blocks):
        people = blocks[key]
        staff = any(m.staff for m in people)
        size = SIZE_ORDER.get(people[0].size_class, len(SIZE_ORDER))
        keyed.append(((staff, size, rng.random()), people))
    keyed.sort(key=lambda item: item[0])
    row = [member for _, people in keyed for member in people]
    numbers = list(range(count))
    rng.shuffle(numbers)  # which group the first position goes to
    dealt: list[list[GroupMember]] = [[] for _ in range(count)]
    for position, member in enumerate(row):
        dealt[numbers[position % count]].append(member)
    return [Group(i + 1, tuple(people)) for i, people in enumerate(dealt)]


def groups_to_json(groups: Sequence[Group]) -> dict:
    """The `groups --json` contract."""
    return {
        "groups": [
            {
                "number": group.number,
                "members": [
                    {
                        "participant_id": m.participant_id,
                        "name": m.name,
                        "organisation": m.organisation,
                    }
                    for m in group.members
                ],
            }
            for group in groups
        ]
    }
