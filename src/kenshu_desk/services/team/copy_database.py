"""Team mode: copy a local (SQLite) database into an empty shared (PostgreSQL) database.

Generic over the model's tables, so tables added by later migrations are copied too. The copy
is one transaction on the target: it arrives whole or not at all, and is verified by counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, func, select, text, update

from kenshu_desk.database import Database, open_database
from kenshu_desk.domain.models import Base, ChangeStamp
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg

BATCH = 1000
Progress = Callable[[str, int, int], None]  # table, done, total


@dataclass
class CopyReport:
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """Worded now (the window adds a question to it; the command line prints it)."""
        total = sum(self.counts.values())
        parts = [
            msg("team.table_rows", table=name, count=n) for name, n in self.counts.items() if n
        ]
        return str(msg("team.copied", total=total, tables=_listing(parts)))


def _listing(items: Sequence[object]) -> object:
    """Items as one list in the message's language ("a、b、c" / "a, b, c")."""
    if not items:
        return ""
    listing = items[-1]
    for item in reversed(items[:-1]):
        listing = msg("team.list", first=item, rest=listing)
    return listing


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name != ChangeStamp.__tablename__]


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _copy_table(source: Connection, target: Connection, table: Table, progress: Progress) -> int:
    total = _count(source, table)
    deferred = _self_references(table)  # a row may point at a row inserted after it
    later: list[dict[str, object]] = []
    done = 0
    result = source.execute(select(table).order_by(*table.primary_key.columns))
    while rows := result.mappings().fetchmany(BATCH):
        batch = [dict(r) for r in rows]
        for row in batch:
            if any(row.get(c) is not None for c in deferred):
                later.append({"pk": row["id"], **{c: row[c] for c in deferred}})
                for c in deferred:
                    row[c] = None
        target.execute(table.insert(), batch)
        done += len(batch)
        progress(table.name, done, total)
    for row in later:
        values = {c: row[c] for c in deferred}
        target.execute(update(table).where(table.c.id == row["pk"]).values(**values))
    return done


def _reset_sequences(target: Connection) -> None:
    """PostgreSQL identity sequences do not move when ids are inserted explicitly."""
    for table in _tables():
        if "id" not in table.c:
            continue
        target.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                f" COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )


def copy_database(
    source: Database, target_url: str, progress: Progress | None = None
) -> CopyReport:
    say = progress or (lambda _t, _d, _n: None)
    target = open_database(target_url)
    try:
        with target.engine.connect() as conn:
            filled = [t.name for t in _tables() if _count(conn, t)]
        if filled:
            raise UserError.of("team.target_not_empty", tables=_listing(filled))
        report = CopyReport()
        with source.engine.connect() as src, target.engine.begin() as dst:
            for table in _tables():
                report.counts[table.name] = _copy_table(src, dst, table, say)
            if dst.dialect.name == "postgresql":
                _reset_sequences(dst)
            for table in _tables():
                copied = _count(dst, table)
                if copied != report.counts[table.name]:
                    raise UserError.of(
                        "team.count_mismatch",
                        table=table.name,
                        source=report.counts[table.name],
                        copied=copied,
                    )
        return report
    finally:
        target.dispose()
