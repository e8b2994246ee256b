"""The participant list and sign-in sheet as plain data, and the orders they are printed in.

Two orders, as the organiser chooses:
- by organisation: municipalities in their official code order (全国地方公共団体コード), each
  followed by the bodies linked to it (社会福祉協議会, 地域包括支援センター, …), then every
  other organisation by its reading, then people without an organisation; within one
  organisation people go by reading;
- by reading (五十音) of the person's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from kenshu_desk.domain.japanese import reading_sort_key
from kenshu_desk.domain.models import Organisation


class RosterOrder(StrEnum):
    ORGANISATION = "organisation"
    READING = "reading"

    @property
    def label(self) -> str:
        return "所属順" if self is RosterOrder.ORGANISATION else "五十音順"


# Bodies linked to a municipality, in the order a prefecture office lists them.
LINKED_CATEGORY_ORDER = ("社会福祉協議会", "地域包括支援センター", "基幹相談支援センター")


def organisation_sort_key(org: Organisation | None) -> tuple:
    """Where an organisation's people go in a list by organisation (municipality loaded)."""
    if org is None:
        return (3,)
    # 五十音 by the organisation's reading; one without a reading after those with one.
    name_key = reading_sort_key(org.kana or "", org.name)
    if org.lgcode is not None:
        return (0, org.lgcode, 0, 0, name_key)
    parent = org.municipality
    if parent is not None and parent.lgcode is not None:
        try:
            rank = LINKED_CATEGORY_ORDER.index(org.category) + 1
        except ValueError:
            rank = len(LINKED_CATEGORY_ORDER) + 1
        return (0, parent.lgcode, 1, rank, name_key)
    # Not tied to a municipality (the prefecture, a ministry, a university …): after them.
    return (1, "", 0, 0, name_key)


@dataclass(frozen=True)
class RosterEntry:
    participant_id: int
    name: str
    reading: str
    organisation: str
    department: str
    title: str
    organisation_key: tuple = ()

    def reading_key(self) -> tuple:
        return reading_sort_key(self.reading, self.name)


def sort_entries(entries: Iterable[RosterEntry], order: RosterOrder) -> list[RosterEntry]:
    if order is RosterOrder.READING:
        return sorted(entries, key=lambda e: (e.reading_key(), e.participant_id))
    return sorted(entries, key=lambda e: (e.organisation_key, e.reading_key(), e.participant_id))


@dataclass(frozen=True)
class Roster:
    """What a participant list or sign-in sheet prints: the event's heading and the people."""

    event_title: str  # with the fiscal year, e.g. 令和3年度 第2回市町村情報交換会
    date: dt.date
    start: dt.time
    end: dt.time
    venue: str
    online_url: str
    entries: tuple[RosterEntry, ...]
    order: RosterOrder
    as_of: dt.date
