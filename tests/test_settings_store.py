"""One settings file for the window and the command line; older versions' stores taken over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kenshu_desk import db_settings, settings
from kenshu_desk.errors import UserError
from kenshu_desk.mail import settings as mail_settings
from kenshu_desk.paths import user_data_dir


def test_every_part_writes_its_own_section_of_one_file() -> None:
    db_settings.save_server_url("postgresql+psycopg://kenshu@db.example.jp/kenshu")
    mail_settings.save_settings(mail_settings.MailSettings(host="smtp.example.jp", user="u"))
    settings.update_window_settings(language="en")
    assert sorted(p.name for p in user_data_dir().iterdir()) == ["settings.json"]
    whole = json.loads(settings.settings_path().read_text(encoding="utf-8"))
    assert whole["database"]["server_url"].endswith("@db.example.jp/kenshu")
    assert whole["mail"]["smtp"]["host"] == "smtp.example.jp"
    assert whole["window"]["language"] == "en"
    # Each save kept the others.
    assert db_settings.load_server_url().endswith("/kenshu")
    assert mail_settings.load_settings().host == "smtp.example.jp"


def test_the_files_of_older_versions_are_taken_over_and_left_in_place() -> None:
    folder = user_data_dir()
    folder.mkdir(parents=True)
    old_db = {"server_url": "postgresql+psycopg://kenshu@db.example.jp/kenshu"}
    old_mail = {
        "smtp": {"host": "smtp.pref.example.jp", "user": "kenshu", "security": "ssl"},
        "templates": {"invitation": {"subject": "件名 {行事名}", "body": "本文 {氏名}"}},
        "recording_template": {"subject": "録画 {行事名}", "body": "{氏名} 様 {動画URL}"},
    }
    (folder / "database-settings.json").write_text(json.dumps(old_db), encoding="utf-8")
    (folder / "mail-settings.json").write_text(
        json.dumps(old_mail, ensure_ascii=False), encoding="utf-8"
    )
    assert db_settings.load_server_url() == old_db["server_url"]
    loaded = mail_settings.load_settings()
    assert (loaded.host, loaded.port, loaded.security.value) == ("smtp.pref.example.jp", 0, "ssl")
    assert (
        mail_settings.load_templates()[mail_settings.MessageKind.INVITATION].body == "本文 {氏名}"
    )
    from kenshu_desk.mail.recording_template import load_recording_template

    assert load_recording_template().subject == "録画 {行事名}"
    assert (folder / "database-settings.json").exists() and (folder / "mail-settings.json").exists()
    # Taken over once: a later change is not undone by the old file.
    db_settings.save_server_url("")
    assert db_settings.load_server_url() == ""


def test_an_unreadable_settings_file_is_named_and_not_overwritten() -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(UserError, match=r"settings\.json"):
        mail_settings.load_settings()
    with pytest.raises(UserError, match=r"settings\.json"):
        db_settings.save_server_url("")
    assert path.read_text(encoding="utf-8") == "{ not json"


def test_window_settings_ignore_values_of_the_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"window": {"language": "fr", "show_dispatches": "no", "geometry": 3}}),
        encoding="utf-8",
    )
    assert settings.load_window_settings(path) == settings.WindowSettings()
