"""Which database to open: the embedded SQLite file (default) or a shared server (team mode).

The choice is the "database" section of the program's settings file (settings.py), so the
window and the command line share it. Order, first wins: `--db`, then $KENSHU_DESK_DB, then this saved
setting, then the default SQLite file (database.resolve_url). A saved choice takes effect
on the next start.

The server password never goes into the file: it lives in the OS keyring (service
"kenshu-desk-db", username user@host/db) and is put into the URL only when connecting
(`connect_url`), so window titles, logs and the settings file never show it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from kenshu_desk import settings as settings_file
from kenshu_desk.errors import UserError

KEYRING_SERVICE = "kenshu-desk-db"


class KeyringUnavailable(UserError):
    """No OS keyring backend: the password cannot be stored."""


def settings_path() -> Path:
    return settings_file.settings_path()


def parse_server_url(text: str) -> URL:
    """A PostgreSQL URL as typed (postgresql+psycopg://user@host/db); bad ones are refused."""
    try:
        url = make_url(text.strip())
    except ArgumentError as exc:
        raise UserError.of("database.server_url_invalid", text=text) from exc
    if url.get_backend_name() != "postgresql":
        raise UserError.of("database.server_url_form")
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # the driver kenshu-desk ships with
    if not url.host or not url.database:
        raise UserError.of("database.server_url_incomplete")
    return url


def compose_server_url(host: str, port: int, database: str, user: str, base: str = "") -> str:
    """The server URL from its parts as the dialog asks for them (no password); the query
    options of `base` (sslmode=… typed under 詳細) are kept."""
    query: dict[str, Any] = {}
    with contextlib.suppress(ArgumentError, ValueError):
        query = dict(make_url(base).query) if base.strip() else {}
    url = URL.create(
        "postgresql+psycopg",
        username=user.strip() or None,
        host=host.strip() or None,
        port=port or None,
        database=database.strip() or None,
        query=query,
    )
    return url.render_as_string(hide_password=True)


def server_url_parts(text: str) -> tuple[str, int, str, str] | None:
    """(host, port, database, user) of a typed server URL; None when it cannot be read."""
    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):
        return None
    if url.get_backend_name() != "postgresql":
        return None
    return url.host or "", url.port or 0, url.database or "", url.username or ""


def keyring_account(url: URL) -> str:
    return f"{url.username or ''}@{url.host}/{url.database}"


def load_server_url(path: Path | None = None) -> str:
    """The saved server URL (without password), or "" for the embedded SQLite database."""
    value = settings_file.read_section("database", path).get("server_url", "")
    return value if isinstance(value, str) else ""


def save_server_url(text: str, password: str = "", path: Path | None = None) -> str:
    """Save the server choice ("" = the embedded database). A password typed into the URL
    or given separately goes to the keyring. Returns the URL as saved (no password)."""
    saved = ""
    if text.strip():
        url = parse_server_url(text)
        password = password or (url.password or "")
        url = url._replace(password=None)  # URL.set() ignores None
        if password:
            store_password(url, password)
        saved = url.render_as_string(hide_password=False)
    settings_file.write_section("database", {"server_url": saved}, path)
    return saved


def store_password(url: URL, password: str) -> None:
    """Save (or, with "", forget) the server password in the OS keyring."""
    import keyring
    import keyring.errors

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)
        else:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, keyring_account(url))
    except keyring.errors.NoKeyringError as exc:
        raise KeyringUnavailable.of("database.no_keyring") from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable.of("database.keyring_failed", reason=exc) from exc


def stored_password(url: URL) -> str:
    """The keyring's password for this server; "" when none is stored or there is no keyring."""
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url)) or ""
    except keyring.errors.KeyringError:
        return ""


def connect_url(url: URL) -> URL:
    """The URL to connect with: a server URL without password gets the keyring's, if any."""
    if url.get_backend_name() == "sqlite" or url.password is not None or not url.host:
        return url
    password = stored_password(url)
    return url.set(password=password) if password else url
