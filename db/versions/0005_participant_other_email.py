"""participant.other_email: a second address a person gave (issue 15)

A Google Form that asks for the address for materials (資料送付先のメールアドレス) as well as the
applicant's own: the second one is kept and used for matching, so the person is not duplicated.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 02:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("participant") as batch:
        batch.add_column(
            sa.Column("other_email", sa.String(length=320), server_default="", nullable=False)
        )
        batch.create_index("ix_participant_other_email", ["other_email"])


def downgrade() -> None:
    with op.batch_alter_table("participant") as batch:
        batch.drop_index("ix_participant_other_email")
        batch.drop_column("other_email")
