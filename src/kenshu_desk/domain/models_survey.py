"""A questionnaire's answers (アンケート, issue 21), as the form product exported them.

One SurveyResponse per answered form (a row of the export), keyed by `row_key` so a second
import of a longer export adds only the new rows; one SurveyAnswer per question answered, with
the question's text as the form had it and its column position.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kenshu_desk.domain.models import Base, utcnow


class SurveyResponse(Base):
    __tablename__ = "survey_response"
    __table_args__ = (UniqueConstraint("event_id", "row_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    row_key: Mapped[str] = mapped_column(String(300))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), index=True
    )
    respondent_name: Mapped[str] = mapped_column(String(200), default="")
    respondent_email: Mapped[str] = mapped_column(String(320), default="")
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(40), default="")  # google / msforms / logo / table
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    answers: Mapped[list[SurveyAnswer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )


class SurveyAnswer(Base):
    __tablename__ = "survey_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_response.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)  # the question's column, from 0
    question: Mapped[str] = mapped_column(String(1000))
    value: Mapped[str] = mapped_column(Text, default="")

    response: Mapped[SurveyResponse] = relationship(back_populates="answers")
