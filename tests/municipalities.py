"""Test helper: a municipality of the reference data by its name."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import Organisation


def find_municipality(session: Session, name: str) -> Organisation:
    org = session.scalar(
        select(Organisation).where(Organisation.name == name, Organisation.lgcode.is_not(None))
    )
    assert org is not None, name
    return org
