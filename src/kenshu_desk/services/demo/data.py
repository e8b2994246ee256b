"""Demo data for `kenshu-desk demo`: the FY2021 (令和3年度) programme of Saitama's
市町村総合相談支援体制構築事業, transcribed from the seed document
(shared/seed/saitama_backend_support.md), plus fictitious participants.

The data itself is resources/data/demo.json; this module reads it (dates and times
tagged {"$date": …} / {"$time": …}) and `services.demo` turns it into rows. What comes from the seed:
- the ten 部会委員 (advisers) with their posts, as published;
- the two timetables printed in the seed (令和3年5月開催 → 2021-05-24 第1回市町村情報交換会,
  令和3年11月下旬開催予定 → 2021-11-25 第2回市町村情報交換会), item by item;
- the dates and titles of the R3事業スケジュール.
Everything else is invented for the demo: the other programmes, venues, times of events the
seed gives no time for, every participant, every e-mail address (all @example.jp), every
phone number (048-000-xxxx: the 000 exchange does not exist) and every Zoom/video URL.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kenshu_desk.paths import resources_dir


def _decode(value: dict[str, Any]) -> Any:
    if set(value) == {"$date"}:
        return dt.date.fromisoformat(value["$date"])
    if set(value) == {"$time"}:
        return dt.time.fromisoformat(value["$time"])
    return value


def _load() -> dict[str, Any]:
    path = resources_dir() / "data" / "demo.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)
    return data


_DATA = _load()

ORGANISER_NAME: str = _DATA["organiser"]["name"]
ORGANISER_EMAIL: str = _DATA["organiser"]["email"]
ORGANISER_CONTACT: str = _DATA["organiser"]["contact"]
SPEAKERS: list[dict[str, Any]] = _DATA["speakers"]
EVENTS: list[dict[str, Any]] = _DATA["events"]
PARTICIPANTS: list[dict[str, Any]] = _DATA["participants"]
# (e-mail, event key, state, minutes online or None)
REGISTRATIONS: list[tuple[str, str, str, int | None]] = [
    (email, event, state, minutes) for email, event, state, minutes in _DATA["registrations"]
]
RECORDINGS: list[dict[str, Any]] = _DATA["recordings"]
