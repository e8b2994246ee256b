"""A guard in a shared (PostgreSQL) database: only the program that matches the stored schema writes

Every kenshu-desk connection to a server names the schema it writes (application_name
"kenshu-desk schema NNNN"), and every change raises the change_stamp row. This trigger on
that row compares the two: after another organiser has upgraded the shared database, an
older kenshu-desk still open elsewhere can no longer write into a schema it does not know;
its change is refused whole and it says so. Only kenshu-desk writes change_stamp, so other
tools (psql, pgAdmin, backups) are not affected. SQLite: nothing to do (one organiser's file,
upgraded with a backup on open).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 05:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GUARD = """
CREATE OR REPLACE FUNCTION kenshu_desk_schema_guard() RETURNS trigger AS $$
DECLARE
    stored text;
    writer text := coalesce(current_setting('application_name', true), '');
BEGIN
    SELECT version_num INTO stored FROM alembic_version;
    IF writer IS DISTINCT FROM 'kenshu-desk schema ' || stored THEN
        RAISE EXCEPTION 'kenshu-desk schema guard: the database is at schema %, this program (%) '
            'writes another', stored, writer;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(GUARD)
    op.execute("DROP TRIGGER IF EXISTS kenshu_desk_schema_guard ON change_stamp")
    op.execute(
        "CREATE TRIGGER kenshu_desk_schema_guard BEFORE UPDATE ON change_stamp "
        "FOR EACH ROW EXECUTE FUNCTION kenshu_desk_schema_guard()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS kenshu_desk_schema_guard ON change_stamp")
    op.execute("DROP FUNCTION IF EXISTS kenshu_desk_schema_guard()")
