"""Materials (資料) attached to an event, and an event's reminder schedule (issue 20).

The files live in the database (bytes, name, media type, size, sha256), not on a disk, so a
shared PostgreSQL database (team mode) gives every organiser the same files.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from kenshu_desk.domain.models import Base, utcnow


class EventMaterial(Base):
    """One file handed out with an event (PDF, PowerPoint, Word, Excel), in order."""

    __tablename__ = "event_material"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300), default="")
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # Deferred: listing the materials must not pull megabytes across an office network.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ReminderSchedule(Base):
    """When an event's reminder is due: `days_before` the event's date (0 = the day itself)."""

    __tablename__ = "reminder_schedule"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    days_before: Mapped[int] = mapped_column(Integer)
    attach_agenda: Mapped[bool] = mapped_column(default=True)
    attach_materials: Mapped[bool] = mapped_column(default=False)
    # A download link the organiser pasted (a file share): listed in the text with the
    # materials' titles, in place of attaching them ("" = none).
    materials_link: Mapped[str] = mapped_column(String(1000), default="", server_default="")
