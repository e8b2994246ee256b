"""Many new rows in one statement, with their ids back in the order given."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session


def insert_in_order(session: Session, model: Any, params: Sequence[dict[str, Any]]) -> list[int]:
    """Insert the rows of ``model`` (a mapped class with an integer ``id``) and return their
    ids in the order of ``params``.

    SQLite cannot say which RETURNING row belongs to which parameter set of a multi-row
    INSERT, so SQLAlchemy's ordered RETURNING falls back to one statement per row there (most
    of an import's time). Inside our write transaction SQLite gives new rows strictly
    increasing rowids (https://sqlite.org/autoinc.html), so one executemany and one SELECT of
    the ids from the first new one return the same answer; the count is checked all the same.
    PostgreSQL batches the ordered RETURNING itself.
    """
    if not params:
        return []
    if session.get_bind().dialect.name != "sqlite":
        stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
        return list(session.scalars(stmt, params))
    table = model.__table__  # Core: the ORM's per-row bookkeeping is not needed here
    # The first INSERT takes SQLite's write lock, so no other connection adds rows between
    # it and ours; the ids are read from the first new one on.
    first = session.scalars(insert(table).returning(table.c.id), params[:1]).one()
    if len(params) > 1:
        session.execute(insert(table), params[1:])
    ids = list(session.scalars(select(model.id).where(model.id >= first).order_by(model.id)))
    if len(ids) != len(params):
        raise RuntimeError(f"expected {len(params)} new {table.name} ids, found {len(ids)}")
    return ids
