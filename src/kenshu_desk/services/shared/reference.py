"""Reference data shipped with the application: Saitama's 63 municipalities."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import Organisation
from kenshu_desk.paths import resources_dir

MUNICIPALITY_CATEGORY = "市町村"


@dataclass(frozen=True)
class Municipality:
    lgcode: str
    name: str
    kana: str
    kind: str
    designation: str


@cache
def municipalities() -> tuple[Municipality, ...]:
    path = resources_dir() / "data" / "saitama_municipalities.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [Municipality(**row) for row in csv.DictReader(f)]
    return tuple(rows)


def ensure_municipalities(session: Session) -> int:
    """Insert the municipalities that are missing (by code); returns how many were added."""
    existing = set(
        session.scalars(select(Organisation.lgcode).where(Organisation.lgcode.is_not(None)))
    )
    added = 0
    for m in municipalities():
        if m.lgcode in existing:
            continue
        session.add(
            Organisation(
                name=m.name,
                kana=m.kana,
                category=MUNICIPALITY_CATEGORY,
                lgcode=m.lgcode,
                municipality_kind=m.kind,
                designation=m.designation,
            )
        )
        added += 1
    session.flush()
    return added
