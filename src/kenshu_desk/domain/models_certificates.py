"""修了証 (certificates of completion, issue 21): the numbers issued, and the one template.

A number is stored per registration once issued, so re-printing gives the same numbers and a
person added later gets the next free one. The template (wording, organiser, seal image) is one
row, shared by every organiser of a team database.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kenshu_desk.domain.models import Base, utcnow

DEFAULT_HEADING = "修了証"
DEFAULT_BODY = "あなたは下記の研修を修了されたことを証します。"


class CertificateNumber(Base):
    __tablename__ = "certificate_number"
    __table_args__ = (UniqueConstraint("event_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registration.id", ondelete="CASCADE"), unique=True
    )
    sequence: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CertificateTemplate(Base):
    __tablename__ = "certificate_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    heading: Mapped[str] = mapped_column(String(100), default=DEFAULT_HEADING)
    body: Mapped[str] = mapped_column(Text, default=DEFAULT_BODY)
    honorific: Mapped[str] = mapped_column(String(10), default="様")
    organiser_title: Mapped[str] = mapped_column(String(200), default="")
    organiser_name: Mapped[str] = mapped_column(String(200), default="")
    seal_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
