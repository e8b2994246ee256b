"""Discussion groups (意見交換のグループ分け, issue 21), stored per event once made, so the
organiser can move people between groups and print the same groups again."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from kenshu_desk.domain.models import Base


class DiscussionGrouping(Base):
    """An event's grouping: how many groups, from which seed, and whether edited by hand."""

    __tablename__ = "discussion_grouping"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    count: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def id(self) -> int:
        """The row's key under the name every versioned row has (services.shared.versions)."""
        return self.event_id


class DiscussionGroupMember(Base):
    __tablename__ = "discussion_group_member"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("discussion_grouping.event_id", ondelete="CASCADE"), primary_key=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
