"""A PostgreSQL server for the suite's second run (team mode): one fresh database per test."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
ENV_URL = "KENSHU_TEST_POSTGRES_URL"


def server_url(required: bool) -> str | None:
    url = os.environ.get(ENV_URL)
    if url:
        return url
    script = ROOT / ".ci" / "start-postgres"
    has_server = any(Path("/usr/lib/postgresql").glob("*/bin/initdb")) and shutil.which("su")
    if not has_server or os.geteuid() != 0:
        message = (
            f"PostgreSQL is not available: install Debian's postgresql package and run as root,"
            f" or set {ENV_URL}"
        )
        if os.environ.get("KENSHU_REQUIRE_POSTGRES"):
            pytest.exit(message, returncode=1)
        pytest.skip(message)
    try:
        out = subprocess.run(
            [str(script)], capture_output=True, text=True, check=False, timeout=180
        )
    except subprocess.TimeoutExpired:
        pytest.exit(".ci/start-postgres did not finish within 180 s", returncode=1)
    if out.returncode != 0:
        pytest.exit(f"could not start PostgreSQL: {out.stderr.strip()}", returncode=1)
    url = out.stdout.strip().splitlines()[-1]
    os.environ[ENV_URL] = url  # child processes (CLI subprocess tests) find it too
    return url


@contextlib.contextmanager
def temporary_database(admin_url: str, template: str = "template0") -> Iterator[str]:
    """A new database for one test, dropped afterwards: empty (template0), or a copy of
    `template` (a database already at the newest schema: no migrations to run per test)."""
    name = f"kd_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE "{template}"'))
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def schema_template(admin_url: str) -> Iterator[str]:
    """A database migrated to the newest schema once, that tests' databases are copied from
    (CREATE DATABASE … TEMPLATE: a file copy, instead of every migration per test)."""
    from kenshu_desk.database import open_database

    with temporary_database(admin_url) as url:
        db = open_database(url)
        db.dispose()  # a template must have no open connections when it is copied
        yield str(make_url(url).database)


@contextlib.contextmanager
def demo_template(admin_url: str, schema: str) -> Iterator[str]:
    """A copy of the schema template with the demo data loaded, for `demo_db` tests."""
    from kenshu_desk.database import open_database
    from kenshu_desk.services.demo import load_demo

    with temporary_database(admin_url, schema) as url:
        db = open_database(url)
        with db.session() as session:
            load_demo(session)
        db.dispose()
        yield str(make_url(url).database)
