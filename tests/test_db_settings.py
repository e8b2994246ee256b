"""The saved database choice: precedence, the password kept in the keyring only."""

from __future__ import annotations

import keyring
import keyring.backend
import pytest
from keyring.backends import fail
from sqlalchemy.engine import make_url

from kenshu_desk import db_settings
from kenshu_desk.database import ENV_VAR, resolve_url
from kenshu_desk.errors import UserError


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend in memory: the keyring API as the OS backends implement it."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        return self.store.get((service, username))

    def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
        self.store[(service, username)] = password

    def delete_password(self, service, username):  # type: ignore[no-untyped-def]
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_the_password_goes_to_the_keyring_and_into_the_url_only_to_connect(memory_keyring):
    saved = db_settings.save_server_url("postgresql://kenshu:s3cret@db.example.jp/kenshu")
    assert saved == "postgresql+psycopg://kenshu@db.example.jp/kenshu"
    assert "s3cret" not in db_settings.settings_path().read_text(encoding="utf-8")
    assert memory_keyring.store == {("kenshu-desk-db", "kenshu@db.example.jp/kenshu"): "s3cret"}
    assert db_settings.load_server_url() == saved
    url = db_settings.connect_url(make_url(saved))
    assert url.password == "s3cret"
    assert db_settings.connect_url(make_url("sqlite:///x.sqlite3")).password is None


def test_precedence_db_option_then_environment_then_saved_setting_then_default(
    monkeypatch, memory_keyring
):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_url(None).startswith("sqlite:///")  # nothing saved: the embedded file
    db_settings.save_server_url("postgresql+psycopg://kenshu@db.example.jp/kenshu")
    assert resolve_url(None) == "postgresql+psycopg://kenshu@db.example.jp/kenshu"
    monkeypatch.setenv(ENV_VAR, "sqlite:///from-env.sqlite3")
    assert resolve_url(None) == "sqlite:///from-env.sqlite3"
    assert resolve_url("sqlite:///from-option.sqlite3") == "sqlite:///from-option.sqlite3"
    monkeypatch.delenv(ENV_VAR)
    db_settings.save_server_url("")  # back to the embedded database
    assert resolve_url(None).startswith("sqlite:///")


def test_bad_server_urls_are_refused_in_japanese():
    with pytest.raises(UserError, match="postgresql"):
        db_settings.save_server_url("mysql://kenshu@db/kenshu")
    with pytest.raises(UserError, match="ホスト名とデータベース名"):
        db_settings.save_server_url("postgresql+psycopg://kenshu@db.example.jp")


def test_no_keyring_gives_a_clear_message():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(db_settings.KeyringUnavailable, match="キーリング"):
            db_settings.save_server_url("postgresql+psycopg://kenshu@db/kenshu", "pw")
    finally:
        keyring.set_keyring(previous)
