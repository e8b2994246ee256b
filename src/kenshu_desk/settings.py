"""The program's settings: one JSON file in the user's data folder, one section per part.

    settings.json
      "database": the shared server's URL (db_settings.py)          — window and command line
      "mail":     sender, SMTP server, templates (mail/settings.py) — window and command line
      "window":   language, the main window's size and place, the event list's filter

The window and the command line read the same file, and the tests isolate it with
KENSHU_DESK_DATA_DIR. Passwords never go here: they live in the OS keyring.

Older versions kept three stores (database-settings.json, mail-settings.json and Qt's
QSettings). The first read of a folder without settings.json takes both JSON files over
(`migrate_legacy_files`); the window takes its QSettings values over once
(`ui/shell/preferences.py`). The old files are left where they were, untouched.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from kenshu_desk.atomic_file import write_text_atomically
from kenshu_desk.errors import UserError
from kenshu_desk.paths import user_data_dir

SETTINGS_FILE = "settings.json"
# Files of older versions → the section they become.
LEGACY_FILES = {"database-settings.json": "database", "mail-settings.json": "mail"}
LANGUAGES = ("auto", "ja", "en")


def settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


def migrate_legacy_files(path: Path) -> None:
    """Take the older versions' files over into `path` when it does not exist yet."""
    if path.exists():
        return
    merged: dict[str, Any] = {}
    for name, section in LEGACY_FILES.items():
        old = path.parent / name
        if old.exists():
            merged[section] = _read_json(old)
    if merged:
        _write_json(path, merged)


def read_section(section: str, path: Path | None = None) -> dict[str, Any]:
    """One section of the settings file; {} when the file or the section does not exist."""
    path = path or settings_path()
    if path.parent == user_data_dir():
        migrate_legacy_files(path)
    if not path.exists():
        return {}
    value = _read_json(path).get(section, {})
    return value if isinstance(value, dict) else {}


def write_section(section: str, data: dict[str, Any], path: Path | None = None) -> None:
    """Replace one section; the other sections are kept as they are."""
    path = path or settings_path()
    if path.parent == user_data_dir():
        migrate_legacy_files(path)
    whole = _read_json(path) if path.exists() else {}
    whole[section] = data
    _write_json(path, whole)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError.of("settings.unreadable", path=path, reason=exc) from exc
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, json.dumps(data, ensure_ascii=False, indent=2))


@dataclass(frozen=True)
class WindowSettings:
    """What the window remembers between runs."""

    language: str = "auto"  # "auto" = Japanese on a Japanese system, else English
    geometry: str = ""  # QWidget.saveGeometry() as base64; "" = the default size
    show_dispatches: bool = True  # the event list shows the adviser visits
    migrated_from_qsettings: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WindowSettings:
        defaults = cls()
        values: dict[str, Any] = {}
        for field in fields(cls):
            value = data.get(field.name)
            if isinstance(value, type(getattr(defaults, field.name))):
                values[field.name] = value
        if values.get("language") not in LANGUAGES:
            values.pop("language", None)
        return replace(defaults, **values)


def load_window_settings(path: Path | None = None) -> WindowSettings:
    return WindowSettings.from_dict(read_section("window", path))


def save_window_settings(settings: WindowSettings, path: Path | None = None) -> None:
    write_section("window", asdict(settings), path)


def update_window_settings(path: Path | None = None, **changes: Any) -> WindowSettings:
    """Change some of the window's settings, keeping the rest (read, change, write)."""
    settings = replace(load_window_settings(path), **changes)
    save_window_settings(settings, path)
    return settings
