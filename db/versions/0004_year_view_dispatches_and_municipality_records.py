"""year view, adviser dispatches and municipality records (issue 11)

event.host_organisation_id / event.work_line, event_adviser, municipality_record.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 00:17:13.708410
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "municipality_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("support_type", sa.String(length=10), server_default="", nullable=False),
        sa.Column("situation", sa.Text(), server_default="", nullable=False),
        sa.Column("support", sa.Text(), server_default="", nullable=False),
        sa.Column("adviser_requested", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("window_state", sa.String(length=20), server_default="", nullable=False),
        sa.Column("window_year", sa.Integer(), nullable=True),
        sa.Column("team_state", sa.String(length=20), server_default="", nullable=False),
        sa.Column("team_year", sa.Integer(), nullable=True),
        sa.Column("multilayer_state", sa.String(length=20), server_default="", nullable=False),
        sa.Column("multilayer_year", sa.Integer(), nullable=True),
        sa.Column("transition_state", sa.String(length=20), server_default="", nullable=False),
        sa.Column("transition_year", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_municipality_record_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipality_record")),
        sa.UniqueConstraint(
            "organisation_id", "fiscal_year", name=op.f("uq_municipality_record_organisation_id")
        ),
    )
    with op.batch_alter_table("municipality_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_municipality_record_fiscal_year"), ["fiscal_year"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_municipality_record_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "event_adviser",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_adviser_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speaker.id"],
            name=op.f("fk_event_adviser_speaker_id_speaker"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_adviser")),
        sa.UniqueConstraint("event_id", "speaker_id", name=op.f("uq_event_adviser_event_id")),
    )
    with op.batch_alter_table("event_adviser", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_adviser_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_adviser_speaker_id"), ["speaker_id"], unique=False
        )

    # Plain ADD COLUMN with an inline REFERENCES, never a batch copy of `event`: SQLite
    # recreates a table in batch mode, and dropping the old `event` with foreign keys on
    # would cascade-delete every programme item, registration and recording.
    fk_name = op.f("fk_event_host_organisation_id_organisation")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite takes a REFERENCES clause in ADD COLUMN (a column that starts out NULL).
        op.execute(
            "ALTER TABLE event ADD COLUMN host_organisation_id INTEGER "
            f"CONSTRAINT {fk_name} REFERENCES organisation (id)"
        )
    else:
        op.add_column("event", sa.Column("host_organisation_id", sa.Integer(), nullable=True))
        op.create_foreign_key(fk_name, "event", "organisation", ["host_organisation_id"], ["id"])
    op.add_column("event", sa.Column("work_line", sa.String(length=40), nullable=True))
    op.create_index(
        op.f("ix_event_host_organisation_id"), "event", ["host_organisation_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_event_host_organisation_id"), table_name="event")
    op.drop_column("event", "work_line")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot drop a column that holds a foreign key, and a batch copy of `event`
        # would cascade-delete its children (see upgrade). Leave the unused, nullable column.
        pass
    else:
        op.drop_constraint(
            op.f("fk_event_host_organisation_id_organisation"), "event", type_="foreignkey"
        )
        op.drop_column("event", "host_organisation_id")
    op.drop_index(op.f("ix_event_adviser_speaker_id"), table_name="event_adviser")
    op.drop_index(op.f("ix_event_adviser_event_id"), table_name="event_adviser")
    op.drop_table("event_adviser")
    op.drop_index(op.f("ix_municipality_record_organisation_id"), table_name="municipality_record")
    op.drop_index(op.f("ix_municipality_record_fiscal_year"), table_name="municipality_record")
    op.drop_table("municipality_record")
