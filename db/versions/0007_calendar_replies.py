"""calendar_reply and seen_message: participants' replies to invitations (issue 20)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 18:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_reply",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("partstat", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("attendee_name", sa.String(length=200), nullable=False),
        sa.Column("sender", sa.String(length=320), nullable=False),
        sa.Column("replied_at", sa.DateTime(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("delegated_to", sa.String(length=320), nullable=False),
        sa.Column("proposal", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("dedup_key", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_calendar_reply_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_calendar_reply_participant_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_reply")),
        sa.UniqueConstraint("dedup_key", name=op.f("uq_calendar_reply_dedup_key")),
    )
    with op.batch_alter_table("calendar_reply", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_reply_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_calendar_reply_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_calendar_reply_status"), ["status"], unique=False)

    op.create_table(
        "seen_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seen_message")),
        sa.UniqueConstraint("message_id", name=op.f("uq_seen_message_message_id")),
    )


def downgrade() -> None:
    op.drop_table("seen_message")
    with op.batch_alter_table("calendar_reply", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_reply_status"))
        batch_op.drop_index(batch_op.f("ix_calendar_reply_participant_id"))
        batch_op.drop_index(batch_op.f("ix_calendar_reply_event_id"))
    op.drop_table("calendar_reply")
