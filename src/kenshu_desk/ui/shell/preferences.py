"""The window's settings, kept in the program's settings file (kenshu_desk/settings.py).

Older versions kept them in Qt's QSettings (the registry on Windows); `take_over_qsettings`
copies those values once, on the first start of this version, and never reads them again.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from kenshu_desk.settings import (
    LANGUAGES,
    WindowSettings,
    load_window_settings,
    save_window_settings,
    update_window_settings,
)

# The QSettings keys of older versions.
OLD_LANGUAGE_KEY = "ui/language"
OLD_GEOMETRY_KEY = "window/geometry"
OLD_SHOW_DISPATCHES_KEY = "events/show_dispatches"


def take_over_qsettings() -> WindowSettings:
    """Copy the older versions' QSettings values into the settings file, once."""
    current = load_window_settings()
    if current.migrated_from_qsettings:
        return current
    old = QSettings()
    language = old.value(OLD_LANGUAGE_KEY, current.language)
    geometry = old.value(OLD_GEOMETRY_KEY)
    show = old.value(OLD_SHOW_DISPATCHES_KEY, current.show_dispatches, type=bool)
    taken = WindowSettings(
        language=language if language in LANGUAGES else current.language,
        geometry=(
            bytes(geometry.toBase64().data()).decode("ascii")
            if isinstance(geometry, QByteArray) and not geometry.isEmpty()
            else current.geometry
        ),
        show_dispatches=bool(show),
        migrated_from_qsettings=True,
    )
    save_window_settings(taken)
    return taken


def saved_geometry() -> QByteArray | None:
    text = load_window_settings().geometry
    return QByteArray.fromBase64(text.encode("ascii")) if text else None


def save_geometry(geometry: QByteArray) -> None:
    update_window_settings(geometry=bytes(geometry.toBase64().data()).decode("ascii"))


def saved_language() -> str:
    return load_window_settings().language


def save_language(choice: str) -> None:
    update_window_settings(language=choice if choice in LANGUAGES else "auto")


def show_dispatches() -> bool:
    return load_window_settings().show_dispatches


def save_show_dispatches(show: bool) -> None:
    update_window_settings(show_dispatches=show)
