"""The progress table (県内の進捗状況) of a fiscal year, computed from the municipality records."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import MunicipalityRecord, Organisation
from kenshu_desk.domain.progress import ProgressTable, compute_progress
from kenshu_desk.errors import UserError
from kenshu_desk.services.year.municipality_records import status_of

FIRST_FISCAL_YEAR = 1989  # 平成元年度; the era table goes further back, the work does not
LAST_FISCAL_YEAR = 2100


def check_fiscal_year(fy: int) -> int:
    if not FIRST_FISCAL_YEAR <= fy <= LAST_FISCAL_YEAR:
        raise UserError.of(
            "progress.fiscal_year_out_of_range",
            first=FIRST_FISCAL_YEAR,
            last=LAST_FISCAL_YEAR,
            fy=fy,
        )
    return fy


def progress_table(session: Session, fy: int) -> ProgressTable:
    """Counts over the records of fiscal year fy (municipalities without one count as none)."""
    check_fiscal_year(fy)
    records = session.scalars(
        select(MunicipalityRecord)
        .join(Organisation, MunicipalityRecord.organisation_id == Organisation.id)
        .where(MunicipalityRecord.fiscal_year == fy, Organisation.lgcode.is_not(None))
    )
    statuses = [status_of(r) for r in records]
    total = session.scalar(
        select(func.count()).select_from(Organisation).where(Organisation.lgcode.is_not(None))
    )
    return compute_progress(fy, statuses, int(total or 0))


def recorded_fiscal_years(session: Session) -> list[int]:
    """Years that have at least one record, newest first."""
    stmt = select(MunicipalityRecord.fiscal_year).distinct()
    return sorted(session.scalars(stmt), reverse=True)
