"""event_material (資料, the files themselves) and reminder_schedule (issue 20)

The files are stored in the database, so a shared PostgreSQL database shares them too.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 18:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_material_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_material")),
    )
    with op.batch_alter_table("event_material", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_material_event_id"), ["event_id"], unique=False)
    op.create_table(
        "reminder_schedule",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.Column("attach_agenda", sa.Boolean(), nullable=False),
        sa.Column("attach_materials", sa.Boolean(), nullable=False),
        sa.Column("materials_link", sa.String(length=1000), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_reminder_schedule_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_reminder_schedule")),
    )


def downgrade() -> None:
    op.drop_table("reminder_schedule")
    with op.batch_alter_table("event_material", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_material_event_id"))
    op.drop_table("event_material")
