"""certificate_number and certificate_template: 修了証 (issue 21)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 20:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "certificate_number",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"],
            name=op.f("fk_certificate_number_event_id_event"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"], ["registration.id"],
            name=op.f("fk_certificate_number_registration_id_registration"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_number")),
        sa.UniqueConstraint("event_id", "sequence", name=op.f("uq_certificate_number_event_id")),
        sa.UniqueConstraint("registration_id", name=op.f("uq_certificate_number_registration_id")),
    )  # fmt: skip
    with op.batch_alter_table("certificate_number", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_number_event_id"), ["event_id"])
    op.create_table(
        "certificate_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("heading", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("honorific", sa.String(length=10), nullable=False),
        sa.Column("organiser_title", sa.String(length=200), nullable=False),
        sa.Column("organiser_name", sa.String(length=200), nullable=False),
        sa.Column("seal_png", sa.LargeBinary(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_template")),
    )


def downgrade() -> None:
    op.drop_table("certificate_template")
    with op.batch_alter_table("certificate_number", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_number_event_id"))
    op.drop_table("certificate_number")
